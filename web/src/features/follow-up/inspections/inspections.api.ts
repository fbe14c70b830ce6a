import type { z } from "zod";
import type {
  findingImportResult,
  findingInput,
  findingUpdateBody,
  inspectionDetail,
  inspectionFile,
  inspectionListResponse,
  inspectionPlanCreateBody,
  inspectionPlanDetail,
  inspectionPlanListResponse,
  inspectionSummary,
  inspectionsAddBody,
  inspectionsAddResponse,
  inspectionUpdateBody,
} from "../../../../../core/src/api/follow-up-inspections.schemas";
import { api, apiRequest } from "../../../lib/api-client";

export type InspectionPlanList = z.infer<typeof inspectionPlanListResponse>;
export type InspectionPlanSummary = InspectionPlanList["plans"][number];
export type InspectionPlanDetail = z.infer<typeof inspectionPlanDetail>;
export type InspectionPlanInput = z.input<typeof inspectionPlanCreateBody>;
export type InspectionList = z.infer<typeof inspectionListResponse>;
export type InspectionSummary = z.infer<typeof inspectionSummary>;
export type InspectionDetail = z.infer<typeof inspectionDetail>;
export type Finding = InspectionDetail["findings"][number];
export type InspectionFile = z.infer<typeof inspectionFile>;
export type AddUnitsInput = z.input<typeof inspectionsAddBody>;
export type AddUnitsResult = z.infer<typeof inspectionsAddResponse>;
export type InspectionUpdateInput = z.input<typeof inspectionUpdateBody>;
export type FindingInput = z.input<typeof findingInput>;
export type FindingUpdateInput = z.input<typeof findingUpdateBody>;
export type FindingImportResult = z.infer<typeof findingImportResult>;

const BASE = "/api/follow-up/inspections";
const plan = (id: string) => `${BASE}/plans/${encodeURIComponent(id)}`;
const one = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

export type PlanListQuery = { year?: number; page?: number; pageSize?: number };
export type InspectionListQuery = {
  planId?: string;
  unitId?: string;
  year?: number;
  state?: string;
  page?: number;
  pageSize?: number;
};

export const fetchInspectionPlans = (q: PlanListQuery) => api.get<InspectionPlanList>(`${BASE}/plans`, q);
export const fetchInspectionPlan = (id: string) =>
  api.get<{ plan: InspectionPlanDetail }>(plan(id)).then((r) => r.plan);
export const createInspectionPlan = (input: InspectionPlanInput) =>
  api.post<{ plan: InspectionPlanDetail }>(`${BASE}/plans`, input).then((r) => r.plan);
export const updateInspectionPlan = ({ id, input }: { id: string; input: Partial<InspectionPlanInput> }) =>
  api.patch<{ plan: InspectionPlanDetail }>(plan(id), input).then((r) => r.plan);
export const deleteInspectionPlan = (id: string) => api.delete<{ ok: true }>(plan(id));
export const addUnits = ({ planId, input }: { planId: string; input: AddUnitsInput }) =>
  api.post<AddUnitsResult>(`${plan(planId)}/inspections`, input);
export const planExportUrl = (id: string) => `${plan(id)}/export.xlsx`;

export const fetchInspections = (q: InspectionListQuery) => api.get<InspectionList>(BASE, q);
export const fetchInspection = (id: string) =>
  api.get<{ inspection: InspectionDetail }>(one(id)).then((r) => r.inspection);
export const updateInspection = ({ id, input }: { id: string; input: InspectionUpdateInput }) =>
  api.patch<{ inspection: InspectionDetail }>(one(id), input).then((r) => r.inspection);
export const cancelInspection = ({ id, version, reason }: { id: string; version: number; reason: string }) =>
  api
    .post<{ inspection: InspectionDetail }>(`${one(id)}/cancel`, { version, reason })
    .then((r) => r.inspection);
export const recordInspection = ({
  id,
  input,
}: {
  id: string;
  input: { version: number; heldOn: string; conclusion: string; findings: FindingInput[] };
}) => api.post<{ inspection: InspectionDetail }>(`${one(id)}/record`, input).then((r) => r.inspection);
export const addFindings = ({ id, findings }: { id: string; findings: FindingInput[] }) =>
  api.post<{ inspection: InspectionDetail }>(`${one(id)}/findings`, { findings }).then((r) => r.inspection);
export const updateFinding = ({ id, input }: { id: string; input: FindingUpdateInput }) =>
  api.patch<{ ok: true }>(`${BASE}/findings/${encodeURIComponent(id)}`, input);

export function importFindings({
  id,
  file,
  commit,
  heldOn,
}: {
  id: string;
  file: File;
  commit: boolean;
  heldOn?: string | null;
}) {
  const form = new FormData();
  form.append("file", file);
  return apiRequest<FindingImportResult>(`${one(id)}/findings/import`, {
    method: "POST",
    body: form,
    query: { commit: commit ? "true" : "false", heldOn: heldOn ?? undefined },
  });
}
export const findingsTemplateUrl = `${BASE}/findings/import-template.xlsx`;

export function uploadMinutes({ id, file }: { id: string; file: File }) {
  const form = new FormData();
  form.append("file", file);
  return apiRequest<{ file: InspectionFile }>(`${one(id)}/files`, { method: "POST", body: form }).then(
    (r) => r.file,
  );
}
export const minutesUrl = (fileId: string) => `${BASE}/files/${encodeURIComponent(fileId)}`;
export const deleteMinutes = (fileId: string) => api.delete<{ ok: true }>(minutesUrl(fileId));
