/**
 * Scores the plan import on the measuring set: every plan of bench/plan-import/plans in every form
 * (original text, .docx, .pdf with substituted fonts, .pdf with whole text, one cell per line,
 * hard-wrapped) goes through `extractPlan` of the
 * plan import service, the function behind the import route (directory snapshot from a PGlite
 * database holding the demo province, then the parse worker), and is compared with its hand-written
 * truth (core/src/plan-import/measure.ts). Prints one table per form with the targets.
 *
 *   npx tsx bench/plan-import/score.ts [--form original|docx|pdf|pdf-clean|cells|wrapped] [--plan 003] [--json] [--misses]
 *   (--misses lists per plan the truth tasks not found, the extracted tasks matching none, and why
 *   each found task is not usable)
 *   npm run bench:import
 */
import fs from "node:fs";
import path from "node:path";
import {
  misses,
  type PlanScore,
  type Rates,
  rates,
  scorePlan,
  TARGETS,
  type TruthPlan,
} from "../../core/src/plan-import/measure";
import { PLANS_DIR, planIds } from "./document";
import { type Extractor, openExtractor } from "./extractor";
import { FORMS_DIR } from "./render";

export const FORMS = ["original", "docx", "pdf", "pdf-clean", "cells", "wrapped"] as const;
export type Form = (typeof FORMS)[number];

const ORIGINALS = path.resolve(PLANS_DIR, "../../../core/test/fixtures/plans");

/** The file of a plan in a form; the original is the extracted text kept in core/test/fixtures/plans. */
export function formFile(id: string, form: Form): string | null {
  if (form === "original") {
    const name = fs.readdirSync(ORIGINALS).find((f) => f.startsWith(`${id}_`));
    return name ? path.join(ORIGINALS, name) : null;
  }
  const ext = {
    docx: "docx",
    pdf: "pdf",
    "pdf-clean": "clean.pdf",
    cells: "cells.txt",
    wrapped: "wrapped.txt",
  }[form];
  const file = path.join(FORMS_DIR, `${id}.${ext}`);
  return fs.existsSync(file) ? file : null;
}

export function readTruth(id: string): TruthPlan {
  return JSON.parse(fs.readFileSync(path.join(PLANS_DIR, id, "truth.json"), "utf8"));
}

interface Row {
  form: Form;
  plan: string;
  score: PlanScore | null;
  error?: string;
  ms: number;
}

async function measure(ex: Extractor, id: string, form: Form): Promise<Row> {
  const file = formFile(id, form);
  if (!file) return { form, plan: id, score: null, error: "không có tệp", ms: 0 };
  const started = Date.now();
  try {
    const result = await ex.extract(path.basename(file), new Uint8Array(fs.readFileSync(file)));
    return { form, plan: id, score: scorePlan(readTruth(id), result), ms: Date.now() - started };
  } catch (error) {
    return { form, plan: id, score: null, error: (error as Error).message, ms: Date.now() - started };
  }
}

const pct = (x: number | null) => (x === null ? "  —  " : x.toFixed(2).padStart(5));

function line(label: string, r: Rates, ms: number, s: { truth: number; found: number }): string {
  const miss = new Set(misses(r));
  const mark = (k: string, v: string) => `${v}${miss.has(k) ? "✗" : " "}`;
  return [
    label.padEnd(8),
    `${String(s.found).padStart(4)}/${String(s.truth).padEnd(4)}`,
    mark("recall", pct(r.recall)),
    mark("precision", pct(r.precision)),
    mark("usable", pct(r.usable)),
    ` ${pct(r.leads)}`,
    mark("deadlines", pct(r.deadlines)),
    ` ${pct(r.components)}`,
    mark("metadata", `${r.metadata.right}/${r.metadata.of}`.padStart(5)),
    mark("legalBases", pct(r.legalBases)),
    mark("targets", pct(r.targets)),
    `${(ms / 1000).toFixed(1).padStart(6)} s`,
  ].join("  ");
}

const HEAD = [
  "plan    ",
  "tasks    ",
  "recall",
  "precis",
  "usable",
  " leads",
  "deadln",
  " compon",
  "meta  ",
  "bases ",
  "targts",
  "  time",
].join("  ");
const GOAL = [
  "target  ",
  "         ",
  `≥${TARGETS.recall}`.padEnd(6),
  `≥${TARGETS.precision}`.padEnd(6),
  `≥${TARGETS.usable}`.padEnd(6),
  "      ",
  `≥${TARGETS.deadlines}`.padEnd(6),
  "       ",
  "all   ",
  `≥${TARGETS.legalBases}`.padEnd(6),
  `≥${TARGETS.targets}`.padEnd(6),
].join("  ");

function printForm(form: Form, rows: Row[], showMisses: boolean) {
  console.log(`\n== ${form} ==`);
  console.log(HEAD);
  console.log(GOAL);
  const scored = rows.filter((r) => r.score);
  for (const r of rows) {
    if (!r.score) {
      console.log(`${r.plan.padEnd(8)}  lỗi: ${r.error}`);
      continue;
    }
    console.log(
      line(r.plan, rates([r.score]), r.ms, { truth: r.score.truthTasks, found: r.score.extractedTasks }),
    );
    if (showMisses) {
      for (const m of r.score.missed) console.log(`    thiếu: ${m}`);
      for (const m of r.score.spurious) console.log(`    thừa:  ${m}`);
      for (const m of r.score.notUsable) console.log(`    sửa:   ${m}`);
    }
  }
  if (scored.length > 1)
    console.log(
      line(
        "all",
        rates(scored.map((r) => r.score!)),
        scored.reduce((a, r) => a + r.ms, 0),
        {
          truth: scored.reduce((a, r) => a + r.score!.truthTasks, 0),
          found: scored.reduce((a, r) => a + r.score!.extractedTasks, 0),
        },
      ),
    );
}

async function main() {
  const args = process.argv.slice(2);
  const value = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const formArg = value("--form");
  if (formArg && !FORMS.includes(formArg as Form)) {
    console.error(`--form phải là một trong: ${FORMS.join(", ")}`);
    process.exit(2);
  }
  const forms: readonly Form[] = formArg ? [formArg as Form] : FORMS;
  const plans = value("--plan") ? [value("--plan")!] : planIds();
  const json = args.includes("--json");
  const ex = await openExtractor();
  const all: Row[] = [];
  try {
    for (const form of forms) {
      const rows: Row[] = [];
      for (const plan of plans) rows.push(await measure(ex, plan, form));
      all.push(...rows);
      if (!json) printForm(form, rows, args.includes("--misses"));
    }
  } finally {
    await ex.close();
  }
  if (json) {
    const out = forms.map((form) => {
      const rows = all.filter((r) => r.form === form);
      const scored = rows.filter((r) => r.score).map((r) => r.score!);
      return {
        form,
        all: scored.length ? { ...rates(scored), misses: misses(rates(scored)) } : null,
        plans: rows.map((r) => ({
          plan: r.plan,
          ms: r.ms,
          error: r.error ?? null,
          rates: r.score ? rates([r.score]) : null,
          counts: r.score
            ? { ...r.score, missed: r.score.missed.length, spurious: r.score.spurious.length }
            : null,
        })),
      };
    });
    process.stdout.write(`${JSON.stringify({ targets: TARGETS, forms: out }, null, 1)}\n`);
  } else
    console.log(
      "\n✗ = below the issue's target. usable = text right (similarity ≥ 0.9) + leads right + deadline understood; shares of the truth's tasks.",
    );
}

await main();
