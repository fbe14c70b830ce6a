/**
 * Which of a file's total columns is the published total. Publishers' workbooks carry several: the
 * summary sheet's weighted total, an unweighted total beside it or on every sub-index sheet (VCCI),
 * a weighted index beside PAPI's unweighted one. Each column is judged by its values against the
 * version's rule and the plain sum and mean of the components (core's totalReadings), and by what
 * its header says; the published total is the column that follows the version's rule, else the one
 * whose header names the version's kind, preferring the summary sheet. Columns of another kind are
 * set aside without an error; a column of the same kind that disagrees is a real conflict.
 */
import type { IndexVersion } from "../../../../../core/src/indices/definitions/types";
import type { TotalKind } from "./labels";
import { formatVi, sameFigure } from "./numbers";

export interface FigureCell {
  value: number;
  sheet: string;
  /** 0-based row and column of the cell. */
  row: number;
  col: number;
}

export interface TotalColumn {
  id: string;
  sheet: string;
  /** 0-based column in its sheet. */
  col: number;
  /** Reading order of the column in the file (sheets, then columns). */
  order: number;
  hint: TotalKind | null;
  /** Top-level components the same block holds: the summary sheet holds them all. */
  componentsBeside: number;
}

export interface TotalsOfProvince {
  input: string;
  cells: Map<string, FigureCell>;
  readings: { rule: number | null; plain: number[] };
}

type Verdict = "rule" | "plain" | "unknown";

/** Room for figures printed to two decimals and recomputed from components printed the same way. */
const tolerance = (version: IndexVersion) => Math.max(0.01, version.scaleMax * 0.0008);

function verdictOf(column: TotalColumn, provinces: TotalsOfProvince[], version: IndexVersion): Verdict {
  const tol = tolerance(version);
  let compared = 0;
  let matched = 0;
  // Only provinces whose rule and plain totals differ tell the kinds apart.
  let ruleOnly = 0;
  let plainOnly = 0;
  for (const p of provinces) {
    const cell = p.cells.get(column.id);
    if (!cell || p.readings.rule === null) continue;
    compared++;
    const rule = Math.abs(cell.value - p.readings.rule) <= tol;
    const plain = p.readings.plain.some((x) => Math.abs(cell.value - x) <= tol);
    if (rule || plain) matched++;
    if (rule && !plain) ruleOnly++;
    if (plain && !rule) plainOnly++;
  }
  if (compared === 0 || matched < 0.9 * compared) return "unknown";
  const told = ruleOnly + plainOnly;
  if (told === 0 || ruleOnly >= 0.9 * told) return "rule";
  if (plainOnly >= 0.9 * told) return "plain";
  return "unknown";
}

/** Whether a column's header contradicts the version's rule (an "unweighted" PCI, a "weighted" PAPI). */
function contradicts(hint: TotalKind | null, version: IndexVersion): boolean {
  if (hint === null) return false;
  const weightedRule = version.totalRule.aggregation === "weightedMean";
  return weightedRule ? hint === "unweighted" : hint === "weighted";
}

export interface ChosenTotals {
  /** Published total per province (same order as given), null where no column has one. */
  totals: Array<number | null>;
  /** The column the totals come from (its sheet is the summary sheet), null when none. */
  column: TotalColumn | null;
  conflicts: Array<{ cell: FigureCell; message: string }>;
  /** Total columns of another kind than the version's, set aside (said to the person in a note). */
  setAside: Array<{ column: TotalColumn; kind: "unweighted" | "weighted" }>;
}

export function chooseTotals(
  columns: TotalColumn[],
  provinces: TotalsOfProvince[],
  version: IndexVersion,
): ChosenTotals {
  const verdicts = new Map(columns.map((c) => [c.id, verdictOf(c, provinces, version)]));
  const plainRule = version.totalRule.aggregation !== "weightedMean";
  const usable = columns.filter((c) => {
    const v = verdicts.get(c.id);
    if (v === "rule") return true;
    if (v === "plain" && !plainRule) return false;
    return !contradicts(c.hint, version);
  });
  const rank = (c: TotalColumn) => [
    verdicts.get(c.id) === "rule" ? 0 : 1,
    c.hint !== null && !contradicts(c.hint, version) ? 0 : 1,
    -c.componentsBeside,
    c.order,
  ];
  usable.sort((a, b) => {
    const x = rank(a);
    const y = rank(b);
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] - y[i];
    return 0;
  });
  const conflicts: ChosenTotals["conflicts"] = [];
  const totals = provinces.map((p) => {
    let chosen: FigureCell | null = null;
    for (const column of usable) {
      const cell = p.cells.get(column.id);
      if (!cell) continue;
      if (chosen === null) chosen = cell;
      else if (!sameFigure(chosen.value, cell.value))
        conflicts.push({
          cell,
          message: `Tổng điểm của ${p.input} khác với giá trị đã đọc ở bảng khác (${formatVi(chosen.value)}).`,
        });
    }
    return chosen?.value ?? null;
  });
  const setAside = columns
    .filter((c) => !usable.includes(c))
    .map((column) => ({
      column,
      kind: column.hint ?? (version.totalRule.aggregation === "weightedMean" ? "unweighted" : "weighted"),
    })) as ChosenTotals["setAside"];
  return { totals, column: usable[0] ?? null, conflicts, setAside };
}

export interface RankColumn {
  id: string;
  sheet: string;
  order: number;
}

/** Published ranks: the summary sheet's first (the sheet the total came from), then in reading order. */
export function chooseRanks(
  columns: RankColumn[],
  provinces: Array<{ input: string; cells: Map<string, FigureCell> }>,
  summarySheet: string | null,
) {
  const ordered = [...columns].sort(
    (a, b) => Number(b.sheet === summarySheet) - Number(a.sheet === summarySheet) || a.order - b.order,
  );
  const conflicts: ChosenTotals["conflicts"] = [];
  const ranks = provinces.map((p) => {
    let chosen: FigureCell | null = null;
    for (const column of ordered) {
      const cell = p.cells.get(column.id);
      if (!cell) continue;
      if (chosen === null) chosen = cell;
      else if (chosen.value !== cell.value)
        conflicts.push({
          cell,
          message: `Thứ hạng của ${p.input} khác với giá trị đã đọc ở bảng khác (${formatVi(chosen.value)}).`,
        });
    }
    return chosen?.value ?? null;
  });
  return { ranks, conflicts };
}
