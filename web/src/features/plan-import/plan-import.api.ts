import type { ExtractedPlan } from "../../../../core/src/plan-import/model";
import { api, apiRequest } from "../../lib/api-client";

/** The extraction as the server answers it: the plan model plus a note on the document read. */
export type Extraction = ExtractedPlan & {
  document?: {
    format?: string;
    blocks?: number;
    warnings?: string[];
    pages?: number;
    ms?: number;
    text?: string;
  };
  /** Whose draft it becomes: the document's issuer when found in the directory, else the importer's unit. */
  owner?: { unitId: string | null; name: string | null; fromDocument: boolean };
};
export type ExtractedTask = ExtractedPlan["tasks"][number];
export type UnitRef = ExtractedTask["leads"][number];

export function extractFile(file: File) {
  const form = new FormData();
  form.append("file", file);
  return apiRequest<Extraction>("/api/plan-import/extract", { method: "POST", body: form });
}
export const extractText = (text: string) => api.post<Extraction>("/api/plan-import/extract-text", { text });
