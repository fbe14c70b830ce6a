/**
 * Loading an item the actor may see (else "not found": existence is not revealed), what the actor is
 * to it, and the `can` flags of its page. The rules are follow-up.policy.ts's and core's.
 */
import {
  type FollowUpRelation,
  type FollowUpState,
  followUpActions,
} from "../../../../../core/src/follow-up/items";
import type { Actor } from "../../../app/actor";
import type { DbOrTx } from "../../../app/db";
import { notFound } from "../../../app/errors";
import { canReadItem, type ItemLike, itemRelations } from "../follow-up.policy";
import { createItemsRepository, type ItemView } from "./items.repository";

export const itemNotFound = () => notFound("followUp.itemNotFound", "Không tìm thấy việc cần xử lý.");

export const itemLike = (i: ItemView): ItemLike => ({
  provinceId: i.provinceId,
  unitPath: i.unitPath,
  followerUnitId: i.followerUnitId,
  followerUnitPath: i.followerUnitPath,
  followerUnitKind: i.followerUnitKind,
});

export async function loadVisibleItem({
  db,
  actor,
  id,
  lock = false,
  justActed = false,
}: {
  db: DbOrTx;
  actor: Actor;
  id: string;
  /** Take the item's row lock first (an act on it, in its transaction). */
  lock?: boolean;
  /**
   * The actor has just acted on it: an item transferred out of the actor's units is shown once more,
   * as the act left it, rather than answering the act with "not found".
   */
  justActed?: boolean;
}) {
  const repo = createItemsRepository(db);
  if (lock) await repo.lockItem(id);
  const item = await repo.findItem(id);
  if (!item || (!justActed && !canReadItem(actor, itemLike(item)))) throw itemNotFound();
  return item;
}

/** Evidence is added while the work is under way; an accepted or closed item's record is settled. */
export const takesFiles = (state: FollowUpState) => state !== "accepted" && state !== "closed";
/** An uploader takes a file back only while the responsible unit is still working on the item. */
export const filesRemovable = (state: FollowUpState) => state === "open" || state === "returned";

/** Comments and files come from the two sides of the item (and administrators), not from onlookers. */
export const takesPart = (relations: FollowUpRelation[]) => relations.length > 0;

export function itemCan(actor: Actor, item: ItemView) {
  const relations = itemRelations(actor, itemLike(item));
  const state = item.state as FollowUpState;
  return {
    actions: followUpActions(state, relations),
    comment: takesPart(relations),
    upload: takesPart(relations) && takesFiles(state),
  };
}
