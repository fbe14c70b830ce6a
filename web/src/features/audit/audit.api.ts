import type { z } from "zod";
import type { auditEntry, auditListQuery } from "../../../../core/src/api/audit.schemas";
import { api } from "../../lib/api-client";

export type AuditEntry = z.infer<typeof auditEntry>;
export type AuditListQuery = Partial<z.infer<typeof auditListQuery>>;

export const fetchAudit = (query: AuditListQuery) =>
  api.get<{ entries: AuditEntry[]; total: number }>("/api/audit", query);
