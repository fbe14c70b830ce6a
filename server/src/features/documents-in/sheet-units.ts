/**
 * Units named in an imported workbook (users, a dialogue's recommendations), matched in the
 * directory of one province as it stands today: by name, short name or code first, as written
 * without diacritics; failing that, by the directory's search forms (abbreviations and acronyms:
 * "Sở KH&ĐT", "SNV"). A name that fits several units, or none, is a problem of the row.
 */
import { searchQueryForms } from "../../../../core/src/text/unit-search";
import { foldForMatch } from "../../../../core/src/text/vietnamese";
import type { DbOrTx } from "../../app/db";
import { createOrgUnitsRepository, type OrgUnitRow } from "../org-units/org-units.repository";
import { today } from "../org-units/org-units.service";

export type UnitMatch = { unit: OrgUnitRow } | { problem: string };

/** The matcher of a province's units (null: every unit, a national administrator's import). */
export async function directoryUnitMatcher(db: DbOrTx, provinceId: string | null) {
  const units = await createOrgUnitsRepository(db).listDirectory({ provinceId, activeOn: today() });
  const byName = new Map<string, OrgUnitRow[]>();
  const byForm = new Map<string, OrgUnitRow[]>();
  const add = (map: Map<string, OrgUnitRow[]>, key: string, u: OrgUnitRow) => {
    const list = map.get(key) ?? [];
    if (!list.includes(u)) map.set(key, [...list, u]);
  };
  for (const u of units) {
    for (const key of [u.name, u.shortName, u.code].filter(Boolean).map((x) => foldForMatch(x!)))
      add(byName, key, u);
    for (const token of u.searchText.split("|").filter(Boolean)) add(byForm, token, u);
  }
  return (text: string): UnitMatch => {
    const named = byName.get(foldForMatch(text)) ?? [];
    const matches = named.length
      ? named
      : [...new Set(searchQueryForms(text).flatMap((form) => byForm.get(form) ?? []))];
    if (matches.length === 1) return { unit: matches[0] };
    if (!matches.length) return { problem: `không tìm thấy đơn vị "${text}" trong danh mục.` };
    return { problem: `có nhiều đơn vị tên "${text}"; hãy ghi mã đơn vị.` };
  };
}
