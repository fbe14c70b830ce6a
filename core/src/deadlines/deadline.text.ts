/**
 * Text preparation for the parser. Patterns are matched on a folded copy (no diacritics, lower case) so
 * "truoc ngay 15/6/2023" and "TRƯỚC NGÀY 15/6/2023" read alike, while labels and conditions are cut from
 * the cleaned original. Folding is therefore one code unit for one code unit: an index in the folded
 * copy is the same index in the original. (The shared foldVietnamese collapses spaces, which breaks that.)
 */

/** A phrase prepared for matching: `folded[i]` is the folded form of `original[i]`. */
export interface Prepared {
  readonly original: string;
  readonly folded: string;
}

const ENTITIES: Record<string, string> = {
  "&nbsp;": " ",
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
};

/** Removes the HTML fragments left by table extraction ("<p>Theo quy định</p>") and odd characters. */
export function cleanText(raw: string): string {
  return (
    raw
      .replace(/<[^<>]{0,200}>/g, " ")
      .replace(/&(?:nbsp|amp|lt|gt|quot);/g, (e) => ENTITIES[e] ?? " ")
      // Precomposed letters make each Vietnamese letter a single code unit...
      .normalize("NFC")
      // ...and any combining mark still left has no base to fold onto, so it carries no meaning here.
      .replace(/[\u0300-\u036f]/g, "")
  );
}

function foldUnit(ch: string): string {
  if (ch === "đ" || ch === "Đ") return "d";
  // Dashes of every width separate years in "2021 – 2025".
  if (ch === "–" || ch === "—" || ch === "‐" || ch === "−") return "-";
  const base = ch.normalize("NFD").charAt(0);
  const lower = base.toLowerCase();
  return lower.length === 1 ? lower : base;
}

export function prepare(raw: string): Prepared {
  const original = cleanText(raw);
  let folded = "";
  for (const ch of original) {
    // Characters outside the BMP take two code units; keep them as they are to preserve indices.
    folded += ch.length === 1 ? foldUnit(ch) : ch;
  }
  return { original, folded };
}

/** Collapses white space and trims punctuation that only separates a part from its neighbours. */
export function tidy(words: string): string {
  return words
    .replace(/\s+/g, " ")
    .replace(/^[\s\-–•+*:,;.]+/, "")
    .replace(/[\s\-–:,;]+$/, "")
    .trim();
}

/** Sub-range of a prepared phrase, keeping the index correspondence. */
export function slicePrepared(p: Prepared, start: number, end?: number): Prepared {
  return { original: p.original.slice(start, end), folded: p.folded.slice(start, end) };
}

/** Trims white space and separators on both sides of a prepared phrase. */
export function trimPrepared(p: Prepared): Prepared {
  const lead = /^[\s\-•+*:,;.]*/.exec(p.folded)?.[0].length ?? 0;
  const trail = /[\s\-:,;.]*$/.exec(p.folded.slice(lead))?.[0].length ?? 0;
  return slicePrepared(p, lead, p.folded.length - trail);
}
