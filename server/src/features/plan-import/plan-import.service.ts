import type { ExtractedPlan } from "../../../../core/src/plan-import/model";
import type { Actor } from "../../app/actor";
import { provinceToday } from "../../app/clock";
import type { DbOrTx } from "../../app/db";
import { AppError } from "../../app/errors";
import { runParseJob } from "../documents-in/parse-pool";
import type { ExtractedDocument } from "./plan-import.extract";
import { type DraftOwner, draftOwner } from "./plan-import.owner";
import { MAX_FILE_BYTES, type Progress } from "./plan-import.readers";
import { createPlanImportRepository } from "./plan-import.repository";

export interface ExtractPlanResult extends ExtractedPlan {
  document: ExtractedDocument["document"] & { ms: number };
  /** The unit the draft will belong to: the document's issuer when the directory and the actor allow. */
  owner: DraftOwner;
}

/**
 * Reads a plan document (file or pasted text) and extracts a plan to review; creates nothing. The
 * reading and extraction run in a parse worker (`features/documents-in`), with limits on size, time
 * and memory, so one large document never stalls other requests.
 */
export async function extractPlan({
  db,
  actor,
  file,
  text,
  onProgress,
}: {
  db: DbOrTx;
  actor?: Actor | null;
  file?: { fileName: string; data: Uint8Array };
  text?: string;
  onProgress?: Progress;
}): Promise<ExtractPlanResult> {
  const started = Date.now();
  if (!file) {
    if (typeof text !== "string")
      throw new AppError(400, "planImport.empty", "Chưa có tệp hoặc văn bản để đọc.");
    if (text.length > MAX_FILE_BYTES)
      throw new AppError(400, "planImport.badFile", "Văn bản dán vào quá dài (giới hạn 20 MB).");
    if (!text.trim())
      throw new AppError(400, "planImport.empty", "Văn bản trống; hãy dán nội dung kế hoạch.");
  }
  const provinceId =
    actor && "provinceId" in actor ? ((actor as { provinceId?: string | null }).provinceId ?? null) : null;
  const snapshot = await createPlanImportRepository(db).directorySnapshot({
    provinceId,
    today: provinceToday(),
  });
  const result = await runParseJob("planExtract", { file, text, snapshot }, { onProgress });
  const owner = await draftOwner({
    db,
    actor,
    issuer: result.metadata.issuer,
    snapshot,
  });
  const metadata = owner.flag
    ? { ...result.metadata, flags: [...result.metadata.flags, owner.flag] }
    : result.metadata;
  return { ...result, metadata, owner, document: { ...result.document, ms: Date.now() - started } };
}
