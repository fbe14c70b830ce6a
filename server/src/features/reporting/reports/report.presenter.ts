import type { z } from "zod";
import type { evidence, reportComment, reportEntry } from "../../../../../core/src/api/reporting.schemas";
import { workStatus } from "../../../../../core/src/plans/status";
import { adHocPeriod, parsePeriodKey, periodLabel } from "../../../../../core/src/reporting/periods";
import type { EntryPageView, EvidenceRow } from "./report.sql";

/** "Tháng 11/2026", "Quý 4/2026"…; an ad hoc request is labelled by its own dates. */
export function labelOfPeriod(r: { periodKey: string; periodStart: string; periodEnd: string }) {
  const period =
    r.periodKey === "AH"
      ? adHocPeriod({ start: r.periodStart, due: r.periodEnd })
      : parsePeriodKey(r.periodKey);
  return period ? periodLabel(period) : r.periodKey;
}

export const iso = (v: unknown): string | null =>
  v == null ? null : v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString();

/** An entry as a person reads it; its class comes from the one rule, judged for the report's period. */
export function presentEntry(e: EntryPageView, today: string): z.infer<typeof reportEntry> {
  return {
    id: e.id,
    assignmentId: e.assignmentId,
    taskId: e.taskId,
    taskNumber: e.taskNumber,
    sectionNumber: e.sectionNumber ?? "",
    taskContent: e.taskContent,
    role: e.role,
    dueDate: e.dueDate,
    deadlineText: e.deadlineText,
    quantitativeTargets: (e.quantitativeTargets ?? []).map((t) => ({ ...t, unit: t.unit ?? "" })),
    status: workStatus({
      due: e.dueDate,
      recurring: e.recurring,
      completedAt: e.completedAt,
      progress: e.progress,
      periodEnd: e.periodEnd,
      today,
    }),
    recurring: e.recurring,
    frequency: e.frequency ?? null,
    progress: e.progress,
    narrative: e.narrative,
    figures: e.figures ?? [],
    completedAt: e.completedAt,
    carriedForward: e.carriedForward,
    previousNarrative: e.previousNarrative ?? null,
    reviewMark: e.reviewMark ?? null,
    version: e.version,
  };
}

export const presentComment = (c: {
  id: string;
  taskId: string | null;
  authorName: string;
  body: string;
  createdAt: Date;
}): z.infer<typeof reportComment> => ({
  id: c.id,
  taskId: c.taskId,
  authorName: c.authorName,
  body: c.body,
  createdAt: iso(c.createdAt) ?? "",
});

export const presentEvidence = (e: EvidenceRow): z.infer<typeof evidence> => ({
  id: e.id,
  entryId: e.entryId,
  kind: e.kind as "file" | "link",
  fileName: e.fileName,
  contentType: e.contentType,
  size: e.size,
  url: e.url,
  title: e.title,
  createdAt: iso(e.createdAt) ?? "",
});
