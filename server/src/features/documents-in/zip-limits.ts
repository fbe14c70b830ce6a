/**
 * Zip bombs are refused before anything inflates them. Word and Excel files are zip archives whose
 * central directory (at the end of the file) declares each entry's compressed and uncompressed
 * size: reading it costs microseconds, so a 1 MB file claiming 300 MB is answered at once.
 * Declared sizes can lie, so the worker also inflates each entry with a cap of its declared size
 * (`verifyZipEntries`) before a library reads it: a lying entry stops at the cap, not at 3 GB.
 */
import zlib from "node:zlib";
import { AppError } from "../../app/errors";

export interface ZipLimits {
  /** Sum of the entries' uncompressed sizes. */
  maxExpandedBytes: number;
  maxEntries: number;
  /** Uncompressed / compressed of one entry, checked for entries larger than `ratioFromBytes`. */
  maxRatio: number;
  ratioFromBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxExpandedBytes: 100 * 1024 * 1024,
  maxEntries: 10_000,
  maxRatio: 200,
  ratioFromBytes: 1024 * 1024,
};

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toLocaleString("vi-VN", { maximumFractionDigits: 1 });
const damaged = (what: string) =>
  new AppError(400, "upload.damaged", `Tệp nén (Word/Excel) bị hỏng: ${what}.`);

export const isZip = (data: Uint8Array) =>
  data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 3 && data[3] === 4;

/** The central directory's entries; throws a 400 when the directory cannot be read. */
export function readCentralDirectory(data: Uint8Array): ZipEntry[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const u64 = (at: number) => Number(view.getBigUint64(at, true));
  // End of central directory: 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  let eocd = -1;
  for (let at = data.length - 22; at >= Math.max(0, data.length - 22 - 0xffff); at--)
    if (u32(at) === 0x06054b50) {
      eocd = at;
      break;
    }
  if (eocd < 0) throw damaged("không tìm thấy mục lục của tệp nén (tệp bị cắt cụt?)");
  let count = u16(eocd + 10);
  let dirSize = u32(eocd + 12);
  let dirOffset = u32(eocd + 16);
  if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || u32(locator) !== 0x07064b50) throw damaged("mục lục ZIP64 không hợp lệ");
    const z64 = u64(locator + 8);
    if (z64 + 56 > data.length || u32(z64) !== 0x06064b50) throw damaged("mục lục ZIP64 không hợp lệ");
    count = u64(z64 + 32);
    dirSize = u64(z64 + 40);
    dirOffset = u64(z64 + 48);
  }
  if (dirOffset + dirSize > data.length) throw damaged("mục lục trỏ ra ngoài tệp");
  const entries: ZipEntry[] = [];
  let at = dirOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > data.length || u32(at) !== 0x02014b50) throw damaged("mục lục của tệp nén không đọc được");
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    let compressedSize = u32(at + 20);
    let uncompressedSize = u32(at + 24);
    let localHeaderOffset = u32(at + 42);
    const end = at + 46 + nameLength + extraLength + commentLength;
    if (end > data.length) throw damaged("mục lục của tệp nén không đọc được");
    // ZIP64: a field at 0xFFFFFFFF is in the extra block 0x0001, in this order.
    if (
      uncompressedSize === 0xffffffff ||
      compressedSize === 0xffffffff ||
      localHeaderOffset === 0xffffffff
    ) {
      let x = at + 46 + nameLength;
      const xEnd = x + extraLength;
      while (x + 4 <= xEnd) {
        const id = u16(x);
        const size = u16(x + 2);
        if (id === 0x0001) {
          let f = x + 4;
          if (uncompressedSize === 0xffffffff && f + 8 <= xEnd) {
            uncompressedSize = u64(f);
            f += 8;
          }
          if (compressedSize === 0xffffffff && f + 8 <= xEnd) {
            compressedSize = u64(f);
            f += 8;
          }
          if (localHeaderOffset === 0xffffffff && f + 8 <= xEnd) localHeaderOffset = u64(f);
          break;
        }
        x += 4 + size;
      }
    }
    entries.push({
      name: new TextDecoder().decode(data.subarray(at + 46, at + 46 + nameLength)),
      method: u16(at + 10),
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
    });
    at = end;
  }
  return entries;
}

/** Refuses (400, Vietnamese) a zip whose declared contents exceed the limits; returns its entries. */
export function checkZipLimits(data: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
  const entries = readCentralDirectory(data);
  if (entries.length > limits.maxEntries)
    throw new AppError(
      400,
      "upload.tooManyEntries",
      `Tệp nén có quá nhiều thành phần (${entries.length.toLocaleString("vi-VN")}, tối đa ${limits.maxEntries.toLocaleString("vi-VN")}).`,
    );
  const total = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (total > limits.maxExpandedBytes)
    throw new AppError(
      400,
      "upload.expandedTooLarge",
      `Tệp quá lớn sau khi giải nén (${mb(total)} MB, tối đa ${mb(limits.maxExpandedBytes)} MB).`,
    );
  for (const e of entries) {
    if (
      e.uncompressedSize > limits.ratioFromBytes &&
      e.uncompressedSize > limits.maxRatio * Math.max(1, e.compressedSize)
    )
      throw new AppError(
        400,
        "upload.suspiciousRatio",
        `Tệp có thành phần nén bất thường (“${e.name.slice(0, 80)}” giải nén gấp ${Math.round(e.uncompressedSize / Math.max(1, e.compressedSize))} lần, tối đa ${limits.maxRatio} lần); tệp có thể là "bom nén".`,
      );
  }
  return entries;
}

/**
 * Inflates every entry with its declared size as the cap, so a directory that under-declares an
 * entry is caught before a library inflates it without a cap. Runs in the parse worker.
 */
export function verifyZipEntries(data: Uint8Array, entries: ZipEntry[]): void {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  for (const e of entries) {
    if (e.name.endsWith("/") && e.uncompressedSize === 0) continue;
    const at = e.localHeaderOffset;
    if (at + 30 > data.length || view.getUint32(at, true) !== 0x04034b50)
      throw damaged(`thành phần “${e.name.slice(0, 80)}” không đọc được`);
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const body = data.subarray(start, start + e.compressedSize);
    if (body.length < e.compressedSize) throw damaged(`thành phần “${e.name.slice(0, 80)}” bị cắt cụt`);
    let size: number;
    if (e.method === 0) size = body.length;
    else if (e.method === 8) {
      try {
        size = zlib.inflateRawSync(body, { maxOutputLength: Math.max(1, e.uncompressedSize) }).length;
      } catch (error) {
        if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") size = e.uncompressedSize + 1;
        else throw damaged(`thành phần “${e.name.slice(0, 80)}” không giải nén được`);
      }
    } else throw damaged(`thành phần “${e.name.slice(0, 80)}” dùng kiểu nén không hỗ trợ`);
    if (size !== e.uncompressedSize)
      throw damaged(`thành phần “${e.name.slice(0, 80)}” có kích thước khác với khai báo`);
  }
}
