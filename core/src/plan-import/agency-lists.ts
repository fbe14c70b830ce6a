/**
 * Lists of agencies written under one head word: "Các Sở: Tài chính, Công Thương, Xây dựng",
 * "Các sở Nội vụ, Tư pháp và Y tế". Each becomes its own name ("Sở Tài chính", …) so it can be
 * resolved and assigned on its own. A department's own name may hold "và" or a comma ("Kế hoạch và
 * Đầu tư", "Văn hóa, Thể thao và Du lịch"), so the pieces are joined back when together they name a
 * provincial department.
 */
import { expandAbbreviations, foldForMatch } from "../text/vietnamese";

/**
 * Names of provincial departments (the part after "Sở"), folded, as the decrees on provincial
 * specialised agencies set them: Nghị định 24/2014/NĐ-CP, 107/2020/NĐ-CP and 45/2025/NĐ-CP, with the
 * older names plans still use.
 */
const DEPARTMENT_BODIES = new Set([
  "noi vu",
  "tai chinh",
  "tu phap",
  "xay dung",
  "cong thuong",
  "y te",
  "ngoai vu",
  "du lich",
  "nong nghiep va moi truong",
  "khoa hoc va cong nghe",
  "giao duc va dao tao",
  "van hoa the thao va du lich",
  "van hoa va the thao",
  "van hoa thong tin",
  "van hoa va thong tin",
  "dan toc va ton giao",
  "ke hoach va dau tu",
  "thong tin va truyen thong",
  "tai nguyen va moi truong",
  "nong nghiep va phat trien nong thon",
  "lao dong thuong binh va xa hoi",
  "giao thong van tai",
  "quy hoach kien truc",
]);

/** True when the words (after "Sở") name a provincial department, written in full or abbreviated. */
export function isDepartmentBody(words: string): boolean {
  return DEPARTMENT_BODIES.has(expandAbbreviations(foldForMatch(words)));
}

const HEAD_LIST = /^(?:các\s+)?(sở|ban|phòng|chi cục|trung tâm)\s*:\s*(.+)$/iu;
const PLURAL_HEAD = /^[Cc]ác\s+([Ss]ở)\s+(?=\p{Lu})(.+)$/u;
const SINGULAR_HEAD = /^(sở)\s+(.+)$/iu;

/**
 * "Các Sở: A, B và C" → ["Sở A", "Sở B", "Sở C"]; null when the text is not such a list. A singular
 * head ("Sở Tài chính, Công Thương") is a list only when each piece names a department and the whole
 * does not ("Sở Văn hóa, Thể thao và Du lịch" stays one department).
 */
export function expandHeadList(text: string): string[] | null {
  const t = text.trim();
  const m = HEAD_LIST.exec(t) ?? PLURAL_HEAD.exec(t);
  const single = m ? null : SINGULAR_HEAD.exec(t);
  const found = m ?? single;
  if (!found) return null;
  const head = found[1].charAt(0).toUpperCase() + found[1].slice(1).toLowerCase();
  const body = found[2];
  if (single && (isDepartmentBody(body) || !/,|\svà\s/u.test(body))) return null;
  const pieces = joinBodies(body.split(/\s*(,|;|\svà\s)\s*/u));
  if (pieces.length < (single ? 2 : 1)) return null;
  if (single && !pieces.every(isDepartmentBody)) return null;
  // "Các Sở: Tài chính, Sở Y tế": a piece that already carries the head keeps it.
  const out = pieces.map((p) => (foldForMatch(p).startsWith(`${foldForMatch(head)} `) ? p : `${head} ${p}`));
  return out.filter((p) => /\p{L}/u.test(p));
}

/** Joins split pieces back where, with their separators, they name one department ("Kế hoạch và Đầu tư"). */
function joinBodies(parts: string[]): string[] {
  // parts alternates text, separator, text, …
  const words: string[] = [];
  const seps: string[] = [];
  for (const [i, p] of parts.entries()) {
    if (i % 2 === 0) words.push(p.trim());
    else seps.push(p);
  }
  const out: string[] = [];
  let i = 0;
  while (i < words.length) {
    let taken = 1;
    for (let n = Math.min(4, words.length - i); n >= 2; n--) {
      const joined = joinWith(words, seps, i, n);
      if (isDepartmentBody(joined)) {
        taken = n;
        break;
      }
    }
    const piece = joinWith(words, seps, i, taken).trim();
    if (piece) out.push(piece);
    i += taken;
  }
  return out;
}

function joinWith(words: string[], seps: string[], from: number, n: number): string {
  let s = words[from];
  for (let k = 1; k < n; k++) {
    const sep = seps[from + k - 1];
    s += sep.trim() === "và" ? ` và ${words[from + k]}` : `${sep.trim()} ${words[from + k]}`;
  }
  return s;
}
