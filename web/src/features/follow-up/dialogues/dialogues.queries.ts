import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  addRecommendations,
  createDialogue,
  type DialogueListQuery,
  deleteDialogue,
  deleteMinutes,
  fetchDialogue,
  fetchDialogues,
  fetchRecommendations,
  setPublication,
  updateDialogue,
  uploadMinutes,
} from "./dialogues.api";

export const dialogueKeys = {
  all: ["dialogues"] as const,
  list: (q: DialogueListQuery) => ["dialogues", "list", q] as const,
  detail: (id: string) => ["dialogues", "detail", id] as const,
  recommendations: (id: string, q: { page: number; pageSize: number }) =>
    ["dialogues", "recommendations", id, q] as const,
};

export const useDialogues = (q: DialogueListQuery) =>
  useQuery({
    queryKey: dialogueKeys.list(q),
    queryFn: () => fetchDialogues(q),
    placeholderData: keepPreviousData,
  });
export const useDialogue = (id: string) =>
  useQuery({ queryKey: dialogueKeys.detail(id), queryFn: () => fetchDialogue(id) });
export const useRecommendations = (id: string, q: { page: number; pageSize: number }) =>
  useQuery({
    queryKey: dialogueKeys.recommendations(id, q),
    queryFn: () => fetchRecommendations(id, q),
    placeholderData: keepPreviousData,
  });

/**
 * After a write the dialogue's lists and counts are read again. Recommendations are follow-up items,
 * shown by other pages too (the items' list, the work list): those writes mark every answer stale,
 * so whichever page opens next reads afresh (only the queries on screen are fetched at once).
 */
function useDialogueMutation<I, O>(fn: (input: I) => Promise<O>, touchesItems = false) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries(touchesItems ? undefined : { queryKey: dialogueKeys.all }),
  });
}

export const useCreateDialogue = () => useDialogueMutation(createDialogue);
export const useUpdateDialogue = () => useDialogueMutation(updateDialogue);
export const useDeleteDialogue = () => useDialogueMutation(deleteDialogue, true);
export const useUploadMinutes = () => useDialogueMutation(uploadMinutes);
export const useDeleteMinutes = () => useDialogueMutation(deleteMinutes);
export const useAddRecommendations = () => useDialogueMutation(addRecommendations, true);
export const useSetPublication = () => useDialogueMutation(setPublication, true);
