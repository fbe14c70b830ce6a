/**
 * The follow-up items waiting on a unit (its work list, the home page's card): the finding's
 * remediation and the recommendations its subtree is responsible for and must act on (core's
 * AWAITING_STATES.unit: open, returned), overdue first. Every figure is the items list's own count
 * with the filters its links carry, so a click shows exactly what was counted.
 */
import type { z } from "zod";
import type { itemRow } from "../../../../../core/src/api/follow-up-items.schemas";
import { addDays } from "../../../../../core/src/reporting/periods";
import type { Actor } from "../../../app/actor";
import type { DbOrTx } from "../../../app/db";
import { createItemListRepository, type ItemListFilter } from "./items.list.repository";
import { presentItemRow } from "./items.presenter";
import { itemScope } from "./items.scope";

export interface UnitFollowUpWork {
  counts: { awaiting: number; overdue: number; dueSoon: number };
  /** "Due soon": a deadline from today to this many days ahead. */
  dueSoonDays: number;
  /** The first `shown` by deadline: the overdue come first (their deadlines are the earliest). */
  items: Array<z.infer<typeof itemRow>>;
}

/** The filter of the unit's work: the list's, with the unit (and the units under it) responsible. */
export const unitWorkFilter = (actor: Actor, today: string): ItemListFilter => ({
  scope: itemScope(actor),
  today,
  unitPath: actor.unitPath,
  awaiting: "unit",
});

export async function unitFollowUpWork({
  db,
  actor,
  today,
  shown,
  dueSoonDays,
}: {
  db: DbOrTx;
  actor: Actor;
  today: string;
  shown: number;
  dueSoonDays: number;
}): Promise<UnitFollowUpWork> {
  const base = unitWorkFilter(actor, today);
  const repo = createItemListRepository(db);
  const [page, overdue, dueSoon] = await Promise.all([
    repo.pageItems({ ...base, sort: "due", order: "asc", limit: shown, offset: 0 }),
    repo.countItems({ ...base, status: "overdue" }),
    repo.countItems({ ...base, dueFrom: today, dueTo: addDays(today, dueSoonDays) }),
  ]);
  return {
    counts: { awaiting: page.total, overdue, dueSoon },
    dueSoonDays,
    items: page.rows.map((r) => presentItemRow(r, today)),
  };
}
