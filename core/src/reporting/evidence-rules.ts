/**
 * What evidence file a report accepts: the one rule for the server (which also reads the content) and
 * for the device (which refuses a wrong type or size before queueing a photo taken offline).
 */
export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;

export type EvidenceType = "pdf" | "docx" | "xlsx" | "png" | "jpeg";
export const EVIDENCE_EXTENSIONS: Record<EvidenceType, string[]> = {
  pdf: [".pdf"],
  docx: [".docx"],
  xlsx: [".xlsx"],
  png: [".png"],
  jpeg: [".jpg", ".jpeg"],
};
export const ALL_EVIDENCE_EXTENSIONS = Object.values(EVIDENCE_EXTENSIONS).flat();

/** The type a file's name claims, or null when the name is of no accepted type. */
export function evidenceTypeOfName(fileName: string): EvidenceType | null {
  const lower = fileName.toLowerCase();
  return (
    (Object.keys(EVIDENCE_EXTENSIONS) as EvidenceType[]).find((t) =>
      EVIDENCE_EXTENSIONS[t].some((ext) => lower.endsWith(ext)),
    ) ?? null
  );
}
