/**
 * The shapes the PDF reader passes between its steps: the positioned text runs and drawn lines pdf.js
 * gives for a page (PdfItem, PdfRule, PdfPage), the lines the runs are grouped into (Line), and what a
 * page is read into (PageSegment: running text or a table block). Kept apart so that each step's file
 * depends on these shapes and not on another step.
 */
import type { TableBlock } from "../../../../../core/src/plan-import/model";

export interface PdfItem {
  x: number;
  /** Baseline, PDF space (grows upwards). */
  y: number;
  w: number;
  size: number;
  s: string;
}

/** A drawn horizontal (y1 === y2) or vertical (x1 === x2) line of the page. */
export interface PdfRule {
  x1: number;
  x2: number;
  y1: number;
  y2: number;
}

export interface PdfPage {
  items: PdfItem[];
  rules: PdfRule[];
  width: number;
}

export interface Line {
  y: number;
  size: number;
  items: PdfItem[];
}

export type PageSegment =
  | { kind: "text"; lines: string[]; page: number }
  | { kind: "table"; block: TableBlock };
