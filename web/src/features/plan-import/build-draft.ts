import { PLAN_KIND_LABELS_VI, PLAN_KINDS } from "../../../../core/src/plans/kinds";
import { valueToRef } from "../plans/components/ParticipantSelect";
import type { TaskRowInput } from "../plans/plans.api";

export type ReviewTask = {
  key: string;
  index: number;
  include: boolean;
  sectionPath: string[];
  number: string;
  content: string;
  expectedOutput: string;
  deadlineText: string;
  deadlineUnderstood: boolean;
  note: string;
  leads: string[];
  coordinators: string[];
  /** Labels of the participant values (names as written or resolved). */
  labels: Record<string, string>;
  /** Why the extraction resolved each participant value so (Vietnamese), shown beside the select. */
  reasons: Record<string, string>;
  /** Suggestions per participant as written: shown first in the select. */
  suggestions: string[];
  flags: string[];
  source: string;
  edited: boolean;
};

/** "Kế hoạch" (as the extraction names it) → "plan". */
export function kindOf(label: string | null): (typeof PLAN_KINDS)[number] {
  if (!label) return "plan";
  const l = label.trim().toLowerCase();
  for (const k of PLAN_KINDS) if (PLAN_KIND_LABELS_VI[k].toLowerCase() === l) return k;
  if (l.startsWith("kế hoạch")) return "plan";
  if (l.startsWith("chương trình")) return "actionProgram";
  if (l.startsWith("quyết định")) return "decision";
  if (l.startsWith("thông báo")) return "conclusionNotice";
  if (l.startsWith("chỉ thị")) return "directive";
  return "other";
}

const cut = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
const refs = (values: string[]) =>
  values
    .map((v) => (v.startsWith("n:") ? `n:${cut(v.slice(2).trim(), 300)}` : v))
    .filter((v) => v !== "n:")
    .map(valueToRef);

/** "III. NHIỆM VỤ, GIẢI PHÁP" → number "III", content "NHIỆM VỤ, GIẢI PHÁP". */
export function splitHeading(text: string): { number: string; content: string } {
  const m = text.match(/^\s*((?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ]))[.)]\s+(.+)$/i);
  if (m?.[1] && m[2] && m[1].length <= 20) return { number: m[1], content: m[2].trim() };
  return { number: "", content: text.trim() };
}

/**
 * The reviewed extraction as grid rows: one section row per heading (nested as in the document),
 * the tasks under their section, leads and coordinators as units, groups or names as written.
 */
export function buildTaskRows(tasks: ReviewTask[]): TaskRowInput[] {
  const rows: TaskRowInput[] = [];
  const sections = new Map<string, string>();
  let n = 0;
  for (const task of tasks) {
    if (!task.include || !task.content.trim()) continue;
    let parentKey: string | null = null;
    task.sectionPath.forEach((heading, i) => {
      const path = task.sectionPath.slice(0, i + 1).join("\u0001");
      let key = sections.get(path);
      if (!key) {
        key = `s${sections.size + 1}`;
        sections.set(path, key);
        const h = splitHeading(heading);
        rows.push({
          key,
          parentKey,
          kind: "section",
          number: h.number || undefined,
          content: cut(h.content || heading, 5000),
        });
      }
      parentKey = key;
    });
    rows.push({
      key: `t${++n}`,
      parentKey,
      kind: "task",
      number: task.number ? cut(task.number, 20) : undefined,
      content: cut(task.content.trim(), 5000),
      expectedOutput: cut(task.expectedOutput, 5000),
      deadlineText: cut(task.deadlineText, 500),
      reportingNote: cut(task.note, 1000),
      leads: refs(task.leads),
      coordinators: refs(task.coordinators),
    });
  }
  return rows;
}
