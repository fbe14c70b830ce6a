/**
 * Resolving an agency as written in a plan against a snapshot of the directory (units with aliases,
 * groups, merge and split events). Every answer carries its reason in Vietnamese (exact name,
 * abbreviation, old name of a merged department, abolished district level, group), shown to the
 * person beside the choice. Never a silent guess: close wordings come back as suggestions.
 */
import { formatDateVi } from "../text/dates";
import { acronymOf, expandAbbreviations, foldForMatch } from "../text/vietnamese";
import { GROUP_KIND_LABELS_VI, type GroupKind, groupKindOf, isOnlyRelevant } from "./agency-groups";
import type { UnitRef } from "./model";

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

export interface UnitResolver {
  resolve(text: string, options?: { requested?: boolean }): UnitRef;
}

const PARTNER =
  /^(uy ban mat tran|mat tran|cac to chuc chinh tri|cac doan the|hoi |lien doan|tinh doan|hoi lien hiep|cac hoi)/;
/** A class of bodies, not one body: "các …", "những …", "… cấp xã", "… có liên quan" ("Ban quản lý các khu công nghiệp" is one body). */
const GROUP_WORDS = /^(cac|nhung) |(^| )(cap huyen|cap xa|cap tinh|co lien quan|lien quan)( |$)/;
const TITLE_PREFIX =
  /^(thu truong|truong|nguoi dung dau|lanh dao|giam doc|chu tich|pho chu tich|cap uy)( cac| cua)? /;

/**
 * District-level government ended on 1 July 2025 (Luật Tổ chức chính quyền địa phương số
 * 72/2025/QH15): the date used when the directory has no event saying when its districts ended.
 */
const DISTRICTS_ENDED = "2025-07-01";

type FormSource = "name" | "short" | "alias" | "acronym";

/**
 * The forms a name is matched by: expanded abbreviations, without the province's name, without
 * "và" ("Sở Kế hoạch - Đầu tư"), and abbreviations written in pieces joined ("Sở KH-ĐT", "Sở LĐ-TBXH"
 * → "Sở KHĐT", "Sở LĐTBXH", then expanded; the acronym "SLĐTBXH" too).
 */
function forms(text: string): string[] {
  const folded = foldForMatch(text);
  const base = expandAbbreviations(folded).replace(TITLE_PREFIX, "");
  const out = new Set<string>([base]);
  const noProvince = base.replace(/ tinh( [a-z ]+)?$/, "").trim();
  if (noProvince.split(" ").length >= 2) out.add(noProvince);
  out.add(base.replace(/ chi nhanh tinh( [a-z ]+)?$/, "").trim());
  // "Mặt trận Tổ quốc Việt Nam (tỉnh)" is how plans name the Ủy ban MTTQ Việt Nam of the province.
  const front = base.replace(/^uy ban (?=mat tran)/, "").replace(/^(mat tran to quoc) viet nam/, "$1");
  if (front !== base) for (const f of [front, front.replace(/ tinh( [a-z ]+)?$/, "")]) out.add(f);
  const noAnd = base.replace(/ va /g, " ");
  if (noAnd !== base) out.add(noAnd);
  const pieces = /^(so|ban|phong) ((?:[a-z]{1,4} )*[a-z]{1,4})$/.exec(folded);
  if (pieces?.[2].includes(" ")) {
    const joined = pieces[2].replace(/(^| )va( |$)/g, " ").replace(/ /g, "");
    out.add(expandAbbreviations(`${pieces[1]} ${joined}`));
    out.add(`${pieces[1][0]}${joined}`);
  }
  return [...out].filter(Boolean);
}

function tokenDice(a: string, b: string): number {
  const A = new Set(a.split(" "));
  const B = new Set(b.split(" "));
  let c = 0;
  for (const w of A) if (B.has(w)) c++;
  return (2 * c) / (A.size + B.size || 1);
}

const dateVi = (iso: string) => (iso ? formatDateVi(iso) : "");

/** Builds an in-memory resolver: exact names, short names, aliases, acronyms, groups, then close wording. */
export function createUnitResolver(snapshot: DirectorySnapshot | null): UnitResolver {
  const byForm = new Map<string, Array<{ unit: DirectoryUnit; source: FormSource }>>();
  const unitForms: Array<{ form: string; unit: DirectoryUnit }> = [];
  const byId = new Map<string, DirectoryUnit>();
  const successorsOf = new Map<string, Array<{ id: string; date: string }>>();
  for (const u of snapshot?.units ?? []) {
    byId.set(u.id, u);
    const all = new Map<string, FormSource>();
    const add = (names: string[], source: FormSource) => {
      for (const n of names) if (n) for (const f of forms(n)) if (!all.has(f)) all.set(f, source);
    };
    add([u.name], "name");
    add([u.shortName ?? ""], "short");
    add(u.aliases, "alias");
    const acr = acronymOf(expandAbbreviations(foldForMatch(u.name)));
    if (acr.length >= 3 && !all.has(acr)) all.set(acr, "acronym");
    for (const [f, source] of all) {
      const list = byForm.get(f) ?? [];
      list.push({ unit: u, source });
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
  const groups = (snapshot?.groups ?? []).map((g) => ({
    g,
    form: expandAbbreviations(foldForMatch(g.name)),
    kind: groupKindOf(g.name),
  }));
  const districtsEnded = endOfDistricts(snapshot);

  const pick = <T extends { unit: DirectoryUnit }>(list: T[]) =>
    [...list].sort((a, b) => Number(b.unit.active) - Number(a.unit.active) || a.unit.depth - b.unit.depth)[0];

  /**
   * Follows merges from a historical unit to today's unit (at most a few hops). A unit whose work went
   * to several units (a district split among communes) has no single successor: they are listed.
   */
  const successor = (
    u: DirectoryUnit,
  ): { unit: DirectoryUnit; date: string } | { several: DirectoryUnit[]; date: string } | null => {
    let cur = u;
    let date = "";
    for (let hop = 0; hop < 5 && !cur.active; hop++) {
      const next = successorsOf.get(cur.id);
      if (!next?.length) return null;
      const cand = [...new Set(next.map((n) => n.id))]
        .map((id) => byId.get(id))
        .filter((x): x is DirectoryUnit => !!x);
      if (!cand.length) return null;
      date ||= next[0].date;
      if (cand.length > 1) return { several: cand, date };
      cur = cand[0];
    }
    return cur.active && cur.id !== u.id ? { unit: cur, date } : null;
  };

  const groupOfKind = (kind: GroupKind, folded: string) => {
    const list = groups.filter((x) => x.kind === kind);
    return list.find((x) => x.form === folded) ?? list.sort((a, b) => a.form.length - b.form.length)[0];
  };

  return {
    resolve(text, options) {
      const written = text.trim();
      const f = forms(written);
      const folded = f[0] ?? "";
      const requested = options?.requested || PARTNER.test(folded);
      const base = { text: written, ...(requested ? { requested: true } : {}) };
      const exact = byForm.get(folded);
      const kind = exact ? null : groupKindOf(written);

      if (kind === "districts" && districtsEnded !== null) {
        const communes = groupOfKind("communes", "");
        const when = dateVi(districtsEnded);
        const reason = `Cấp huyện không còn từ ${when} (chính quyền địa phương hai cấp); nhiệm vụ chuyển cho UBND cấp xã`;
        if (communes)
          return {
            ...base,
            unit: communes.g.name,
            group: true,
            groupId: communes.g.id,
            unitId: null,
            note: `“${written}”: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}.`,
            reason,
            confidence: 0.8,
          };
        return { ...base, unit: null, group: true, groupId: null, unitId: null, reason, confidence: 0.3 };
      }
      if (kind) {
        const hit = groupOfKind(kind, folded);
        if (hit) {
          const same = hit.form === folded;
          const some = isOnlyRelevant(written);
          return {
            ...base,
            unit: hit.g.name,
            group: true,
            groupId: hit.g.id,
            unitId: null,
            reason: same
              ? "Nhóm đơn vị trong danh mục"
              : `Cách gọi chung ${GROUP_KIND_LABELS_VI[kind]}: nhóm “${hit.g.name}”${some ? "; văn bản ghi “có liên quan”, có thể thu hẹp" : ""}`,
            confidence: same ? 0.95 : some ? 0.7 : 0.85,
          };
        }
      }
      const isGroup = GROUP_WORDS.test(folded) && !exact;
      if (isGroup) {
        let best: { g: DirectoryGroup; score: number } | null = null;
        for (const { g, form } of groups) {
          const score = form === folded ? 1 : tokenDice(form, folded);
          if (!best || score > best.score) best = { g, score };
        }
        if (best && best.score >= 0.8) {
          return {
            ...base,
            unit: best.g.name,
            group: true,
            groupId: best.g.id,
            unitId: null,
            reason: best.score === 1 ? "Nhóm đơn vị trong danh mục" : `Gần giống nhóm “${best.g.name}”`,
            confidence: best.score === 1 ? 0.95 : 0.8,
          };
        }
        return {
          ...base,
          unit: null,
          group: true,
          groupId: null,
          unitId: null,
          reason: "Nhóm đơn vị chưa có trong danh mục nhóm",
          confidence: 0.4,
          suggestions: groups
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
        const { unit: u, source } = pick(hits);
        if (u.active) {
          return {
            ...base,
            unit: u.name,
            unitId: u.id,
            group: false,
            reason: matchReason(written, u, source),
            confidence: 0.95,
          };
        }
        const next = successor(u);
        const when = next?.date ? ` từ ${dateVi(next.date)}` : "";
        if (next && "unit" in next) {
          return {
            ...base,
            unit: next.unit.name,
            unitId: next.unit.id,
            group: false,
            note: `${u.name} đã sáp nhập/hợp nhất${when}; nhiệm vụ thuộc ${next.unit.name}.`,
            reason:
              u.kind === "district"
                ? `Cấp huyện không còn${when}; địa bàn ${u.name} nay thuộc ${next.unit.name}`
                : `Tên cũ: ${u.name} đã hợp nhất vào ${next.unit.name}${when}`,
            confidence: 0.85,
          };
        }
        if (next) {
          const names = next.several.map((s) => s.name);
          const level = u.kind === "district" ? "Cấp huyện không còn" : `${u.name} không còn`;
          return {
            ...base,
            unit: null,
            unitId: null,
            group: false,
            note: `${u.name} không còn hoạt động${when}; địa bàn nay thuộc ${names.length} đơn vị: ${names.slice(0, 8).join(", ")}${names.length > 8 ? "…" : ""}. Cần chọn đơn vị.`,
            reason: `${level}${when}; công việc chia cho ${names.length} đơn vị kế thừa, cần chọn`,
            confidence: 0.4,
            suggestions: names.slice(0, 5),
          };
        }
        return {
          ...base,
          unit: u.name,
          unitId: u.id,
          group: false,
          note: `${u.name} không còn hoạt động và chưa có đơn vị kế thừa trong danh mục.`,
          reason: "Đơn vị không còn hoạt động, chưa có đơn vị kế thừa",
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
          ...base,
          unit: top.u.name,
          unitId: top.u.id,
          group: false,
          reason: `Gần giống tên “${top.u.name}”; cần xác nhận`,
          confidence: 0.7,
          suggestions: ranked.slice(1, 3).map((x) => x.u.name),
        };
      }
      return {
        ...base,
        unit: null,
        unitId: null,
        group: false,
        reason: "Không tìm thấy trong danh mục",
        confidence: 0.2,
        suggestions: [
          ...new Set(
            ranked
              .filter((x) => x.s >= 0.45 && x.u.active)
              .slice(0, 3)
              .map((x) => x.u.name),
          ),
        ],
      };
    },
  };
}

function matchReason(written: string, u: DirectoryUnit, source: FormSource): string {
  const plain = foldForMatch(written);
  if (source === "name") {
    if (plain === foldForMatch(u.name)) return "Đúng tên trong danh mục";
    if (plain !== expandAbbreviations(plain) || /\p{Lu}{2,}/u.test(written))
      return `Viết tắt của “${u.name}”`;
    return "Đúng tên trong danh mục (cách viết khác)";
  }
  if (source === "short" || source === "acronym") return `Tên viết tắt của “${u.name}”`;
  return `Tên gọi khác của “${u.name}” trong danh mục`;
}

/**
 * The day district-level government ended, when the directory says it has: it holds districts and
 * none is active (their events give the day). Null while districts are active or unknown to it.
 */
function endOfDistricts(snapshot: DirectorySnapshot | null): string | null {
  const districts = snapshot?.units.filter((u) => u.kind === "district") ?? [];
  if (!districts.length || districts.some((u) => u.active)) return null;
  const ids = new Set(districts.map((d) => d.id));
  const dates = (snapshot?.events ?? [])
    .filter((e) => e.predecessorIds.some((p) => ids.has(p)))
    .map((e) => e.effectiveDate)
    .sort();
  return dates[dates.length - 1] ?? DISTRICTS_ENDED;
}
