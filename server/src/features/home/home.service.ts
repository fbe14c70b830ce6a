/**
 * The home page: what the signed-in person has to do now. Nothing is counted here: each part is the
 * first page of a list the person can open (reports by state, "my tasks" by class and due date, the
 * province's index profile), answered by the same service, so the numbers on the home page are the
 * totals of those lists.
 */
import type { z } from "zod";
import type { homeResponse } from "../../../../core/src/api/home.schemas";
import type { myTasksResponse } from "../../../../core/src/api/plans.schemas";
import { addDays } from "../../../../core/src/reporting/periods";
import { type Actor, hasRole } from "../../app/actor";
import type { Db } from "../../app/db";
import { provinceProfile } from "../indices/indices.analysis.service";
import { indexProvinceOfUnit } from "../indices/indices.targets.service";
import { getVisibleUnit, today } from "../org-units/org-units.service";
import { listMyTasks } from "../plans/views/views.service";
import { listReports } from "../reporting/reports/reports.service";

/** Reports and tasks shown under each heading; the rest is one click away. */
const SHOWN = 5;
/** "Due soon": within the next two weeks. */
const DUE_SOON_DAYS = 14;

type Home = z.infer<typeof homeResponse>;
type ReportState = NonNullable<Parameters<typeof listReports>[0]["query"]["state"]>;

/** The reports in some states, newest period first: of the person's own unit, or of their whole area. */
async function reportsIn({
  db,
  actor,
  states,
  ownUnit,
}: {
  db: Db;
  actor: Actor;
  states: ReportState[];
  ownUnit: boolean;
}) {
  const pages = await Promise.all(
    states.map((state) =>
      listReports({
        db,
        actor,
        query: { state, unitId: ownUnit ? actor.unitId : undefined, page: 1, pageSize: SHOWN },
      }),
    ),
  );
  const reports = pages
    .flatMap((p) => p.reports)
    .sort((a, b) => (a.dueDate ?? "").localeCompare(b.dueDate ?? ""))
    .slice(0, SHOWN);
  return { total: pages.reduce((n, p) => n + p.total, 0), reports };
}

async function myWork({ db, actor, day }: { db: Db; actor: Actor; day: string }): Promise<Home["tasks"]> {
  const base = { ownOnly: "false" as const, sort: "due" as const, page: 1, pageSize: SHOWN * 4 };
  // "My tasks" answers as JSON text kept per revision (the same answer its page gets).
  const mine = async (query: Parameters<typeof listMyTasks>[0]["query"]) =>
    JSON.parse(await listMyTasks({ db, actor, query })) as z.infer<typeof myTasksResponse>;
  const [overdue, soon] = await Promise.all([
    mine({ ...base, status: "overdue" }),
    mine({ ...base, dueFrom: day, dueTo: addDays(day, DUE_SOON_DAYS) }),
  ]);
  // Due soon and not finished: the work still to do before its day.
  const open = soon.items
    .filter((t) => t.status === "notStarted" || t.status === "inProgress")
    .slice(0, SHOWN);
  return {
    counts: overdue.counts,
    overdue: overdue.items.slice(0, SHOWN),
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
  const [toWrite, toApprove, toReview, tasks, indices] = await Promise.all([
    writes ? reportsIn({ db, actor, states: ["draft", "returned"], ownUnit: true }) : null,
    hasRole(actor, "head") ? reportsIn({ db, actor, states: ["pendingApproval"], ownUnit: true }) : null,
    hasRole(actor, "coordinator")
      ? reportsIn({ db, actor, states: ["submitted", "resubmitted"], ownUnit: false })
      : null,
    writes || hasRole(actor, "coordinator") ? myWork({ db, actor, day }) : null,
    latestResults(db, actor),
  ]);
  return { today: day, reports: { toWrite, toApprove, toReview }, tasks, indices };
}
