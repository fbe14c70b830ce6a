import type { z } from "zod";
import type {
  dialogueCreateBody,
  dialogueDetail,
  dialogueFile,
  dialogueListResponse,
  dialogueSummary,
  dialogueUpdateBody,
  publicationResponse,
  recommendationImportResult,
  recommendationInput,
  recommendationListResponse,
  recommendationRow,
  recommendationsCreated,
} from "../../../../../core/src/api/follow-up-dialogues.schemas";
import { api, apiRequest, type Query } from "../../../lib/api-client";

export type DialogueSummary = z.infer<typeof dialogueSummary>;
export type DialogueList = z.infer<typeof dialogueListResponse>;
export type DialogueDetail = z.infer<typeof dialogueDetail>;
export type DialogueFile = z.infer<typeof dialogueFile>;
export type DialogueCreateInput = z.input<typeof dialogueCreateBody>;
export type DialogueUpdateInput = z.input<typeof dialogueUpdateBody>;
export type RecommendationInput = z.input<typeof recommendationInput>;
export type RecommendationRow = z.infer<typeof recommendationRow>;
export type RecommendationList = z.infer<typeof recommendationListResponse>;
export type RecommendationImportResult = z.infer<typeof recommendationImportResult>;

export const DIALOGUES = "/api/follow-up/dialogues";

export type DialogueListQuery = {
  year?: number;
  kind?: string;
  hostUnitId?: string;
  q?: string;
  page: number;
  pageSize: number;
};

export const fetchDialogues = (q: DialogueListQuery) => api.get<DialogueList>(DIALOGUES, q as Query);
export const fetchDialogue = (id: string) =>
  api.get<{ dialogue: DialogueDetail }>(`${DIALOGUES}/${id}`).then((r) => r.dialogue);
export const createDialogue = (input: DialogueCreateInput) =>
  api.post<{ dialogue: DialogueDetail }>(DIALOGUES, input).then((r) => r.dialogue);
export const updateDialogue = ({ id, ...input }: DialogueUpdateInput & { id: string }) =>
  api.patch<{ dialogue: DialogueDetail }>(`${DIALOGUES}/${id}`, input).then((r) => r.dialogue);
export const deleteDialogue = (id: string) => api.delete<{ ok: true }>(`${DIALOGUES}/${id}`);

export function uploadMinutes({ id, file }: { id: string; file: File }) {
  const form = new FormData();
  form.append("file", file);
  return apiRequest<{ file: DialogueFile }>(`${DIALOGUES}/${id}/files`, { method: "POST", body: form });
}
export const minutesUrl = (id: string, fileId: string) => `${DIALOGUES}/${id}/files/${fileId}`;
export const deleteMinutes = ({ id, fileId }: { id: string; fileId: string }) =>
  api.delete<{ ok: true }>(minutesUrl(id, fileId));

export const fetchRecommendations = (id: string, q: { page: number; pageSize: number }) =>
  api.get<RecommendationList>(`${DIALOGUES}/${id}/recommendations`, q);
export const addRecommendations = ({
  id,
  recommendations,
}: {
  id: string;
  recommendations: RecommendationInput[];
}) =>
  api.post<z.infer<typeof recommendationsCreated>>(`${DIALOGUES}/${id}/recommendations`, { recommendations });
export function importRecommendations({ id, file, commit }: { id: string; file: File; commit: boolean }) {
  const form = new FormData();
  form.append("file", file);
  return apiRequest<RecommendationImportResult>(`${DIALOGUES}/${id}/recommendations/import`, {
    method: "POST",
    body: form,
    query: { commit: commit ? "true" : "false" },
  });
}
export const importTemplateUrl = `${DIALOGUES}/recommendations/import-template.xlsx`;
export const exportUrl = (id: string) => `${DIALOGUES}/${id}/recommendations.xlsx`;
export const setPublication = ({
  id,
  itemId,
  published,
}: {
  id: string;
  itemId: string;
  published: boolean;
}) =>
  api.post<z.infer<typeof publicationResponse>>(`${DIALOGUES}/${id}/recommendations/${itemId}/publication`, {
    published,
  });
