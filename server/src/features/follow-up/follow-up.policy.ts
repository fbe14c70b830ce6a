/**
 * Who may see and do what in the follow-up registers (inspections, dialogues and their items, reform
 * initiatives). One place, as plans.policy.ts is for plans: routes and services ask these, and data an
 * actor may not see is "not found".
 */
import type { FollowUpRelation } from "../../../../core/src/follow-up/items";
import { type Actor, hasRole } from "../../app/actor";

const sameProvince = (actor: Actor, row: { provinceId: string }) =>
  hasRole(actor, "admin") || actor.provinceId === row.provinceId;
const seesWholeProvince = (actor: Actor) => hasRole(actor, "coordinator") || hasRole(actor, "viewer");
const writes = (actor: Actor) =>
  hasRole(actor, "officer") || hasRole(actor, "head") || hasRole(actor, "coordinator");
/** The actor's unit is this unit or one above it. */
const within = (actor: Actor, path: string | null) => path?.startsWith(actor.unitPath) === true;

/**
 * A unit that runs inspections or holds dialogues (the owner of an inspection plan, a dialogue's host):
 * a coordinator for the province or her own unit; an officer or head for her own unit.
 */
export function canManageFor(actor: Actor, unit: { id: string; kind: string; provinceId: string | null }) {
  if (hasRole(actor, "admin")) return true;
  if (!unit.provinceId || actor.provinceId !== unit.provinceId) return false;
  if (hasRole(actor, "coordinator") && (unit.kind === "province" || unit.id === actor.unitId)) return true;
  return (hasRole(actor, "officer") || hasRole(actor, "head")) && unit.id === actor.unitId;
}

/** Inspections and dialogues: the province's coordinators and viewers see all; a unit sees its own and those it runs. */
export function canReadOwned(
  actor: Actor,
  row: { provinceId: string; ownerUnitPath: string; subjectUnitPath?: string | null },
) {
  if (!sameProvince(actor, row)) return false;
  if (hasRole(actor, "admin") || seesWholeProvince(actor)) return true;
  return within(actor, row.ownerUnitPath) || within(actor, row.subjectUnitPath ?? null);
}

/** What an item's row carries for the policy. */
export interface ItemLike {
  provinceId: string;
  unitPath: string | null;
  followerUnitId: string;
  followerUnitPath: string;
  followerUnitKind: string;
}

/**
 * What the actor is to an item: of its responsible unit (or above it), of the unit that follows it (a
 * coordinator of the province follows what the province's own bodies raised), an administrator.
 */
export function itemRelations(actor: Actor, item: ItemLike): FollowUpRelation[] {
  const out: FollowUpRelation[] = [];
  if (hasRole(actor, "admin")) out.push("admin");
  if (!sameProvince(actor, item) || !writes(actor)) return out;
  if (within(actor, item.unitPath) && (hasRole(actor, "officer") || hasRole(actor, "head")))
    out.push("responsible");
  if (
    item.followerUnitId === actor.unitId ||
    (hasRole(actor, "coordinator") && item.followerUnitKind === "province")
  )
    out.push("follower");
  return out;
}

export function canReadItem(actor: Actor, item: ItemLike) {
  if (!sameProvince(actor, item)) return false;
  if (hasRole(actor, "admin") || seesWholeProvince(actor)) return true;
  return within(actor, item.unitPath) || within(actor, item.followerUnitPath);
}

/** A unit registers its own initiatives (officer or head); a coordinator may register for any unit of her province. */
export function canRegisterInitiative(
  actor: Actor,
  unit: { id: string; path: string; provinceId: string | null },
) {
  if (hasRole(actor, "admin")) return true;
  if (!unit.provinceId || actor.provinceId !== unit.provinceId) return false;
  if (hasRole(actor, "coordinator")) return true;
  return (hasRole(actor, "officer") || hasRole(actor, "head")) && unit.id === actor.unitId;
}

/** The coordinators of the province decide on initiatives (recognise, reject, replicate). */
export const canDecideInitiative = (actor: Actor, row: { provinceId: string }) =>
  hasRole(actor, "admin") || (hasRole(actor, "coordinator") && actor.provinceId === row.provinceId);

/**
 * The province's coordinators and viewers read every initiative; a unit reads its own (and those of
 * the units under it) and those it is asked to replicate (`replicatedToPaths`).
 */
export function canReadInitiative(
  actor: Actor,
  row: { provinceId: string; unitPath: string; replicatedToPaths?: string[] },
) {
  if (!sameProvince(actor, row)) return false;
  if (hasRole(actor, "admin") || seesWholeProvince(actor)) return true;
  return within(actor, row.unitPath) || (row.replicatedToPaths ?? []).some((p) => within(actor, p));
}

/** Whose initiatives a list shows, as `canReadInitiative` decides one (applied in SQL). */
export type InitiativeScope =
  | { kind: "all" }
  | { kind: "province"; provinceId: string }
  | { kind: "subtree"; provinceId: string; unitPath: string };

export function initiativeScope(actor: Actor): InitiativeScope {
  if (hasRole(actor, "admin")) return { kind: "all" };
  const provinceId = actor.provinceId ?? "00000000-0000-0000-0000-000000000000";
  if (seesWholeProvince(actor)) return { kind: "province", provinceId };
  return { kind: "subtree", provinceId, unitPath: actor.unitPath };
}
