import type { z } from "zod";
import type {
  OrgUnit,
  orgGroup,
  orgGroupBody,
  orgTreeNode,
  orgUnitCreateBody,
  orgUnitDetailResponse,
  orgUnitMergeBody,
  orgUnitUpdateBody,
  unitImportPreview,
} from "../../../../core/src/api/org-units.schemas";
import { api, apiRequest } from "../../lib/api-client";

export type { OrgUnit };
export type OrgTreeNode = z.infer<typeof orgTreeNode>;
export type OrgUnitDetail = z.infer<typeof orgUnitDetailResponse>;
export type OrgUnitEvent = OrgUnitDetail["events"][number];
export type OrgUnitCreateInput = z.input<typeof orgUnitCreateBody>;
export type OrgUnitUpdateInput = z.input<typeof orgUnitUpdateBody>;
export type OrgUnitEventInput = z.input<typeof orgUnitMergeBody>;
export type OrgGroup = z.infer<typeof orgGroup>;
export type OrgGroupInput = z.input<typeof orgGroupBody>;
export type UnitImportPreview = z.infer<typeof unitImportPreview>;

export type UnitSearchParams = {
  q?: string;
  kind?: string;
  parentId?: string;
  includeHistorical?: boolean;
  limit?: number;
};

export const searchOrgUnits = (params: UnitSearchParams, signal?: AbortSignal) =>
  api
    .get<{ orgUnits: OrgUnit[] }>(
      "/api/org-units",
      { ...params, includeHistorical: params.includeHistorical ? "true" : undefined },
      signal,
    )
    .then((r) => r.orgUnits);

export const fetchOrgTree = (includeHistorical: boolean) =>
  api
    .get<{ nodes: OrgTreeNode[] }>("/api/org-units/tree", {
      includeHistorical: includeHistorical ? "true" : undefined,
    })
    .then((r) => r.nodes);

export const fetchOrgUnit = (id: string) => api.get<OrgUnitDetail>(`/api/org-units/${id}`);

export const createOrgUnit = (input: OrgUnitCreateInput) =>
  api.post<{ orgUnit: OrgUnit }>("/api/org-units", input).then((r) => r.orgUnit);

export const updateOrgUnit = ({ id, input }: { id: string; input: OrgUnitUpdateInput }) =>
  api.patch<{ orgUnit: OrgUnit }>(`/api/org-units/${id}`, input).then((r) => r.orgUnit);

export const recordOrgUnitEvent = (input: OrgUnitEventInput) =>
  api.post<{ eventId: string; successorIds: string[] }>("/api/org-units/events", input);

export const fetchOrgGroups = () => api.get<{ groups: OrgGroup[] }>("/api/org-groups").then((r) => r.groups);

export const fetchOrgGroupMembers = ({ id, at }: { id: string; at?: string | null }) =>
  api.get<{ orgUnits: OrgUnit[] }>(`/api/org-groups/${id}/members`, { at }).then((r) => r.orgUnits);

export const createOrgGroup = (input: OrgGroupInput) => api.post<{ id: string }>("/api/org-groups", input);

export const updateOrgGroup = ({ id, input }: { id: string; input: OrgGroupInput }) =>
  api.put<{ id: string }>(`/api/org-groups/${id}`, input);

export const deleteOrgGroup = (id: string) => api.delete<{ ok: true }>(`/api/org-groups/${id}`);

/** Sends the list file; with commit=false the server only validates and answers a preview. */
export function importOrgUnits({ file, commit }: { file: File; commit: boolean }) {
  const form = new FormData();
  form.append("file", file);
  return apiRequest<UnitImportPreview>("/api/org-units/import", {
    method: "POST",
    body: form,
    query: { commit: commit ? "true" : "false" },
  });
}
