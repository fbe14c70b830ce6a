/** "Không thay đổi" for every task of a report the officer has not looked at yet: one explicit act. */
import type { z } from "zod";
import type { unchangedEntriesBody } from "../../../../../core/src/api/reporting.schemas";
import type { Actor } from "../../../app/actor";
import type { Db } from "../../../app/db";
import { notFound } from "../../../app/errors";
import { today } from "../../org-units/org-units.service";
import { canEditReport } from "../reporting.policy";
import { presentEntry } from "../reports/report.presenter";
import { asLike, editRefusal, getVisibleReport } from "../reports/reports.service";
import { createEntriesRepository } from "./entries.repository";

/**
 * Confirms the listed entries unchanged since the last period, under a share lock on the report so
 * that no submission passes in between; answers the entries confirmed (an entry written meanwhile is
 * left as written, and not in the answer).
 */
export async function confirmUnchanged({
  db,
  actor,
  reportId,
  input,
}: {
  db: Db;
  actor: Actor;
  reportId: string;
  input: z.infer<typeof unchangedEntriesBody>;
}) {
  return db.transaction(async (tx) => {
    const report = await getVisibleReport({ db: tx, actor, id: reportId, lock: "share" });
    const day = today();
    if (!canEditReport(actor, asLike(report), day)) throw editRefusal(report);
    const marked = await createEntriesRepository(tx).markUnchanged({
      reportId,
      entries: input.entries,
      actor,
    });
    // An entry of another report (or none) is not this report's to confirm; nothing was written.
    if (marked.foreign) throw notFound("reportEntry.notFound", "Không tìm thấy nội dung báo cáo.");
    return marked.entries.map((e) => presentEntry(e, day));
  });
}
