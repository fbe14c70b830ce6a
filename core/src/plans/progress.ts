/**
 * What a unit may state about its work, as one rule: its progress and, once finished, the day it
 * finished. Finished means 100 %; 100 % means finished (today, unless the unit gives the day). The
 * day is a real one: not after today, not before the plan was issued. The class (on time, late,
 * overdue…) is never stated: it follows from these facts (`workStatus`).
 */
import type { IsoDate } from "../deadlines/deadline.types";
import { formatDateVi } from "../text/dates";

export interface ProgressStatement {
  progress: number;
  completedAt: IsoDate | null;
}

export type StatementResult =
  | { ok: true; value: ProgressStatement }
  | { ok: false; code: "completedInFuture" | "completedBeforePlan" | "progressRange"; message: string };

export function stateProgress({
  before,
  progress,
  completedAt,
  today,
  planIssued,
}: {
  /** What the unit stated last. */
  before: ProgressStatement;
  /** Undefined: unchanged. */
  progress?: number;
  /** Undefined: unchanged; null: not finished. */
  completedAt?: IsoDate | null;
  today: IsoDate;
  /** The plan's issue day: no work on it finished before. */
  planIssued: IsoDate | null;
}): StatementResult {
  if (progress !== undefined && (!Number.isInteger(progress) || progress < 0 || progress > 100))
    return { ok: false, code: "progressRange", message: "Tiến độ phải là số nguyên từ 0 đến 100." };
  let next: ProgressStatement;
  if (completedAt) next = { progress: 100, completedAt };
  else if (completedAt === null)
    next = {
      progress: progress ?? (before.progress === 100 ? 90 : before.progress),
      completedAt: null,
    };
  else next = { progress: progress ?? before.progress, completedAt: before.completedAt };
  // 100 % is finished and finished is 100 %: the two facts never contradict each other.
  if (next.progress === 100 && !next.completedAt) next = { progress: 100, completedAt: today };
  if (next.progress < 100 && next.completedAt) next = { ...next, completedAt: null };
  if (next.completedAt && next.completedAt !== before.completedAt) {
    if (next.completedAt > today)
      return {
        ok: false,
        code: "completedInFuture",
        message: `Ngày hoàn thành ${formatDateVi(next.completedAt)} ở tương lai: hãy nhập ngày đã hoàn thành.`,
      };
    if (planIssued && next.completedAt < planIssued)
      return {
        ok: false,
        code: "completedBeforePlan",
        message: `Ngày hoàn thành ${formatDateVi(next.completedAt)} trước ngày ban hành kế hoạch (${formatDateVi(planIssued)}).`,
      };
  }
  return { ok: true, value: next };
}
