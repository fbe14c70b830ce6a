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

/** "Thiếu chỉ số nội dung “A” của PAPI 2014", "Thiếu 3 chỉ số thành phần của PCI 2016: “A”, “B”, “C”". */
function missing(names: string[], kind: string, of: string): string {
  const quoted = names.map((n) => `“${n}”`).join(", ");
  return names.length === 1
    ? `Thiếu ${kind} ${quoted} của ${of}`
    : `Thiếu ${names.length} ${kind} của ${of}: ${quoted}`;
}

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
  const absent: string[] = [];
  for (const top of topLevelComponents(version)) {
    if (!present(top.code)) {
      absent.push(top.nameVi);
      continue;
    }
    // Sub-components the publisher scores itself (PCI indicators) are optional detail.
    if (top.aggregation === "points") continue;
    const children = childrenOf(version, top.code);
    if (!children.some((c) => given(c.code))) continue;
    const lacking = children.filter((c) => !given(c.code)).map((c) => c.nameVi);
    if (lacking.length > 0)
      errors.push(
        problem(
          `${missing(lacking, componentKindName(version.indexCode, "child"), `“${top.nameVi}” (${of})`)}: ` +
            `tệp có các thành phần khác cùng nhóm nhưng không có cột của ${lacking.length === 1 ? "nó" : "chúng"}.`,
        ),
      );
  }
  if (absent.length > 0)
    errors.unshift(
      problem(
        `${missing(absent, componentKindName(version.indexCode, "top"), of)}: ` +
          `không tìm thấy cột hay trang tính nào của ${absent.length === 1 ? "nó" : "chúng"} trong tệp; ` +
          "chưa ghi được kết quả thiếu thành phần.",
      ),
    );
  if (errors.length === 0 && !provinces.some((p) => p.publishedTotal !== null || p.computedTotal !== null))
    errors.push(
      problem(`Thiếu tổng điểm ${of}: tệp không có cột tổng điểm và không tính được từ các thành phần.`),
    );
  return errors;
}
