/**
 * How an inspection's remediation stands, counted from its items by THE status rule of follow-up items
 * (core's `followUpStatus`, which is the tasks' `classifyStatus`): done (accepted, or closed), overdue,
 * and open (the rest: not yet reported, reported or returned, within the deadline).
 */
import { type FollowUpState, followUpStatus } from "../../../../../core/src/follow-up/items";
import type { ItemFacts } from "./inspections.repository";

export type RemediationCounts = { open: number; overdue: number; closed: number };

export const noRemediation = (): RemediationCounts => ({ open: 0, overdue: 0, closed: 0 });

/** The bucket of one item today. */
export function remediationBucket(
  item: { state: string; dueDate: string | null; doneOn: string | null },
  today: string,
): keyof RemediationCounts {
  const state = item.state as FollowUpState;
  if (state === "accepted" || state === "closed") return "closed";
  return followUpStatus({ state, dueDate: item.dueDate, doneOn: item.doneOn, today }) === "overdue"
    ? "overdue"
    : "open";
}

/** Counts per inspection (and in total) of the items given. */
export function countRemediation(items: ItemFacts[], today: string) {
  const byInspection = new Map<string, RemediationCounts>();
  const total = noRemediation();
  for (const item of items) {
    const counts = byInspection.get(item.inspectionId) ?? noRemediation();
    const bucket = remediationBucket(item, today);
    counts[bucket] += 1;
    total[bucket] += 1;
    byInspection.set(item.inspectionId, counts);
  }
  return { byInspection, total };
}
