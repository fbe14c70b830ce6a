import type { z } from "zod";
import type {
  consolidatedDraftResponse,
  dashboardResponse,
  dashboardTaskResponse,
  evidence,
  followUpDashboardResponse,
  followUpUnitListResponse,
  lateUnitListResponse,
  notification,
  notificationListResponse,
  obligation,
  obligationCreateBody,
  openPeriodResponse,
  overdueTaskListResponse,
  progressTrendResponse,
  reportComment,
  reportDetail,
  reportEntry,
  reportListResponse,
  reportPeriodListResponse,
  reportSummary,
  scorecard,
} from "../../../../core/src/api/reporting.schemas";
import type { ReportAction } from "../../../../core/src/reporting/report-state";
import { api, apiRequest, type Query, withQuery } from "../../lib/api-client";

export type Obligation = z.infer<typeof obligation>;
export type ObligationInput = z.input<typeof obligationCreateBody>;
export type OpenPeriodResult = z.infer<typeof openPeriodResponse>;
export type ReportSummary = z.infer<typeof reportSummary>;
export type ReportList = z.infer<typeof reportListResponse>;
export type ReportPeriod = z.infer<typeof reportPeriodListResponse>["periods"][number];
export type LateUnits = z.infer<typeof lateUnitListResponse>;
export type OverdueTasks = z.infer<typeof overdueTaskListResponse>;
export type NotificationList = z.infer<typeof notificationListResponse>;
export type ReportDetail = z.infer<typeof reportDetail>;
export type ReportEntry = z.infer<typeof reportEntry>;
export type ReportComment = z.infer<typeof reportComment>;
export type Evidence = z.infer<typeof evidence>;
export type Dashboard = z.infer<typeof dashboardResponse>;
export type DashboardTask = z.infer<typeof dashboardTaskResponse>;
export type ProgressTrend = z.infer<typeof progressTrendResponse>;
export type Notification = z.infer<typeof notification>;
export type Scorecard = z.infer<typeof scorecard>;

export type EntryPatch = {
  version: number;
  status?: ReportEntry["status"];
  progress?: number;
  narrative?: string;
  figures?: ReportEntry["figures"];
  completedAt?: string | null;
  /** "Không thay đổi": sent alone, an explicit act the server records. */
  unchanged?: true;
};
export type ReportPatch = {
  version: number;
  results?: string;
  difficulties?: string;
  proposals?: string;
  answers?: Record<string, string>;
};

const r = (id: string) => `/api/reports/${encodeURIComponent(id)}`;

/** One answer to one question of an ad hoc request ("" clears it); the answers after. */
export const saveAnswer = ({
  reportId,
  questionId,
  value,
}: {
  reportId: string;
  questionId: string;
  value: string;
}) =>
  api
    .put<{ answers: Record<string, string> }>(`${r(reportId)}/answers/${encodeURIComponent(questionId)}`, {
      value,
    })
    .then((x) => x.answers);

export const fetchObligations = (planId: string) =>
  api
    .get<{ obligations: Obligation[] }>(`/api/plans/${encodeURIComponent(planId)}/reporting-obligations`)
    .then((x) => x.obligations);
export const createObligation = ({ planId, input }: { planId: string; input: ObligationInput }) =>
  api
    .post<{ obligation: Obligation }>(`/api/plans/${encodeURIComponent(planId)}/reporting-obligations`, input)
    .then((x) => x.obligation);
export const openPeriod = ({ obligationId, periodKey }: { obligationId: string; periodKey: string }) =>
  api.post<OpenPeriodResult>(`/api/reporting-obligations/${encodeURIComponent(obligationId)}/periods`, {
    periodKey,
  });

/** One page of reports (`page`, `pageSize`, filters) with the true total. */
export const fetchReports = (query: Query) => api.get<ReportList>("/api/reports", query);
export type ReportPeriods = z.infer<typeof reportPeriodListResponse>;
/** The periods with reports in scope, and the one the dashboard opens on. */
export const fetchReportPeriods = () => api.get<ReportPeriods>("/api/reports/periods");
export const fetchReport = (id: string) => api.get<{ report: ReportDetail }>(r(id)).then((x) => x.report);
export const patchReport = ({ id, patch }: { id: string; patch: ReportPatch }) =>
  api.patch<{ report: ReportDetail }>(r(id), patch).then((x) => x.report);
export const patchEntry = ({ id, patch }: { id: string; patch: EntryPatch }) =>
  api
    .patch<{ entry: ReportEntry }>(`/api/report-entries/${encodeURIComponent(id)}`, patch)
    .then((x) => x.entry);
/** "Không thay đổi" for the listed entries still untouched; answers those confirmed. */
export const confirmEntriesUnchanged = ({
  reportId,
  entries,
}: {
  reportId: string;
  entries: Array<{ id: string; version: number }>;
}) => api.post<{ entries: ReportEntry[] }>(`${r(reportId)}/unchanged`, { entries }).then((x) => x.entries);
export const transitionReport = ({
  id,
  action,
  version,
  reason,
}: {
  id: string;
  action: ReportAction;
  version: number;
  reason?: string;
}) =>
  api
    .post<{ report: ReportDetail }>(`${r(id)}/transitions`, { action, version, reason })
    .then((x) => x.report);
export const setLatePermission = ({ id, allowed }: { id: string; allowed: boolean }) =>
  api.put<{ report: ReportDetail }>(`${r(id)}/late-permission`, { allowed }).then((x) => x.report);
export const addComment = ({ id, taskId, body }: { id: string; taskId: string | null; body: string }) =>
  api.post<{ comment: ReportComment }>(`${r(id)}/comments`, { taskId, body }).then((x) => x.comment);

export function uploadEvidence({ id, file, entryId }: { id: string; file: File; entryId: string | null }) {
  const form = new FormData();
  form.append("file", file);
  return apiRequest<{ evidence: Evidence }>(`${r(id)}/evidence`, {
    method: "POST",
    body: form,
    query: { entryId: entryId ?? undefined },
  }).then((x) => x.evidence);
}
export const addEvidenceLink = ({
  id,
  url,
  title,
  entryId,
}: {
  id: string;
  url: string;
  title: string;
  entryId: string | null;
}) =>
  api
    .post<{ evidence: Evidence }>(`${r(id)}/evidence-links`, { url, title, entryId })
    .then((x) => x.evidence);
export const evidenceDownloadUrl = (id: string) => `/api/evidence/${encodeURIComponent(id)}/download`;

export type PeriodQuery = { obligationId: string; periodKey: string };
export const fetchDashboard = (q: PeriodQuery) => api.get<Dashboard>("/api/reporting/dashboard", q);
export type DashboardTaskQuery = PeriodQuery & {
  taskId: string;
  status?: string;
  page: number;
  pageSize: number;
};
export const fetchDashboardTask = (q: DashboardTaskQuery) =>
  api.get<DashboardTask>("/api/reporting/dashboard/task", q);
export type DashboardListQuery = PeriodQuery & { page: number; pageSize: number };
export const fetchLateUnits = (q: DashboardListQuery) =>
  api.get<LateUnits>("/api/reporting/dashboard/late-units", q);
export const fetchOverdueTasks = (q: DashboardListQuery) =>
  api.get<OverdueTasks>("/api/reporting/dashboard/overdue-tasks", q);
/** The dashboard's follow-up section, and its units a page at a time (not tied to a period). */
export type FollowUpDashboard = z.infer<typeof followUpDashboardResponse>;
export type FollowUpUnits = z.infer<typeof followUpUnitListResponse>;
export const fetchFollowUpDashboard = () => api.get<FollowUpDashboard>("/api/reporting/dashboard/follow-up");
export const fetchFollowUpUnits = (q: { page: number; pageSize: number }) =>
  api.get<FollowUpUnits>("/api/reporting/dashboard/follow-up/units", q);
export const fetchProgressTrend = (obligationId: string) =>
  api.get<ProgressTrend>("/api/reporting/dashboard/progress-trend", { obligationId });
/** What the consolidated report says unedited: the dialog's starting texts. */
export type ConsolidatedDraft = z.infer<typeof consolidatedDraftResponse>;
export const fetchConsolidatedDraft = (q: PeriodQuery) =>
  api.get<ConsolidatedDraft>("/api/reporting/consolidated/draft", q);
export const entriesXlsxUrl = (q: PeriodQuery) => withQuery("/api/reporting/entries.xlsx", q);

/** POSTs the narrative and hands the DOCX to the browser as a download. */
export async function downloadConsolidatedDocx(
  q: PeriodQuery & { narrative: string | null } & Partial<Omit<ConsolidatedDraft, "narrative">>,
) {
  const token = document.cookie
    .split(";")
    .map((s) => s.trim())
    .find((s) => s.startsWith("chiso_csrf="));
  // A blob download: apiRequest parses JSON, so this one call reads the body as bytes.
  const res = await fetch("/api/reporting/consolidated.docx", {
    method: "POST",
    credentials: "same-origin",
    headers: {
      "content-type": "application/json",
      "x-csrf-token": token ? decodeURIComponent(token.slice("chiso_csrf=".length)) : "",
    },
    body: JSON.stringify(q),
  });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `Không tạo được báo cáo tổng hợp (mã ${res.status}).`);
  }
  const blob = await res.blob();
  const disposition = res.headers.get("content-disposition") ?? "";
  const match = /filename\*=UTF-8''([^;]+)/.exec(disposition);
  const name = match ? decodeURIComponent(match[1]) : "bao-cao-tong-hop.docx";
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export const fetchNotifications = (q: { page: number; pageSize: number }) =>
  api.get<NotificationList>("/api/notifications", q);
export type EmailMode = "immediate" | "daily";
export const fetchEmailMode = () =>
  api.get<{ emailMode: EmailMode }>("/api/notifications/preferences").then((x) => x.emailMode);
export const saveEmailMode = (emailMode: EmailMode) =>
  api.put<{ emailMode: EmailMode }>("/api/notifications/preferences", { emailMode });
export const markNotificationRead = (id: string) =>
  api.post<{ ok: true }>(`/api/notifications/${encodeURIComponent(id)}/read`);

export type ScorecardQuery = { year: number; planId?: string };
export const fetchScorecards = (q: ScorecardQuery) =>
  api.get<{ scorecards: Scorecard[] }>("/api/reporting/scorecards", q).then((x) => x.scorecards);
export const scorecardsXlsxUrl = (q: ScorecardQuery) => withQuery("/api/reporting/scorecards.xlsx", q);
