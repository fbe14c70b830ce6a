import { extractPlan as extractFromModel, readText } from "../../../../core/src/plan-import";
import type { DocumentModel, ExtractedPlan } from "../../../../core/src/plan-import/model";
import { createUnitResolver } from "../../../../core/src/plan-import/units";
import type { Actor } from "../../app/actor";
import { provinceToday } from "../../app/clock";
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
    /** The document as plain text (table rows as "a | b | c"), for the reviewer to read beside the extraction. */
    text: string;
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
    today: provinceToday(),
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
      text: documentText(doc),
    },
  };
}

const MAX_SOURCE_TEXT = 2_000_000;

/** A readable rendering of the document model: one line per paragraph and per table row. */
function documentText(doc: DocumentModel): string {
  const lines: string[] = [];
  let size = 0;
  for (const block of doc.blocks) {
    const blockLines =
      block.kind === "paragraph"
        ? [`${block.numbering ? `${block.numbering} ` : ""}${block.text}`]
        : block.rows.map((row) => row.map((cell) => cell.text.replace(/\s+/g, " ").trim()).join(" | "));
    for (const line of blockLines) {
      size += line.length + 1;
      if (size > MAX_SOURCE_TEXT) return `${lines.join("\n")}\n…`;
      lines.push(line);
    }
  }
  return lines.join("\n");
}
