/**
 * The coverage view's follow-up part: per component of an index version, the follow-up items linked to
 * it (a finding's remediation, a recommendation) by class, and the year's initiatives aimed at it.
 * Each count is cut to what the actor's own lists show (the items list's scope, the register's), so a
 * count links to a list that shows exactly those rows.
 */
import {
  type FollowUpTally,
  followUpTally,
  INITIATIVE_STATES,
  isRecognised,
} from "../../../../core/src/follow-up";
import type { AssignmentStatus } from "../../../../core/src/plans/status";
import type { Actor } from "../../app/actor";
import type { DbOrTx } from "../../app/db";
import { initiativeScope } from "./follow-up.policy";
import { createInitiativesRepository } from "./initiatives/initiatives.repository";
import { createItemListRepository } from "./items/items.list.repository";
import { itemScope } from "./items/items.scope";

export interface ComponentFollowUp {
  items: Pick<FollowUpTally, "open" | "overdue" | "done">;
  initiatives: { total: number; recognised: number };
}

const RECOGNISED = INITIATIVE_STATES.filter(isRecognised);

/** Per component code (of `versionCode`), what the follow-up registers link to it; absent: nothing. */
export async function followUpByComponent({
  db,
  actor,
  versionCode,
  year,
  today,
}: {
  db: DbOrTx;
  actor: Actor;
  versionCode: string;
  /** The initiatives' year (the coverage view's). */
  year: number;
  today: string;
}): Promise<Map<string, ComponentFollowUp>> {
  const [items, initiatives] = await Promise.all([
    createItemListRepository(db).countByComponent({ scope: itemScope(actor), today, versionCode }),
    createInitiativesRepository(db).countByComponent({
      scope: initiativeScope(actor),
      year,
      versionCode,
      recognised: RECOGNISED,
    }),
  ]);
  const byStatus = new Map<string, Partial<Record<AssignmentStatus, number>>>();
  for (const r of items) byStatus.set(r.componentCode, { ...byStatus.get(r.componentCode), [r.status]: r.n });
  const out = new Map<string, ComponentFollowUp>();
  const entry = (code: string) => {
    let e = out.get(code);
    if (!e) {
      e = { items: { open: 0, overdue: 0, done: 0 }, initiatives: { total: 0, recognised: 0 } };
      out.set(code, e);
    }
    return e;
  };
  for (const [code, counts] of byStatus) {
    const { open, overdue, done } = followUpTally(counts);
    entry(code).items = { open, overdue, done };
  }
  for (const r of initiatives)
    entry(r.componentCode).initiatives = { total: r.total, recognised: r.recognised };
  return out;
}
