import { Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { periodDue } from "../../../../../core/src/plans/status";
import { reviewStateOf } from "../../../../../core/src/reporting/entry-review";
import { formatDateVi } from "../../../lib/dates";
import { REVIEW_STATE_COLORS, useReportingLabels } from "../labels";
import type { ReportEntry } from "../reporting.api";

/** Where the task stands in this period's review: updated, confirmed unchanged, or not looked at. */
export function ReviewMarkTag({ entry }: { entry: Pick<ReportEntry, "reviewMark"> }) {
  const labels = useReportingLabels();
  const state = reviewStateOf(entry);
  return (
    <Tag color={REVIEW_STATE_COLORS[state]} data-testid="entry-review-mark" data-mark={state}>
      {labels.reviewState(state)}
    </Tag>
  );
}

/**
 * The deadline as this period reads it: recurring work shows its rhythm and this period's due day
 * (core's `periodDue`, the day the one status rule judges it by), one-off work its due day.
 */
export function EntryDeadline({ entry, periodEnd }: { entry: ReportEntry; periodEnd: string }) {
  const { t } = useTranslation();
  const labels = useReportingLabels();
  if (entry.recurring) {
    const due = periodDue({ due: entry.dueDate, recurring: true }, periodEnd);
    return (
      <Typography.Text type="secondary" data-testid="entry-recurrence">
        {entry.frequency ? labels.rhythm(entry.frequency) : entry.deadlineText}
        {due ? ` · ${t("reporting.entry.dueThisPeriod", { date: formatDateVi(due) })}` : ""}
      </Typography.Text>
    );
  }
  return (
    <Typography.Text type="secondary">
      {t("reporting.entry.deadline")}:{" "}
      {entry.dueDate ? formatDateVi(entry.dueDate) : entry.deadlineText || "—"}
    </Typography.Text>
  );
}

/** Last period's text, shown as last period's and apart from this period's, never in its field. */
export function PreviousText({ entry, narrative }: { entry: ReportEntry; narrative: string }) {
  const { t } = useTranslation();
  const previous = entry.previousNarrative?.trim();
  if (!previous || previous === narrative.trim()) return null;
  return (
    <div className="report-previous" data-testid="entry-previous">
      <span className="report-label">{t("reporting.entry.previous")}</span>
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, expandable: true }} style={{ margin: 0 }}>
        {previous}
      </Typography.Paragraph>
    </div>
  );
}
