/** What a unit, its head, its officer or its receiver is told, in the app, of a report's state change. */
import type { ReportAction, ReportState } from "../../../../../core/src/reporting/report-state";
import { type LoadedReport, presentSummary } from "../reports/reports.service";

export const excerpt = (text: string) => (text.length > 200 ? `${text.slice(0, 199)}…` : text);

/** One notice; `userId` set: for that person only (the heads asked to approve, the officer who asked). */
export interface ReviewNotice {
  reportId: string;
  unitId: string;
  userId?: string | null;
  kind: string;
  title: string;
  body: string;
}

/** Who is told besides the unit: its active heads, and the person who last sent the report to them. */
export interface ApprovalPeople {
  headIds: string[];
  submitterId: string | null;
}

/**
 * The in-app notices a state change sends (each also mailed, see runNoticeMail):
 * - submitted for approval: each of the unit's heads hears that a report awaits her;
 * - the head approves: the officer who asked hears that it left the unit; the receiver that it arrived;
 * - the head returns it: the officer who asked hears it, with the reason (the unit when unknown);
 * - the receiver returns or accepts: the unit hears it; the receiver hears of every arrival.
 * Drafts tell no one.
 */
export function reviewNotices({
  report,
  action,
  next,
  reason,
  people,
}: {
  report: LoadedReport;
  action: ReportAction;
  next: ReportState;
  reason: string | null;
  people: ApprovalPeople;
}): ReviewNotice[] {
  const period = `Kỳ ${presentSummary(report).periodLabel}`;
  const base = { reportId: report.id };
  const why = reason ? `${period}. Lý do: ${excerpt(reason)}` : `${period}.`;
  const fromHead = report.state === "pendingApproval";
  if (next === "pendingApproval")
    return people.headIds.map((userId) => ({
      ...base,
      unitId: report.unitId,
      userId,
      kind: "awaitingApproval",
      title: `Báo cáo chờ lãnh đạo duyệt: ${report.obligationTitle}`,
      body: `${period}. Hãy xem, duyệt và gửi, hoặc trả lại kèm lý do.`,
    }));
  if (next === "returned" && fromHead)
    return [
      {
        ...base,
        unitId: report.unitId,
        userId: people.submitterId,
        kind: "returnedByHead",
        title: `Lãnh đạo đơn vị trả lại báo cáo: ${report.obligationTitle}`,
        body: why,
      },
    ];
  if (next === "returned")
    return [
      {
        ...base,
        unitId: report.unitId,
        kind: "returned",
        title: `Báo cáo bị trả lại: ${report.obligationTitle}`,
        body: why,
      },
    ];
  if (next === "accepted")
    return [
      {
        ...base,
        unitId: report.unitId,
        kind: "accepted",
        title: `Báo cáo đã được tiếp nhận: ${report.obligationTitle}`,
        body: `${period}.`,
      },
    ];
  if (next === "submitted" || next === "resubmitted") {
    const arrived: ReviewNotice = {
      ...base,
      unitId: report.receivingUnitId,
      kind: next === "submitted" ? "received" : "resubmitted",
      title: `${next === "submitted" ? "Đã nhận báo cáo" : "Báo cáo gửi lại"}: ${report.unitName}`,
      body: `${report.obligationTitle}, ${period.toLowerCase()}.`,
    };
    if (action !== "approve" || !people.submitterId) return [arrived];
    return [
      arrived,
      {
        ...base,
        unitId: report.unitId,
        userId: people.submitterId,
        kind: "approved",
        title: `Lãnh đạo đơn vị đã duyệt và gửi báo cáo: ${report.obligationTitle}`,
        body: `${period}. Báo cáo đã được gửi đến cơ quan nhận báo cáo.`,
      },
    ];
  }
  return [];
}
