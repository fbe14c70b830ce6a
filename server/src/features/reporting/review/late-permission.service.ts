/** The receiver's permission to write and submit a report after its lock date. */
import type { Actor } from "../../../app/actor";
import type { Db } from "../../../app/db";
import { forbidden } from "../../../app/errors";
import { writeAudit } from "../../audit/audit.repository";
import { canAllowLate } from "../reporting.policy";
import { createReportsRepository } from "../reports/reports.repository";
import { asLike, getReport, getVisibleReport } from "../reports/reports.service";

/** The receiver lets a unit write and submit after the lock date (or takes it back). */
export async function allowLate({
  db,
  actor,
  id,
  allowed,
}: {
  db: Db;
  actor: Actor;
  id: string;
  allowed: boolean;
}) {
  await db.transaction(async (tx) => {
    const repo = createReportsRepository(tx);
    await repo.lockReport(id, "update");
    const report = await getVisibleReport({ db: tx, actor, id });
    if (!canAllowLate(actor, asLike(report)))
      throw forbidden("report.forbidden", "Chỉ cơ quan nhận báo cáo mới cho phép gửi muộn.");
    await repo.updateReport({
      id,
      version: report.version,
      set: { lateAllowed: allowed, updatedBy: actor.userId },
    });
    await writeAudit({
      tx,
      actor,
      record: {
        entity: "report",
        entityId: id,
        action: "allowLate",
        before: { lateAllowed: report.lateAllowed },
        after: { lateAllowed: allowed },
      },
    });
  });
  return getReport({ db, actor, id });
}
