/**
 * The JSON contract of a deadline (printed by `chiso deadline parse`, consumed by the plan import).
 * Built field by field so the shape stays exactly the documented one whatever the model grows.
 */

import { dueDate, periodOf } from "./deadline.due";
import type { Deadline, DeadlineJson } from "./deadline.types";

export function deadlineToJson(d: Deadline): DeadlineJson {
  return {
    text: d.text,
    understood: d.kind !== "unknown",
    kind: d.kind,
    due: dueDate(d),
    milestones:
      d.kind === "milestones"
        ? d.milestones.map((m) => ({ label: m.label, due: periodOf(m.deadline).end }))
        : [],
    recurrence: d.kind === "recurring" ? { frequency: d.frequency, from: d.from, until: d.until } : null,
  };
}
