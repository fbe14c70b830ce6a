/**
 * Vietnamese text helpers shared by the server (search columns) and the web (client-side filters).
 * Search must ignore diacritics and case: "so noi vu" finds "Sở Nội vụ".
 */

/** Lower-cases and strips Vietnamese diacritics (including đ → d); collapses white space. */
export function foldVietnamese(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** Folds and keeps only letters, digits and single spaces: for matching names written with punctuation. */
export function foldForMatch(text: string): string {
  return foldVietnamese(text)
    .replace(/&/g, " va ")
    .replace(/[^a-z0-9]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

// Full strength (tones, then case, break ties): the same order as the database's sort keys
// (vietnamese-sort.ts). Numbers by value: "Phường 2" before "Phường 10".
const collator = new Intl.Collator("vi", { numeric: true });

/** Compares two names the way a Vietnamese reader sorts them. */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}

/**
 * Common abbreviations in Vietnamese administrative writing, folded, mapped to their folded long form.
 * Used both to expand a query ("so kh&dt") and to index a name under its short forms.
 */
export const ADMIN_ABBREVIATIONS: ReadonlyArray<readonly [string, string]> = [
  ["ubnd", "uy ban nhan dan"],
  ["hdnd", "hoi dong nhan dan"],
  ["vp", "van phong"],
  ["kh va dt", "ke hoach va dau tu"],
  ["khdt", "ke hoach va dau tu"],
  ["tt va tt", "thong tin va truyen thong"],
  ["tttt", "thong tin va truyen thong"],
  ["tn va mt", "tai nguyen va moi truong"],
  ["tnmt", "tai nguyen va moi truong"],
  ["ld tb va xh", "lao dong thuong binh va xa hoi"],
  ["ldtbxh", "lao dong thuong binh va xa hoi"],
  ["nn va ptnt", "nong nghiep va phat trien nong thon"],
  ["nnptnt", "nong nghiep va phat trien nong thon"],
  ["nn va mt", "nong nghiep va moi truong"],
  ["gtvt", "giao thong van tai"],
  ["kh va cn", "khoa hoc va cong nghe"],
  ["khcn", "khoa hoc va cong nghe"],
  ["gd va dt", "giao duc va dao tao"],
  ["gddt", "giao duc va dao tao"],
  ["vh tt va dl", "van hoa the thao va du lich"],
  ["vhttdl", "van hoa the thao va du lich"],
  ["bhxh", "bao hiem xa hoi"],
  ["mttq", "mat tran to quoc"],
  ["tp", "thanh pho"],
  ["tx", "thi xa"],
  ["tt", "thi tran"],
  ["cchc", "cai cach hanh chinh"],
  ["tthc", "thu tuc hanh chinh"],
];

/** Expands known abbreviations inside an already folded-for-match string, word-boundary aware. */
export function expandAbbreviations(folded: string): string {
  let out = ` ${folded} `;
  for (const [short, long] of ADMIN_ABBREVIATIONS) {
    out = out.split(` ${short} `).join(` ${long} `);
  }
  return out.trim();
}

/** First letters of each word of a name, folded: "Sở Nội vụ" → "snv". */
export function acronymOf(name: string): string {
  return foldForMatch(name)
    .split(" ")
    .filter((w) => w.length > 0 && w !== "va")
    .map((w) => w[0])
    .join("");
}
