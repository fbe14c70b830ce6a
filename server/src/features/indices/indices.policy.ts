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

type DefinitionLike = { custom: boolean; ownerUnitId: string | null };

/**
 * National indices (no owner) are seen by everyone; a province's own index only inside that
 * province, administrators included: to anyone else it does not exist (404).
 */
export function canSeeDefinition(actor: Actor, def: DefinitionLike): boolean {
  return def.ownerUnitId === null || def.ownerUnitId === actor.provinceId;
}

/** A province's own index (DDCI) is designed by its administrators and coordinators. */
export function canEditCustomIndices(actor: Actor): boolean {
  return actor.provinceId !== null && (hasRole(actor, "admin") || hasRole(actor, "coordinator"));
}

export function canEditCustomIndex(actor: Actor, def: DefinitionLike): boolean {
  return (
    def.custom && def.ownerUnitId !== null && canSeeDefinition(actor, def) && canEditCustomIndices(actor)
  );
}
