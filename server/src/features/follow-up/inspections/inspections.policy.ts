/**
 * Who may see and do what with inspection plans, inspections and their findings: the registers'
 * rules (follow-up.policy.ts) applied to the plan's inspecting unit and the inspected unit. Pure.
 */
import type { FollowUpState } from "../../../../../core/src/follow-up/items";
import { type Actor, hasRole } from "../../../app/actor";
import { canManageFor, canReadOwned } from "../follow-up.policy";

/** What the rules need of a plan: its province and its inspecting (owner) unit. */
export interface InspectionPlanLike {
  provinceId: string;
  ownerUnitId: string;
  ownerUnitKind: string;
  ownerUnitPath: string;
}

/** An inspection as the rules see it: its plan's owner and the inspected unit. */
export interface InspectionLike extends InspectionPlanLike {
  unitPath: string;
  state: string;
}

const ownerOf = (plan: InspectionPlanLike) => ({
  id: plan.ownerUnitId,
  kind: plan.ownerUnitKind,
  provinceId: plan.provinceId,
});

/** A plan is made for a unit the actor inspects for (her own unit; a coordinator also for the province). */
export const canCreateInspectionPlan = (
  actor: Actor,
  owner: { id: string; kind: string; provinceId: string | null },
) => owner.provinceId !== null && canManageFor(actor, owner);

/** Whoever runs the inspecting unit's inspections edits the plan, its inspections and their records. */
export const canManageInspectionPlan = (actor: Actor, plan: InspectionPlanLike) =>
  canManageFor(actor, ownerOf(plan));

/**
 * The province's coordinators and viewers read every plan; a unit reads the plans of its subtree's
 * inspecting units, and a plan that inspects its subtree (`inspectsActor`, read by the caller).
 */
export const canReadInspectionPlan = (actor: Actor, plan: InspectionPlanLike, inspectsActor: boolean) =>
  canReadOwned(actor, { provinceId: plan.provinceId, ownerUnitPath: plan.ownerUnitPath }) ||
  (inspectsActor && actor.provinceId === plan.provinceId);

/** An inspection is read by its plan's readers of the whole province, the inspecting unit and the inspected unit. */
export const canReadInspection = (actor: Actor, i: InspectionLike) =>
  canReadOwned(actor, {
    provinceId: i.provinceId,
    ownerUnitPath: i.ownerUnitPath,
    subjectUnitPath: i.unitPath,
  });

/** A plan is deleted only while none of its inspections has a record. */
export const canDeleteInspectionPlan = (actor: Actor, plan: InspectionPlanLike, doneCount: number) =>
  doneCount === 0 && canManageInspectionPlan(actor, plan);

/** Dates, team and scope change, and a cancellation happens, only before the record. */
export const canEditInspection = (actor: Actor, i: InspectionLike) =>
  i.state === "planned" && canManageInspectionPlan(actor, i);

/** Findings are added to a recorded inspection; the minutes are attached while it is not cancelled. */
export const canAddFindings = (actor: Actor, i: InspectionLike) =>
  i.state === "done" && canManageInspectionPlan(actor, i);
export const canUploadMinutes = (actor: Actor, i: InspectionLike) =>
  i.state !== "cancelled" && canManageInspectionPlan(actor, i);

/** A finding's text, severity and component change while its remediation is not accepted. */
export const canUpdateFinding = (actor: Actor, i: InspectionLike, itemState: FollowUpState | null) =>
  i.state === "done" && itemState !== "accepted" && canManageInspectionPlan(actor, i);

/**
 * Which inspections (and plans) a list may show: all (administrators), a province (coordinators and
 * viewers), or those of a unit's subtree, inspected or inspecting (everyone else).
 */
export type InspectionScope =
  | { kind: "all" }
  | { kind: "province"; provinceId: string }
  | { kind: "subtree"; provinceId: string; unitPath: string };

export function inspectionScope(actor: Actor): InspectionScope {
  if (hasRole(actor, "admin")) return { kind: "all" };
  const provinceId = actor.provinceId ?? "00000000-0000-0000-0000-000000000000";
  if (hasRole(actor, "coordinator") || hasRole(actor, "viewer")) return { kind: "province", provinceId };
  return { kind: "subtree", provinceId, unitPath: actor.unitPath };
}

export function inspectionPlanCan(actor: Actor, plan: InspectionPlanLike, doneCount: number) {
  const manage = canManageInspectionPlan(actor, plan);
  return { update: manage, delete: canDeleteInspectionPlan(actor, plan, doneCount), manage };
}

export function inspectionCan(actor: Actor, i: InspectionLike) {
  const edit = canEditInspection(actor, i);
  return {
    update: edit,
    cancel: edit,
    record: edit,
    addFindings: canAddFindings(actor, i),
    upload: canUploadMinutes(actor, i),
  };
}
