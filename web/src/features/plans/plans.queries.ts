import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Query } from "../../lib/api-client";
import {
  amendPlan,
  bulkAssign,
  bulkLink,
  createChildPlan,
  createPlan,
  deletePlan,
  fetchCoverage,
  fetchMyTasks,
  fetchPlan,
  fetchPlanDocument,
  fetchPlans,
  fetchReadiness,
  fetchTaskGrid,
  fetchTasks,
  fetchTimeline,
  importTasks,
  instantiateFramework,
  issuePlan,
  type PlanListQuery,
  putTargets,
  putTasks,
  updateAssignment,
} from "./plans.api";

export const planKeys = {
  all: ["plans"] as const,
  list: (q: PlanListQuery) => ["plans", "list", q] as const,
  detail: (id: string) => ["plans", "detail", id] as const,
  document: (id: string) => ["plans", "document", id] as const,
  grid: (id: string) => ["plans", "grid", id] as const,
  readiness: (id: string) => ["plans", "readiness", id] as const,
  tasks: ["tasks"] as const,
};

export const usePlans = (q: PlanListQuery) =>
  useQuery({ queryKey: planKeys.list(q), queryFn: () => fetchPlans(q), placeholderData: keepPreviousData });
export const usePlan = (id: string | undefined) =>
  useQuery({ queryKey: planKeys.detail(id ?? ""), queryFn: () => fetchPlan(id!), enabled: !!id });
export const usePlanDocument = (id: string, enabled = true) =>
  useQuery({ queryKey: planKeys.document(id), queryFn: () => fetchPlanDocument(id), enabled });
export const useTaskGrid = (id: string) =>
  useQuery({ queryKey: planKeys.grid(id), queryFn: () => fetchTaskGrid(id) });
export const useReadiness = (id: string, enabled: boolean) =>
  useQuery({ queryKey: planKeys.readiness(id), queryFn: () => fetchReadiness(id), enabled });

export const useTaskList = (q: Query) =>
  useQuery({
    queryKey: ["tasks", "list", q],
    queryFn: () => fetchTasks(q),
    placeholderData: keepPreviousData,
  });
export const useMyTasks = (q: Query) =>
  useQuery({
    queryKey: ["tasks", "mine", q],
    queryFn: () => fetchMyTasks(q),
    placeholderData: keepPreviousData,
  });
export const useTimeline = (q: Query) =>
  useQuery({
    queryKey: ["tasks", "timeline", q],
    queryFn: () => fetchTimeline(q),
    placeholderData: keepPreviousData,
  });
export const useCoverage = (q: Query, enabled: boolean) =>
  useQuery({ queryKey: ["tasks", "coverage", q], queryFn: () => fetchCoverage(q), enabled });

/** A change to a plan can move its header, grid, document, readiness and every task view. */
function useInvalidatePlans() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: planKeys.all }),
      qc.invalidateQueries({ queryKey: planKeys.tasks }),
    ]);
}
const withInvalidate =
  <A, R>(fn: (a: A) => Promise<R>) =>
  () => {
    const invalidate = useInvalidatePlans();
    return useMutation({ mutationFn: fn, onSuccess: invalidate });
  };

export const useCreatePlan = withInvalidate(createPlan);
export const useDeletePlan = withInvalidate(deletePlan);
export const usePutTargets = withInvalidate(putTargets);
export const usePutTasks = withInvalidate(putTasks);
export const useBulkAssign = withInvalidate(bulkAssign);
export const useBulkLink = withInvalidate(bulkLink);
export const useIssuePlan = withInvalidate(issuePlan);
export const useAmendPlan = withInvalidate(amendPlan);
export const useCreateChildPlan = withInvalidate(createChildPlan);
export const useInstantiate = withInvalidate(instantiateFramework);
export const useImportTasks = withInvalidate(importTasks);
export const useUpdateAssignment = withInvalidate(updateAssignment);
