import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type AuditListQuery, fetchAudit } from "./audit.api";

export const useAudit = (query: AuditListQuery) =>
  useQuery({
    queryKey: ["audit", query],
    queryFn: () => fetchAudit(query),
    placeholderData: keepPreviousData,
  });
