/** Links words of a plan (a heading, a targets row) to the index definitions: index, then component. */
import { INDEX_VERSIONS } from "../indices/definitions/catalog";
import type { IndexCode, IndexVersion } from "../indices/definitions/types";
import { expandAbbreviations, foldForMatch } from "../text/vietnamese";

const INDEX_WORDS: ReadonlyArray<readonly [IndexCode, RegExp]> = [
  ["PCI", /\bpci\b|nang luc canh tranh cap tinh/],
  ["PAPI", /\bpapi\b|hieu qua quan tri va hanh chinh cong|chi so quan tri va hanh chinh cong/],
  ["PAR_INDEX", /\bpar index\b|\bpar\b|chi so cai cach hanh chinh|chi so cchc/],
  ["SIPAS", /\bsipas\b|chi so hai long|su hai long cua nguoi dan/],
  ["PGI", /\bpgi\b|chi so xanh/],
  ["INDEX_766", /\b766\b.*chi so|bo chi so chi dao dieu hanh/],
];

export function normalizeName(text: string): string {
  return expandAbbreviations(foldForMatch(text));
}

/** The index a text names first, or null. */
export function indexNamedIn(text: string): IndexCode | null {
  const folded = normalizeName(text);
  let best: { code: IndexCode; at: number } | null = null;
  for (const [code, re] of INDEX_WORDS) {
    const m = re.exec(folded);
    if (m && (!best || m.index < best.at)) best = { code, at: m.index };
  }
  return best?.code ?? null;
}

/** All indices a text names. */
export function indicesNamedIn(text: string): IndexCode[] {
  const folded = normalizeName(text);
  return INDEX_WORDS.filter(([, re]) => re.test(folded)).map(([code]) => code);
}

interface Entry {
  indexCode: IndexCode;
  code: string;
  number: string;
  forms: string[];
  tokens: Set<string>[];
}

let entries: Entry[] | null = null;

function latestVersions(): IndexVersion[] {
  const byIndex = new Map<string, IndexVersion>();
  for (const v of INDEX_VERSIONS) {
    const cur = byIndex.get(v.indexCode);
    if (!cur || v.validFromYear > cur.validFromYear) byIndex.set(v.indexCode, v);
  }
  return [...byIndex.values()];
}

function allEntries(): Entry[] {
  if (entries) return entries;
  entries = [];
  for (const version of latestVersions()) {
    for (const c of version.components) {
      const forms = [c.nameVi, ...c.aliases].map(normalizeName).filter((f) => f.length > 3);
      entries.push({
        indexCode: version.indexCode,
        code: c.code,
        number: c.number,
        forms,
        tokens: forms.map((f) => new Set(f.split(" "))),
      });
    }
  }
  return entries;
}

const LEADING_WORDS =
  /^(chi so thanh phan|chi so noi dung|chi so|tieu chi thanh phan|tieu chi|linh vuc|noi dung|nhom nhiem vu|thanh phan)\s+/;

/** Strips numbering ("1.", "a)", "II") and generic words ("Chỉ số thành phần") from a heading. */
export function headingCore(text: string): string {
  let t = normalizeName(text.replace(/^\s*(?:[IVXLC]{1,6}|\d{1,2}(?:\.\d{1,2})*|[a-zđ])[.)]?\s+/u, ""));
  for (let i = 0; i < 2; i++) t = t.replace(LEADING_WORDS, "");
  // "Chỉ số thành phần 1: Gia nhập thị trường", "… (TRỌNG SỐ 5%)": the number and the weight are not the name.
  t = t.replace(/^\d{1,2} /, "").replace(/ trong so \d+( \d+)?$/, "");
  return t.replace(/\b(nam \d{4})\b.*$/, "").trim();
}

function dice(a: Set<string>, b: Set<string>): number {
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return (2 * common) / (a.size + b.size || 1);
}

export interface ComponentMatch {
  resolved: string;
  indexCode: IndexCode;
  componentCode: string | null;
  confidence: number;
}

/**
 * The component a name designates, inside `within` when the surrounding section names an index.
 * Exact names and aliases first, then near-identical wording; null below a safe similarity.
 */
export function matchComponent(text: string, within?: IndexCode | null): ComponentMatch | null {
  const core = headingCore(text);
  if (core.length < 4) return null;
  const coreTokens = new Set(core.split(" "));
  let best: { e: Entry; score: number } | null = null;
  for (const e of allEntries()) {
    if (within && e.indexCode !== within) continue;
    for (let i = 0; i < e.forms.length; i++) {
      const f = e.forms[i];
      let score = 0;
      if (f === core) score = 1;
      else if (
        core.length >= 8 &&
        (f.startsWith(core) || core.startsWith(f)) &&
        Math.min(f.length, core.length) / Math.max(f.length, core.length) >= 0.6
      )
        score = 0.9;
      else score = dice(coreTokens, e.tokens[i]) * 0.95;
      if (!best || score > best.score) best = { e, score };
    }
  }
  if (!best || best.score < 0.72) return null;
  return {
    resolved: `${best.e.indexCode}:${best.e.code}`,
    indexCode: best.e.indexCode,
    componentCode: best.e.code,
    confidence: Math.round(best.score * 100) / 100,
  };
}

/** A heading's link: a component when its words name one, else the index it names. */
export function linkHeading(text: string, within?: IndexCode | null): ComponentMatch | null {
  const index = indexNamedIn(text);
  const core = headingCore(text);
  // A heading that is mostly an index's name links to the index itself.
  if (
    index &&
    (core.split(" ").length <= 12 || /^chi so\b/.test(normalizeName(text).replace(/^[ivxlc\d.) ]+/, "")))
  ) {
    const comp = matchComponent(text, index);
    if (comp && comp.confidence >= 0.9) return comp;
    return { resolved: index, indexCode: index, componentCode: null, confidence: 0.9 };
  }
  return matchComponent(text, within ?? index);
}
