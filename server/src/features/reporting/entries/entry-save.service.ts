/** A task's entry saved (autosave): the fast one-statement path and the transaction through progress. */
import type { SQL } from "drizzle-orm";
import type { z } from "zod";
import type { entryUpdateBody } from "../../../../../core/src/api/reporting.schemas";
import type { Actor } from "../../../app/actor";
import type { Db, DbOrTx } from "../../../app/db";
import { AppError, badRequest, notFound } from "../../../app/errors";
import { auditInsertFrom } from "../../audit/audit.repository";
import { today } from "../../org-units/org-units.service";
import {
  assignmentEnded,
  checkStatement,
  progressInStatement,
  rollUpAbove,
} from "../../plans/assignments/progress";
import { canEditReport, canReadReport } from "../reporting.policy";
import { presentEntry } from "../reports/report.presenter";
import type { EntryView } from "../reports/report.sql";
import { asLike, editRefusal, type LoadedReport, pick } from "../reports/reports.service";
import { createEntriesRepository, type EntriesRepository } from "./entries.repository";
import { createEntryCache } from "./entry-checkpoint.cache";

function checkFigures(entry: EntryView, figures: Array<{ measure: string; value: number | null }>) {
  for (const f of figures) {
    const target = entry.quantitativeTargets.find((t) => t.measure === f.measure);
    if (!target) throw badRequest("reportEntry.unknownMeasure", `Nhiệm vụ không có chỉ tiêu "${f.measure}".`);
    if (f.value === null) continue;
    if (f.value < 0) throw badRequest("reportEntry.figureRange", `Số liệu "${f.measure}" không được âm.`);
    if (target.unit?.trim() === "%" && f.value > 100)
      throw badRequest("reportEntry.figureRange", `Số liệu "${f.measure}" là tỷ lệ phần trăm, tối đa 100.`);
  }
}

const entryCache = createEntryCache<LoadedReport, EntryView>();

/**
 * Autosave of one task's entry. The writer sends the version it read; a stale one is refused with 409
 * and the current values, so a second person's edit is never silently overwritten.
 * Autosaves are the most frequent write of the system, so a save is two round trips and no
 * transaction: one read of the entry and its report to check, one statement that writes (entry,
 * progress, audit) only if the report is still as checked. When the report moved in between (a
 * submission, a return, its general part saved), the check is made again on the report as it is now.
 * The next save of the same entry by the same person starts from what this one checked and wrote
 * (`entry-checkpoint.cache.ts`): one round trip, still refused by the database if anything moved.
 */
export async function saveEntry({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: string;
  input: z.infer<typeof entryUpdateBody>;
}) {
  const repo = createEntriesRepository(db);
  const entryNotFound = () => notFound("reportEntry.notFound", "Không tìm thấy nội dung báo cáo.");
  let checkpoint = entryCache.get(actor.userId, id, input.version);
  for (let attempt = 1; ; attempt++) {
    const fromCache = checkpoint !== null;
    const found = checkpoint ?? (await repo.findEntryWithReport(id));
    checkpoint = null;
    const { entry: before, report } = found ?? { entry: null, report: null };
    const allowed = Boolean(before && report && canReadReport(actor, asLike(report)));
    // A refusal is only ever decided on what the database says now, never on what was remembered.
    if (fromCache && (!allowed || !canEditReport(actor, asLike(report as LoadedReport), today()))) {
      entryCache.forget(actor.userId, id);
      continue;
    }
    if (!before || !report || !allowed) throw entryNotFound();
    if (!canEditReport(actor, asLike(report), today())) throw editRefusal(report);
    if (input.figures)
      try {
        checkFigures(before, input.figures);
      } catch (error) {
        if (!fromCache) throw error;
        entryCache.forget(actor.userId, id);
        continue;
      }
    if (before.assignmentEnded) {
      if (fromCache) {
        entryCache.forget(actor.userId, id);
        continue;
      }
      throw assignmentEnded();
    }
    if (input.unchanged && before.reviewMark === "updated") {
      if (fromCache) {
        entryCache.forget(actor.userId, id);
        continue;
      }
      throw badRequest(
        "reportEntry.alreadyUpdated",
        "Nhiệm vụ này đã được cập nhật trong kỳ, không thể xác nhận là không thay đổi.",
      );
    }
    const { version, unchanged, ...set } = input;
    // What the unit states, by the one rule; the class is never sent, it follows from the dates.
    const stated = checkStatement({
      before: { progress: before.progress, completedAt: before.completedAt },
      progress: set.progress,
      completedAt: set.completedAt,
      today: today(),
      planIssued: before.planIssued,
    });
    // Any change marks the entry as written this period; "không thay đổi" is its own act, alone.
    const written = Object.keys(set).length > 0;
    const reviewMark = unchanged ? ("unchanged" as const) : written ? ("updated" as const) : undefined;
    const values = { ...set, ...stated, ...(reviewMark ? { reviewMark } : {}) };
    const write = (handle: DbOrTx, progress?: Parameters<EntriesRepository["updateEntry"]>[0]["progress"]) =>
      createEntriesRepository(handle).updateEntry({
        id,
        version,
        report: { id: report.id, version: report.version },
        // Figures were checked against these targets: the write requires they still stand.
        targets: input.figures ? before.quantitativeTargets : undefined,
        set: values,
        userId: actor.userId,
        progress,
        audit: (source) =>
          auditInsertFrom(source, actor, {
            entity: "reportEntry",
            entityId: id,
            action: unchanged ? "unchanged" : "update",
            before: unchanged ? { reviewMark: before.reviewMark } : pick({ ...before }, set),
            after: values,
          }),
      });
    const progressChanged = stated.progress !== before.progress || stated.completedAt !== before.completedAt;
    // Text alone (most autosaves) and progress alike: one statement. A new progress or completion is
    // written by the one write path's statement part (assignment and task, atomic with the entry); a
    // task inside a cascade carries on up the cascade in the same transaction.
    const withProgress = progressChanged
      ? (entries: SQL) => progressInStatement(entries, stated, before.recurring)
      : undefined;
    const { entry: updated, reportChanged } =
      before.inCascade && progressChanged
        ? await db.transaction(async (tx) => {
            const written = await write(tx, withProgress);
            if (written.entry && written.cascadeParent) await rollUpAbove(tx, before.taskId);
            return written;
          })
        : await write(db, withProgress);
    if (updated) {
      entryCache.set(actor.userId, id, { report, entry: updated });
      return presentEntry(updated, today());
    }
    entryCache.forget(actor.userId, id);
    if (fromCache || (reportChanged && attempt < 5)) continue;
    const current = await repo.findEntryView(id);
    throw new AppError(
      409,
      "reportEntry.conflict",
      "Nội dung này vừa được người khác sửa. Hãy xem bản mới nhất trước khi lưu lại.",
      { current: current ? presentEntry(current, today()) : null },
    );
  }
}
