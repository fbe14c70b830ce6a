/**
 * Test helpers: a real plan re-written in the shapes converters give tables as text, so the recovery is
 * tested on real rows without keeping more copies of the documents. Used by tests only.
 */
import type { Block, DocumentModel, TableBlock, TableCell } from "./model";
import { isHeaderLike } from "./tables";

/**
 * The document as its Word original holds it: a table cut by page breaks is one table again (header
 * once, a row cut in two joined back), every row as wide as the table (the cell of a merged
 * sub-heading column left empty).
 */
export function asWordTables(doc: DocumentModel): DocumentModel {
  const blocks: Block[] = [];
  for (const b of doc.blocks) {
    const prev = blocks[blocks.length - 1];
    if (b.kind !== "table" || prev?.kind !== "table") {
      blocks.push(b.kind === "table" ? { ...b, rows: b.rows.map((r) => [...r]) } : b);
      continue;
    }
    // The header Word repeats on each page is written once.
    const rows = b.rows.map((r) => [...r]);
    while (rows.length && isHeaderLike(rows[0].map((c) => c.text))) rows.shift();
    const first = rows[0];
    const last = prev.rows[prev.rows.length - 1];
    if (first && last && !first[0]?.text.trim() && /^\p{Ll}/u.test(firstText(first))) {
      const offset = Math.max(0, first.length - last.length);
      first.forEach((c, k) => {
        const target = last[Math.max(0, k - offset)];
        if (c.text.trim() && target) target.text = `${target.text} ${c.text}`.trim();
      });
      rows.shift();
    }
    prev.rows.push(...rows);
  }
  for (const b of blocks) {
    if (b.kind !== "table") continue;
    const width = rowWidth(b.rows);
    b.rows = b.rows.map((r) => {
      const row = r.map((c) => ({ ...c }));
      while (row.length < width) row.splice(Math.min(1, row.length), 0, empty());
      return row;
    });
    delete b.rowSources;
  }
  return { ...doc, blocks };
}

const empty = (): TableCell => ({ text: "", colSpan: 1, rowSpan: 1 });
const firstText = (r: TableCell[]) => r.map((c) => c.text.trim()).find(Boolean) ?? "";

export type { TableBlock };

const flat = (text: string) => text.replace(/\s+/g, " ").trim();

function rowWidth(rows: Array<Array<{ text: string }>>): number {
  return Math.max(...rows.map((r) => r.length));
}

/** Every row begins with a tab line holding its first cell; each further cell on its own tab-indented line. */
export function asCellPerLine(
  doc: DocumentModel,
  options: { marker?: boolean; paragraphsAsLines?: boolean | "untabbed" } = {},
): string {
  const out: string[] = [];
  for (const b of doc.blocks) {
    if (b.kind === "paragraph") {
      out.push(b.text, "");
      continue;
    }
    const width = rowWidth(b.rows);
    for (const row of b.rows) {
      if (options.marker) out.push("\t");
      for (let c = 0; c < width; c++) {
        const text = row[c]?.text ?? "";
        const parts = options.paragraphsAsLines ? text.split("\n").filter((p) => p.trim()) : [text];
        if (!parts.length) parts.push("");
        parts.forEach((p, k) => {
          out.push(`${k > 0 && options.paragraphsAsLines === "untabbed" ? "" : "\t"}${flat(p)}`);
        });
      }
    }
    out.push("");
  }
  return out.join("\n");
}

/** Words of a text wrapped to a width (a word longer than the width stands alone). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of flat(text).split(" ")) {
    if (!word) continue;
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The way pdftotext -layout writes a page: prose wrapped to a line width, every wrapped line its own
 * line; tables in columns of spaces, each cell wrapped inside its column, rows one under the other.
 */
export function asColumns(
  doc: DocumentModel,
  options: { blankBetweenRows?: boolean; pageLines?: number } = {},
): string {
  const out: string[] = [];
  let page = 0;
  let onPage = 0;
  const emit = (line: string) => {
    out.push(page > 0 && onPage === 0 ? `\f${line}` : line);
    onPage++;
  };
  for (const b of doc.blocks) {
    if (b.kind === "paragraph") {
      for (const l of [...wrap(b.text, 90), ""]) emit(l);
      continue;
    }
    const width = rowWidth(b.rows);
    // Each page places the columns anew (pdftotext lays out every page on its own): widths move a little.
    const widthsOf = (p: number) =>
      Array.from(
        { length: width },
        (_, c) =>
          (c === 0 ? 5 : c === 1 ? 44 : c === width - 1 ? 16 : width > 5 ? 22 : 26) +
          (c > 0 ? (p % 3) - 1 : 0),
      );
    const headerRows = b.rows.filter((r, k) => k < 3 && isHeaderLike(r.map((c) => c.text)));
    const render = (row: TableCell[], widths: number[]) => {
      const cells = widths.map((w, c) => wrap(row[c]?.text ?? "", w));
      const height = Math.max(1, ...cells.map((l) => l.length));
      for (let k = 0; k < height; k++)
        emit(
          cells
            .map((l, c) => (l[k] ?? "").padEnd(widths[c] + 3))
            .join("")
            .trimEnd(),
        );
    };
    for (const [n, row] of b.rows.entries()) {
      if (options.pageLines && onPage >= options.pageLines && n >= headerRows.length) {
        page++;
        onPage = 0;
        // The header rows repeated at the top of the new page.
        for (const h of headerRows) render(h, widthsOf(page));
      }
      render(row, widthsOf(page));
      if (options.blankBetweenRows) emit("");
    }
    emit("");
  }
  return out.join("\n");
}
