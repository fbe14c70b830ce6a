import type { FastifyRequest } from "fastify";
import { AppError, badRequest } from "./errors";

const EXTENSIONS: Record<string, string[]> = {
  xlsx: [".xlsx"],
  csv: [".csv", ".txt"],
  docx: [".docx"],
  pdf: [".pdf"],
  text: [".txt", ".md"],
};

/**
 * Reads the one file of a multipart upload into memory, refusing wrong extensions and sizes over
 * `maxBytes`. Content is checked again by each parser: a name is only a hint.
 */
export async function readUpload({
  request,
  maxBytes,
  accept,
}: {
  request: FastifyRequest;
  maxBytes: number;
  accept: Array<keyof typeof EXTENSIONS>;
}): Promise<{ fileName: string; data: Uint8Array }> {
  if (!request.isMultipart())
    throw badRequest("upload.missing", 'Hãy chọn một tệp để tải lên (multipart/form-data, trường "file").');
  const part = await request.file({ limits: { fileSize: maxBytes } });
  if (!part) throw badRequest("upload.missing", "Hãy chọn một tệp để tải lên.");
  const fileName = part.filename || "tep";
  const allowed = accept.flatMap((a) => EXTENSIONS[a]);
  if (!allowed.some((ext) => fileName.toLowerCase().endsWith(ext))) {
    part.file.resume();
    throw badRequest("upload.type", `Tệp "${fileName}" không đúng loại. Chấp nhận: ${allowed.join(", ")}.`);
  }
  const data = await part.toBuffer().catch((error: { code?: string }) => {
    if (error.code === "FST_REQ_FILE_TOO_LARGE") {
      throw new AppError(413, "upload.tooLarge", `Tệp vượt quá ${Math.round(maxBytes / 1024 / 1024)} MB.`);
    }
    throw error;
  });
  if (part.file.truncated)
    throw new AppError(413, "upload.tooLarge", `Tệp vượt quá ${Math.round(maxBytes / 1024 / 1024)} MB.`);
  return { fileName, data: new Uint8Array(data) };
}
