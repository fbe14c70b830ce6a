/**
 * The straight lines a PDF page draws (table borders), from pdf.js's operator list: stroked
 * axis-aligned segments and thin filled rectangles, in page space (the current transformation is
 * followed through save/restore). Curves, clipping paths and large filled areas are not borders.
 */
import type { PdfRule } from "./types";

interface OperatorList {
  fnArray: number[];
  argsArray: unknown[];
}

type Matrix = [number, number, number, number, number, number];

const times = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

const MAX_RULES = 20_000;

export function pdfRules(list: OperatorList, OPS: Record<string, number>): PdfRule[] {
  const rules: PdfRule[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stroke = new Set([
    OPS.stroke,
    OPS.closeStroke,
    OPS.fillStroke,
    OPS.eoFillStroke,
    OPS.closeFillStroke,
    OPS.closeEOFillStroke,
  ]);
  const fill = new Set([OPS.fill, OPS.eoFill]);
  const at = (x: number, y: number): [number, number] => [
    ctm[0] * x + ctm[2] * y + ctm[4],
    ctm[1] * x + ctm[3] * y + ctm[5],
  ];
  const add = (ax: number, ay: number, bx: number, by: number) => {
    const [x1, y1] = at(ax, ay);
    const [x2, y2] = at(bx, by);
    if (Math.abs(y1 - y2) <= 1 || Math.abs(x1 - x2) <= 1)
      rules.push({ x1: Math.min(x1, x2), x2: Math.max(x1, x2), y1: Math.min(y1, y2), y2: Math.max(y1, y2) });
  };
  for (let i = 0; i < list.fnArray.length && rules.length < MAX_RULES; i++) {
    const fn = list.fnArray[i];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = times(ctm, list.argsArray[i] as Matrix);
    else if (fn === OPS.constructPath) {
      const [op, paths] = list.argsArray[i] as [number, ArrayLike<number>[] | null];
      if (stroke.has(op) && paths) {
        for (const path of paths) segments(path, add);
      } else if (fill.has(op) && paths) {
        // Borders filled as thin bars, often many in one path (one per cell side): each sub-path
        // thinner than 2 pt is a rule.
        for (const path of paths)
          for (const [ax, ay, bx, by] of subpathBoxes(path)) {
            if (by - ay <= 2 && bx - ax > 4) add(ax, (ay + by) / 2, bx, (ay + by) / 2);
            else if (bx - ax <= 2 && by - ay > 4) add((ax + bx) / 2, ay, (ax + bx) / 2, by);
          }
      }
    }
  }
  return rules;
}

/** pdf.js path data: 0 moveTo x y, 1 lineTo x y, 2 curveTo (6 numbers), 3 quadraticCurveTo (4), 4 closePath. */
function segments(path: ArrayLike<number>, add: (ax: number, ay: number, bx: number, by: number) => void) {
  let x = 0;
  let y = 0;
  let sx = 0;
  let sy = 0;
  for (let k = 0; k < path.length; ) {
    const op = path[k];
    if (op === 0) {
      x = sx = path[k + 1];
      y = sy = path[k + 2];
      k += 3;
    } else if (op === 1) {
      add(x, y, path[k + 1], path[k + 2]);
      x = path[k + 1];
      y = path[k + 2];
      k += 3;
    } else if (op === 2) {
      x = path[k + 5];
      y = path[k + 6];
      k += 7;
    } else if (op === 3) {
      x = path[k + 3];
      y = path[k + 4];
      k += 5;
    } else if (op === 4) {
      add(x, y, sx, sy);
      x = sx;
      y = sy;
      k += 1;
    } else break;
  }
}

/** Bounding boxes [x1, y1, x2, y2] of the sub-paths (each starts at a moveTo) of pdf.js path data. */
function subpathBoxes(path: ArrayLike<number>): Array<[number, number, number, number]> {
  const boxes: Array<[number, number, number, number]> = [];
  let box: [number, number, number, number] | null = null;
  const extend = (x: number, y: number) => {
    if (!box) return;
    box[0] = Math.min(box[0], x);
    box[1] = Math.min(box[1], y);
    box[2] = Math.max(box[2], x);
    box[3] = Math.max(box[3], y);
  };
  for (let k = 0; k < path.length && boxes.length < MAX_RULES; ) {
    const op = path[k];
    if (op === 0) {
      box = [path[k + 1], path[k + 2], path[k + 1], path[k + 2]];
      boxes.push(box);
      k += 3;
    } else if (op === 1) {
      extend(path[k + 1], path[k + 2]);
      k += 3;
    } else if (op === 2) {
      extend(path[k + 5], path[k + 6]);
      k += 7;
    } else if (op === 3) {
      extend(path[k + 3], path[k + 4]);
      k += 5;
    } else if (op === 4) k += 1;
    else break;
  }
  return boxes;
}
