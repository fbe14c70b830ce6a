import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  addFindings,
  addUnits,
  cancelInspection,
  createInspectionPlan,
  deleteInspectionPlan,
  deleteMinutes,
  fetchInspection,
  fetchInspectionPlan,
  fetchInspectionPlans,
  fetchInspections,
  type InspectionListQuery,
  type PlanListQuery,
  recordInspection,
  updateFinding,
  updateInspection,
  updateInspectionPlan,
  uploadMinutes,
} from "./inspections.api";

export const inspectionKeys = {
  all: ["inspections"] as const,
  plans: (q: PlanListQuery) => ["inspections", "plans", q] as const,
  plan: (id: string) => ["inspections", "plan", id] as const,
  list: (q: InspectionListQuery) => ["inspections", "list", q] as const,
  detail: (id: string) => ["inspections", "detail", id] as const,
};

export const useInspectionPlans = (q: PlanListQuery) =>
  useQuery({
    queryKey: inspectionKeys.plans(q),
    queryFn: () => fetchInspectionPlans(q),
    placeholderData: keepPreviousData,
  });
export const useInspectionPlan = (id: string) =>
  useQuery({ queryKey: inspectionKeys.plan(id), queryFn: () => fetchInspectionPlan(id), enabled: !!id });
export const useInspections = (q: InspectionListQuery, enabled = true) =>
  useQuery({
    queryKey: inspectionKeys.list(q),
    queryFn: () => fetchInspections(q),
    placeholderData: keepPreviousData,
    enabled,
  });
export const useInspection = (id: string) =>
  useQuery({ queryKey: inspectionKeys.detail(id), queryFn: () => fetchInspection(id), enabled: !!id });

/** A write of the register: everything of inspections is read again after it (lists, counts, pages). */
function useInspectionWrite<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ queryKey: inspectionKeys.all }),
  });
}

export const useCreateInspectionPlan = () => useInspectionWrite(createInspectionPlan);
export const useUpdateInspectionPlan = () => useInspectionWrite(updateInspectionPlan);
export const useDeleteInspectionPlan = () => useInspectionWrite(deleteInspectionPlan);
export const useAddUnits = () => useInspectionWrite(addUnits);
export const useUpdateInspection = () => useInspectionWrite(updateInspection);
export const useCancelInspection = () => useInspectionWrite(cancelInspection);
export const useRecordInspection = () => useInspectionWrite(recordInspection);
export const useAddFindings = () => useInspectionWrite(addFindings);
export const useUpdateFinding = () => useInspectionWrite(updateFinding);
export const useUploadMinutes = () => useInspectionWrite(uploadMinutes);
export const useDeleteMinutes = () => useInspectionWrite(deleteMinutes);
