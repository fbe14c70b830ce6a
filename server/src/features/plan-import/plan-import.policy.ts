import { type Actor, hasRole } from "../../app/actor";

/**
 * Reading a plan document into a draft is for those who write plans: coordinators and admins (the
 * province's plans), officers and heads (their unit's). Nothing is created by the extraction itself.
 */
export function canExtractPlan(actor: Actor): boolean {
  return ["admin", "coordinator", "officer", "head"].some((role) => hasRole(actor, role as never));
}
