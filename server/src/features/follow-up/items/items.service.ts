/** Reading items: the list (its filters shared with the Excel export) and one item's page. */
import type { z } from "zod";
import type {
  itemExportQuery,
  itemListQuery,
  itemResponse,
} from "../../../../../core/src/api/follow-up-items.schemas";
import type { FollowUpState } from "../../../../../core/src/follow-up/items";
import type { Actor } from "../../../app/actor";
import { provinceToday } from "../../../app/clock";
import type { Db, DbOrTx } from "../../../app/db";
import { badRequest } from "../../../app/errors";
import { getVisibleUnit } from "../../org-units/org-units.service";
import { filesRemovable, itemCan, loadVisibleItem } from "./items.access";
import { createItemFilesRepository } from "./items.files.repository";
import { createItemListRepository, type ItemListFilter } from "./items.list.repository";
import { presentEvent, presentFile, presentItemRow, presentRaiser } from "./items.presenter";
import { createItemsRepository } from "./items.repository";
import { itemScope } from "./items.scope";

/**
 * The list's scope and filters, for the list and its export alike. A unit filter names a unit the
 * actor may see (another province's is "not found"); the list is cut to the actor's scope anyway.
 */
export async function itemListFilter({
  db,
  actor,
  query,
  today,
}: {
  db: DbOrTx;
  actor: Actor;
  query: z.infer<typeof itemExportQuery>;
  today: string;
}): Promise<ItemListFilter> {
  if (query.componentCode && !query.versionCode)
    throw badRequest("followUp.componentWithoutVersion", "Chỉ số thành phần cần đi kèm bộ chỉ số.");
  const unit = query.unitId ? await getVisibleUnit({ db, actor, id: query.unitId }) : null;
  const follower = query.followerUnitId
    ? await getVisibleUnit({ db, actor, id: query.followerUnitId })
    : null;
  return {
    scope: itemScope(actor),
    today,
    kind: query.kind,
    state: query.state,
    status: query.status,
    awaiting: query.awaiting,
    versionCode: query.versionCode,
    componentCode: query.componentCode,
    unitPath: unit?.path,
    followerPath: follower?.path,
    inspectionId: query.inspectionId,
    findingId: query.findingId,
    dialogueId: query.dialogueId,
    q: query.q || undefined,
    dueFrom: query.dueFrom,
    dueTo: query.dueTo,
  };
}

/** One page of the items the actor may see, filtered and sorted, with how many match in all. */
export async function listItems({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: z.infer<typeof itemListQuery>;
}) {
  const today = provinceToday();
  const filter = await itemListFilter({ db, actor, query, today });
  const { rows, total } = await createItemListRepository(db).pageItems({
    ...filter,
    sort: query.sort,
    order: query.order,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return {
    items: rows.map((r) => presentItemRow(r, today)),
    total,
    page: query.page,
    pageSize: query.pageSize,
    can: { export: true },
  };
}

/** An item's page: the item, its history, its files, and what the actor may do. */
export async function getItem({
  db,
  actor,
  id,
  justActed = false,
}: {
  db: DbOrTx;
  actor: Actor;
  id: string;
  /** After the actor's own act (see `loadVisibleItem`). */
  justActed?: boolean;
}): Promise<z.infer<typeof itemResponse>["item"]> {
  const item = await loadVisibleItem({ db, actor, id, justActed });
  const [events, files] = await Promise.all([
    createItemsRepository(db).events(id),
    createItemFilesRepository(db).files(id),
  ]);
  const removable = filesRemovable(item.state as FollowUpState);
  return {
    ...presentItemRow(item, provinceToday()),
    requiredResult: item.requiredResult,
    raiser: presentRaiser(item),
    field: item.field,
    versionCode: item.versionCode,
    componentCode: item.componentCode,
    answer: item.answer,
    reason: item.reason,
    published: item.published,
    events: events.map(presentEvent),
    files: files.map((f) => presentFile(f, removable && f.createdBy === actor.userId)),
    can: itemCan(actor, item),
  };
}
