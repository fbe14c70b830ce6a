import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Query } from "../../lib/api-client";
import { queryClient } from "../../lib/query-client";
import { type MeResponse, meKey } from "../auth/auth.queries";
import { loadWithCopy } from "../offline/answer-copies";
import {
  addComment,
  addEvidenceLink,
  createObligation,
  type DashboardListQuery,
  type DashboardTaskQuery,
  fetchConsolidatedDraft,
  fetchDashboard,
  fetchDashboardTask,
  fetchEmailMode,
  fetchFollowUpDashboard,
  fetchFollowUpUnits,
  fetchLateUnits,
  fetchNotifications,
  fetchObligations,
  fetchOverdueTasks,
  fetchProgressTrend,
  fetchReport,
  fetchReportPeriods,
  fetchReports,
  fetchScorecards,
  markNotificationRead,
  openPeriod,
  type PeriodQuery,
  type ScorecardQuery,
  saveEmailMode,
  setLatePermission,
  transitionReport,
  uploadEvidence,
} from "./reporting.api";

export const reportingKeys = {
  all: ["reporting"] as const,
  obligations: (planId: string) => ["reporting", "obligations", planId] as const,
  reports: (q: Query) => ["reporting", "reports", q] as const,
  reportPeriods: ["reporting", "reports", "periods"] as const,
  report: (id: string) => ["reporting", "report", id] as const,
  dashboard: (q: PeriodQuery) => ["reporting", "dashboard", q] as const,
  progressTrend: (obligationId: string) => ["reporting", "dashboard", "progress", obligationId] as const,
  followUp: ["reporting", "dashboard", "follow-up"] as const,
  followUpUnits: (q: { page: number; pageSize: number }) =>
    ["reporting", "dashboard", "follow-up", "units", q] as const,
  dashboardTask: (q: DashboardTaskQuery) => ["reporting", "dashboard", "task", q] as const,
  dashboardList: (list: "late" | "overdue", q: DashboardListQuery) =>
    ["reporting", "dashboard", list, q] as const,
  narrative: (q: PeriodQuery) => ["reporting", "narrative", q] as const,
  scorecards: (q: ScorecardQuery) => ["reporting", "scorecards", q] as const,
  notifications: ["notifications"] as const,
  notificationsPage: (q: { page: number; pageSize: number }) => ["notifications", "list", q] as const,
};

export const useObligations = (planId: string) =>
  useQuery({ queryKey: reportingKeys.obligations(planId), queryFn: () => fetchObligations(planId) });
export const useReports = (q: Query) =>
  useQuery({
    queryKey: reportingKeys.reports(q),
    queryFn: () => fetchReports(q),
    placeholderData: keepPreviousData,
  });
export const useReportPeriods = () =>
  useQuery({ queryKey: reportingKeys.reportPeriods, queryFn: fetchReportPeriods, select: (x) => x.periods });
/** The same answer with the current period the server chose (one request shared with the list above). */
export const useReportPeriodsWithCurrent = () =>
  useQuery({ queryKey: reportingKeys.reportPeriods, queryFn: fetchReportPeriods });
/** A report, kept on the device for its writer so that it opens again without a connection. */
export const useReport = (id: string) =>
  useQuery({
    queryKey: reportingKeys.report(id),
    queryFn: () =>
      loadWithCopy({
        userId: queryClient.getQueryData<MeResponse | null>(meKey)?.user.id ?? null,
        name: `report:${id}`,
        load: () => fetchReport(id),
      }),
    enabled: !!id,
    networkMode: "always",
  });
export const useDashboard = (q: PeriodQuery | null) =>
  useQuery({
    queryKey: reportingKeys.dashboard(q ?? { obligationId: "", periodKey: "" }),
    queryFn: () => fetchDashboard(q!),
    enabled: !!q,
  });
export const useDashboardTask = (q: DashboardTaskQuery) =>
  useQuery({
    queryKey: reportingKeys.dashboardTask(q),
    queryFn: () => fetchDashboardTask(q),
    placeholderData: keepPreviousData,
  });
export const useLateUnits = (q: DashboardListQuery) =>
  useQuery({
    queryKey: reportingKeys.dashboardList("late", q),
    queryFn: () => fetchLateUnits(q),
    placeholderData: keepPreviousData,
  });
export const useOverdueTasks = (q: DashboardListQuery) =>
  useQuery({
    queryKey: reportingKeys.dashboardList("overdue", q),
    queryFn: () => fetchOverdueTasks(q),
    placeholderData: keepPreviousData,
  });
export const useProgressTrend = (obligationId: string) =>
  useQuery({
    queryKey: reportingKeys.progressTrend(obligationId),
    queryFn: () => fetchProgressTrend(obligationId),
  });
export const useConsolidatedDraft = (q: PeriodQuery) =>
  useQuery({
    queryKey: [...reportingKeys.narrative(q), "draft"],
    queryFn: () => fetchConsolidatedDraft(q),
    staleTime: Infinity,
  });
export const useFollowUpDashboard = () =>
  useQuery({ queryKey: reportingKeys.followUp, queryFn: fetchFollowUpDashboard });
export const useFollowUpUnits = (q: { page: number; pageSize: number }) =>
  useQuery({
    queryKey: reportingKeys.followUpUnits(q),
    queryFn: () => fetchFollowUpUnits(q),
    placeholderData: keepPreviousData,
  });
export const useScorecards = (q: ScorecardQuery) =>
  useQuery({
    queryKey: reportingKeys.scorecards(q),
    queryFn: () => fetchScorecards(q),
    placeholderData: keepPreviousData,
  });
export const useEmailMode = () =>
  useQuery({ queryKey: ["notifications", "emailMode"], queryFn: fetchEmailMode });
export function useSaveEmailMode() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: saveEmailMode,
    onSuccess: (r) => qc.setQueryData(["notifications", "emailMode"], r.emailMode),
  });
}
export const useNotifications = (q: { page: number; pageSize: number }) =>
  useQuery({
    queryKey: reportingKeys.notificationsPage(q),
    queryFn: () => fetchNotifications(q),
    refetchInterval: 60_000,
    placeholderData: keepPreviousData,
  });

/** Any reporting change can move a report, the lists, the dashboard and the notices. */
function useInvalidateReporting() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: reportingKeys.all }),
      qc.invalidateQueries({ queryKey: reportingKeys.notifications }),
    ]);
}
const withInvalidate =
  <A, R>(fn: (a: A) => Promise<R>) =>
  () => {
    const invalidate = useInvalidateReporting();
    return useMutation({ mutationFn: fn, onSuccess: invalidate });
  };

export const useCreateObligation = withInvalidate(createObligation);
export const useOpenPeriod = withInvalidate(openPeriod);
export const useTransition = withInvalidate(transitionReport);
export const useLatePermission = withInvalidate(setLatePermission);
export const useAddComment = withInvalidate(addComment);
export const useUploadEvidence = withInvalidate(uploadEvidence);
export const useAddEvidenceLink = withInvalidate(addEvidenceLink);
export const useMarkRead = withInvalidate(markNotificationRead);
