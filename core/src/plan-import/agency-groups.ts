/**
 * Wordings plans use for a whole class of bodies ("các sở, ban, ngành", "UBND các xã, phường",
 * "các cơ quan, đơn vị", "UBND các huyện, thị xã, thành phố") and the directory group that stands
 * for each. A province names its groups as it likes, so a group is found by what its own name says,
 * with the same rules as the plan's words, never by a fixed name.
 */
import { expandAbbreviations, foldForMatch } from "../text/vietnamese";

export type GroupKind = "departments" | "communes" | "districts" | "allBodies" | "central";

/** Vietnamese, for the reason shown beside the choice. */
export const GROUP_KIND_LABELS_VI: Record<GroupKind, string> = {
  departments: "các sở, ban, ngành",
  communes: "UBND cấp xã",
  districts: "UBND cấp huyện",
  allBodies: "mọi cơ quan, đơn vị, địa phương của tỉnh",
  central: "các cơ quan Trung ương trên địa bàn",
};

const TITLE = /^(thu truong|nguoi dung dau|lanh dao|chu tich)( cac| cua)? /;

/** Folded, abbreviations expanded, titles dropped ("Thủ trưởng các cơ quan…" names the cơ quan). */
export function groupForm(text: string): string {
  const f = expandAbbreviations(foldForMatch(text));
  return f.replace(TITLE, (m) => (/ cac $/.test(m) ? "cac " : ""));
}

const UBND = "(?:uy ban nhan dan )?";
const RULES: ReadonlyArray<readonly [GroupKind, RegExp]> = [
  // District level: "UBND các huyện, thị xã, thành phố", "UBND cấp huyện", "các huyện, thị xã".
  ["districts", new RegExp(`^${UBND}(?:cac huyen|cap huyen|huyen thi xa thanh pho)( |$)`)],
  // Commune level: "UBND các xã, phường, thị trấn", "UBND cấp xã", "các địa phương".
  ["communes", new RegExp(`^${UBND}(?:cac xa|cap xa|xa phuong|cac phuong|cac dia phuong)( |$)`)],
  // Central agencies: "các cơ quan Trung ương (đóng) trên địa bàn tỉnh".
  ["central", /^(?:cac )?co quan (?:thuoc )?trung uong( |$)/],
  // Every body of the province: "các cơ quan, đơn vị (, địa phương)", "các cơ quan hành chính nhà nước tỉnh".
  [
    "allBodies",
    /^cac (?:co quan (?:don vi|hanh chinh|nha nuoc|dia phuong)|don vi dia phuong|co quan don vi dia phuong)( |$)|^cac co quan tren dia ban/,
  ],
  // Departments: "các sở, ban, ngành", "các sở ngành có liên quan", "các cơ quan chuyên môn thuộc UBND tỉnh".
  [
    "departments",
    /^cac (?:so|co quan chuyen mon(?: thuoc uy ban nhan dan tinh)?|co quan thuoc uy ban nhan dan tinh)( |$)/,
  ],
];

/** The class of bodies a wording (or a group's own name) stands for; null when it names no class. */
export function groupKindOf(text: string): GroupKind | null {
  const f = groupForm(text);
  for (const [kind, re] of RULES) if (re.test(f)) return kind;
  return null;
}

/** "… có liên quan": only some of the class; the person may narrow the group. */
export function isOnlyRelevant(text: string): boolean {
  return / (?:co )?lien quan( |$)/.test(groupForm(text));
}
