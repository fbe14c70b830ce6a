/**
 * Periods open by the clock: each run (hourly, with the reminders) opens, for every obligation of an
 * issued plan, the period whose opening day has come (`periodToOpen`), if no report of it exists yet.
 * The reports are then there on the 1st of the month without anyone pressing a button; opening again
 * later (units assigned since) stays the coordinator's act.
 */
import { eq, sql } from "drizzle-orm";
import { periodToOpen, type ReportFrequency } from "../../../../../core/src/reporting/periods";
import { systemActor } from "../../../app/actor";
import { provinceToday } from "../../../app/clock";
import { type Db, rowsOf } from "../../../app/db";
import { plans } from "../../plans/plans.table";
import type { MailLog } from "../reminders/reminders.service";
import { reportingObligations } from "../reporting.table";
import { openObligationPeriod } from "./periods.service";

const SCHEDULER = systemActor("Hệ thống (mở kỳ báo cáo tự động)");

/** One run for `today` (the province's day by default); returns the periods it opened. */
export async function runPeriodOpening({
  db,
  today = provinceToday(),
  log,
}: {
  db: Db;
  today?: string;
  log?: MailLog;
}) {
  const rows = await db
    .select({ o: reportingObligations })
    .from(reportingObligations)
    .innerJoin(plans, eq(plans.id, reportingObligations.planId))
    .where(eq(plans.status, "issued"));
  const due = rows.flatMap(({ o }) => {
    const period = periodToOpen({
      frequency: o.frequency as ReportFrequency,
      today,
      openOffsetDays: o.openOffsetDays,
      adHoc: o.adHocStart && o.adHocDue ? { start: o.adHocStart, due: o.adHocDue } : null,
    });
    return period ? [{ obligation: o, periodKey: period.key }] : [];
  });
  if (!due.length) return [];
  // Which of those periods already have reports: one query on the (obligation, period, unit) key.
  const pairs = sql.join(
    due.map((d) => sql`(${d.obligation.id}::uuid, ${d.periodKey}::text)`),
    sql`, `,
  );
  const existing =
    await db.execute(sql`select distinct obligation_id as "obligationId", period_key as "periodKey"
    from reports where (obligation_id, period_key) in (${pairs})`);
  const started = new Set(
    rowsOf<{ obligationId: string; periodKey: string }>(existing).map(
      (r) => `${r.obligationId}|${r.periodKey}`,
    ),
  );
  const opened: Array<{ obligationId: string; periodKey: string; reportsCreated: number }> = [];
  for (const { obligation: o, periodKey } of due) {
    if (started.has(`${o.id}|${periodKey}`)) continue;
    try {
      const result = await openObligationPeriod({ db, actor: SCHEDULER, obligation: o, periodKey });
      opened.push({ obligationId: o.id, periodKey, reportsCreated: result.reportsCreated });
    } catch (error) {
      // One obligation's failure (a rule that no longer fits) does not keep the others closed.
      log?.warn({ err: error, obligationId: o.id }, "Mở kỳ báo cáo tự động thất bại");
    }
  }
  return opened;
}
