/** An initiative as the API carries it: the list's line and the page's detail. */
import type { z } from "zod";
import type {
  initiativeDetail,
  initiativeSummary,
} from "../../../../../core/src/api/follow-up-initiatives.schemas";
import type { InitiativeState } from "../../../../../core/src/follow-up/initiatives";
import { iso } from "../../reporting/reports/report.presenter";
import type { followUpFiles } from "../follow-up.table";
import type { InitiativeSummaryRow } from "./initiatives.repository";

export const presentSummary = (r: InitiativeSummaryRow): z.infer<typeof initiativeSummary> => ({
  id: r.id,
  unitId: r.unitId,
  unitName: r.unitName,
  unitKind: r.unitKind,
  year: r.year,
  title: r.title,
  field: r.field,
  versionCode: r.versionCode,
  componentCode: r.componentCode,
  componentName: r.componentName,
  state: r.state as InitiativeState,
  decidedOn: r.decidedOn,
  replicationCount: Number(r.replicationCount),
  version: r.version,
  createdAt: iso(r.createdAt) ?? "",
});

type FileRow = typeof followUpFiles.$inferSelect;

export const presentFile = (f: FileRow): z.infer<typeof initiativeDetail>["files"][number] => ({
  id: f.id,
  kind: f.kind as "file" | "link",
  fileName: f.fileName,
  contentType: f.contentType,
  size: f.size,
  url: f.url,
  title: f.title,
  createdAt: iso(f.createdAt) ?? "",
});
