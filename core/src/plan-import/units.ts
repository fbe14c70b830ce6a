/**
 * Agencies in plan text: cutting a "chủ trì"/"phối hợp" cell or a sentence into unit names, and
 * resolving each name against a snapshot of the directory (units with aliases, groups, merges).
 * Pure: the server loads the snapshot once per import.
 */
import { foldForMatch } from "../text/vietnamese";
import { expandHeadList, isDepartmentBody } from "./agency-lists";

/** Words a unit name starts with (folded). */
const KIND_START =
  /^(so|ban|van phong|ubnd|uy ban|phong|trung tam|chi cuc|cuc|cong an|bao hiem|ngan hang|thanh tra|dai|bao|buu dien|hoi|mat tran|toa an|vien|kho bac|lien doan|to cong tac|hoi dong|chi nhanh|truong|doan|dang uy|bo chi huy|cac|co quan|don vi|tinh doan|huyen|thi xa|thanh pho|xa|phuong)( |$)/;

const PLURAL_HEAD =
  /^cac (so|ban|co quan|don vi|phong|to chuc|dia phuong|huyen|xa|hoi|truong|ngan hang|doan the|nganh|cap|chi cuc|trung tam|thanh vien|doanh nghiep)\b/;

/** Title words before a unit: "Thủ trưởng các cơ quan…" assigns the cơ quan. */
const TITLE_PREFIX =
  /^(thu truong|truong|nguoi dung dau|lanh dao|giam doc|chu tich|pho chu tich|cap uy)( cac| cua)? /;

/** Verbs and adverbs that end a unit name at the start of a sentence (folded, word-bounded). */
const STOP_WORDS = [
  "chu tri",
  "phoi hop",
  "don doc",
  "giam sat",
  "tiep nhan",
  "thuc thi",
  "to chuc",
  "tham muu",
  "thuc hien",
  "trien khai",
  "tiep tuc",
  "thuong xuyen",
  "kip thoi",
  "chu dong",
  "huong dan",
  "co trach nhiem",
  "chiu trach nhiem",
  "xay dung",
  "can cu",
  "tang cuong",
  "ra soat",
  "kiem tra",
  "chi dao",
  "khan truong",
  "theo chuc nang",
  "theo doi",
  "nghien cuu",
  "cung cap",
  "day manh",
  "ban hanh",
  "cap nhat",
  "de xuat",
  "trinh",
  "dam bao",
  "nang cao",
  "cong khai",
  "giup",
  "phat huy",
  "khong",
  "lien he",
  "bo tri",
  "xu ly",
  "ho tro",
  "duy tri",
  "phan cong",
  "quan tam",
  "lam dau moi",
  "la co quan",
  "tong hop",
  "bao cao",
  "dong thoi",
  "phai",
  "se",
  "duoc",
  "tap trung",
  "danh gia",
  "rut ngan",
  "uu tien",
  "tuyen truyen",
  "ap dung",
  "quan triet",
  "pho bien",
];
const STOP_SET = new Set(STOP_WORDS);

/** Words after a comma that continue a group's name ("Các sở, ban, ngành"). */
const LIST_CONTINUATION =
  /^(ban|nganh|don vi|dia phuong|thi xa|thanh pho|phuong|thi tran|co quan|doan the|hoi|xa|huyen|to chuc)\b/;

/** Words that start like a unit but are verbs or nouns ("Ban hành", "Báo cáo", "Phòng, chống"). */
const NOT_UNIT =
  /^(ban hanh|bao cao|bao dam|bao ve|bao gom|bao tri|hoi nghi|hoi thao|truong hop|doan ket|dai dien|dai hoi|so hoa|so luong|so lieu|phong chong|phong ngua|phong chay|cuc ky|vien chuc|xa hoi|huyen thoai|trung tam hanh chinh cong la|don vi tinh|co quan co tham quyen|dang ky)\b/;

export function isUnitStart(text: string): boolean {
  const f = foldForMatch(text).replace(TITLE_PREFIX, "");
  if (!KIND_START.test(f) || NOT_UNIT.test(f)) return false;
  if (f.startsWith("cac ")) return PLURAL_HEAD.test(f);
  return true;
}

/** Splits a "chủ trì"/"phối hợp" cell into unit names as written. */
export function splitUnitCell(cell: string): string[] {
  const out: string[] = [];
  const parts = joinWrappedLines(cell.replace(/\s*\n\s*/g, "\n"))
    .split(/[;\n]|^\s*[-–•+]\s+|\/(?=\s*\p{Lu})(?!\s*Phòng\s)/u)
    .flatMap((p) => splitOnDashes(p ?? ""))
    .map((p) => p.trim())
    .filter(Boolean);
  for (const part of parts) {
    for (const piece of splitOnListBoundaries(part)) {
      const t = piece
        .replace(/^[-–•+,.:\s]+|[-–,;.:\s]+$/g, "")
        .replace(/\s+/g, " ")
        .trim();
      if (!t || !/\p{L}/u.test(t)) continue;
      // "Các Sở: Tài chính, Công Thương" names each department on its own.
      out.push(...(expandHeadList(t) ?? [t]));
    }
  }
  return out;
}

/**
 * A name wrapped over two lines of a cell ("Sở Lao động - Thương binh và / Xã hội", "Ban Quản lý /
 * Khu kinh tế") is one name: a line joins the previous one when it starts in lower case, when the
 * previous one ends on a joining word, or when it cannot start a name and the previous one is only a
 * head ("Ngân hàng / Nhà nước chi nhánh tỉnh"). A bulleted line always starts a new name.
 */
const INCOMPLETE_HEAD =
  /^(ban quan ly|ngan hang|trung tam|van phong|chi cuc|cuc|ban|so|phong|uy ban|hoi dong)$/;

function joinWrappedLines(text: string): string {
  const lines = text.split("\n");
  let out = lines[0] ?? "";
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    const prev = out.slice(out.lastIndexOf("\n") + 1);
    out += continuesName(prev, line) ? ` ${line}` : `\n${line}`;
  }
  return out;
}

/** Whether `next` (a line, or the first piece after a page break) continues the name `prev` ends with. */
export function continuesName(prev: string, next: string): boolean {
  const p = prev.trim();
  const bullet = /^\s*[-–•+]\s/.test(next);
  return (
    !bullet &&
    p !== "" &&
    !/[;.]$/.test(p) &&
    (/^\s*\p{Ll}/u.test(next) ||
      /(?:^|\s)(?:và|của|các|cơ|&|-|–)$|,$/iu.test(p) ||
      (!isUnitStart(next) && INCOMPLETE_HEAD.test(foldForMatch(p))))
  );
}

/** " - " separates bulleted units ("- Sở Nội vụ - Văn phòng UBND tỉnh") but also joins words of a name ("Sở Lao động - Thương binh và Xã hội"). */
function splitOnDashes(text: string): string[] {
  const pieces = text.split(/\s+[-–•+]\s+/u);
  const out: string[] = [];
  for (const piece of pieces) {
    if (out.length && !isUnitStart(piece)) out[out.length - 1] = `${out[out.length - 1]} - ${piece}`;
    else out.push(piece);
  }
  return out;
}

/**
 * "Các sở, ban, ngành": "ban" continues the group's name; "…, Ban Quản lý Khu kinh tế tỉnh" or
 * "…, Ban QLDA" starts another agency, told by the capital of the word after the kind.
 */
function continuesGroupName(next: string, folded: string): boolean {
  const m = LIST_CONTINUATION.exec(folded);
  if (!m) return false;
  const kindWords = m[1].split(" ").length;
  const after = next.trim().split(/\s+/)[kindWords] ?? "";
  return !/^\p{Lu}/u.test(after) || /[,;]$/.test(next.trim().split(/\s+/)[kindWords - 1] ?? "");
}

/** Splits "A, B và các C" where a new unit name starts; keeps "Các sở, ban, ngành" whole. */
function splitOnListBoundaries(text: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  // "và" joins two agencies only before a group, a department or the Mặt trận: elsewhere it is
  // inside a name ("Sở Kế hoạch và Đầu tư", "Văn phòng HĐND và UBND tỉnh").
  const re =
    /,\s+|\s+(?:và|&)\s+(?=các\s|Ủy ban Mặt trận|Mặt trận|(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(?:các|cấp)\s|Sở\s+\p{Lu}|cơ quan (?:thuộc\s+)?[Tt]rung ương)/giu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const next = text.slice(m.index + m[0].length);
    const folded = foldForMatch(next);
    if (m[0].includes(",") && (continuesGroupName(next, folded) || !isUnitStart(next))) continue;
    pieces.push(text.slice(start, m.index));
    start = m.index + m[0].length;
  }
  pieces.push(text.slice(start));
  return pieces;
}

export interface SentenceUnits {
  leads: string[];
  coordinators: string[];
  requested: string[];
}

/**
 * Agencies named in a prose task: "Sở Tư pháp tổ chức…", "Giao Văn phòng UBND tỉnh hướng dẫn…",
 * "… chủ trì, phối hợp với X, Y …", "Đơn vị thực hiện: A, B", "Đề nghị Ủy ban MTTQ…".
 */
export function unitsInSentence(text: string): SentenceUnits {
  const result: SentenceUnits = { leads: [], coordinators: [], requested: [] };
  const clean = text.replace(/^\s*(?:[-–•+]|\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ][.)])\s*/u, "").trim();
  const labelled = /(?:Đơn vị|Cơ quan) (?:thực hiện|chủ trì)\s*:\s*([^.]+)/iu.exec(clean);
  if (labelled) {
    const names = splitUnitCell(labelled[1].split(/\s+chủ trì(?![\p{L}\p{N}])/u)[0]).map(
      (n) => unitPhraseAt(n) ?? n,
    );
    result.leads.push(...names.filter(isUnitStart));
  }
  const requested = /^(?:Đề nghị|Kính đề nghị)\s+(.+)$/iu.exec(clean);
  if (requested) {
    const name = unitPhraseAt(requested[1]);
    if (name) result.requested.push(...splitUnitCell(name));
  }
  if (!result.leads.length && !result.requested.length) {
    const giao = /^(?:Giao(?: cho)?|Yêu cầu)\s+(.+)$/iu.exec(clean);
    const head = giao ? giao[1] : clean;
    const name = unitPhraseAt(head);
    if (name) result.leads.push(...splitUnitCell(name));
  }
  // "Trên cơ sở …, các cơ quan chuyên môn thuộc UBND tỉnh khẩn trương …": the agency after the lead-in.
  const leadIn =
    /^(?:Trên cơ sở|Căn cứ|Để|Nhằm|Đối với|Theo)(?!\p{L})(?:[^,()]|\([^()]*\)){0,300},\s+/iu.exec(clean);
  if (!result.leads.length && !result.requested.length && leadIn) {
    const name = unitPhraseAt(clean.slice(leadIn[0].length));
    if (name) result.leads.push(...splitUnitCell(name));
  }
  const coordRe = /phối hợp(?: chặt chẽ)?(?: với| cùng)?\s+/giu;
  for (let m = coordRe.exec(clean); m; m = coordRe.exec(clean)) {
    const name = unitPhraseAt(clean.slice(m.index + m[0].length));
    if (name) {
      for (const n of splitUnitCell(name)) {
        if (!result.leads.includes(n) && !result.coordinators.includes(n)) result.coordinators.push(n);
      }
    }
  }
  return result;
}

const LIST_HEAD = /^(cac )?(so|ban|phong|chi cuc|trung tam)$/;

/** The unit name(s) at the start of a text, up to the verb; null when the text starts otherwise. */
export function unitPhraseAt(text: string): string | null {
  const trimmed = text.trim();
  if (!isUnitStart(trimmed)) return null;
  const words = trimmed.split(/\s+/);
  const out: string[] = [];
  // "các Sở: Tài chính, Công Thương": after a head and a colon, the list runs to the verb.
  let headList = false;
  for (let i = 0; i < words.length && i < 40; i++) {
    const w = words[i];
    if (i >= 2) {
      const one = foldForMatch(w);
      const two = `${one} ${foldForMatch(words[i + 1] ?? "")}`;
      const three = `${two} ${foldForMatch(words[i + 2] ?? "")}`;
      // In "các Sở: Tư pháp, Xây dựng", "Xây dựng" names a department, not the verb.
      const listedBody =
        headList &&
        words[i - 1].endsWith(",") &&
        (isDepartmentBody(w) || isDepartmentBody(`${w} ${words[i + 1] ?? ""}`));
      if (!listedBody && (STOP_SET.has(one) || STOP_SET.has(two) || STOP_SET.has(three))) {
        // "các tổ chức chính trị", "Ban Quản lý" are names, not verbs.
        const prev = foldForMatch(words[i - 1]);
        if (!(prev === "cac" && two === "to chuc")) break;
      }
    }
    const endsClause = /[.:;()"“”]$/.test(w) || /^[("“]/.test(w);
    if (/^[("“]/.test(w)) break;
    if (w.endsWith(":") && !headList && LIST_HEAD.test(foldForMatch([...out, w].join(" ")))) {
      headList = true;
      out.push(w);
      continue;
    }
    if (endsClause) {
      out.push(w.replace(/[.:;()"“”]+$/, ""));
      break;
    }
    if (w.endsWith(",")) {
      const rest = words.slice(i + 1).join(" ");
      const folded = foldForMatch(rest);
      out.push(w);
      if (headList || LIST_CONTINUATION.test(folded) || isUnitStart(rest)) continue;
      out[out.length - 1] = w.slice(0, -1);
      break;
    }
    out.push(w);
  }
  const phrase = out.join(" ").replace(/[,\s]+$/, "");
  return phrase.length >= 3 ? phrase : null;
}

// Resolution against the directory lives in units.resolve.ts.
export {
  createUnitResolver,
  type DirectoryEvent,
  type DirectoryGroup,
  type DirectorySnapshot,
  type DirectoryUnit,
  type UnitResolver,
} from "./units.resolve";
