/**
 * The issuing unit as Decree 30/2020/NĐ-CP writes it in a report: the parent authority above the
 * unit's name ("UBND TỈNH GIA LAI" above "SỞ NỘI VỤ"), whom the report is addressed to, and the
 * signer's title. Read from the unit and its parent in the org tree, so every report says it one way.
 */
import type { UnitKind } from "../auth/roles";

export interface LetterheadUnit {
  kind: string;
  name: string;
}

/** Units that are people's committees (UBND): they sign "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH". */
const COMMITTEES: ReadonlySet<string> = new Set<UnitKind>(["province", "district", "commune"]);

const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase("vi") + s.slice(1);

/** The name of the authority a unit is ("Tỉnh Gia Lai" is governed by "UBND tỉnh Gia Lai"). */
export function authorityName(unit: LetterheadUnit): string {
  const name = unit.name.trim();
  if (!COMMITTEES.has(unit.kind) || /^(UBND|Ủy ban nhân dân)\b/i.test(name)) return name;
  return `UBND ${lowerFirst(name)}`;
}

/**
 * The header lines of the issuer: the parent authority (regular) above the unit (bold). A committee
 * writes "ỦY BAN NHÂN DÂN" above its place, as it has no governing body above it in its own header.
 */
export function letterhead(unit: LetterheadUnit, parent: LetterheadUnit | null) {
  if (COMMITTEES.has(unit.kind)) {
    const place = unit.name.replace(/^(UBND|Ủy ban nhân dân)\s+/i, "");
    return { above: "ỦY BAN NHÂN DÂN", issuer: place.toLocaleUpperCase("vi") };
  }
  return {
    above: parent ? authorityName(parent).toLocaleUpperCase("vi") : null,
    issuer: unit.name.toLocaleUpperCase("vi"),
  };
}

const PLACE_PREFIX =
  /^(UBND|Ủy ban nhân dân)?\s*(tỉnh|thành phố|huyện|thị xã|quận|xã|phường|thị trấn|đặc khu)\s+/i;

/**
 * The place before the date ("Gia Lai, ngày …"): a committee's own place, else the place of the
 * committee above the unit; "……" for the writer to fill in when neither is known.
 */
export function placeName(unit: LetterheadUnit, parent: LetterheadUnit | null): string {
  const committee = COMMITTEES.has(unit.kind) ? unit : parent && COMMITTEES.has(parent.kind) ? parent : null;
  return committee ? committee.name.trim().replace(PLACE_PREFIX, "") : "……";
}

/** Whom a unit's report goes to by default: the authority above it, none at the top of the tree. */
export const defaultRecipient = (parent: LetterheadUnit | null) => (parent ? authorityName(parent) : null);

/** The signer's title by the issuing unit's kind; the line "TM. …" a committee signs on behalf of. */
export function signerTitle(unit: LetterheadUnit): { onBehalf: string | null; title: string } {
  if (COMMITTEES.has(unit.kind)) return { onBehalf: "TM. ỦY BAN NHÂN DÂN", title: "CHỦ TỊCH" };
  if (unit.kind === "department") return { onBehalf: null, title: "GIÁM ĐỐC" };
  return { onBehalf: null, title: "THỦ TRƯỞNG ĐƠN VỊ" };
}
