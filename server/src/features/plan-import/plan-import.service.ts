import { extractPlan as extractFromModel, readText } from "../../../../core/src/plan-import";
import type { DocumentModel, ExtractedPlan } from "../../../../core/src/plan-import/model";
import { createUnitResolver } from "../../../../core/src/plan-import/units";
import type { Actor } from "../../app/actor";
import type { DbOrTx } from "../../app/db";
import { AppError } from "../../app/errors";
import { MAX_FILE_BYTES, type Progress, readDocument } from "./plan-import.readers";
import { createPlanImportRepository } from "./plan-import.repository";

export interface ExtractPlanResult extends ExtractedPlan {
  document: {
    format: DocumentModel["format"];
    blocks: number;
    pages?: number;
    warnings: string[];
    ms: number;
  };
}

/** Reads a plan document (file or pasted text) and extracts a plan to review; creates nothing. */
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
  let doc: DocumentModel;
  if (file) doc = await readDocument({ ...file, onProgress });
  else if (typeof text === "string") {
    if (text.length > MAX_FILE_BYTES)
      throw new AppError(400, "planImport.badFile", "Văn bản dán vào quá dài (giới hạn 20 MB).");
    if (!text.trim())
      throw new AppError(400, "planImport.empty", "Văn bản trống; hãy dán nội dung kế hoạch.");
    doc = readText(text, "text");
  } else throw new AppError(400, "planImport.empty", "Chưa có tệp hoặc văn bản để đọc.");
  if (!doc.blocks.length) throw new AppError(400, "planImport.empty", "Văn bản không có nội dung đọc được.");
  const provinceId =
    actor && "provinceId" in actor ? ((actor as { provinceId?: string | null }).provinceId ?? null) : null;
  const snapshot = await createPlanImportRepository(db).directorySnapshot({
    provinceId,
    today: new Date().toISOString().slice(0, 10),
  });
  const plan = extractFromModel(doc, { resolver: createUnitResolver(snapshot) });
  return {
    ...plan,
    document: {
      format: doc.format,
      blocks: doc.blocks.length,
      pages: doc.pages,
      warnings: doc.warnings,
      ms: Date.now() - started,
    },
  };
}
