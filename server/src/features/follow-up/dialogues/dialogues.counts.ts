/**
 * A dialogue's recommendations counted for its page: by state, by status class and answered on time.
 * The class is core's `followUpStatus` (the tasks' rule) applied to each one, so the page says what
 * the items' list says; a dialogue has at most a few hundred recommendations.
 */
import {
  FOLLOW_UP_STATES,
  type FollowUpState,
  followUpStatus,
} from "../../../../../core/src/follow-up/items";
import { ASSIGNMENT_STATUSES, type AssignmentStatus } from "../../../../../core/src/plans/status";

export interface CountFacts {
  state: string;
  dueDate: string | null;
  doneOn: string | null;
  published: boolean;
}

export function dialogueCounts(facts: CountFacts[], today: string) {
  const byState = Object.fromEntries(FOLLOW_UP_STATES.map((s) => [s, 0])) as Record<FollowUpState, number>;
  const byStatus = Object.fromEntries(ASSIGNMENT_STATUSES.map((s) => [s, 0])) as Record<
    AssignmentStatus,
    number
  >;
  let published = 0;
  for (const f of facts) {
    const state = f.state as FollowUpState;
    byState[state] += 1;
    const status = followUpStatus({ state, dueDate: f.dueDate, doneOn: f.doneOn, today });
    if (status) byStatus[status] += 1;
    // Only an accepted answer is shown on the public list, whatever the flag says.
    if (f.published && state === "accepted") published += 1;
  }
  return {
    total: facts.length,
    byState,
    byStatus,
    accepted: byState.accepted,
    // An answer counts as on time when the host accepted it and it was given by the deadline.
    answeredOnTime: byStatus.completedOnTime,
    published,
  };
}
