import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Query } from "../../../lib/api-client";
import {
  addInitiativeLink,
  createInitiative,
  decideInitiative,
  deleteInitiative,
  fetchCoverage,
  fetchInitiative,
  fetchInitiatives,
  type InitiativeDetail,
  removeInitiativeFile,
  saveMinimums,
  updateInitiative,
  uploadInitiativeFile,
} from "./initiatives.api";

export const initiativeKeys = {
  all: ["initiatives"] as const,
  list: (q: Query) => ["initiatives", "list", q] as const,
  one: (id: string) => ["initiatives", "one", id] as const,
  coverage: (q: Query) => ["initiatives", "coverage", q] as const,
};

export const useInitiatives = (q: Query) =>
  useQuery({
    queryKey: initiativeKeys.list(q),
    queryFn: () => fetchInitiatives(q),
    placeholderData: keepPreviousData,
  });

export const useInitiative = (id: string | null) =>
  useQuery({
    queryKey: initiativeKeys.one(id ?? ""),
    queryFn: () => fetchInitiative(id as string),
    enabled: Boolean(id),
  });

export const useCoverage = (q: Query) =>
  useQuery({
    queryKey: initiativeKeys.coverage(q),
    queryFn: () => fetchCoverage(q),
    placeholderData: keepPreviousData,
  });

/** Every write changes the list, the counts and the initiative itself: all are read again. */
function useInitiativeWrite<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (result) => {
      const detail = result as unknown as InitiativeDetail | undefined;
      if (detail && typeof detail === "object" && "id" in detail && "can" in detail)
        qc.setQueryData(initiativeKeys.one(detail.id), detail);
      return qc.invalidateQueries({ queryKey: initiativeKeys.all });
    },
  });
}

export const useCreateInitiative = () => useInitiativeWrite(createInitiative);
export const useUpdateInitiative = () => useInitiativeWrite(updateInitiative);
export const useDeleteInitiative = () => useInitiativeWrite(deleteInitiative);
export const useDecideInitiative = () => useInitiativeWrite(decideInitiative);
export const useUploadInitiativeFile = () => useInitiativeWrite(uploadInitiativeFile);
export const useAddInitiativeLink = () => useInitiativeWrite(addInitiativeLink);
export const useRemoveInitiativeFile = () => useInitiativeWrite(removeInitiativeFile);
export const useSaveMinimums = () => useInitiativeWrite(saveMinimums);
