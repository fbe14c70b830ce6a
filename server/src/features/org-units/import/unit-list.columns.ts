import { foldForMatch } from "../../../../../core/src/text/vietnamese";
import type { UnitKind } from "./unit-list.types";

export type UnitListField =
  | "name"
  | "kind"
  | "parent"
  | "shortName"
  | "aliases"
  | "code"
  | "validFrom"
  | "validTo";

/** Header texts people write, folded (no diacritics, lower case, punctuation as spaces). */
const HEADER_SYNONYMS: Record<UnitListField, string[]> = {
  name: [
    "ten don vi",
    "ten",
    "name",
    "unit name",
    "ten co quan",
    "ten co quan don vi",
    "ten co quan don vi dia phuong",
  ],
  kind: ["loai", "loai don vi", "phan loai", "kind", "type", "unit type"],
  parent: ["don vi cap tren", "truc thuoc", "co quan cap tren", "co quan chu quan", "parent", "parent unit"],
  shortName: ["ten viet tat", "viet tat", "short name", "shortname", "abbreviation"],
  aliases: ["ten goi khac", "ten khac", "aliases", "alias", "other names"],
  code: ["ma", "ma don vi", "ma dvhc", "code", "unit code"],
  validFrom: ["hieu luc tu", "tu ngay", "ngay hieu luc", "valid from", "from"],
  validTo: ["hieu luc den", "den ngay", "het hieu luc", "ngay het hieu luc", "valid to", "to", "valid until"],
};

const FIELD_BY_HEADER = new Map<string, UnitListField>(
  Object.entries(HEADER_SYNONYMS).flatMap(([field, names]) =>
    names.map((n) => [n, field as UnitListField] as const),
  ),
);

/** Recognises one header cell; hints in parentheses ("Hiệu lực từ (dd/mm/yyyy)") and "*" marks are ignored. */
export function fieldOfHeader(text: string): UnitListField | null {
  const folded = foldForMatch(text.replace(/\([^)]*\)/g, " "));
  return FIELD_BY_HEADER.get(folded) ?? null;
}

/** Kind values as written in Vietnamese lists (folded), plus the English codes. */
const KIND_SYNONYMS: Record<UnitKind, string[]> = {
  province: ["tinh", "ubnd tinh", "cap tinh", "thanh pho truc thuoc trung uong", "province"],
  department: [
    "so ban nganh",
    "so nganh",
    "so",
    "ban",
    "nganh",
    "co quan chuyen mon",
    "co quan chuyen mon thuoc ubnd tinh",
    "department",
  ],
  centralAgency: [
    "co quan trung uong",
    "co quan trung uong dong tren dia ban",
    "co quan tw",
    "co quan nganh doc",
    "nganh doc",
    "central agency",
    "centralagency",
  ],
  district: ["ubnd cap huyen", "cap huyen", "huyen", "quan", "thi xa", "ubnd huyen", "district"],
  commune: [
    "ubnd cap xa",
    "cap xa",
    "xa",
    "phuong",
    "thi tran",
    "dac khu",
    "xa phuong",
    "xa phuong thi tran",
    "ubnd xa",
    "ubnd phuong",
    "commune",
    "ward",
  ],
  internalUnit: [
    "don vi thuoc so",
    "don vi truc thuoc so",
    "don vi truc thuoc",
    "phong",
    "phong ban",
    "chi cuc",
    "trung tam",
    "van phong so",
    "internal unit",
    "internalunit",
  ],
  partnerOrg: [
    "to chuc chinh tri xa hoi",
    "mat tran to quoc",
    "mttq",
    "doan the",
    "hiep hoi",
    "to chuc doi tac",
    "partner",
    "partner org",
    "partnerorg",
  ],
  other: ["khac", "other"],
};

const KIND_BY_TEXT = new Map<string, UnitKind>(
  Object.entries(KIND_SYNONYMS).flatMap(([kind, names]) => names.map((n) => [n, kind as UnitKind] as const)),
);

export function kindOfText(text: string): UnitKind | null {
  return KIND_BY_TEXT.get(foldForMatch(text)) ?? null;
}

// Only prefixes that cannot mean anything else: "Thành phố" (a province-level city or a former
// district) and "Chi cục" (internal unit or central agency) are left for the user to state.
const KIND_BY_NAME_PREFIX: Array<[RegExp, UnitKind]> = [
  [/^(xa|phuong|thi tran|dac khu) /, "commune"],
  [/^so /, "department"],
  [/^(huyen|thi xa) /, "district"],
  [/^tinh /, "province"],
];

/** Kind implied by a name such as "Xã Ia O" or "Sở Nội vụ", when the kind cell is empty. */
export function kindOfName(name: string): UnitKind | null {
  const folded = foldForMatch(name);
  return KIND_BY_NAME_PREFIX.find(([re]) => re.test(folded))?.[1] ?? null;
}
