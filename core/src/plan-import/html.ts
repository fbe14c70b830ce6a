/**
 * A small, bounded HTML reader for pasted fragments and for HTML inside table cells ("<p>…</p>",
 * "<ul><li>…"). It knows only what plan documents use: tables with rowspan/colspan, paragraphs,
 * list items, line breaks. Not a general HTML parser; never throws.
 */
import type { Block, TableCell } from "./model";

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  ndash: "–",
  mdash: "—",
  hellip: "…",
  ldquo: "“",
  rdquo: "”",
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code =
        name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Text of an HTML fragment: block tags become line breaks, list items keep a "- " bullet. */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, "")
    .replace(/<li\b[^>]*>/gi, "\n- ")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/?(p|div|ul|ol|li|h[1-6]|tr|table|tbody|thead)\b[^>]*>/gi, "\n")
    .replace(/<[^>]*>/g, "");
  return decodeEntities(text)
    .split("\n")
    .map((l) => l.replace(/[ \t\u00a0]+/g, " ").trim())
    .filter((l) => l.length > 0)
    .join("\n")
    .replace(/^- (- )+/gm, "- ");
}

export function looksLikeHtml(text: string): boolean {
  return /<(p|ul|ol|li|br|table|tr|td|div|span|strong|b|i|em)\b[^>]*>/i.test(text);
}

const MAX_TABLE_CELLS = 200_000;

/**
 * Blocks of an HTML fragment: paragraphs outside tables and tables with their spans. Nested tables
 * are flattened into their cell's text (plan tables do not nest; a pasted page might).
 */
export function htmlToBlocks(html: string): Block[] {
  const blocks: Block[] = [];
  const tagRe = /<(\/?)(table|tr|td|th)\b([^>]*)>/gi;
  let depth = 0;
  let outsideStart = 0;
  let table: TableCell[][] | null = null;
  let row: TableCell[] | null = null;
  let cell: { start: number; colSpan: number; rowSpan: number } | null = null;
  let cells = 0;
  const pushText = (fragment: string) => {
    for (const line of htmlToText(fragment).split("\n")) {
      if (line.trim()) blocks.push({ kind: "paragraph", text: line.trim(), source: {} });
    }
  };
  for (let m = tagRe.exec(html); m; m = tagRe.exec(html)) {
    const closing = m[1] === "/";
    const tag = m[2].toLowerCase();
    if (tag === "table") {
      if (!closing) {
        depth++;
        if (depth === 1) {
          pushText(html.slice(outsideStart, m.index));
          table = [];
        }
      } else if (depth > 0) {
        depth--;
        if (depth === 0 && table) {
          if (row?.length) table.push(row);
          if (table.length) blocks.push({ kind: "table", rows: table, source: {} });
          table = null;
          row = null;
          outsideStart = m.index + m[0].length;
        }
      }
      continue;
    }
    if (depth !== 1 || !table) continue;
    if (tag === "tr") {
      if (!closing) {
        if (row?.length) table.push(row);
        row = [];
      } else if (row) {
        table.push(row);
        row = null;
      }
    } else if (!closing) {
      cell = {
        start: m.index + m[0].length,
        colSpan: spanOf(m[3], "colspan"),
        rowSpan: spanOf(m[3], "rowspan"),
      };
    } else if (cell) {
      if (!row) row = [];
      if (++cells > MAX_TABLE_CELLS) break;
      row.push({
        text: htmlToText(html.slice(cell.start, m.index)),
        colSpan: cell.colSpan,
        rowSpan: cell.rowSpan,
      });
      cell = null;
    }
  }
  if (table) {
    if (row?.length) table.push(row);
    if (table.length) blocks.push({ kind: "table", rows: table, source: {} });
  } else pushText(html.slice(outsideStart));
  return blocks;
}

function spanOf(attrs: string, name: string): number {
  const m = new RegExp(`${name}\\s*=\\s*["']?(\\d+)`, "i").exec(attrs);
  const n = m ? Number(m[1]) : 1;
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 1000) : 1;
}
