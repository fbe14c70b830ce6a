/**
 * The pure part of a plan import: document bytes or pasted text, with a snapshot of the directory,
 * to the extracted plan. Runs in the parse worker (features/documents-in), never on the request's
 * event loop: a large document costs seconds of CPU.
 */
import { extractPlan as extractFromModel, readText } from "../../../../core/src/plan-import";
import type { DocumentModel, ExtractedPlan } from "../../../../core/src/plan-import/model";
import { createUnitResolver, type DirectorySnapshot } from "../../../../core/src/plan-import/units";
import { AppError } from "../../app/errors";
import { type Progress, readDocument } from "./plan-import.readers";

export interface ExtractedDocument extends ExtractedPlan {
  document: {
    format: DocumentModel["format"];
    blocks: number;
    pages?: number;
    warnings: string[];
    /** The document as plain text (table rows as "a | b | c"), for the reviewer to read beside the extraction. */
    text: string;
  };
}

export async function extractFromInput({
  file,
  text,
  snapshot,
  onProgress,
}: {
  file?: { fileName: string; data: Uint8Array };
  text?: string;
  snapshot: DirectorySnapshot;
  onProgress?: Progress;
}): Promise<ExtractedDocument> {
  const doc = file ? await readDocument({ ...file, onProgress }) : readText(text ?? "", "text");
  if (!doc.blocks.length) throw new AppError(400, "planImport.empty", "Văn bản không có nội dung đọc được.");
  const plan = extractFromModel(doc, { resolver: createUnitResolver(snapshot) });
  return {
    ...plan,
    document: {
      format: doc.format,
      blocks: doc.blocks.length,
      pages: doc.pages,
      warnings: doc.warnings,
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
