import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type ComponentQuery,
  createDraftVersion,
  createTarget,
  deleteTarget,
  fetchComponents,
  fetchCustomIndices,
  fetchDefinitions,
  fetchHeatmap,
  fetchProfile,
  fetchProvinces,
  fetchProvinceYears,
  fetchRanking,
  fetchTargets,
  fetchUnitResults,
  fetchVersion,
  fetchWeights,
  type HeatmapQuery,
  importResults,
  publishCustomVersion,
  type RankingQuery,
  reviseCustomVersion,
  runWhatIf,
  saveUnitResult,
  updateDraftVersion,
  updateTarget,
  updateVersion,
} from "./indices.api";

export const indexKeys = {
  all: ["indices"] as const,
  definitions: ["indices", "definitions"] as const,
  custom: ["indices", "custom"] as const,
  provinces: ["indices", "provinces"] as const,
  version: (code: string) => ["indices", "version", code] as const,
  profile: (code: string) => ["indices", "profile", code] as const,
  years: (code: string) => ["indices", "years", code] as const,
  ranking: (index: string, q: RankingQuery) => ["indices", "ranking", index, q] as const,
  components: (code: string, q: ComponentQuery) => ["indices", "components", code, q] as const,
  heatmap: (code: string, q: HeatmapQuery) => ["indices", "heatmap", code, q] as const,
  weights: (index: string, year?: number) => ["indices", "weights", index, year] as const,
  targets: (q: object) => ["indices", "targets", q] as const,
};

export const useDefinitions = () =>
  useQuery({ queryKey: indexKeys.definitions, queryFn: fetchDefinitions, staleTime: 60_000 });

export const useIndexProvinces = () =>
  useQuery({ queryKey: indexKeys.provinces, queryFn: fetchProvinces, staleTime: 10 * 60_000 });

export const useVersion = (code: string | undefined) =>
  useQuery({
    queryKey: indexKeys.version(code ?? ""),
    queryFn: () => fetchVersion(code ?? ""),
    enabled: !!code,
  });

export const useProfile = (code: string | undefined) =>
  useQuery({
    queryKey: indexKeys.profile(code ?? ""),
    queryFn: () => fetchProfile(code ?? ""),
    enabled: !!code,
    placeholderData: keepPreviousData,
  });

/** The years the province has results for, per index: the analysis screens open on the latest. */
export const useProvinceYears = (code: string | undefined) =>
  useQuery({
    queryKey: indexKeys.years(code ?? ""),
    queryFn: () => fetchProvinceYears(code ?? ""),
    enabled: !!code,
    staleTime: 60_000,
  });

export const useRanking = (index: string | undefined, q: RankingQuery | null) =>
  useQuery({
    queryKey: indexKeys.ranking(index ?? "", q ?? { year: 0 }),
    queryFn: () => fetchRanking(index ?? "", q as RankingQuery),
    enabled: !!index && !!q,
    placeholderData: keepPreviousData,
  });

export const useComponentTable = (code: string | undefined, q: ComponentQuery | null) =>
  useQuery({
    queryKey: indexKeys.components(code ?? "", q ?? { index: "", year: 0 }),
    queryFn: () => fetchComponents(code ?? "", q as ComponentQuery),
    enabled: !!code && !!q,
    placeholderData: keepPreviousData,
  });

export const useHeatmap = (code: string | undefined, q: HeatmapQuery | null) =>
  useQuery({
    queryKey: indexKeys.heatmap(code ?? "", q ?? { index: "" }),
    queryFn: () => fetchHeatmap(code ?? "", q as HeatmapQuery),
    enabled: !!code && !!q,
    placeholderData: keepPreviousData,
  });

export const useWeights = (index: string | undefined, year?: number) =>
  useQuery({
    queryKey: indexKeys.weights(index ?? "", year),
    queryFn: () => fetchWeights(index ?? "", year),
    enabled: !!index,
  });

export const useWhatIf = () => useMutation({ mutationFn: runWhatIf });

function useInvalidateIndices() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: indexKeys.all });
}

export function useImportResults() {
  const invalidate = useInvalidateIndices();
  return useMutation({
    mutationFn: importResults,
    onSuccess: (preview) => {
      if (preview.committed) void invalidate();
    },
  });
}

export function useUpdateVersion() {
  const invalidate = useInvalidateIndices();
  return useMutation({ mutationFn: updateVersion, onSuccess: invalidate });
}

export const useCustomIndices = () => useQuery({ queryKey: indexKeys.custom, queryFn: fetchCustomIndices });

/** Saves a province's own version: a new draft (`index`) or a rewrite of a draft (`code`). */
export function useSaveDraft() {
  const invalidate = useInvalidateIndices();
  return useMutation({
    mutationFn: (v: {
      index?: string;
      code?: string;
      input: Parameters<typeof updateDraftVersion>[0]["input"];
    }) =>
      v.code
        ? updateDraftVersion({ code: v.code, input: v.input })
        : createDraftVersion({ index: v.index ?? "", input: v.input }),
    onSuccess: invalidate,
  });
}

export const useUnitResults = (index: string | undefined, year: number, page: number) =>
  useQuery({
    queryKey: [...indexKeys.custom, "results", index, year, page],
    queryFn: () => fetchUnitResults(index ?? "", year, page),
    enabled: !!index,
    placeholderData: keepPreviousData,
  });

export function useSaveUnitResult() {
  const invalidate = useInvalidateIndices();
  return useMutation({ mutationFn: saveUnitResult, onSuccess: invalidate });
}

export function useReviseVersion() {
  const invalidate = useInvalidateIndices();
  return useMutation({ mutationFn: reviseCustomVersion, onSuccess: invalidate });
}

export function usePublishVersion() {
  const invalidate = useInvalidateIndices();
  return useMutation({ mutationFn: publishCustomVersion, onSuccess: invalidate });
}

export const useTargets = (q: { provinceUnitId?: string; year?: number; index?: string }) =>
  useQuery({
    queryKey: indexKeys.targets(q),
    queryFn: () => fetchTargets(q),
    enabled: !!q.provinceUnitId,
    placeholderData: keepPreviousData,
  });

export function useCreateTarget() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createTarget,
    onSuccess: () => qc.invalidateQueries({ queryKey: ["indices", "targets"] }),
  });
}
export function useUpdateTarget() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: updateTarget,
    onSuccess: () => qc.invalidateQueries({ queryKey: ["indices", "targets"] }),
  });
}
export function useDeleteTarget() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: deleteTarget,
    onSuccess: () => qc.invalidateQueries({ queryKey: ["indices", "targets"] }),
  });
}
