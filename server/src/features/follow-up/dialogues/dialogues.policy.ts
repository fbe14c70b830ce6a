/**
 * Who may see and do what with dialogues and their recommendations, composed from the registers'
 * policy (follow-up.policy.ts): the host unit manages its dialogue (`canManageFor`), the province's
 * coordinators and viewers and the host's line read it (`canReadOwned`), and a recommendation's
 * answer is made public by the unit that follows it or a coordinator of the province.
 */
import { type Actor, hasRole } from "../../../app/actor";
import { canManageFor, canReadOwned, type ItemLike, itemRelations } from "../follow-up.policy";
import type { DialogueScope } from "./dialogues.repository";

/** What a dialogue's row carries for the policy: its province and its host unit. */
export interface DialogueLike {
  provinceId: string;
  hostUnitId: string;
  hostUnitPath: string;
  hostUnitKind: string;
}

const hostOf = (d: DialogueLike) => ({ id: d.hostUnitId, kind: d.hostUnitKind, provinceId: d.provinceId });

export const canReadDialogue = (actor: Actor, d: DialogueLike) =>
  canReadOwned(actor, { provinceId: d.provinceId, ownerUnitPath: d.hostUnitPath });

/** Record, change or delete the dialogue, its minutes and its recommendations. */
export const canManageDialogue = (actor: Actor, d: DialogueLike) => canManageFor(actor, hostOf(d));

/** Hold a (new) dialogue for a unit: the unit's own officers and heads, the province's coordinators. */
export const canHostFor = (actor: Actor, unit: { id: string; kind: string; provinceId: string | null }) =>
  canManageFor(actor, unit);

/** Whether the actor may create any dialogue at all (for the list's button). */
export const mayHostSomewhere = (actor: Actor) =>
  hasRole(actor, "admin") ||
  (!!actor.provinceId &&
    (hasRole(actor, "coordinator") || hasRole(actor, "officer") || hasRole(actor, "head")));

/**
 * Make a recommendation's answer public (or withdraw it): the unit that follows it (the host) or a
 * coordinator of the province. Whether the answer may be published (accepted) is the service's check.
 */
export function canPublish(actor: Actor, item: ItemLike) {
  if (hasRole(actor, "admin")) return true;
  if (actor.provinceId !== item.provinceId) return false;
  return hasRole(actor, "coordinator") || itemRelations(actor, item).includes("follower");
}

/**
 * The dialogues a list shows, as `canReadDialogue` decides one by one: all for an administrator, the
 * province's for its coordinators and viewers, else those hosted by the actor's unit or below it.
 */
export function dialogueScope(actor: Actor): DialogueScope {
  if (hasRole(actor, "admin")) return { kind: "all" };
  if (!actor.provinceId) return { kind: "none" };
  if (hasRole(actor, "coordinator") || hasRole(actor, "viewer"))
    return { kind: "province", provinceId: actor.provinceId };
  return { kind: "subtree", provinceId: actor.provinceId, unitPath: actor.unitPath };
}
