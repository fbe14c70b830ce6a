/**
 * How well a plan import did against a hand-written truth (the measuring set in bench/plan-import):
 * tasks matched one-to-one by their text, then per matched task whether the lead and the deadline
 * came out right, plus metadata, legal bases and targets. Pure arithmetic, so a unit test can prove
 * that matching and counting do what the figures claim; bench/plan-import/score.ts prints them.
 */
import { expandAbbreviations, foldForMatch } from "../text/vietnamese";
import type { ExtractedPlan, UnitRef } from "./model";

export interface TruthTask {
  /** Where the task is in the document ("Phụ lục 2, II.1, dòng 408"), for the person who checks. */
  ref: string;
  text: string;
  /** Lead agencies as written, one per agency; empty when the document names none. */
  leads: string[];
  coordinators: string[];
  /** The deadline as written, null when the document gives none. */
  deadline: string | null;
  /** The due date (ISO) when the phrase names one a person would enter. */
  due?: string;
  /** The index or component the document links the task to ("PCI:LAND"). */
  component?: string;
}

export interface TruthTarget {
  /** The index or component ("PCI", "PAPI:D1.1"); absent when the document's target names none. */
  code?: string;
  text: string;
  /** Numbers of the baseline and of the target as the document states them (value, rank…). */
  baseline?: number[];
  target: number[];
}

export interface TruthPlan {
  id: string;
  title: string;
  /** Number and date are null when the document has none (a draft, an unnumbered copy). */
  metadata: { kind: string; number: string | null; date: string | null; issuer: string; title: string };
  legalBases: string[];
  targets: TruthTarget[];
  tasks: TruthTask[];
}

/** Folded, abbreviations expanded, list marks and punctuation gone: what two writings share. */
export function normalizeForMatch(text: string): string {
  return expandAbbreviations(foldForMatch(text.replace(/^[\s\-–•+*]+/, "")));
}

function tokens(text: string): string[] {
  return normalizeForMatch(text).split(" ").filter(Boolean);
}

/** Dice coefficient of the two texts' word multisets, 0..1 (1 = same words). */
export function textSimilarity(a: string, b: string): number {
  return diceOf(tokens(a), tokens(b));
}

function diceOf(ta: string[], tb: string[]): number {
  if (!ta.length && !tb.length) return 1;
  if (!ta.length || !tb.length) return 0;
  const counts = new Map<string, number>();
  for (const t of ta) counts.set(t, (counts.get(t) ?? 0) + 1);
  let shared = 0;
  for (const t of tb) {
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(t, n - 1);
    }
  }
  return (2 * shared) / (ta.length + tb.length);
}

/**
 * How much a pair's distance in the document counts against it: plans repeat tasks word for word
 * (the same row in the province's, the districts' and the communes' appendices), so among near
 * equals the pair in the same place of the document wins. 0.1 outweighs a few words of difference
 * (a component name glued to the row's text) but never a different task.
 */
const POSITION_WEIGHT = 0.1;

/**
 * One-to-one matching of truth items to extracted items: every pair at or above `threshold`, best
 * first (similarity, less a little for lying far apart in the document), each item used once.
 * Returns, per truth index, the matched extracted index or -1.
 */
export function matchOneToOne(truth: string[], found: string[], threshold: number): number[] {
  const tt = truth.map(tokens);
  const ft = found.map(tokens);
  const place = (i: number, n: number) => (n > 1 ? i / (n - 1) : 0);
  const pairs: Array<{ t: number; f: number; rank: number }> = [];
  for (let t = 0; t < tt.length; t++)
    for (let f = 0; f < ft.length; f++) {
      const s = diceOf(tt[t], ft[f]);
      if (s >= threshold)
        pairs.push({
          t,
          f,
          rank: s - POSITION_WEIGHT * Math.abs(place(t, tt.length) - place(f, ft.length)),
        });
    }
  pairs.sort((a, b) => b.rank - a.rank || a.t - b.t || a.f - b.f);
  const out = truth.map(() => -1);
  const used = new Set<number>();
  for (const p of pairs) {
    if (out[p.t] !== -1 || used.has(p.f)) continue;
    out[p.t] = p.f;
    used.add(p.f);
  }
  return out;
}

/** A task counts as found when its text shares at least this much with an extracted task. */
export const TASK_MATCH_THRESHOLD = 0.5;
/** …and as "text right" (nothing to retype) from this similarity on. */
export const TASK_TEXT_RIGHT = 0.9;

/** Whether an extracted agency is the one written: same words, or the directory unit it resolved to. */
function sameAgency(truth: string, found: UnitRef): boolean {
  const t = normalizeForMatch(truth);
  if (normalizeForMatch(found.text) === t) return true;
  if (found.unit && normalizeForMatch(found.unit) === t) return true;
  return textSimilarity(truth, found.text) >= 0.85;
}

/** The agencies are right when each written agency is found once and nothing else was added. */
export function agenciesRight(truth: string[], found: UnitRef[]): boolean {
  if (truth.length !== found.length) return false;
  const used = new Set<number>();
  for (const t of truth) {
    const i = found.findIndex((f, k) => !used.has(k) && sameAgency(t, f));
    if (i < 0) return false;
    used.add(i);
  }
  return true;
}

interface FoundDeadline {
  text: string;
  understood: boolean;
  due: string | null;
}

/**
 * A deadline is understood when the phrase kept is the written one, the reader understood it, and
 * the due date is the one the phrase names. A task whose document gives no deadline must not get
 * one the system would schedule by (an understood phrase); words kept but flagged do no harm.
 */
export function deadlineRight(truth: TruthTask, found: FoundDeadline): boolean {
  if (truth.deadline === null) return !found.text.trim() || !found.understood;
  if (!found.understood) return false;
  const t = normalizeForMatch(truth.deadline);
  const f = normalizeForMatch(found.text);
  if (t !== f && textSimilarity(truth.deadline, found.text) < 0.8) return false;
  return !truth.due || found.due === truth.due;
}

export interface MetadataScore {
  kind: boolean;
  number: boolean;
  date: boolean;
  issuer: boolean;
  title: boolean;
}

export function scoreMetadata(truth: TruthPlan["metadata"], found: ExtractedPlan["metadata"]): MetadataScore {
  const same = (a: string, b: string | null) => !!b && normalizeForMatch(a) === normalizeForMatch(b);
  return {
    kind: same(truth.kind, found.kind),
    // A document without a number must not get one: null is then the right answer.
    number: (truth.number ?? "").replace(/\s+/g, "") === (found.number ?? "").replace(/\s+/g, ""),
    date: (found.date ?? null) === truth.date,
    issuer: same(truth.issuer, found.issuer),
    title: !!found.title && textSimilarity(truth.title, found.title) >= 0.9,
  };
}

function numbersOf(v: unknown): number[] {
  if (!v || typeof v !== "object") return [];
  return Object.entries(v as Record<string, unknown>)
    .filter(([k, n]) => k !== "text" && typeof n === "number")
    .map(([, n]) => n as number);
}

/** A truth target is found when an extracted target names the same component and carries its numbers. */
export function targetsFound(truth: TruthTarget[], found: ExtractedPlan["targets"]): boolean[] {
  const used = new Set<number>();
  const has = (numbers: number[] | undefined, v: unknown) =>
    (numbers ?? []).every((n) => numbersOf(v).some((m) => Math.abs(m - n) < 1e-9));
  return truth.map((t) => {
    const i = found.findIndex(
      (f, k) =>
        !used.has(k) &&
        (t.code ? f.resolved === t.code : textSimilarity(t.text, f.component) >= 0.7) &&
        has(t.target, f.target) &&
        has(t.baseline, f.baseline),
    );
    if (i >= 0) used.add(i);
    return i >= 0;
  });
}

export interface PlanScore {
  truthTasks: number;
  extractedTasks: number;
  matched: number;
  textRight: number;
  leadsRight: number;
  coordinatorsRight: number;
  /** Matched tasks whose truth has a deadline, and of them the ones understood right. */
  deadlines: number;
  deadlinesRight: number;
  componentsStated: number;
  componentsRight: number;
  usable: number;
  metadata: MetadataScore;
  legalBases: { truth: number; found: number };
  targets: { truth: number; found: number };
  /** Truth tasks not found, and extracted tasks matching no truth task (for reading, not counting). */
  missed: string[];
  spurious: string[];
  /** Matched tasks that are not usable, with what is wrong (text, lead, deadline as found). */
  notUsable: string[];
}

type FoundTask = Pick<
  ExtractedPlan["tasks"][number],
  "content" | "leads" | "coordinators" | "deadline" | "sectionComponent"
>;

export function scorePlan(
  truth: TruthPlan,
  found: Pick<ExtractedPlan, "metadata" | "legalBases" | "targets"> & { tasks: FoundTask[] },
): PlanScore {
  const match = matchOneToOne(
    truth.tasks.map((t) => t.text),
    found.tasks.map((t) => t.content),
    TASK_MATCH_THRESHOLD,
  );
  const s: PlanScore = {
    truthTasks: truth.tasks.length,
    extractedTasks: found.tasks.length,
    matched: 0,
    textRight: 0,
    leadsRight: 0,
    coordinatorsRight: 0,
    deadlines: 0,
    deadlinesRight: 0,
    componentsStated: 0,
    componentsRight: 0,
    usable: 0,
    metadata: scoreMetadata(truth.metadata, found.metadata),
    legalBases: {
      truth: truth.legalBases.length,
      found: matchOneToOne(
        truth.legalBases,
        found.legalBases.map((b) => b.text),
        0.6,
      ).filter((i) => i >= 0).length,
    },
    targets: {
      truth: truth.targets.length,
      found: targetsFound(truth.targets, found.targets).filter(Boolean).length,
    },
    missed: [],
    spurious: [],
    notUsable: [],
  };
  truth.tasks.forEach((t, ti) => {
    const fi = match[ti];
    if (t.component) s.componentsStated++;
    if (t.deadline !== null) s.deadlines++;
    if (fi < 0) {
      s.missed.push(`${t.ref}: ${t.text.slice(0, 80)}`);
      return;
    }
    const f = found.tasks[fi];
    s.matched++;
    const text = textSimilarity(t.text, f.content) >= TASK_TEXT_RIGHT;
    const lead = agenciesRight(t.leads, f.leads);
    const deadline = deadlineRight(t, f.deadline);
    if (text) s.textRight++;
    if (lead) s.leadsRight++;
    if (agenciesRight(t.coordinators, f.coordinators)) s.coordinatorsRight++;
    if (t.deadline !== null && deadline) s.deadlinesRight++;
    if (t.component && f.sectionComponent === t.component) s.componentsRight++;
    if (text && lead && deadline) s.usable++;
    else {
      const why = [
        ...(text ? [] : ["text differs"]),
        ...(lead ? [] : [`leads [${f.leads.map((u) => u.text).join("; ")}] ≠ [${t.leads.join("; ")}]`]),
        ...(deadline
          ? []
          : [
              `deadline "${f.deadline.text}"${f.deadline.understood ? "" : " (not understood)"} ≠ "${t.deadline ?? ""}"`,
            ]),
      ];
      s.notUsable.push(`${t.ref}: ${why.join("; ")}`);
    }
  });
  const matchedFound = new Set(match.filter((i) => i >= 0));
  found.tasks.forEach((f, i) => {
    if (!matchedFound.has(i)) s.spurious.push(f.content.slice(0, 80));
  });
  return s;
}

/** The targets ("Done when") for every form. */
export const TARGETS = {
  recall: 0.95,
  precision: 0.9,
  usable: 0.85,
  deadlines: 0.95,
  metadata: 1,
  legalBases: 0.9,
  targets: 0.9,
} as const;

export interface Rates {
  recall: number;
  precision: number;
  usable: number;
  leads: number;
  deadlines: number | null;
  components: number | null;
  metadata: { right: number; of: number };
  legalBases: number | null;
  targets: number | null;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

/**
 * Rates over one or several plans (sums first, then ratios: a 170-task plan weighs more than a
 * 40-task one). Usable, leads and deadlines are shares of the truth, so a task not found counts
 * as not usable; deadlines, legal bases and targets are null when the truth has none to find.
 */
export function rates(scores: PlanScore[]): Rates {
  const sum = (f: (s: PlanScore) => number) => scores.reduce((a, s) => a + f(s), 0);
  const truth = sum((s) => s.truthTasks);
  const bases = sum((s) => s.legalBases.truth);
  const targets = sum((s) => s.targets.truth);
  const components = sum((s) => s.componentsStated);
  const deadlines = sum((s) => s.deadlines);
  return {
    recall: ratio(
      sum((s) => s.matched),
      truth,
    ),
    precision: ratio(
      sum((s) => s.matched),
      sum((s) => s.extractedTasks),
    ),
    usable: ratio(
      sum((s) => s.usable),
      truth,
    ),
    leads: ratio(
      sum((s) => s.leadsRight),
      truth,
    ),
    deadlines: deadlines
      ? ratio(
          sum((s) => s.deadlinesRight),
          deadlines,
        )
      : null,
    components: components
      ? ratio(
          sum((s) => s.componentsRight),
          components,
        )
      : null,
    metadata: {
      right: sum((s) => Object.values(s.metadata).filter(Boolean).length),
      of: scores.length * 5,
    },
    legalBases: bases
      ? ratio(
          sum((s) => s.legalBases.found),
          bases,
        )
      : null,
    targets: targets
      ? ratio(
          sum((s) => s.targets.found),
          targets,
        )
      : null,
  };
}

/** The rates that miss the targets, by name. */
export function misses(r: Rates): string[] {
  const out: string[] = [];
  if (r.recall < TARGETS.recall) out.push("recall");
  if (r.precision < TARGETS.precision) out.push("precision");
  if (r.usable < TARGETS.usable) out.push("usable");
  if (r.deadlines !== null && r.deadlines < TARGETS.deadlines) out.push("deadlines");
  if (r.metadata.right < r.metadata.of) out.push("metadata");
  if (r.legalBases !== null && r.legalBases < TARGETS.legalBases) out.push("legalBases");
  if (r.targets !== null && r.targets < TARGETS.targets) out.push("targets");
  return out;
}
