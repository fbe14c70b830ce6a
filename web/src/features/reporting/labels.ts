import { useTranslation } from "react-i18next";
import { RHYTHM_WORDS } from "../../../../core/src/deadlines/deadline.render";
import type { Frequency } from "../../../../core/src/deadlines/deadline.types";
import { ENTRY_REVIEW_LABELS_VI, type EntryReviewState } from "../../../../core/src/reporting/entry-review";
import {
  REPORT_FREQUENCIES,
  REPORT_FREQUENCY_LABELS_VI,
  type ReportFrequency,
} from "../../../../core/src/reporting/periods";
import { QUESTION_TYPE_LABELS_VI, type QuestionType } from "../../../../core/src/reporting/questions";
import {
  REPORT_STATE_LABELS_VI,
  REPORT_STATES,
  type ReportState,
} from "../../../../core/src/reporting/report-state";
import { provinceToday } from "../../lib/clock";

export { REPORT_FREQUENCIES, REPORT_STATES };

export const REVIEW_STATE_COLORS: Record<EntryReviewState, string> = {
  updated: "blue",
  unchanged: "green",
  untouched: "orange",
};

export const REPORT_STATE_COLORS: Record<ReportState, string> = {
  draft: "default",
  pendingApproval: "gold",
  submitted: "blue",
  returned: "red",
  resubmitted: "geekblue",
  accepted: "green",
};

/** Today as an ISO date on the province's clock (lib/clock.ts), not the browser's. */
export const todayIso = () => provinceToday();

/** Whole days from today to an ISO date (negative when past). */
export const daysUntil = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number);
  const t = todayIso().split("-").map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(t[0], t[1] - 1, t[2])) / 86_400_000);
};

/** Report states and frequencies: Vietnamese from core (the one source), English from the translation file. */
export function useReportingLabels() {
  const { t, i18n } = useTranslation();
  const vi = i18n.language !== "en";
  const state = (s: string) =>
    vi && s in REPORT_STATE_LABELS_VI ? REPORT_STATE_LABELS_VI[s as ReportState] : t(`reporting.states.${s}`);
  const frequency = (f: string) =>
    vi && f in REPORT_FREQUENCY_LABELS_VI
      ? REPORT_FREQUENCY_LABELS_VI[f as ReportFrequency]
      : t(`reporting.frequencies.${f}`);
  /** Where a task stands in this period's review: updated, confirmed unchanged, not yet looked at. */
  const reviewState = (s: EntryReviewState) => (vi ? ENTRY_REVIEW_LABELS_VI[s] : t(`reporting.review.${s}`));
  /** A recurring task's rhythm ("Hằng tháng"). */
  const rhythm = (f: Frequency) => (vi ? RHYTHM_WORDS[f] : t(`reporting.rhythm.${f}`));
  return {
    state,
    frequency,
    reviewState,
    rhythm,
    stateOptions: REPORT_STATES.map((s) => ({ value: s, label: state(s) })),
    frequencyOptions: REPORT_FREQUENCIES.map((f) => ({ value: f, label: frequency(f) })),
  };
}

/** The kind of answer a question takes: Vietnamese from core, English from the translation file. */
export function useQuestionTypeLabel() {
  const { t, i18n } = useTranslation();
  return (type: QuestionType) =>
    i18n.language !== "en" ? QUESTION_TYPE_LABELS_VI[type] : t(`reporting.questions.types.${type}`);
}
