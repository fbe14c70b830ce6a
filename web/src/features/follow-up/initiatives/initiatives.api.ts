import type { z } from "zod";
import type {
  initiativeCoverageResponse,
  initiativeCreateBody,
  initiativeDetail,
  initiativeListResponse,
  initiativeMinimumsBody,
  initiativeMinimumsResponse,
  initiativeSummary,
  initiativeTransitionBody,
  initiativeUpdateBody,
} from "../../../../../core/src/api/follow-up-initiatives.schemas";
import { api, apiRequest, type Query } from "../../../lib/api-client";

export type InitiativeSummary = z.infer<typeof initiativeSummary>;
export type InitiativeDetail = z.infer<typeof initiativeDetail>;
export type InitiativeList = z.infer<typeof initiativeListResponse>;
export type InitiativeInput = z.input<typeof initiativeCreateBody>;
export type InitiativePatch = z.input<typeof initiativeUpdateBody>;
export type InitiativeDecision = z.input<typeof initiativeTransitionBody>;
export type Coverage = z.infer<typeof initiativeCoverageResponse>;
export type MinimumsInput = z.input<typeof initiativeMinimumsBody>;
export type Minimums = z.infer<typeof initiativeMinimumsResponse>;

export const INITIATIVES_PATH = "/api/follow-up/initiatives";
const one = (id: string) => `${INITIATIVES_PATH}/${encodeURIComponent(id)}`;

export const fetchInitiatives = (q: Query) => api.get<InitiativeList>(INITIATIVES_PATH, q);
export const fetchInitiative = (id: string) =>
  api.get<{ initiative: InitiativeDetail }>(one(id)).then((x) => x.initiative);
export const createInitiative = (input: InitiativeInput) =>
  api.post<{ initiative: InitiativeDetail }>(INITIATIVES_PATH, input).then((x) => x.initiative);
export const updateInitiative = ({ id, ...patch }: InitiativePatch & { id: string }) =>
  api.patch<{ initiative: InitiativeDetail }>(one(id), patch).then((x) => x.initiative);
export const deleteInitiative = ({ id, version }: { id: string; version: number }) =>
  apiRequest<void>(one(id), { method: "DELETE", query: { version } });
export const decideInitiative = ({ id, ...body }: InitiativeDecision & { id: string }) =>
  api.post<{ initiative: InitiativeDetail }>(`${one(id)}/transitions`, body).then((x) => x.initiative);

export function uploadInitiativeFile({ id, file }: { id: string; file: File }) {
  const form = new FormData();
  form.append("file", file);
  return apiRequest<{ file: InitiativeDetail["files"][number] }>(`${one(id)}/files`, {
    method: "POST",
    body: form,
  }).then((x) => x.file);
}
export const addInitiativeLink = ({ id, url, title }: { id: string; url: string; title: string }) =>
  api.post<{ file: InitiativeDetail["files"][number] }>(`${one(id)}/links`, { url, title });
export const removeInitiativeFile = ({ id, fileId }: { id: string; fileId: string }) =>
  api.delete<void>(`${one(id)}/files/${encodeURIComponent(fileId)}`);
export const initiativeFileUrl = (id: string, fileId: string) =>
  `${one(id)}/files/${encodeURIComponent(fileId)}/download`;

export const fetchCoverage = (q: Query) => api.get<Coverage>(`${INITIATIVES_PATH}/coverage`, q);
export const saveMinimums = ({ year, ...body }: MinimumsInput & { year: number }) =>
  api.put<Minimums>(`${INITIATIVES_PATH}/minimums/${year}`, body);

export const INITIATIVES_XLSX_PATH = "/api/follow-up/initiatives.xlsx";
