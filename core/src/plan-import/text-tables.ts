/**
 * Tables recovered from plain text, in the two shapes converters write them besides tab-separated rows:
 *  - one cell per line: every row begins with a tab line (the STT cell, often empty) and each further
 *    cell stands on its own tab-indented line (Word tables saved or copied by many converters);
 *  - columns of spaces (pdftotext -layout): every wrapped line of a cell is its own line, cells of a row
 *    sit side by side, separated by runs of spaces that line up from line to line.
 * Pure and bounded: a run is read once, columns are found from the positions of the text, and every
 * table gets a confidence (lower when rows had to be padded, merged or guessed).
 */

import { letterheadAt } from "./text-layout";
import { cellPerLineAt } from "./text-tables.cells";
import { columnsAt } from "./text-tables.columns";
import type { RecoveredTable } from "./text-tables.shared";

export type { RecoveredTable } from "./text-tables.shared";

/** Finds both shapes in the lines of a text; the runs never overlap and are in line order. */
export function recoverTextTables(lines: string[]): RecoveredTable[] {
  const out: RecoveredTable[] = [];
  let i = 0;
  while (i < lines.length && !lines[i].trim() && !lines[i].includes("\t")) i++;
  const head = letterheadAt(lines, i);
  if (head) {
    out.push(head);
    i = head.end;
  }
  while (i < lines.length) {
    const found = cellPerLineAt(lines, i) ?? columnsAt(lines, i);
    if (found) {
      out.push(found);
      i = Math.max(found.end, i + 1);
    } else i++;
  }
  return out;
}
