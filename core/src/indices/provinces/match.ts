/**
 * Province name matching across sources: VCCI writes "Tp.HCM" and "TT-Huế", UNDP "Ho Chi Minh City"
 * and "Thua Thien Hue", plans write "Tỉnh Đắk Lắk" or "Đăk Lăk", old and new tone placement
 * ("Hoà"/"Hòa") both occur. Everything is compared folded (no diacritics, no case, no punctuation).
 */
import { foldForMatch } from "../../text/vietnamese";
import { PROVINCES_CURRENT, PROVINCES_PRE_2025, type ProvinceRecord } from "./provinces";

export interface ProvinceMatch {
  code: string;
  name: string;
  /** 1 = exact official name; 0.95 = folded name, English form or known alias; below = typo tolerance. */
  confidence: number;
}

/** Which map to match against: the 63 provinces (results up to 2024), the 34 (from 7/2025), or both. */
export type ProvinceEra = "pre2025" | "current" | "any";

export interface MatchOptions {
  era?: ProvinceEra;
}

/** Prefixes that say "province"/"city" and carry no identity. Folded. */
const PREFIXES = [
  "thanh pho truc thuoc trung uong",
  "thanh pho",
  "tinh",
  "tp",
  "t p",
  "city of",
  "province of",
];
const SUFFIXES = ["province", "city", "tinh"];

function stripAffixes(folded: string): string {
  let s = ` ${folded} `;
  for (const p of PREFIXES) {
    if (s.startsWith(` ${p} `) && s.length > p.length + 3) {
      s = s.slice(p.length + 1);
      break;
    }
  }
  for (const x of SUFFIXES) {
    if (s.endsWith(` ${x} `) && s.length > x.length + 3) s = s.slice(0, s.length - x.length - 1);
  }
  return s.trim();
}

/** Two keys per spelling: spaced ("dak lak") and compact ("daklak"), so "Daklak" and "Đắk Lắk" meet. */
function keysOf(text: string): string[] {
  const folded = stripAffixes(foldForMatch(text));
  if (!folded) return [];
  return [folded, folded.replace(/ /g, "")];
}

interface Entry {
  record: ProvinceRecord;
  keys: Set<string>;
  exact: string;
  papiCode?: string;
}

/** NFC + lower case + new tone placement, for the "exact official name" test. */
function canonicalExact(text: string): string {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/oà/g, "òa")
    .replace(/oá/g, "óa")
    .replace(/oả/g, "ỏa")
    .replace(/oã/g, "õa")
    .replace(/oạ/g, "ọa")
    .replace(/uỳ/g, "ùy")
    .replace(/\s+/g, " ")
    .trim();
}

function buildEntries(records: readonly ProvinceRecord[]): Entry[] {
  return records.map((record) => {
    const keys = new Set<string>();
    for (const spelling of [record.name, record.nameEn, ...record.aliases]) {
      for (const k of keysOf(spelling)) keys.add(k);
    }
    const papiCode = (record as { papiCode?: string }).papiCode;
    return { record, keys, exact: canonicalExact(record.name), papiCode: papiCode?.toLowerCase() };
  });
}

const ENTRIES: Record<Exclude<ProvinceEra, "any">, Entry[]> = {
  pre2025: buildEntries(PROVINCES_PRE_2025),
  current: buildEntries(PROVINCES_CURRENT),
};

function levenshtein(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length];
}

function entriesFor(era: ProvinceEra): Entry[] {
  // In "any", the current map comes first so that "Huế" resolves to the new province "Huế", while
  // names shared by both maps resolve to the same slug either way.
  return era === "any" ? [...ENTRIES.current, ...ENTRIES.pre2025] : ENTRIES[era];
}

function unique(hits: Entry[]): Entry | null {
  const codes = new Set(hits.map((h) => h.record.code));
  return codes.size === 1 ? hits[0] : null;
}

/**
 * Finds the province a written name refers to, or null when nothing (or more than one province)
 * fits. Typos are tolerated only for names long enough that one edit cannot reach another province.
 */
export function matchProvince(input: string, options: MatchOptions = {}): ProvinceMatch | null {
  if (typeof input !== "string") return null;
  const trimmed = input.trim();
  if (trimmed.length < 2 || trimmed.length > 80) return null;
  const entries = entriesFor(options.era ?? "any");
  const result = (e: Entry, confidence: number): ProvinceMatch => ({
    code: e.record.code,
    name: e.record.name,
    confidence,
  });

  const exact = canonicalExact(trimmed);
  const exactHit = unique(entries.filter((e) => e.exact === exact));
  if (exactHit) return result(exactHit, 1);

  // PAPI data sets code provinces P01…P63 in the official order.
  const lower = trimmed.toLowerCase();
  if (/^p\d{2}$/.test(lower)) {
    const hit = unique(entries.filter((e) => e.papiCode === lower));
    return hit ? result(hit, 0.95) : null;
  }

  const keys = keysOf(trimmed);
  if (keys.length === 0) return null;
  const keyHit = unique(entries.filter((e) => keys.some((k) => e.keys.has(k))));
  if (keyHit) return result(keyHit, 0.95);

  const compact = keys[1];
  if (compact.length < 6) return null;
  let best: { entry: Entry; dist: number }[] = [];
  let bestDist = 3;
  for (const e of entries) {
    for (const k of e.keys) {
      if (k.includes(" ") || k.length < 6) continue;
      const limit = k.length >= 10 ? 2 : 1;
      const d = levenshtein(compact, k, limit);
      if (d > limit) continue;
      if (d < bestDist) {
        bestDist = d;
        best = [{ entry: e, dist: d }];
      } else if (d === bestDist) best.push({ entry: e, dist: d });
    }
  }
  const fuzzy = unique(best.map((b) => b.entry));
  return fuzzy ? result(fuzzy, bestDist === 1 ? 0.85 : 0.75) : null;
}
