/**
 * Agencies in plan text: cutting a "chủ trì"/"phối hợp" cell or a sentence into unit names, and
 * resolving each name against a snapshot of the directory (units with aliases, groups, merges).
 * Pure: the server loads the snapshot once per import.
 */
import { acronymOf, expandAbbreviations, foldForMatch } from "../text/vietnamese";
import type { UnitRef } from "./model";

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
  const parts = cell
    .replace(/\s*\n\s*/g, "\n")
    .split(/[;\n]|^\s*[-–•+]\s+|\/(?=\s*\p{Lu})/u)
    .flatMap((p) => splitOnDashes(p ?? ""))
    .map((p) => p.trim())
    .filter(Boolean);
  for (const part of parts) {
    for (const piece of splitOnListBoundaries(part)) {
      const t = piece
        .replace(/^[-–•+,.:\s]+|[-–,;.:\s]+$/g, "")
        .replace(/\s+/g, " ")
        .trim();
      if (t && /\p{L}/u.test(t)) out.push(t);
    }
  }
  return out;
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

/** Splits "A, B và các C" where a new unit name starts; keeps "Các sở, ban, ngành" whole. */
function splitOnListBoundaries(text: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  const re = /,\s+|\s+(?:và|&)\s+(?=các\s|Ủy ban Mặt trận|Mặt trận)/giu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const next = text.slice(m.index + m[0].length);
    const folded = foldForMatch(next);
    if (m[0].includes(",") && (LIST_CONTINUATION.test(folded) || !isUnitStart(next))) continue;
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

/** The unit name(s) at the start of a text, up to the verb; null when the text starts otherwise. */
export function unitPhraseAt(text: string): string | null {
  const trimmed = text.trim();
  if (!isUnitStart(trimmed)) return null;
  const words = trimmed.split(/\s+/);
  const out: string[] = [];
  for (let i = 0; i < words.length && i < 40; i++) {
    const w = words[i];
    if (i >= 2) {
      const one = foldForMatch(w);
      const two = `${one} ${foldForMatch(words[i + 1] ?? "")}`;
      const three = `${two} ${foldForMatch(words[i + 2] ?? "")}`;
      if (STOP_SET.has(one) || STOP_SET.has(two) || STOP_SET.has(three)) {
        // "các tổ chức chính trị", "Ban Quản lý" are names, not verbs.
        const prev = foldForMatch(words[i - 1]);
        if (!(prev === "cac" && two === "to chuc")) break;
      }
    }
    const endsClause = /[.:;()"“”]$/.test(w) || /^[("“]/.test(w);
    if (/^[("“]/.test(w)) break;
    if (endsClause) {
      out.push(w.replace(/[.:;()"“”]+$/, ""));
      break;
    }
    if (w.endsWith(",")) {
      const rest = words.slice(i + 1).join(" ");
      const folded = foldForMatch(rest);
      out.push(w);
      if (LIST_CONTINUATION.test(folded) || isUnitStart(rest)) continue;
      out[out.length - 1] = w.slice(0, -1);
      break;
    }
    out.push(w);
  }
  const phrase = out.join(" ").replace(/[,\s]+$/, "");
  return phrase.length >= 3 ? phrase : null;
}

// ---------------------------------------------------------------------------------------------------
// Resolution against the directory

export interface DirectoryUnit {
  id: string;
  name: string;
  shortName: string | null;
  aliases: string[];
  kind: string;
  depth: number;
  active: boolean;
}

export interface DirectoryGroup {
  id: string;
  name: string;
}

export interface DirectoryEvent {
  predecessorIds: string[];
  successorIds: string[];
  effectiveDate: string;
  kind: string;
}

export interface DirectorySnapshot {
  units: DirectoryUnit[];
  groups: DirectoryGroup[];
  events: DirectoryEvent[];
}

const PARTNER =
  /^(uy ban mat tran|mat tran|cac to chuc chinh tri|cac doan the|hoi |lien doan|tinh doan|hoi lien hiep|cac hoi)/;
const GROUP_WORDS = /(^| )(cac|nhung|cap huyen|cap xa|cap tinh|co lien quan|lien quan)( |$)/;

function forms(text: string): string[] {
  const base = expandAbbreviations(foldForMatch(text)).replace(TITLE_PREFIX, "");
  const out = new Set<string>([base]);
  const noProvince = base.replace(/ tinh( [a-z ]+)?$/, "").trim();
  if (noProvince.split(" ").length >= 2) out.add(noProvince);
  out.add(base.replace(/ chi nhanh tinh( [a-z ]+)?$/, "").trim());
  return [...out].filter(Boolean);
}

function tokenDice(a: string, b: string): number {
  const A = new Set(a.split(" "));
  const B = new Set(b.split(" "));
  let c = 0;
  for (const w of A) if (B.has(w)) c++;
  return (2 * c) / (A.size + B.size || 1);
}

export interface UnitResolver {
  resolve(text: string, options?: { requested?: boolean }): UnitRef;
}

/** Builds an in-memory resolver: exact names, short names, aliases, acronyms, then close wording. */
export function createUnitResolver(snapshot: DirectorySnapshot | null): UnitResolver {
  const byForm = new Map<string, DirectoryUnit[]>();
  const unitForms: Array<{ form: string; unit: DirectoryUnit }> = [];
  const byId = new Map<string, DirectoryUnit>();
  const successorsOf = new Map<string, Array<{ id: string; date: string }>>();
  for (const u of snapshot?.units ?? []) {
    byId.set(u.id, u);
    const all = new Set<string>();
    for (const n of [u.name, u.shortName ?? "", ...u.aliases]) if (n) for (const f of forms(n)) all.add(f);
    const acr = acronymOf(expandAbbreviations(foldForMatch(u.name)));
    if (acr.length >= 3) all.add(acr);
    for (const f of all) {
      const list = byForm.get(f) ?? [];
      list.push(u);
      byForm.set(f, list);
      unitForms.push({ form: f, unit: u });
    }
  }
  for (const e of snapshot?.events ?? []) {
    for (const p of e.predecessorIds) {
      const targets = e.successorIds.filter((s) => s !== p);
      if (!targets.length) continue;
      const list = successorsOf.get(p) ?? [];
      list.push(...targets.map((id) => ({ id, date: e.effectiveDate })));
      successorsOf.set(p, list);
    }
  }
  const groupForms = (snapshot?.groups ?? []).map((g) => ({
    g,
    form: expandAbbreviations(foldForMatch(g.name)),
  }));

  const pick = (list: DirectoryUnit[]) =>
    [...list].sort((a, b) => Number(b.active) - Number(a.active) || a.depth - b.depth)[0];

  /** Follows merges from a historical unit to today's unit (at most a few hops). */
  const successor = (u: DirectoryUnit): { unit: DirectoryUnit; date: string } | null => {
    let cur = u;
    let date = "";
    for (let hop = 0; hop < 5 && !cur.active; hop++) {
      const next = successorsOf.get(cur.id);
      if (!next?.length) return null;
      const cand = next.map((n) => byId.get(n.id)).filter((x): x is DirectoryUnit => !!x);
      if (!cand.length) return null;
      date ||= next[0].date;
      cur = pick(cand);
    }
    return cur.active && cur.id !== u.id ? { unit: cur, date } : null;
  };

  return {
    resolve(text, options) {
      const written = text.trim();
      const f = forms(written);
      const folded = f[0] ?? "";
      const requested = options?.requested || PARTNER.test(folded);
      const isGroup = GROUP_WORDS.test(folded) && !byForm.has(folded);
      if (isGroup) {
        let best: { g: DirectoryGroup; score: number } | null = null;
        for (const { g, form } of groupForms) {
          const score = form === folded ? 1 : tokenDice(form, folded);
          if (!best || score > best.score) best = { g, score };
        }
        if (best && best.score >= 0.8) {
          return {
            text: written,
            unit: best.g.name,
            group: true,
            groupId: best.g.id,
            unitId: null,
            ...(requested ? { requested: true } : {}),
            confidence: best.score === 1 ? 0.95 : 0.8,
          };
        }
        return {
          text: written,
          unit: null,
          group: true,
          groupId: null,
          unitId: null,
          ...(requested ? { requested: true } : {}),
          confidence: 0.4,
          suggestions: groupForms
            .map(({ g, form }) => ({ name: g.name, s: tokenDice(form, folded) }))
            .filter((x) => x.s >= 0.4)
            .sort((a, b) => b.s - a.s)
            .slice(0, 3)
            .map((x) => x.name),
        };
      }
      for (const form of f) {
        const hits = byForm.get(form);
        if (!hits?.length) continue;
        const u = pick(hits);
        if (u.active) {
          return {
            text: written,
            unit: u.name,
            unitId: u.id,
            group: false,
            ...(requested ? { requested: true } : {}),
            confidence: 0.95,
          };
        }
        const next = successor(u);
        if (next) {
          const when = next.date ? ` từ ${next.date.split("-").reverse().join("/")}` : "";
          return {
            text: written,
            unit: next.unit.name,
            unitId: next.unit.id,
            group: false,
            ...(requested ? { requested: true } : {}),
            note: `${u.name} đã sáp nhập/hợp nhất${when}; nhiệm vụ thuộc ${next.unit.name}.`,
            confidence: 0.85,
          };
        }
        return {
          text: written,
          unit: u.name,
          unitId: u.id,
          group: false,
          note: `${u.name} không còn hoạt động và chưa có đơn vị kế thừa trong danh mục.`,
          confidence: 0.5,
        };
      }
      // Close wording: suggestions only, never a silent guess.
      const scored = new Map<string, { u: DirectoryUnit; s: number }>();
      for (const { form, unit } of unitForms) {
        const s = tokenDice(form, folded);
        const cur = scored.get(unit.id);
        if (!cur || s > cur.s) scored.set(unit.id, { u: unit, s });
      }
      const ranked = [...scored.values()].sort(
        (a, b) => b.s - a.s || Number(b.u.active) - Number(a.u.active),
      );
      const top = ranked[0];
      if (top && top.s >= 0.88 && top.u.active) {
        return {
          text: written,
          unit: top.u.name,
          unitId: top.u.id,
          group: false,
          ...(requested ? { requested: true } : {}),
          confidence: 0.7,
          suggestions: ranked.slice(1, 3).map((x) => x.u.name),
        };
      }
      return {
        text: written,
        unit: null,
        unitId: null,
        group: false,
        ...(requested ? { requested: true } : {}),
        confidence: 0.2,
        suggestions: [
          ...new Set(
            ranked
              .filter((x) => x.s >= 0.45)
              .slice(0, 3)
              .map((x) => x.u.name),
          ),
        ],
      };
    },
  };
}
