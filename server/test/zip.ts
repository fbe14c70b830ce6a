/** Writes zip archives by hand for tests, including ones whose directory lies about sizes. */
import zlib from "node:zlib";

export interface TestZipEntry {
  name: string;
  /** Deflated bytes (method 8). */
  deflated: Uint8Array;
  /** What the directory declares. */
  uncompressedSize: number;
  crc?: number;
}

export function zipOf(entries: TestZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc ?? 0, 14);
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(e.uncompressedSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc ?? 0, 16);
    central.writeUInt32LE(e.deflated.length, 20);
    central.writeUInt32LE(e.uncompressedSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(e.deflated));
    centrals.push(central, name);
    offset += 30 + name.length + e.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** `bytes` zeros deflated, in 1 MB chunks so the test never holds the expanded data. */
export async function deflatedZeros(bytes: number): Promise<Buffer> {
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on("data", (chunk: Buffer) => out.push(chunk));
  const done = new Promise((resolve) => deflate.on("end", resolve));
  const chunk = Buffer.alloc(1024 * 1024);
  for (let left = bytes; left > 0; left -= chunk.length) {
    const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
    if (!deflate.write(piece)) await new Promise((resolve) => deflate.once("drain", resolve));
  }
  deflate.end();
  await done;
  return Buffer.concat(out);
}

/** A zip bomb shaped like a Word document: `[Content_Types].xml` and a huge `word/document.xml`. */
export async function wordBomb(expandedBytes: number): Promise<Buffer> {
  const types = Buffer.from("<Types/>");
  return zipOf([
    { name: "[Content_Types].xml", deflated: zlib.deflateRawSync(types), uncompressedSize: types.length },
    {
      name: "word/document.xml",
      deflated: await deflatedZeros(expandedBytes),
      uncompressedSize: expandedBytes,
    },
  ]);
}

/** A zip bomb shaped like an Excel workbook. */
export async function excelBomb(expandedBytes: number): Promise<Buffer> {
  const types = Buffer.from("<Types/>");
  return zipOf([
    { name: "[Content_Types].xml", deflated: zlib.deflateRawSync(types), uncompressedSize: types.length },
    { name: "xl/workbook.xml", deflated: zlib.deflateRawSync(types), uncompressedSize: types.length },
    {
      name: "xl/worksheets/sheet1.xml",
      deflated: await deflatedZeros(expandedBytes),
      uncompressedSize: expandedBytes,
    },
  ]);
}
