/**
 * Evidence files: the type is read from the content (magic bytes), never trusted from the name; files
 * live under DATA_DIR/files, outside the web root, named by a random key.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { FastifyRequest } from "fastify";
import {
  ALL_EVIDENCE_EXTENSIONS as ALL_EXTENSIONS,
  EVIDENCE_MAX_BYTES,
  type EvidenceType,
  evidenceTypeOfName,
} from "../../../../../core/src/reporting/evidence-rules";
import { AppError, badRequest } from "../../../app/errors";

export { EVIDENCE_MAX_BYTES, type EvidenceType };
/** What one unit's evidence may take in total. */
export const UNIT_QUOTA_BYTES = 500 * 1024 * 1024;

export const CONTENT_TYPES: Record<EvidenceType, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  png: "image/png",
  jpeg: "image/jpeg",
};

const startsWith = (data: Uint8Array, bytes: number[]) => bytes.every((b, i) => data[i] === b);

/** The type the bytes are, or null. An OOXML file is a ZIP whose part names say which it is. */
export function sniffType(data: Uint8Array): EvidenceType | null {
  if (startsWith(data, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "pdf";
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(data, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04])) {
    // Part names are stored uncompressed in the local and central directory headers.
    const text = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString("latin1");
    if (text.includes("word/document.xml")) return "docx";
    if (text.includes("xl/workbook.xml")) return "xlsx";
  }
  return null;
}

/** The file's type when its content matches its name; a clear refusal otherwise. */
export function checkEvidenceType({ fileName, data }: { fileName: string; data: Uint8Array }): EvidenceType {
  const claimed = evidenceTypeOfName(fileName);
  if (!claimed)
    throw badRequest(
      "evidence.type",
      `Tệp "${fileName}" không đúng loại. Chấp nhận: ${ALL_EXTENSIONS.join(", ")}.`,
    );
  const actual = sniffType(data);
  if (actual !== claimed)
    throw badRequest(
      "evidence.contentMismatch",
      `Nội dung tệp "${fileName}" không phải là tệp ${claimed.toUpperCase()} như tên tệp cho biết.`,
    );
  return actual;
}

/** Reads the single file of a multipart upload, refusing names of other types and sizes over the limit. */
export async function readEvidenceUpload(request: FastifyRequest) {
  if (!request.isMultipart())
    throw badRequest("upload.missing", 'Hãy chọn một tệp để tải lên (multipart/form-data, trường "file").');
  const part = await request.file({ limits: { fileSize: EVIDENCE_MAX_BYTES } });
  if (!part) throw badRequest("upload.missing", "Hãy chọn một tệp để tải lên.");
  const fileName = (part.filename || "tep").replace(/[\\/\r\n"]/g, "_").slice(0, 200);
  if (!evidenceTypeOfName(fileName)) {
    part.file.resume();
    throw badRequest(
      "evidence.type",
      `Tệp "${fileName}" không đúng loại. Chấp nhận: ${ALL_EXTENSIONS.join(", ")}.`,
    );
  }
  const tooLarge = () => new AppError(413, "upload.tooLarge", "Tệp vượt quá 20 MB.");
  const data = await part.toBuffer().catch((error: { code?: string }) => {
    if (error.code === "FST_REQ_FILE_TOO_LARGE") throw tooLarge();
    throw error;
  });
  if (part.file.truncated) throw tooLarge();
  return { fileName, data: new Uint8Array(data) };
}

export const filesDir = (dataDir: string) => path.join(dataDir, "files");

/** Where a stored key lives; keys are "<unit>/<uuid>" made by us, never by the user. */
export function storedPath({ dataDir, key }: { dataDir: string; key: string }) {
  if (!/^[0-9a-f-]{36}\/[0-9a-f-]{36}$/.test(key)) throw new Error(`Bad storage key ${key}`);
  return path.join(filesDir(dataDir), key);
}

/**
 * Makes a directory's entries durable (a created or renamed file survives a power cut). Some systems
 * cannot open a directory for syncing; there the rename is as durable as the system makes it.
 */
export async function syncDir(dir: string) {
  let handle: fs.FileHandle | null = null;
  try {
    handle = await fs.open(dir, "r");
    await handle.sync();
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== "EISDIR" && code !== "EPERM" && code !== "EINVAL" && code !== "EBADF") throw error;
  } finally {
    await handle?.close();
  }
}

/**
 * Writes the bytes under a temporary name and syncs them to disk; the caller renames the file (see
 * `putInPlace`) once the row is in, before the transaction commits.
 */
export async function writeTemp({
  dataDir,
  unitId,
  data,
}: {
  dataDir: string;
  unitId: string;
  data: Uint8Array;
}) {
  const key = `${unitId}/${randomUUID()}`;
  const finalPath = storedPath({ dataDir, key });
  await fs.mkdir(path.dirname(finalPath), { recursive: true });
  const tempPath = `${finalPath}.part`;
  const handle = await fs.open(tempPath, "wx");
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { key, tempPath, finalPath };
}

/** Gives the written file its final name, durably: a committed row never points at a lost file. */
export async function putInPlace(temp: { tempPath: string; finalPath: string }) {
  await fs.rename(temp.tempPath, temp.finalPath);
  await syncDir(path.dirname(temp.finalPath));
}

/** How old a partial upload must be before start-up removes it: no upload in progress takes this long. */
export const STRAY_PART_AGE_MS = 10 * 60_000;

/**
 * Removes partial uploads (`.part` files) that an interrupted upload or a crash left under
 * DATA_DIR/files; a younger one may belong to an upload another process is finishing. Returns how many.
 */
export async function removeStrayParts({ dataDir, now = Date.now() }: { dataDir: string; now?: number }) {
  const root = filesDir(dataDir);
  let removed = 0;
  const units = await fs.readdir(root, { withFileTypes: true }).catch(() => []);
  for (const unit of units) {
    if (!unit.isDirectory()) continue;
    const dir = path.join(root, unit.name);
    for (const name of await fs.readdir(dir).catch(() => [] as string[])) {
      if (!name.endsWith(".part")) continue;
      const file = path.join(dir, name);
      const stat = await fs.stat(file).catch(() => null);
      if (!stat || now - stat.mtimeMs < STRAY_PART_AGE_MS) continue;
      await fs.rm(file, { force: true });
      removed += 1;
    }
  }
  return removed;
}
