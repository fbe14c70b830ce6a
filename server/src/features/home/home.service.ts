/**
 * The home page: what the signed-in person has to do now. Nothing is counted here that a list does
 * not count: the reports due first in some states (with the report list's scope and filters, so the
 * totals are that list's), "my tasks" by class and due date (the same cached answer as its page), the
 * follow-up items waiting on the unit (the items list's counts), and the province's index profile.
 */
import type { z } from "zod";
import type { homeResponse } from "../../../../core/src/api/home.schemas";
import type { myTasksResponse } from "../../../../core/src/api/plans.schemas";
import { addDays } from "../../../../core/src/reporting/periods";
import { type Actor, hasRole } from "../../app/actor";
import type { Db } from "../../app/db";
import { unitFollowUpWork } from "../follow-up/items/items.work";
import { provinceProfile } from "../indices/indices.analysis.service";
import { indexProvinceOfUnit } from "../indices/indices.targets.service";
import { getVisibleUnit, today } from "../org-units/org-units.service";
import { listMyTasks } from "../plans/views/views.service";
import { firstDueReports } from "../reporting/reports/reports.service";

/** Reports and tasks shown under each heading; the rest is one click away. */
const SHOWN = 5;
/** "Due soon": within the next two weeks. */
const DUE_SOON_DAYS = 14;

type Home = z.infer<typeof homeResponse>;

async function myWork({ db, actor, day }: { db: Db; actor: Actor; day: string }): Promise<Home["tasks"]> {
  const base = { ownOnly: "false" as const, sort: "due" as const, page: 1, pageSize: SHOWN };
  // "My tasks" answers as JSON text kept per revision (the same answer its page gets).
  const mine = async (query: Parameters<typeof listMyTasks>[0]["query"]) =>
    JSON.parse(await listMyTasks({ db, actor, query })) as z.infer<typeof myTasksResponse>;
  const [overdue, soon] = await Promise.all([
    mine({ ...base, status: "overdue" }),
    // Finished work is among those due soon too: a longer page leaves enough that is not.
    mine({ ...base, pageSize: SHOWN * 4, dueFrom: day, dueTo: addDays(day, DUE_SOON_DAYS) }),
  ]);
  // Due soon and not finished: the work still to do before its day.
  const open = soon.items
    .filter((t) => t.status === "notStarted" || t.status === "inProgress")
    .slice(0, SHOWN);
  return {
    counts: overdue.counts,
    overdue: overdue.items,
    dueSoon: {
      days: DUE_SOON_DAYS,
      total: soon.counts.notStarted + soon.counts.inProgress,
      items: open,
    },
  };
}

async function latestResults(db: Db, actor: Actor): Promise<Home["indices"]> {
  const unit = actor.provinceId
    ? await getVisibleUnit({ db, actor, id: actor.provinceId }).catch(() => null)
    : null;
  const provinceCode = unit ? await indexProvinceOfUnit(db, unit) : null;
  if (!provinceCode) return { provinceCode: null, latest: [] };
  const profile = await provinceProfile({ db, provinceCode });
  const own = profile.series.find((s) => s.role === "self");
  return {
    provinceCode,
    latest: (own?.indices ?? []).flatMap((i) => {
      const point = [...i.points].reverse().find((p) => p.score !== null);
      return point ? [{ indexCode: i.indexCode, indexName: i.indexName, point }] : [];
    }),
  };
}

export async function getHome({ db, actor }: { db: Db; actor: Actor }): Promise<Home> {
  const day = today();
  const writes = hasRole(actor, "officer") || hasRole(actor, "head");
  const mine = { db, actor, limit: SHOWN };
  const works = writes || hasRole(actor, "coordinator");
  const [toWrite, toApprove, toReview, tasks, followUp, indices] = await Promise.all([
    writes ? firstDueReports({ ...mine, states: ["draft", "returned"], ownUnit: true }) : null,
    hasRole(actor, "head") ? firstDueReports({ ...mine, states: ["pendingApproval"], ownUnit: true }) : null,
    hasRole(actor, "coordinator")
      ? firstDueReports({ ...mine, states: ["submitted", "resubmitted"], ownUnit: false })
      : null,
    works ? myWork({ db, actor, day }) : null,
    works ? unitFollowUpWork({ db, actor, today: day, shown: SHOWN, dueSoonDays: DUE_SOON_DAYS }) : null,
    latestResults(db, actor),
  ]);
  return { today: day, reports: { toWrite, toApprove, toReview }, tasks, followUp, indices };
}
