/**
 * Recognising what a column holds from its header text, in Vietnamese or English. Everything is
 * compared folded (foldForMatch), with letters and digits separated ("phần2" = "phần 2").
 */
import type { Component, IndexCode, IndexVersion } from "../../../../../core/src/indices/definitions/types";
import { foldForMatch } from "../../../../../core/src/text/vietnamese";

export function foldLabel(text: string): string {
  return (
    foldForMatch(text)
      .replace(/([a-z])(\d)/g, "$1 $2")
      .replace(/(\d)([a-z])/g, "$1 $2")
      // VCCI abbreviates "doanh nghiệp" in sheet names and headers ("Dịch vụ hỗ trợ DN").
      .replace(/(^| )dnnn(?= |$)/g, "$1doanh nghiep nha nuoc")
      .replace(/(^| )dn(?= |$)/g, "$1doanh nghiep")
      .trim()
  );
}

/**
 * "Nội dung 1: …", "Dimension 1 - …", "Chỉ số thành phần 3: …", "Sub-index 2 …", "1.2 …" (folded):
 * the publishers put a kind word and the component's number before its name in some editions.
 * Returns what follows the number (the name, possibly empty), or null when there is no such prefix.
 */
const KIND_PREFIX =
  /^(?:(?:chi so )?noi dung(?: thanh phan)?|chi so thanh phan|chi so|tieu chi|linh vuc|(?:sub ?)?dimension|sub ?index|subindex|pillar)? ?(\d+(?: \d+)?) ?(.*)$/;

function nameAfterNumber(core: string): string | null {
  const m = KIND_PREFIX.exec(core);
  return m ? m[2].trim() : null;
}

/** Words that say "the score" without naming anything: a sub-index sheet's "Điểm", "Score". */
const GENERIC_SCORE =
  /^(?:(?:diem|score|gia tri|value|ket qua|diem so|chi so|chi so thanh phan|chi so noi dung|noi dung|sub ?index|subindex|dimension)(?: |$))+$/;

/** A header that says only "score" (optionally with a number): in a sheet named after a component it is that component. */
export function isGenericScoreLabel(text: string): boolean {
  const f = foldLabel(text.replace(/_/g, " ").replace(/\([^)]*\)/g, " "))
    .replace(/\b\d+\b/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return f !== "" && GENERIC_SCORE.test(f);
}

export type TotalKind = "weighted" | "unweighted";

/** What a total column's header says of its kind: "PCI 2012 (chưa có trọng số)", "Un-weighted PAPI". */
export function totalKindOf(texts: string[]): TotalKind | null {
  const f = ` ${foldLabel(texts.join(" ").replace(/_/g, " "))} `;
  if (/ (khong|chua) (co )?trong so | un ?weighted | khong gia quyen /.test(f)) return "unweighted";
  if (/ (co )?trong so | weighted | gia quyen /.test(f)) return "weighted";
  return null;
}

/** Folded label with numbering ("1.", "II.") and parenthesised notes removed. */
function coreLabel(text: string): string {
  const noNotes = text.replace(/\([^)]*\)/g, " ");
  const noNumber = noNotes.replace(/^\s*([IVX]+|\d+(\.\d+)*)[.)]?\s+/, "");
  return foldLabel(noNumber)
    .replace(/\b(diem|score|points?)$/, "")
    .trim();
}

function codeKey(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, "");
}

const INDEX_PATTERNS: ReadonlyArray<readonly [IndexCode, RegExp]> = [
  ["PAPI", /papi|hieu qua quan tri va hanh chinh cong/],
  ["PGI", /\bpgi\b|chi so xanh cap tinh|provincial green index/],
  ["PCI", /\bpci\b|nang luc canh tranh cap tinh|provincial competitiveness/],
  ["PAR_INDEX", /par ?index|chi so cai cach hanh chinh/],
  ["SIPAS", /\bsipas\b|chi so hai long/],
  ["INDEX_766", /\b766\b|dvcqg|dich vu cong quoc gia/],
];

/** Index names mentioned in a text, most mentioned first. */
export function indicesMentioned(text: string): IndexCode[] {
  const folded = foldLabel(text.replace(/_/g, " "));
  const counts = INDEX_PATTERNS.map(
    ([code, re]) => [code, (folded.match(new RegExp(re, "g")) ?? []).length] as const,
  )
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
  return counts.map(([code]) => code);
}

/** Distinct four-digit years (1990-2100) written in a text. */
export function yearsIn(text: string): number[] {
  const found = new Set<number>();
  for (const m of text.matchAll(/(?<!\d)(19\d{2}|20\d{2})(?!\d)/g)) {
    const y = Number(m[1]);
    if (y >= 1990 && y <= 2100) found.add(y);
  }
  return [...found];
}

export type LabelRole = "ignore" | "year" | "band" | "rank" | "total";

const has = (f: string, words: string[]) => words.some((w) => ` ${f} `.includes(` ${w} `));

/** Role of a non-component column from one header text. */
export function roleOfLabel(text: string): LabelRole | null {
  const f = foldLabel(text.replace(/_/g, " "));
  if (f === "") return null;
  if (
    /^(stt|tt|no|so tt|thu tu|id|ma|code|ma tinh|tinh id|tinhid|order)$/.test(f) ||
    has(f, ["id", "tinhid"])
  ) {
    return "ignore";
  }
  if (/^(nam|year|nam danh gia|ky danh gia)$/.test(f)) return "year";
  if (has(f, ["nhom", "tier", "band", "xep loai", "phan loai", "group"])) return "band";
  if (has(f, ["xep hang", "thu hang", "hang", "vi tri", "rank", "ranking", "thu bac"])) return "rank";
  if (
    indicesMentioned(text).length > 0 ||
    has(f, ["tong diem", "diem tong", "total", "overall", "tong hop", "diem so chung"]) ||
    totalKindOf([text]) !== null ||
    /^(diem|score|chi so|ket qua|tong|tong cong|sum)$/.test(f)
  ) {
    return "total";
  }
  return null;
}

/** Words that continue a name ("X và Y", "X of Y"), after which a longer title still names X. */
const CONTINUATIONS = new Set(["va", "and", "of", "cua", "trong", "de", "for", "in", "&"]);

/** Recognises component columns of one index version by code, alias or name. */
export class ComponentMatcher {
  private readonly byCode = new Map<string, Component>();
  private readonly byLabel = new Map<string, Component>();
  private readonly long: { tokens: Set<string>; component: Component }[] = [];

  constructor(readonly version: IndexVersion) {
    for (const c of version.components) {
      for (const key of [c.code, ...c.aliases]) {
        if (!/\s/.test(key)) this.byCode.set(codeKey(key), c);
      }
      for (const label of [c.nameVi, c.nameEn, ...c.aliases]) {
        const k = coreLabel(label);
        if (k) this.byLabel.set(k, c);
        const tokens = k.split(" ");
        if (tokens.length >= 5) this.long.push({ tokens: new Set(tokens), component: c });
      }
    }
  }

  /**
   * A header that is exactly a component's code or full label: its words (a "băng nhóm" inside PCI
   * indicator 10.18) are the component's, not a rank or band keyword.
   */
  matchExact(text: string): Component | null {
    const exactCode = this.byCode.get(codeKey(text));
    if (exactCode && codeKey(text).length >= 2) return exactCode;
    const core = coreLabel(text);
    return core ? (this.byLabel.get(core) ?? null) : null;
  }

  match(text: string): Component | null {
    const direct = this.matchPlain(text);
    if (direct) return direct;
    // "Nội dung 4: Kiểm soát tham nhũng…", "Dimension 2 - Transparency", "1.2. Cơ hội tham gia".
    const core = coreLabel(text);
    const name = core ? nameAfterNumber(core) : null;
    // The number alone with its kind word ("Dimension 3") is an alias, already tried above.
    return name ? this.matchCore(name) : null;
  }

  /** A top-level component named by a sheet ("Tính minh bạch", "Dịch vụ hỗ trợ DN", "Land Access"). */
  matchSheet(name: string): Component | null {
    const c = this.match(name.replace(/_/g, " "));
    return c && c.parentCode === null ? c : null;
  }

  private matchPlain(text: string): Component | null {
    const exactCode = this.byCode.get(codeKey(text));
    if (exactCode && codeKey(text).length >= 2) return exactCode;
    // Machine headers: "D1_participation", "CKMB_cong_khai_minh_bach_max18".
    // Only a code-like first token (capitals or digits) counts: "legal_avg" is not LEGAL.
    if (text.includes("_")) {
      const token = text.trim().split(/[_\s]+/)[0];
      const first =
        /\d/.test(token) || /^[A-Z]{2,}$/.test(token) ? this.byCode.get(codeKey(token)) : undefined;
      if (first) return first;
    }
    const core = coreLabel(text);
    return core ? this.matchCore(core) : null;
  }

  private matchCore(core: string): Component | null {
    return this.byLabel.get(core) ?? this.matchLong(core) ?? this.matchPrefix(core);
  }

  /**
   * Older and longer names that begin with a top-level component's name and go on with "và", "and",
   * "of"…: "Tính minh bạch và tiếp cận thông tin", "Land Access and Security of Tenure".
   */
  private matchPrefix(core: string): Component | null {
    let best: { component: Component; length: number } | null = null;
    for (const [label, component] of this.byLabel) {
      if (component.parentCode !== null || !label.includes(" ") || !core.startsWith(`${label} `)) continue;
      const next = core.slice(label.length + 1).split(" ")[0];
      if (!CONTINUATIONS.has(next)) continue;
      if (!best || label.length > best.length) best = { component, length: label.length };
    }
    return best?.component ?? null;
  }

  /** Long Vietnamese labels are reworded slightly between editions: token overlap (Dice ≥ 0.85). */
  private matchLong(core: string): Component | null {
    const tokens = new Set(core.split(" "));
    if (tokens.size < 5) return null;
    let best: Component | null = null;
    let bestScore = 0;
    let tie = false;
    for (const entry of this.long) {
      let common = 0;
      for (const t of tokens) if (entry.tokens.has(t)) common++;
      const dice = (2 * common) / (tokens.size + entry.tokens.size);
      if (dice > bestScore + 1e-9) {
        best = entry.component;
        bestScore = dice;
        tie = false;
      } else if (Math.abs(dice - bestScore) <= 1e-9 && entry.component !== best) tie = true;
    }
    return bestScore >= 0.85 && !tie ? best : null;
  }
}
