/**
 * What a report's send button does next, so its label can say it: the officer of a unit whose
 * reports need approval hands the report to the head; the head (or a unit without approval) sends it
 * on to the receiver. The state comes from `transition` (the server sends it as `submitLeadsTo`).
 */
import type { ReportState } from "./report-state";

export type SendStep = "toHead" | "toReceiver" | "againToReceiver";

export function sendStep(next: ReportState | null): SendStep | null {
  if (next === "pendingApproval") return "toHead";
  if (next === "submitted") return "toReceiver";
  if (next === "resubmitted") return "againToReceiver";
  return null;
}
