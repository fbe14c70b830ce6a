/**
 * Where each task of a report stands in this period's review by the unit: written this period
 * ("updated"), explicitly confirmed as unchanged since the last period ("unchanged"), or still the
 * copy carried from the last period that nobody has looked at (no mark). The mark is set by the
 * server on every save of the entry (`report_entries.review_mark`); this file only reads it, so the
 * form's counter, the reviewer's tags and the e2e agree on one rule.
 */
import type { IsoDate } from "../deadlines/deadline.types";

export const ENTRY_REVIEW_MARKS = ["updated", "unchanged"] as const;
export type EntryReviewMark = (typeof ENTRY_REVIEW_MARKS)[number];
/** The mark, or "untouched" for an entry nobody has looked at this period. */
export type EntryReviewState = EntryReviewMark | "untouched";

export const ENTRY_REVIEW_LABELS_VI: Record<EntryReviewState, string> = {
  updated: "Đã cập nhật kỳ này",
  unchanged: "Không thay đổi so với kỳ trước",
  untouched: "Chưa xem",
};

export interface ReviewedEntry {
  reviewMark: EntryReviewMark | null;
  completedAt: IsoDate | null;
  recurring: boolean;
}

export const reviewStateOf = (e: Pick<ReviewedEntry, "reviewMark">): EntryReviewState =>
  e.reviewMark ?? "untouched";

/**
 * Work finished before the period began (and not reopened: a reopened task has no completion day)
 * has nothing new to say: the form folds it away and it is not counted as still to review.
 * Recurring work starts afresh every period, so it never folds.
 */
export function doneBeforePeriod(e: Pick<ReviewedEntry, "completedAt" | "recurring">, periodStart: IsoDate) {
  return !e.recurring && e.completedAt !== null && e.completedAt < periodStart;
}

/** "còn N nhiệm vụ chưa xem": entries with no mark this period, work finished earlier aside. */
export function entriesToReview(entries: ReviewedEntry[], periodStart: IsoDate): number {
  return entries.filter((e) => e.reviewMark === null && !doneBeforePeriod(e, periodStart)).length;
}
