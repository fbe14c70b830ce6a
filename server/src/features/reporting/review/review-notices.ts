/** What a unit or its receiver is told, in the app, of a report's state change. */
import type { ReportState } from "../../../../../core/src/reporting/report-state";
import { type LoadedReport, presentSummary } from "../reports/reports.service";

export const excerpt = (text: string) => (text.length > 200 ? `${text.slice(0, 199)}…` : text);

/**
 * The in-app notice a state change sends: the unit hears that its report was returned (with the
 * reason) or accepted; the receiving unit hears that a report arrived. Approval inside the unit and
 * drafts tell no one.
 */
export function reviewNotice({
  report,
  next,
  reason,
}: {
  report: LoadedReport;
  next: ReportState;
  reason: string | null;
}) {
  const period = `Kỳ ${presentSummary(report).periodLabel}`;
  const base = { reportId: report.id };
  if (next === "returned")
    return {
      ...base,
      unitId: report.unitId,
      kind: "returned",
      title: `Báo cáo bị trả lại: ${report.obligationTitle}`,
      body: reason ? `${period}. Lý do: ${excerpt(reason)}` : `${period}.`,
    };
  if (next === "accepted")
    return {
      ...base,
      unitId: report.unitId,
      kind: "accepted",
      title: `Báo cáo đã được tiếp nhận: ${report.obligationTitle}`,
      body: `${period}.`,
    };
  if (next === "submitted" || next === "resubmitted")
    return {
      ...base,
      unitId: report.receivingUnitId,
      kind: next === "submitted" ? "received" : "resubmitted",
      title: `${next === "submitted" ? "Đã nhận báo cáo" : "Báo cáo gửi lại"}: ${report.unitName}`,
      body: `${report.obligationTitle}, ${period.toLowerCase()}.`,
    };
  return null;
}
