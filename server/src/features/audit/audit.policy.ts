import { type Actor, hasRole } from "../../app/actor";

/** The audit log shows every change to every record: administrators only. */
export function canReadAudit(actor: Actor): boolean {
  return hasRole(actor, "admin");
}
