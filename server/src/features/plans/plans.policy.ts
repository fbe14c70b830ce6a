import { type Actor, hasRole } from "../../app/actor";

/** What the policies need to know about a plan: where it lives and who owns it. */
export interface PlanLike {
  provinceId: string;
  ownerUnitId: string;
  ownerUnitKind: string;
  ownerUnitPath: string;
  status: string;
  isFramework: boolean;
}

const sameProvince = (actor: Actor, plan: { provinceId: string }) => actor.provinceId === plan.provinceId;
const seesWholeProvince = (actor: Actor) => hasRole(actor, "coordinator") || hasRole(actor, "viewer");

/**
 * Coordinators and leaders (viewers) read every plan of their province; a unit reads its own plans and
 * its subtree's, and the issued plans of the units above it (the plans it carries out).
 */
export function canReadPlan(actor: Actor, plan: PlanLike): boolean {
  if (hasRole(actor, "admin")) return true;
  if (!sameProvince(actor, plan)) return false;
  if (seesWholeProvince(actor)) return true;
  if (plan.ownerUnitPath.startsWith(actor.unitPath)) return true;
  return plan.status !== "draft" && actor.unitPath.startsWith(plan.ownerUnitPath);
}

/** Coordinators write the province's plans; a unit's officers and heads write only their unit's plans. */
export function canManagePlan(
  actor: Actor,
  plan: Pick<PlanLike, "provinceId" | "ownerUnitId" | "ownerUnitKind">,
) {
  if (hasRole(actor, "admin")) return true;
  if (!sameProvince(actor, plan)) return false;
  if (
    hasRole(actor, "coordinator") &&
    (plan.ownerUnitKind === "province" || plan.ownerUnitId === actor.unitId)
  )
    return true;
  return (hasRole(actor, "officer") || hasRole(actor, "head")) && plan.ownerUnitId === actor.unitId;
}

/** Creating a plan for a unit is managing that unit's plans. */
export const canCreatePlan = (
  actor: Actor,
  owner: { id: string; kind: string; provinceId: string | null },
): boolean =>
  owner.provinceId !== null &&
  canManagePlan(actor, { provinceId: owner.provinceId, ownerUnitId: owner.id, ownerUnitKind: owner.kind });

/**
 * A plan carries out plans of its own province only (an administrator, national, sees them all): a
 * parent elsewhere would tie one province's tasks and progress to another's.
 */
export const canBeParentPlan = (plan: { provinceId: string }, parent: { provinceId: string }) =>
  plan.provinceId === parent.provinceId;

/** A plan changes freely only as a draft. */
export const canUpdatePlan = (actor: Actor, plan: PlanLike) =>
  plan.status === "draft" && canManagePlan(actor, plan);
export const canDeletePlan = canUpdatePlan;
export const canIssuePlan = canUpdatePlan;
/** An issued plan changes only through a recorded amendment. */
export const canAmendPlan = (actor: Actor, plan: PlanLike) =>
  plan.status === "issued" && canManagePlan(actor, plan);
export const canExportPlan = canReadPlan;

/** A unit that carries out an issued plan makes its own plan implementing it. */
export function canCreateChildPlan(actor: Actor, plan: PlanLike): boolean {
  if (plan.status !== "issued" || plan.isFramework || !canReadPlan(actor, plan)) return false;
  return (
    hasRole(actor, "admin") ||
    hasRole(actor, "coordinator") ||
    hasRole(actor, "officer") ||
    hasRole(actor, "head")
  );
}

/** A framework (seed 003 Appendices 3-4) is instantiated for many units by whoever manages it. */
export const canInstantiateFramework = (actor: Actor, plan: PlanLike) =>
  plan.isFramework && plan.status === "issued" && canManagePlan(actor, plan);

/** A unit reports its own progress; a head also for the units under it. */
export function canUpdateAssignment(
  actor: Actor,
  a: { unitId: string; unitPath: string; provinceId: string },
) {
  if (hasRole(actor, "admin")) return true;
  if (!sameProvince(actor, a)) return false;
  if ((hasRole(actor, "officer") || hasRole(actor, "head")) && a.unitId === actor.unitId) return true;
  return hasRole(actor, "head") && a.unitPath.startsWith(actor.unitPath);
}

/** Reassigning work is an act of whoever manages the plan (coordinators for the province's plans). */
export const canReassign = (actor: Actor, plan: PlanLike) =>
  plan.status === "issued" && canManagePlan(actor, plan);

/** Reassigning a merged unit's work across all plans is for the province's coordinators. */
export const canReassignMerged = (actor: Actor, unit: { provinceId: string | null }) =>
  hasRole(actor, "admin") || (hasRole(actor, "coordinator") && unit.provinceId === actor.provinceId);

/**
 * Which tasks an actor's lists may show: all (admins), a province (leaders and coordinators; a
 * coordinator with a monitored subtree, that subtree), or the tasks assigned to a unit's subtree.
 */
export type TaskScope =
  | { kind: "all" }
  | { kind: "province"; provinceId: string }
  | { kind: "subtree"; provinceId: string; unitPath: string };

export function taskScope(actor: Actor): TaskScope {
  if (hasRole(actor, "admin")) return { kind: "all" };
  const provinceId = actor.provinceId ?? "00000000-0000-0000-0000-000000000000";
  if (hasRole(actor, "coordinator") && actor.scopePath)
    return { kind: "subtree", provinceId, unitPath: actor.scopePath };
  if (seesWholeProvince(actor)) return { kind: "province", provinceId };
  return { kind: "subtree", provinceId, unitPath: actor.unitPath };
}

/** The `can` flags a plan carries to the UI. */
export function planCan(actor: Actor, plan: PlanLike) {
  return {
    update: canUpdatePlan(actor, plan),
    issue: canIssuePlan(actor, plan),
    amend: canAmendPlan(actor, plan),
    export: canExportPlan(actor, plan),
    createChildPlan: canCreateChildPlan(actor, plan),
    instantiate: canInstantiateFramework(actor, plan),
    delete: canDeletePlan(actor, plan),
  };
}
