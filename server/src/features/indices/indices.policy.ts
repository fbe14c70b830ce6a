import { type Actor, hasRole } from "../../app/actor";

type TargetLike = { provinceUnitId: string };

/** Province-level results are public data: every signed-in user reads them. */
export function canReadResults(_actor: Actor): boolean {
  return true;
}

/** Results are imported and entered by the coordinating departments and administrators. */
export function canManageResults(actor: Actor): boolean {
  return hasRole(actor, "admin") || hasRole(actor, "coordinator");
}

/** Methodologies (definitions, versions, components) are edited by administrators. */
export function canEditDefinitions(actor: Actor): boolean {
  return hasRole(actor, "admin");
}

/** A province's targets are read inside the province; admins read all. */
export function canReadTargets(actor: Actor, target: TargetLike): boolean {
  return hasRole(actor, "admin") || actor.provinceId === target.provinceUnitId;
}

/** A province's targets are set by its coordinators, or by administrators. */
export function canWriteTargets(actor: Actor, target: TargetLike): boolean {
  return (
    hasRole(actor, "admin") || (hasRole(actor, "coordinator") && actor.provinceId === target.provinceUnitId)
  );
}
