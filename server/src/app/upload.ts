import type { FastifyRequest } from "fastify";
import type { AppConfig } from "./config";
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

/**
 * The rate limit of a route that parses an uploaded document: `config.uploadRateLimit` uploads a
 * minute per account and route (UPLOAD_RATE_LIMIT). A person sends a plan a few times a minute;
 * one sending files without pause took a core from every other user, even when each file was
 * refused. Counted after sign-in (preHandler), so the key is the account, not a shared address.
 */
export function uploadRateLimit(config: Pick<AppConfig, "uploadRateLimit">) {
  return {
    max: config.uploadRateLimit,
    timeWindow: "1 minute",
    hook: "preHandler" as const,
    keyGenerator: (request: FastifyRequest) => `upload:${request.actor?.userId ?? request.ip}`,
  };
}
