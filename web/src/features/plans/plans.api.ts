import type { z } from "zod";
import type {
  amendmentBody,
  amendmentResponse,
  bulkAssignBody,
  bulkLinkBody,
  childPlanBody,
  coverageResponse,
  instantiateBody,
  instantiateResponse,
  issueResponse,
  myTaskItem,
  myTasksResponse,
  participant,
  participantRef,
  planCreateBody,
  planDetail,
  planDocumentResponse,
  planListResponse,
  planSummary,
  planTarget,
  planTargetInput,
  readinessResponse,
  taskGridResponse,
  taskImportPreview,
  taskListResponse,
  taskProblem,
  taskRow,
  taskRowInput,
  timelineResponse,
} from "../../../../core/src/api/plans.schemas";
import { api, apiRequest, type Query } from "../../lib/api-client";

export type PlanSummary = z.infer<typeof planSummary>;
export type PlanDetail = z.infer<typeof planDetail>;
export type PlanList = z.infer<typeof planListResponse>;
export type PlanCreateInput = z.input<typeof planCreateBody>;
export type PlanTarget = z.infer<typeof planTarget>;
export type PlanTargetInput = z.input<typeof planTargetInput>;
export type PlanDocument = z.infer<typeof planDocumentResponse>;
export type TaskRow = z.infer<typeof taskRow>;
export type TaskRowInput = z.input<typeof taskRowInput>;
export type TaskGrid = z.infer<typeof taskGridResponse>;
export type TaskProblem = z.infer<typeof taskProblem>;
export type Participant = z.infer<typeof participant>;
export type ParticipantRef = z.infer<typeof participantRef>;
export type Readiness = z.infer<typeof readinessResponse>;
export type IssueResult = z.infer<typeof issueResponse>;
export type AmendmentInput = z.input<typeof amendmentBody>;
export type AmendmentResult = z.infer<typeof amendmentResponse>;
export type ChildPlanInput = z.input<typeof childPlanBody>;
export type InstantiateInput = z.input<typeof instantiateBody>;
export type InstantiateResult = z.infer<typeof instantiateResponse>;
export type BulkAssignInput = z.input<typeof bulkAssignBody>;
export type BulkLinkInput = z.input<typeof bulkLinkBody>;
export type TaskList = z.infer<typeof taskListResponse>;
export type MyTasks = z.infer<typeof myTasksResponse>;
export type MyTaskItem = z.infer<typeof myTaskItem>;
export type Timeline = z.infer<typeof timelineResponse>;
export type Coverage = z.infer<typeof coverageResponse>;
export type TaskImportPreview = z.infer<typeof taskImportPreview>;

export type PlanListQuery = {
  q?: string;
  status?: string;
  kind?: string;
  year?: number;
  page?: number;
  pageSize?: number;
};

const p = (id: string) => `/api/plans/${encodeURIComponent(id)}`;

export const fetchPlans = (query: PlanListQuery) => api.get<PlanList>("/api/plans", query);
export const fetchPlan = (id: string) => api.get<{ plan: PlanDetail }>(p(id)).then((r) => r.plan);
export const createPlan = (input: PlanCreateInput) =>
  api.post<{ plan: PlanDetail }>("/api/plans", input).then((r) => r.plan);
export const deletePlan = (id: string) => api.delete<{ ok: true }>(p(id));
export const updatePlan = ({ id, input }: { id: string; input: Partial<PlanCreateInput> }) =>
  api.patch<{ plan: PlanDetail }>(p(id), input).then((r) => r.plan);
export const fetchPlanDocument = (id: string) => api.get<PlanDocument>(`${p(id)}/document`);
export const putTargets = ({ id, targets }: { id: string; targets: PlanTargetInput[] }) =>
  api.put<{ targets: PlanTarget[] }>(`${p(id)}/targets`, { targets });

export const fetchTaskGrid = (id: string) => api.get<TaskGrid>(`${p(id)}/tasks`);
export const putTasks = ({
  id,
  rows,
  deleteIds,
}: {
  id: string;
  rows: TaskRowInput[];
  deleteIds?: string[];
}) => api.put<TaskGrid>(`${p(id)}/tasks`, { rows, deleteIds: deleteIds ?? [] });
export const bulkAssign = ({ id, input }: { id: string; input: BulkAssignInput }) =>
  api.post<TaskGrid>(`${p(id)}/tasks/bulk-assign`, input);
export const bulkLink = ({ id, input }: { id: string; input: BulkLinkInput }) =>
  api.post<TaskGrid>(`${p(id)}/tasks/bulk-link`, input);

export const fetchReadiness = (id: string) => api.get<Readiness>(`${p(id)}/readiness`);
export const issuePlan = ({ id, number, issuedDate }: { id: string; number?: string; issuedDate?: string }) =>
  api.post<IssueResult>(`${p(id)}/issue`, {
    number: number || undefined,
    issuedDate: issuedDate || undefined,
  });
export const amendPlan = ({ id, input }: { id: string; input: AmendmentInput }) =>
  api.post<AmendmentResult>(`${p(id)}/amendments`, input);
export const createChildPlan = ({ id, input }: { id: string; input: ChildPlanInput }) =>
  api.post<{ plan: PlanDetail }>(`${p(id)}/child-plans`, input).then((r) => r.plan);
export const instantiateFramework = ({ id, input }: { id: string; input: InstantiateInput }) =>
  api.post<InstantiateResult>(`${p(id)}/instantiate`, input);

export const tasksXlsxUrl = (id: string) => `${p(id)}/tasks.xlsx`;
export const planDocxUrl = (id: string) => `${p(id)}/plan.docx`;

export type TaskImportArgs = { id: string; file: File; commit: boolean; columns?: string; mode?: string };
export function importTasks({ id, file, commit, columns, mode }: TaskImportArgs) {
  const form = new FormData();
  form.append("file", file);
  return apiRequest<TaskImportPreview>(`${p(id)}/tasks/import`, {
    method: "POST",
    body: form,
    query: { commit: commit ? "true" : "false", columns, mode },
  });
}

export const fetchTasks = (query: Query) => api.get<TaskList>("/api/tasks", query);
export const fetchMyTasks = (query: Query) => api.get<MyTasks>("/api/tasks/mine", query);
export const updateAssignment = ({
  id,
  progress,
  completedAt,
}: {
  id: string;
  progress?: number;
  completedAt?: string | null;
}) =>
  api.patch<{ assignment: { id: string; progress: number } }>(`/api/assignments/${id}`, {
    progress,
    completedAt,
  });
export const fetchTimeline = (query: Query) => api.get<Timeline>("/api/tasks/timeline", query);
export const fetchCoverage = (query: Query) => api.get<Coverage>("/api/tasks/coverage", query);
