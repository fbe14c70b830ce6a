/**
 * PDF tables from geometry: the PDF reader's entry point. pdf.js gives positioned text runs and the
 * page's drawn lines; a word processor prints a table as one run per cell line at the cell's x, and
 * its borders as lines. Page by page: the letterhead (page 1), then a header band found by its words
 * gives the columns (columns.ts), rows are read below it (rows.ts), a page that repeats the header
 * continues the open table, and the rest is running text (paragraphs.ts). The result is a table block
 * like a Word table, with a confidence. Everything is linear in the number of runs of a page (sorting
 * aside): a 200-page plan must read in a few seconds.
 */
import type { SourceRef, TableBlock, TableCell } from "../../../../../core/src/plan-import/model";
import { foldForMatch } from "../../../../../core/src/text/vietnamese";
import { bandBottom, bandVerticals, ruledBottom } from "./borders";
import { columnsOf } from "./columns";
import { findHeader, sameHeader, trimBand } from "./header";
import { letterhead } from "./letterhead";
import { lineText, PAGE_NUMBER, toLines } from "./lines";
import { textLines, usualSpacing } from "./paragraphs";
import { cellText, NUMBER_CELL, type OpenTable, readRows } from "./rows";
import type { Line, PageSegment, PdfPage } from "./types";

/** The table as a block: header row, then rows with column and row spans as Word would give them. */
export function tableBlock(table: OpenTable): TableBlock {
  const width = table.columns.header.length;
  const rows: TableCell[][] = [table.columns.header.map((text) => ({ text, colSpan: 1, rowSpan: 1 }))];
  const rowSources: SourceRef[] = [table.source];
  const origins: Array<TableCell | null> = Array.from({ length: width }, () => null);
  for (const draft of table.rows) {
    const out: TableCell[] = [];
    for (let c = 0; c < width; ) {
      const items = draft.cells[c];
      let open = 1;
      while (c + open < width && draft.open[c + open - 1]) open++;
      const spanCols = Math.min(Math.max(draft.spans[c], open), width - c);
      // Runs of the columns a spanning run covers belong to the spanning cell.
      for (let k = 1; k < spanCols; k++) items.push(...draft.cells[c + k]);
      const text = cellText(items);
      const origin = origins[c];
      // A run across columns with nothing after it in the row spans to the row's end (a section row).
      if (spanCols > 1 && draft.cells.slice(c + spanCols).every((x) => !x.length)) {
        const all = width - c;
        if (all > spanCols) {
          for (let k = spanCols; k < all; k++) items.push(...draft.cells[c + k]);
          c += all;
          const cell: TableCell = { text, colSpan: all, rowSpan: 1 };
          out.push(cell);
          origins.fill(null, c - all, c);
          continue;
        }
      }
      if (draft.mergedUp[c] && origin && spanCols === 1) {
        origin.rowSpan++;
        if (text) origin.text = origin.text ? `${origin.text} ${text}` : text;
      } else {
        const cell: TableCell = { text, colSpan: spanCols, rowSpan: 1 };
        out.push(cell);
        for (let k = 0; k < spanCols; k++) origins[c + k] = spanCols === 1 ? cell : null;
      }
      c += spanCols;
    }
    rows.push(out);
    rowSources.push({ page: draft.page });
  }
  return {
    kind: "table",
    rows,
    headerRows: 1,
    rowSources,
    source: table.source,
    confidence: tableConfidence(table),
  };
}

/** How far the geometry can be trusted: borders, runs that stay in their column, rows with numbers. */
function tableConfidence(t: OpenTable): number {
  const fit = t.lines
    ? 1 - Math.max(0, t.crossingLines - t.rows.filter((r) => r.crossing).length) / t.lines
    : 0;
  const numbered = t.rows.length
    ? t.rows.filter((r) => NUMBER_CELL.test(cellText(r.cells[0]))).length / t.rows.length
    : 0;
  const base = t.ruled ? 0.95 : t.numberColumn ? 0.6 + 0.3 * numbered : 0.55;
  return Math.round(Math.max(0.1, Math.min(1, base * fit)) * 100) / 100;
}

/** The lines a table may hold below `from`: down to its bottom border, or the next 80 lines. */
function below(lines: Line[], from: number, bottom: number | null): Line[] {
  const out: Line[] = [];
  for (let k = from; k < lines.length && k < from + 80; k++) {
    if (bottom !== null && lines[k].y < bottom) break;
    out.push(lines[k]);
  }
  return out;
}

/**
 * A header band found on a page, read: its lines (a ruled header trimmed at its bottom border), the
 * table's bottom border if drawn, the columns it gives (null when it gives fewer than two), and the
 * index of the first line below it.
 */
function headerBand(lines: Line[], header: { first: number; last: number }, page: PdfPage) {
  const bottom = bandBottom(page, lines.slice(header.first, header.last + 1));
  const band = trimBand(lines.slice(header.first, header.last + 1), page, bottom);
  const rowsFrom = header.first + band.length;
  const columns = columnsOf(band, below(lines, rowsFrom, bottom), bandVerticals(page, band, bottom));
  return { band, bottom, columns, rowsFrom };
}

/** Reads every page: tables by geometry, the rest as text lines. */
export function layoutPages(pages: PdfPage[]): { segments: PageSegment[]; tables: OpenTable[] } {
  const segments: PageSegment[] = [];
  const tables: OpenTable[] = [];
  let open: OpenTable | null = null;
  const text = (lines: string[], page: number) => {
    if (!lines.length) return;
    const last = segments[segments.length - 1];
    if (last?.kind === "text" && last.page === page) last.lines.push(...lines);
    else segments.push({ kind: "text", lines, page });
  };
  const close = () => {
    if (open) segments.push({ kind: "table", block: tableBlock(open) });
    open = null;
  };
  pages.forEach((page, p) => {
    const pageNo = p + 1;
    const lines = toLines(page.items);
    const usual = usualSpacing(lines);
    let i = 0;
    if (p === 0) {
      const head = letterhead(lines, page);
      if (head) {
        text(
          head.lines.flatMap((l) => [l, ""]),
          pageNo,
        );
        i = head.used;
      }
    }
    // Page numbers at the top of a page stand between the two halves of a table.
    while (i < lines.length && PAGE_NUMBER.test(lineText(lines[i]))) i++;
    if (open) {
      const continued: OpenTable = open;
      const header = findHeader(lines, i);
      if (header && header.first === i) {
        const { columns: cols, bottom, rowsFrom } = headerBand(lines, header, page);
        if (cols && sameHeader(cols, continued.columns)) {
          // The repeated header is dropped; this page's own boundaries fit its rows best.
          continued.columns = cols;
          i = readRows(continued, lines, rowsFrom, page, pageNo, bottom);
        } else close();
      } else if (continued.atPageEnd && i < lines.length) {
        const { bounds } = continued.columns;
        const bottom = ruledBottom(page.rules, bounds[0] - 15, bounds[bounds.length - 1] + 15, lines[i].y);
        // A ruled table goes on only under its borders: a heading above the next table is not a row.
        if (continued.ruled && bottom === null) close();
        else {
          const before = continued.lines;
          const next = readRows(continued, lines, i, page, pageNo, bottom);
          if (continued.lines === before) close();
          i = next;
        }
      } else close();
      if (open && !continued.atPageEnd) close();
    }
    while (i < lines.length) {
      const header = findHeader(lines, i);
      if (!header) {
        text(
          textLines(
            lines.slice(i).filter((l) => !PAGE_NUMBER.test(lineText(l))),
            usual,
          ),
          pageNo,
        );
        break;
      }
      text(textLines(lines.slice(i, header.first), usual), pageNo);
      const { band, bottom, columns, rowsFrom } = headerBand(lines, header, page);
      if (!columns) {
        text(band.map(lineText), pageNo);
        i = rowsFrom;
        continue;
      }
      close();
      const table: OpenTable = {
        columns,
        rows: [],
        numberColumn: /^(stt|tt|so tt|so thu tu)$/.test(foldForMatch(columns.header[0])),
        lines: 0,
        crossingLines: 0,
        ruled: false,
        joined: 0,
        source: { page: pageNo },
        atPageEnd: false,
      };
      open = table;
      tables.push(table);
      i = readRows(table, lines, rowsFrom, page, pageNo, bottom);
      if (!table.atPageEnd) close();
    }
  });
  close();
  return { segments, tables };
}
