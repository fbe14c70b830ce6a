/**
 * Numbering of a task table as plans write it: sections "I", "II"; tasks "1", "2"; sub-tasks "1.1";
 * then "a", "b"; then "-". Pure, shared by the grid (web) and the import and export (server).
 */

const ROMAN: Array<[number, string]> = [
  [1000, "M"],
  [900, "CM"],
  [500, "D"],
  [400, "CD"],
  [100, "C"],
  [90, "XC"],
  [50, "L"],
  [40, "XL"],
  [10, "X"],
  [9, "IX"],
  [5, "V"],
  [4, "IV"],
  [1, "I"],
];

export function toRoman(n: number): string {
  let out = "";
  let rest = n;
  for (const [value, letters] of ROMAN) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

export type NumberStyle = "roman" | "arabic" | "decimal" | "letter" | "dash" | "none";

/** The style of a number as written in a document ("III" roman, "2" arabic, "2.1" decimal, "b" letter). */
export function numberStyleOf(number: string): NumberStyle {
  const n = number.trim().replace(/[.)]$/, "");
  if (!n) return "none";
  if (/^[IVXLC]+$/.test(n)) return "roman";
  if (/^\d+$/.test(n)) return "arabic";
  if (/^\d+(\.\d+)+$/.test(n)) return "decimal";
  if (/^[a-zđ]$/.test(n)) return "letter";
  if (/^[-–•+]$/.test(n)) return "dash";
  return "none";
}

/** Depth in the tree a number implies: sections 0, tasks 1, "1.1" 2, letters 3, dashes 4. */
export function depthOfNumber(number: string): number | null {
  switch (numberStyleOf(number)) {
    case "roman":
      return 0;
    case "arabic":
      return 1;
    case "decimal":
      return number.trim().split(".").filter(Boolean).length;
    case "letter":
      return 3;
    case "dash":
      return 4;
    default:
      return null;
  }
}

const LETTERS = "abcdefghiklmnopqrstuvxy";

/** The number of the `index`-th (0-based) child at a depth, under a parent numbered `parentNumber`. */
export function numberFor({
  kind,
  depth,
  index,
  parentNumber,
}: {
  kind: "section" | "task";
  depth: number;
  index: number;
  parentNumber: string | null;
}): string {
  if (kind === "section") return toRoman(index + 1);
  const parentStyle = parentNumber ? numberStyleOf(parentNumber) : "none";
  if (parentStyle === "none" || parentStyle === "roman") return String(index + 1);
  if (parentStyle === "arabic" || (parentStyle === "decimal" && depth <= 2))
    return `${parentNumber}.${index + 1}`;
  if (parentStyle === "decimal" || parentStyle === "letter")
    return parentStyle === "letter" ? "-" : (LETTERS[index] ?? "-");
  return "-";
}

/** Numbers a whole tree in order (rows listed parents first, in their order). */
export function numberTree<T extends { id: string; parentId: string | null; kind: "section" | "task" }>(
  rows: T[],
): Map<string, string> {
  const out = new Map<string, string>();
  const counters = new Map<string, number>();
  const depth = new Map<string, number>();
  for (const row of rows) {
    const key = row.parentId ?? "";
    const index = counters.get(key) ?? 0;
    counters.set(key, index + 1);
    const d = row.parentId ? (depth.get(row.parentId) ?? 0) + 1 : 0;
    depth.set(row.id, d);
    const parentNumber = row.parentId ? (out.get(row.parentId) ?? null) : null;
    out.set(row.id, numberFor({ kind: row.kind, depth: d, index, parentNumber }));
  }
  return out;
}

/**
 * A task's number as people say it: with its section's ("II.3"), since task numbers start again in
 * every section and "nhiệm vụ 3" alone names one task per section. The one form of the report's
 * form, its review and its documents.
 */
export function numberInPlan(sectionNumber: string | null | undefined, number: string): string {
  const task = number.trim().replace(/\.$/, "");
  const section = (sectionNumber ?? "").trim().replace(/\.$/, "");
  if (!task) return section;
  return section ? `${section}.${task}` : task;
}
