/**
 * An import must not leave a version's components or totals empty without anyone noticing: every
 * top-level component of the version must be in the file (given, or computable from its
 * sub-components), every sub-component of a parent whose others are there too, and some total
 * (published or computed). What is missing is named, in the publisher's words.
 */
import { componentValue } from "../../../../../core/src/indices/arithmetic/composite";
import { childrenOf, topLevelComponents } from "../../../../../core/src/indices/definitions/catalog";
import type { IndexVersion } from "../../../../../core/src/indices/definitions/types";
import { componentKindName, indexAbbreviation } from "../../../../../core/src/words/indices";
import type { ImportError, ImportedProvince } from "./types";

export function missingParts(
  version: IndexVersion,
  year: number,
  provinces: Array<ImportedProvince & { values: Record<string, number> }>,
): ImportError[] {
  const of = `${indexAbbreviation(version.indexCode)} ${year}`;
  const present = (code: string) =>
    provinces.some((p) => componentValue(version, code, p.values).value !== null);
  const given = (code: string) => provinces.some((p) => p.values[code] !== undefined);
  const problem = (message: string): ImportError => ({ sheet: null, row: null, column: null, message });
  const errors: ImportError[] = [];
  for (const top of topLevelComponents(version)) {
    if (!present(top.code)) {
      errors.push(
        problem(
          `Thiếu ${componentKindName(version.indexCode, "top")} “${top.nameVi}” của ${of}: ` +
            "không tìm thấy cột hay trang tính nào của nó trong tệp.",
        ),
      );
      continue;
    }
    // Sub-components the publisher scores itself (PCI indicators) are optional detail.
    if (top.aggregation === "points") continue;
    const children = childrenOf(version, top.code);
    if (!children.some((c) => given(c.code))) continue;
    const kind = componentKindName(version.indexCode, "child");
    for (const child of children.filter((c) => !given(c.code)))
      errors.push(
        problem(
          `Thiếu ${kind} “${child.nameVi}” (${top.nameVi}) của ${of}: ` +
            `tệp có các ${kind} khác cùng nhóm nhưng không có cột của nó.`,
        ),
      );
  }
  if (errors.length === 0 && !provinces.some((p) => p.publishedTotal !== null || p.computedTotal !== null))
    errors.push(problem(`Thiếu tổng điểm ${of}: tệp không có cột tổng điểm và không tính được từ các thành phần.`));
  return errors;
}
