import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  createOrgGroup,
  createOrgUnit,
  deleteOrgGroup,
  fetchOrgGroupMembers,
  fetchOrgGroups,
  fetchOrgTree,
  fetchOrgUnit,
  importOrgUnits,
  recordOrgUnitEvent,
  searchOrgUnits,
  type UnitSearchParams,
  updateOrgGroup,
  updateOrgUnit,
} from "./org-units.api";

export const orgKeys = {
  all: ["org-units"] as const,
  tree: (includeHistorical: boolean) => ["org-units", "tree", { includeHistorical }] as const,
  search: (params: UnitSearchParams) => ["org-units", "search", params] as const,
  detail: (id: string) => ["org-units", "detail", id] as const,
  groups: ["org-groups"] as const,
  members: (id: string, at: string | null) => ["org-groups", id, "members", at] as const,
};

export const useOrgTree = (includeHistorical: boolean) =>
  useQuery({
    queryKey: orgKeys.tree(includeHistorical),
    queryFn: () => fetchOrgTree(includeHistorical),
    staleTime: 60_000,
  });

export const useOrgUnitSearch = (params: UnitSearchParams, enabled = true) =>
  useQuery({
    queryKey: orgKeys.search(params),
    queryFn: ({ signal }) => searchOrgUnits(params, signal),
    enabled,
    placeholderData: keepPreviousData,
  });

export const useOrgUnit = (id: string | null) =>
  useQuery({ queryKey: orgKeys.detail(id ?? ""), queryFn: () => fetchOrgUnit(id!), enabled: !!id });

export const useOrgGroups = () => useQuery({ queryKey: orgKeys.groups, queryFn: fetchOrgGroups });

export const useOrgGroupMembers = (id: string | null, at: string | null) =>
  useQuery({
    queryKey: orgKeys.members(id ?? "", at),
    queryFn: () => fetchOrgGroupMembers({ id: id!, at }),
    enabled: !!id,
  });

/** Any change to the directory can move units in the tree, the search, details and groups. */
function useInvalidateDirectory() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: orgKeys.all }),
      qc.invalidateQueries({ queryKey: orgKeys.groups }),
    ]);
}

export function useCreateOrgUnit() {
  const invalidate = useInvalidateDirectory();
  return useMutation({ mutationFn: createOrgUnit, onSuccess: invalidate });
}

export function useUpdateOrgUnit() {
  const invalidate = useInvalidateDirectory();
  return useMutation({ mutationFn: updateOrgUnit, onSuccess: invalidate });
}

export function useRecordOrgUnitEvent() {
  const invalidate = useInvalidateDirectory();
  return useMutation({ mutationFn: recordOrgUnitEvent, onSuccess: invalidate });
}

export function useSaveOrgGroup() {
  const invalidate = useInvalidateDirectory();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: Parameters<typeof createOrgGroup>[0] }) =>
      id ? updateOrgGroup({ id, input }) : createOrgGroup(input),
    onSuccess: invalidate,
  });
}

export function useDeleteOrgGroup() {
  const invalidate = useInvalidateDirectory();
  return useMutation({ mutationFn: deleteOrgGroup, onSuccess: invalidate });
}

export function useImportOrgUnits() {
  const invalidate = useInvalidateDirectory();
  return useMutation({
    mutationFn: importOrgUnits,
    onSuccess: (_data, vars) => (vars.commit ? invalidate() : undefined),
  });
}
