import zlib from "node:zlib";
import JSZip from "jszip";
import { afterAll, describe, expect, it } from "vitest";
import { deflatedZeros, excelBomb, wordBomb, zipOf } from "../../../test/zip";
import { ParsePool, parsePoolOptionsFromEnv, runParseJob } from "./parse-pool";

const snapshot = { units: [], groups: [], events: [] };
const pools: ParsePool[] = [];
const pool = (overrides: Partial<ReturnType<typeof parsePoolOptionsFromEnv>>) => {
  const p = new ParsePool({ ...parsePoolOptionsFromEnv(), ...overrides });
  pools.push(p);
  return p;
};
afterAll(async () => {
  for (const p of pools) await p.close();
});

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => ({ status: 0, code: "resolved", message: "" }),
    (e: { status: number; code: string; message: string }) => e,
  );

async function docx(documentXml: string) {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", "<Types/>");
  zip.file("word/document.xml", documentXml);
  return new Uint8Array(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
}

describe("parse pool", () => {
  it("reads a document in a worker and gives back the extracted plan", async () => {
    const data = await docx(
      '<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>KẾ HOẠCH cải thiện chỉ số PCI</w:t></w:r></w:p></w:body></w:document>',
    );
    const result = await runParseJob("planExtract", { file: { fileName: "k.docx", data }, snapshot });
    expect(result.document.format).toBe("docx");
    expect(result.document.text).toContain("KẾ HOẠCH cải thiện chỉ số PCI");
  });

  it("refuses a Word zip bomb (300 MB expanded) before any worker inflates it, naming sizes", async () => {
    const data = await wordBomb(300 * 1024 * 1024);
    expect(data.length).toBeLessThan(1024 * 1024);
    const p = pool({});
    const e = await failure(p.run("planExtract", { file: { fileName: "bom.docx", data }, snapshot }));
    expect(e.status).toBe(400);
    expect(e.code).toBe("upload.expandedTooLarge");
    expect(e.message).toMatch(/Tệp quá lớn sau khi giải nén \(300 MB, tối đa 100 MB\)/);
    expect(p.load).toEqual({ running: 0, queued: 0 });
  });

  it("refuses an Excel bomb on every spreadsheet job", async () => {
    const data = new Uint8Array(await excelBomb(150 * 1024 * 1024));
    for (const name of ["indexGrids", "unitListSheets", "taskWorkbook"] as const) {
      const e = await failure(runParseJob(name, { data }));
      expect(e.status, name).toBe(400);
      expect(e.message).toMatch(/sau khi giải nén/);
    }
  });

  it("refuses one entry compressed far beyond a document's ratio, and too many entries", async () => {
    const ratio = zipOf([
      {
        name: "xl/workbook.xml",
        deflated: await deflatedZeros(8 * 1024 * 1024),
        uncompressedSize: 8 * 1024 * 1024,
      },
    ]);
    const e = await failure(runParseJob("indexGrids", { data: new Uint8Array(ratio) }));
    expect(e.code).toBe("upload.suspiciousRatio");
    const empty = zlib.deflateRawSync(Buffer.alloc(0));
    const many = zipOf(
      Array.from({ length: 10_001 }, (_, i) => ({
        name: `x/${i}.xml`,
        deflated: empty,
        uncompressedSize: 0,
      })),
    );
    const m = await failure(runParseJob("indexGrids", { data: new Uint8Array(many) }));
    expect(m.code).toBe("upload.tooManyEntries");
  });

  it("catches a directory that under-declares an entry: inflation stops at the declared size", async () => {
    const data = zipOf([
      {
        name: "[Content_Types].xml",
        deflated: zlib.deflateRawSync(Buffer.from("<Types/>")),
        uncompressedSize: 8,
      },
      { name: "word/document.xml", deflated: await deflatedZeros(50 * 1024 * 1024), uncompressedSize: 1000 },
    ]);
    const e = await failure(runParseJob("planExtract", { file: { fileName: "x.docx", data }, snapshot }));
    expect(e.status).toBe(400);
    expect(e.message).toMatch(/kích thước khác với khai báo/);
  });

  it("answers a damaged Word document with a Vietnamese 400 naming the problem", async () => {
    const data = await docx('<w:document xmlns:w="w"><w:p><w:t>&#1114112;</w:t></w:p></w:document>');
    const e = await failure(runParseJob("planExtract", { file: { fileName: "x.docx", data }, snapshot }));
    expect(e.status).toBe(400);
    expect(e.message).toBe("Tệp Word bị hỏng: có tham chiếu ký tự nằm ngoài bảng mã Unicode.");
  });

  it("kills a job past its time limit (400) and keeps serving the next one", async () => {
    const p = pool({ timeoutMs: 20 });
    const e = await failure(p.run("planExtract", { text: "KẾ HOẠCH\n1. Việc một", snapshot }));
    expect(e.status).toBe(400);
    expect(e.message).toMatch(/^Quá thời gian đọc tệp/);
    p.options.timeoutMs = 30_000;
    const next = await p.run("planExtract", { text: "KẾ HOẠCH\n1. Việc hai", snapshot });
    expect(next.document.text).toContain("Việc hai");
  });

  it("ends a worker that runs out of its memory limit with a 400, and this process lives on", async () => {
    const p = pool({ maxOldGenerationSizeMb: 8 });
    const text = Array.from(
      { length: 200_000 },
      (_, i) => `${i + 1}. Nhiệm vụ số ${i + 1} của Sở Nội vụ`,
    ).join("\n");
    const e = await failure(p.run("planExtract", { text, snapshot }));
    expect(e.status).toBe(400);
    expect(e.code).toBe("upload.outOfMemory");
  });

  it("runs jobs one at a time first come first served, and answers 503 when the queue is full", async () => {
    const p = pool({ concurrency: 1, queueLimit: 1 });
    const order: string[] = [];
    const job = (label: string) =>
      p.run("planExtract", { text: `KẾ HOẠCH ${label}\n1. Việc`, snapshot }).then(() => order.push(label));
    const first = job("a");
    const second = job("b");
    expect(p.load).toEqual({ running: 1, queued: 1 });
    const third = await failure(job("c"));
    expect(third.status).toBe(503);
    expect(third.message).toBe("Máy chủ đang bận đọc các tệp khác, thử lại sau ít phút.");
    await Promise.all([first, second]);
    expect(order).toEqual(["a", "b"]);
  });
});
