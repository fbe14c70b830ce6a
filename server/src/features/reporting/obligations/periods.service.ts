/**
 * Periods of an obligation: the dates a period key names, and opening a period (by a manager, or by
 * the clock in `period-opening.service.ts`).
 */
import {
  adHocPeriod,
  type DueRule,
  keyMatches,
  type Period,
  parsePeriodKey,
  periodDates,
  periodLabel,
  type ReportFrequency,
  shiftPeriod,
} from "../../../../../core/src/reporting/periods";
import type { Actor, AuditActor } from "../../../app/actor";
import type { Db } from "../../../app/db";
import { badRequest, forbidden } from "../../../app/errors";
import { writeAudit } from "../../audit/audit.repository";
import { canManageReporting } from "../reporting.policy";
import type { ObligationRow } from "./obligations.repository";
import { getObligationForPlan } from "./obligations.service";
import { createPeriodsRepository } from "./periods.repository";

/** The period a key names under an obligation, with its opening, due and lock days. */
export function obligationPeriod(obligation: ObligationRow, periodKey: string) {
  const frequency = obligation.frequency as ReportFrequency;
  if (!keyMatches(frequency, periodKey))
    throw badRequest("reporting.periodKey", "Kỳ báo cáo không khớp tần suất của yêu cầu báo cáo.");
  const period: Period =
    frequency === "adHoc"
      ? adHocPeriod({ start: obligation.adHocStart as string, due: obligation.adHocDue as string })
      : (parsePeriodKey(periodKey) as Period);
  return periodDates({
    period,
    dueRule: obligation.dueRule as DueRule,
    openOffsetDays: obligation.openOffsetDays,
    lockAfterDays: obligation.lockAfterDays,
  });
}

/**
 * Opens a period: one report for every unit assigned to the plan (or task), each with its tasks'
 * entries carried forward from the previous period. Opening again adds only what is missing.
 */
export async function openPeriod({
  db,
  actor,
  obligationId,
  periodKey,
}: {
  db: Db;
  actor: Actor;
  obligationId: string;
  periodKey: string;
}) {
  const { obligation, plan } = await getObligationForPlan({ db, actor, id: obligationId });
  if (!canManageReporting(actor, plan))
    throw forbidden("reporting.forbidden", "Bạn không có quyền mở kỳ báo cáo của kế hoạch này.");
  return openObligationPeriod({ db, actor, obligation, periodKey });
}

/** Opens a period of an obligation the caller has already been allowed to open (or the scheduler). */
export async function openObligationPeriod({
  db,
  actor,
  obligation,
  periodKey,
}: {
  db: Db;
  actor: AuditActor;
  obligation: ObligationRow;
  periodKey: string;
}) {
  const dates = obligationPeriod(obligation, periodKey);
  const previousKey = dates.frequency === "adHoc" ? null : shiftPeriod(dates, -1).key;
  return db.transaction(async (tx) => {
    const repo = createPeriodsRepository(tx);
    const reportsCreated = await repo.insertReportsForPeriod({
      obligation,
      periodKey: dates.key,
      start: dates.start,
      end: dates.end,
      opensOn: dates.opensOn,
      due: dates.due,
      lockDate: dates.lockDate,
    });
    const entriesCreated = await repo.insertEntriesForPeriod({
      obligation,
      periodKey: dates.key,
      previousKey,
    });
    await writeAudit({
      tx,
      actor,
      record: {
        entity: "reportingObligation",
        entityId: obligation.id,
        action: "openPeriod",
        after: { periodKey: dates.key, reportsCreated, entriesCreated },
      },
    });
    return {
      periodKey: dates.key,
      label: periodLabel(dates),
      dueDate: dates.due,
      lockDate: dates.lockDate,
      reportsCreated,
      entriesCreated,
    };
  });
}
