import type { z } from "zod";
import type {
  componentTableResponse,
  heatmapResponse,
  indexDefinitionsResponse,
  indexProvincesResponse,
  indexTarget,
  indexVersion,
  indexVersionInput,
  indexVersionWriteResponse,
  provinceProfileResponse,
  provinceYearsResponse,
  rankingResponse,
  resultsImportPreview,
  targetCreateBody,
  targetImportResult,
  targetsResponse,
  targetUpdateBody,
  unitResultBody,
  unitResultsResponse,
  weightsResponse,
  whatIfBody,
  whatIfResponse,
} from "../../../../core/src/api/indices.schemas";
import { api, apiRequest, withQuery } from "../../lib/api-client";

export type Definitions = z.infer<typeof indexDefinitionsResponse>;
export type IndexDefinition = Definitions["indices"][number];
export type VersionSummary = IndexDefinition["versions"][number];
export type IndexVersion = z.infer<typeof indexVersion>;
export type IndexComponent = IndexVersion["components"][number];
export type VersionInput = z.input<typeof indexVersionInput>;
export type VersionWrite = z.infer<typeof indexVersionWriteResponse>;
export type ProvincesResponse = z.infer<typeof indexProvincesResponse>;
export type IndexProvince = ProvincesResponse["provinces"][number];
export type Profile = z.infer<typeof provinceProfileResponse>;
export type ProfileSeries = Profile["series"][number];
export type ProfilePoint = ProfileSeries["indices"][number]["points"][number];
export type ComponentTable = z.infer<typeof componentTableResponse>;
export type ComponentRow = ComponentTable["rows"][number];
export type Heatmap = z.infer<typeof heatmapResponse>;
export type Weights = z.infer<typeof weightsResponse>;
export type WhatIfInput = z.input<typeof whatIfBody>;
export type WhatIfResult = z.infer<typeof whatIfResponse>;
export type ProvinceYears = z.infer<typeof provinceYearsResponse>;
export type Ranking = z.infer<typeof rankingResponse>;
export type RankingRow = Ranking["rows"][number];
export type RankingQuery = {
  year: number;
  region?: string;
  sort?: "rank" | "name" | "score" | "scoreChange" | "placesChange";
  order?: "asc" | "desc";
};
export type ImportPreview = z.infer<typeof resultsImportPreview>;
export type Target = z.infer<typeof indexTarget>;
export type TargetsResponse = z.infer<typeof targetsResponse>;
export type TargetCreateInput = z.input<typeof targetCreateBody>;
export type TargetUpdateInput = z.input<typeof targetUpdateBody>;

export type ComponentQuery = { index: string; year: number; peers?: string; level?: "top" | "all" };
export type HeatmapQuery = { index: string; from?: number; to?: number; level?: "top" | "all" };

const p = (code: string) => `/api/indices/provinces/${encodeURIComponent(code)}`;

export const fetchDefinitions = () => api.get<Definitions>("/api/indices");
export const fetchProvinces = () => api.get<ProvincesResponse>("/api/indices/provinces");
export const fetchVersion = (code: string) =>
  api
    .get<{ version: IndexVersion }>(`/api/indices/versions/${encodeURIComponent(code)}`)
    .then((r) => r.version);
export const updateVersion = ({ code, input }: { code: string; input: VersionInput }) =>
  api.put<VersionWrite>(`/api/indices/versions/${encodeURIComponent(code)}`, input);

// A province's own indices (DDCI): drafts, revisions, publishing.
const custom = "/api/indices/custom";
export const fetchCustomIndices = () => api.get<Definitions>(custom);
export const createDraftVersion = ({ index, input }: { index: string; input: VersionInput }) =>
  api.post<VersionWrite>(`${custom}/${encodeURIComponent(index)}/versions`, input);
export const updateDraftVersion = ({ code, input }: { code: string; input: VersionInput }) =>
  api.put<VersionWrite>(`${custom}/versions/${encodeURIComponent(code)}`, input);
export const reviseCustomVersion = (code: string) =>
  api.post<VersionWrite>(`${custom}/versions/${encodeURIComponent(code)}/revise`, {});
export type UnitResults = z.infer<typeof unitResultsResponse>;
export type UnitResultInput = z.input<typeof unitResultBody>;
export const fetchUnitResults = (index: string, year: number, page: number) =>
  api.get<UnitResults>(`${custom}/${encodeURIComponent(index)}/results/${year}`, { page, pageSize: 20 });
export const saveUnitResult = (v: { index: string; year: number; unitId: string; input: UnitResultInput }) =>
  api.put<unknown>(`${custom}/${encodeURIComponent(v.index)}/results/${v.year}/${v.unitId}`, v.input);
export const publishCustomVersion = (code: string) =>
  api.post<VersionWrite>(`${custom}/versions/${encodeURIComponent(code)}/publish`, {});

export const fetchProfile = (code: string) => api.get<Profile>(`${p(code)}/profile`);
export const profileXlsxUrl = (code: string) => `${p(code)}/profile.xlsx`;

export const fetchProvinceYears = (code: string) => api.get<ProvinceYears>(`${p(code)}/years`);

const ranking = (index: string) => `/api/indices/${encodeURIComponent(index)}/ranking`;
export const fetchRanking = (index: string, query: RankingQuery) => api.get<Ranking>(ranking(index), query);
export const rankingXlsxUrl = (index: string, query: RankingQuery) =>
  withQuery(`${ranking(index)}.xlsx`, query);

export const fetchComponents = (code: string, query: ComponentQuery) =>
  api.get<ComponentTable>(`${p(code)}/components`, query);
export const componentsXlsxUrl = (code: string, query: ComponentQuery) =>
  withQuery(`${p(code)}/components.xlsx`, query);

export const fetchHeatmap = (code: string, query: HeatmapQuery) =>
  api.get<Heatmap>(`${p(code)}/heatmap`, query);

export const fetchWeights = (index: string, year?: number) =>
  api.get<Weights>(`/api/indices/${encodeURIComponent(index)}/weights`, { year });

export const runWhatIf = ({ province, input }: { province: string; input: WhatIfInput }) =>
  api.post<WhatIfResult>(`${p(province)}/what-if`, input);

export type ImportArgs = { file: File; commit: boolean; replace?: boolean; index?: string; year?: number };
export function importResults({ file, commit, replace, index, year }: ImportArgs) {
  const form = new FormData();
  form.append("file", file);
  return api.post<ImportPreview>("/api/indices/results/import", form, {
    commit: String(commit),
    replace: String(!!replace),
    index,
    year,
  });
}

export const fetchTargets = (query: { provinceUnitId?: string; year?: number; index?: string }) =>
  api.get<TargetsResponse>("/api/indices/targets", query);
export const createTarget = (input: TargetCreateInput) =>
  api.post<{ target: Target }>("/api/indices/targets", input).then((r) => r.target);
export const updateTarget = ({ id, input }: { id: string; input: TargetUpdateInput }) =>
  api.patch<{ target: Target }>(`/api/indices/targets/${id}`, input).then((r) => r.target);
export const deleteTarget = (id: string) => api.delete<{ ok: true }>(`/api/indices/targets/${id}`);

export type TargetImportResult = z.infer<typeof targetImportResult>;
/** Sends the targets workbook; with commit=false the server only checks it and answers a preview. */
export function importTargets({
  file,
  commit,
  provinceUnitId,
}: {
  file: File;
  commit: boolean;
  provinceUnitId: string;
}) {
  const form = new FormData();
  form.append("file", file);
  return apiRequest<TargetImportResult>("/api/indices/targets/import", {
    method: "POST",
    body: form,
    query: { commit: commit ? "true" : "false", provinceUnitId },
  });
}
