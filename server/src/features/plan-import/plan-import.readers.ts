/**
 * Readers: bytes of an uploaded file to the neutral document model. The format is decided by the
 * content, not the name; every failure becomes a Vietnamese message (AppError 400), never a crash.
 */
import JSZip from "jszip";
import { readText } from "../../../../core/src/plan-import";
import type { Block, DocumentModel, TableCell } from "../../../../core/src/plan-import/model";
import { AppError } from "../../app/errors";
import { garbledSample } from "./pdf/garbled";
import { layoutPages } from "./pdf/layout";
import { headerParagraphs } from "./pdf/letterhead";
import { pdfRules } from "./pdf/rules";
import type { PdfItem, PdfPage } from "./pdf/types";

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
const MAX_XML_CHARS = 60 * 1024 * 1024;
const MAX_PDF_PAGES = 2_000;

export type Progress = (done: number, total: number) => void;

const bad = (message: string) => new AppError(400, "planImport.badFile", message);

export type SniffedFormat = "docx" | "xlsx" | "pdf" | "text" | "ole" | "zip" | "binary";

export function sniff(data: Uint8Array): SniffedFormat {
  if (data[0] === 0x25 && data[1] === 0x50 && data[2] === 0x44 && data[3] === 0x46) return "pdf";
  if (data[0] === 0x50 && data[1] === 0x4b && (data[2] === 3 || data[2] === 5 || data[2] === 7)) return "zip";
  if (data[0] === 0xd0 && data[1] === 0xcf && data[2] === 0x11 && data[3] === 0xe0) return "ole";
  const probe = data.subarray(0, 4096);
  let zeros = 0;
  for (const b of probe) if (b === 0) zeros++;
  return zeros > 2 ? "binary" : "text";
}

export async function readDocument({
  fileName,
  data,
  onProgress,
}: {
  fileName: string;
  data: Uint8Array;
  onProgress?: Progress;
}): Promise<DocumentModel> {
  if (data.length === 0) throw bad("Tệp rỗng, không có nội dung để đọc.");
  if (data.length > MAX_FILE_BYTES)
    throw bad(`Tệp quá lớn (${(data.length / 1024 / 1024).toFixed(1)} MB); giới hạn là 20 MB.`);
  const ext = (fileName.split(".").pop() ?? "").toLowerCase();
  const kind = sniff(data);
  const named = (what: string) =>
    ext && !["txt", "md", "csv", "tsv", "html", "htm"].includes(ext)
      ? ` Tệp có đuôi .${ext} nhưng nội dung là ${what}.`
      : "";
  if (kind === "ole")
    throw bad(
      "Tệp được đặt mật khẩu hoặc là định dạng Word/Excel cũ (.doc/.xls). Hãy bỏ mật khẩu hoặc lưu lại dưới dạng .docx/.xlsx rồi tải lên.",
    );
  if (kind === "binary")
    throw bad(`Không đọc được tệp: đây không phải Word, Excel, PDF hay văn bản.${named("dữ liệu nhị phân")}`);
  if (kind === "pdf") return readPdf(data, onProgress);
  if (kind === "zip") {
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(data);
    } catch {
      throw bad("Tệp bị hỏng: không mở được nội dung nén của tệp Word/Excel.");
    }
    if (zip.file("word/document.xml")) return readDocx(zip);
    if (zip.file("xl/workbook.xml")) return readXlsx(data);
    if (zip.file("EncryptionInfo")) throw bad("Tệp được đặt mật khẩu; hãy bỏ mật khẩu rồi tải lên.");
    throw bad(`Tệp nén không phải Word (.docx) hay Excel (.xlsx).${named("một tệp nén khác")}`);
  }
  if (ext === "docx" || ext === "xlsx" || ext === "pdf")
    throw bad(`Tệp có đuôi .${ext} nhưng nội dung là văn bản thường; tệp có thể bị hỏng.`);
  const text = new TextDecoder("utf-8", { fatal: false }).decode(data);
  return readText(text, ext === "md" ? "markdown" : ext === "html" || ext === "htm" ? "html" : "text");
}

// --- Word -------------------------------------------------------------------------------------------

function decodeXml(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(Number.parseInt(n, 16)))
    .replace(/&amp;/g, "&");
}

/** The values by which Word switches an on/off property off (`<w:tblHeader w:val="off"/>`). */
const OFF = new Set(["0", "false", "off"]);

interface DocxCell {
  text: string[];
  colSpan: number;
  vMerge: "restart" | "continue" | null;
}

/** Reads word/document.xml directly: paragraphs with numbering levels, tables with gridSpan/vMerge, header rows. */
async function readDocx(zip: JSZip): Promise<DocumentModel> {
  const xml = await zip.file("word/document.xml")!.async("string");
  if (xml.length > MAX_XML_CHARS) throw bad("Tệp Word quá phức tạp để đọc (nội dung giải nén quá lớn).");
  const blocks: Block[] = [];
  const warnings: string[] = [];
  const tokenRe =
    /<(\/?)(w:tbl|w:tr|w:tc|w:p|w:t|w:tab|w:br|w:gridSpan|w:vMerge|w:tblHeader|w:ilvl|w:numPr|w:pStyle|w:b)\b([^>]*?)(\/?)>/g;
  // Table stack: nested tables are flattened into the text of their cell.
  const tables: Array<{
    rows: DocxCell[][];
    header: number;
    row: DocxCell[] | null;
    cell: DocxCell | null;
    rowIsHeader: boolean;
  }> = [];
  let para: { text: string; level?: number; numbered: boolean; style?: string; bold: boolean } | null = null;
  let inText = false;
  let textStart = 0;
  let paraIndex = 0;
  for (let m = tokenRe.exec(xml); m; m = tokenRe.exec(xml)) {
    const [, close, tag, attrs, selfClose] = m;
    if (inText && tag === "w:t" && close) {
      if (para) para.text += decodeXml(xml.slice(textStart, m.index));
      inText = false;
      continue;
    }
    const val = /w:val="([^"]*)"/.exec(attrs)?.[1];
    switch (tag) {
      case "w:t":
        if (!close && !selfClose) {
          inText = true;
          textStart = m.index + m[0].length;
        }
        break;
      case "w:tab":
        if (para && !close) para.text += " ";
        break;
      case "w:br":
        if (para && !close) para.text += "\n";
        break;
      case "w:p":
        if (!close && !selfClose) para = { text: "", numbered: false, bold: false };
        else if (close && para) {
          const t = para.text.replace(/[ \t]+/g, " ").trim();
          const top = tables[tables.length - 1];
          if (top?.cell) top.cell.text.push(t);
          else if (t) {
            paraIndex++;
            const heading = /^Heading(\d)/i.exec(para.style ?? "") ?? /^(\d)$/.exec(para.style ?? "");
            blocks.push({
              kind: "paragraph",
              text: t,
              ...(para.numbered ? { listLevel: para.level ?? 0 } : {}),
              ...(heading ? { headingLevel: Number(heading[1]) } : {}),
              ...(para.bold ? { bold: true } : {}),
              source: { line: paraIndex },
            });
          }
          para = null;
        }
        break;
      case "w:numPr":
        if (para && !close) para.numbered = true;
        break;
      case "w:ilvl":
        if (para && val) para.level = Number(val);
        break;
      case "w:pStyle":
        if (para && val) para.style = val;
        break;
      case "w:b":
        if (para && !close && !OFF.has(val ?? "")) para.bold = true;
        break;
      case "w:tbl":
        if (!close) tables.push({ rows: [], header: 0, row: null, cell: null, rowIsHeader: false });
        else {
          const done = tables.pop();
          if (!done) break;
          const parent = tables[tables.length - 1];
          if (parent?.cell) {
            parent.cell.text.push(done.rows.map((r) => r.map((c) => c.text.join(" ")).join(" ")).join("\n"));
          } else if (isLetterhead(done.rows, blocks)) {
            // Decree 30's letterhead as a borderless table: issuer and number left, motto and date right.
            for (const text of letterheadParagraphs(done.rows))
              blocks.push({ kind: "paragraph", text, source: { line: ++paraIndex } });
          } else blocks.push(docxTable(done.rows, done.header, blocks.length));
        }
        break;
      case "w:tr": {
        const t = tables[tables.length - 1];
        if (!t) break;
        if (!close) {
          t.row = [];
          t.rowIsHeader = false;
        } else if (t.row) {
          if (t.rowIsHeader && t.rows.length === t.header) t.header++;
          t.rows.push(t.row);
          t.row = null;
          if (t.rows.length > 20_000) warnings.push("Bảng quá dài; chỉ đọc 20.000 dòng.");
        }
        break;
      }
      case "w:tblHeader": {
        const t = tables[tables.length - 1];
        if (t && !OFF.has(val ?? "")) t.rowIsHeader = true;
        break;
      }
      case "w:tc": {
        const t = tables[tables.length - 1];
        if (!t) break;
        if (!close) t.cell = { text: [], colSpan: 1, vMerge: null };
        else if (t.cell && t.row) {
          if (t.row.length < 64) t.row.push(t.cell);
          t.cell = null;
        }
        break;
      }
      case "w:gridSpan": {
        const c = tables[tables.length - 1]?.cell;
        if (c && val) c.colSpan = Math.max(1, Math.min(64, Number(val) || 1));
        break;
      }
      case "w:vMerge": {
        const c = tables[tables.length - 1]?.cell;
        if (c) c.vMerge = val === "restart" ? "restart" : "continue";
        break;
      }
    }
  }
  return { blocks, warnings, format: "docx" };
}

/** A small table before the title holding "CỘNG HÒA …", "Số: …" or the date line: the letterhead. */
function isLetterhead(rows: DocxCell[][], before: Block[]): boolean {
  if (rows.length > 4 || rows.some((r) => r.length > 3) || before.some((b) => b.kind === "table"))
    return false;
  if (before.length > 3) return false;
  const text = rows.flatMap((r) => r.flatMap((c) => c.text)).join("\n");
  return /CỘNG HÒA|CỘNG HOÀ|Độc lập\s*-\s*Tự do/u.test(text) || /^Số\s*:/mu.test(text);
}

/** The letterhead read column by column, left side first. */
function letterheadParagraphs(rows: DocxCell[][]): string[] {
  const width = Math.max(...rows.map((r) => r.length));
  const out: string[] = [];
  for (let c = 0; c < width; c++) out.push(...headerParagraphs(rows.flatMap((r) => r[c]?.text ?? [])));
  return out;
}

/** Converts Word's vMerge (restart/continue per cell) into rowSpans on the origin cells. */
function docxTable(rows: DocxCell[][], header: number, index: number): Block {
  const out: TableCell[][] = [];
  const origin = new Map<number, TableCell>();
  for (const row of rows) {
    const cells: TableCell[] = [];
    let col = 0;
    for (const c of row) {
      if (c.vMerge === "continue" && origin.has(col)) {
        origin.get(col)!.rowSpan++;
      } else {
        const cell: TableCell = { text: c.text.filter(Boolean).join("\n"), colSpan: c.colSpan, rowSpan: 1 };
        cells.push(cell);
        if (c.vMerge === "restart") origin.set(col, cell);
        else origin.delete(col);
      }
      col += c.colSpan;
    }
    out.push(cells);
  }
  return { kind: "table", rows: out, headerRows: header, source: { line: index + 1 } };
}

// --- Excel ------------------------------------------------------------------------------------------

async function readXlsx(data: Uint8Array): Promise<DocumentModel> {
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
  } catch {
    throw bad("Tệp Excel bị hỏng hoặc không đọc được.");
  }
  const blocks: Block[] = [];
  wb.eachSheet((ws, sheetNo) => {
    const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).map(parseRange);
    const covered = new Set<string>();
    const spanAt = new Map<string, { rows: number; cols: number }>();
    for (const r of merges) {
      spanAt.set(`${r.top},${r.left}`, { rows: r.bottom - r.top + 1, cols: r.right - r.left + 1 });
      for (let y = r.top; y <= r.bottom; y++)
        for (let x = r.left; x <= r.right; x++) if (y !== r.top || x !== r.left) covered.add(`${y},${x}`);
    }
    const maxRow = Math.min(ws.rowCount, 20_000);
    const maxCol = Math.min(ws.columnCount, 64);
    const rows: TableCell[][] = [];
    const rowSources = [];
    for (let y = 1; y <= maxRow; y++) {
      const cells: TableCell[] = [];
      let any = false;
      for (let x = 1; x <= maxCol; x++) {
        if (covered.has(`${y},${x}`)) continue;
        const text = ws.getCell(y, x).text?.toString().trim() ?? "";
        if (text) any = true;
        const span = spanAt.get(`${y},${x}`);
        cells.push({ text, colSpan: span?.cols ?? 1, rowSpan: span?.rows ?? 1 });
      }
      if (!any) continue;
      rows.push(cells);
      rowSources.push({ sheet: ws.name, page: sheetNo, line: y });
    }
    if (rows.length)
      blocks.push({ kind: "table", rows, rowSources, source: { sheet: ws.name, page: sheetNo } });
  });
  return { blocks, warnings: [], format: "xlsx" };
}

function parseRange(ref: string) {
  const [a, b = a] = ref.split(":");
  const p = (s: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(s) ?? ["", "A", "1"];
    let col = 0;
    for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
    return { row: Number(m[2]), col };
  };
  const s = p(a);
  const e = p(b);
  return { top: s.row, left: s.col, bottom: e.row, right: e.col };
}

// --- PDF --------------------------------------------------------------------------------------------

async function readPdf(data: Uint8Array, onProgress?: Progress): Promise<DocumentModel> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  let doc: Awaited<ReturnType<typeof pdfjs.getDocument>["promise"]>;
  try {
    doc = await pdfjs.getDocument({
      data: new Uint8Array(data),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === "PasswordException") throw bad("Tệp PDF được đặt mật khẩu; hãy bỏ mật khẩu rồi tải lên.");
    throw bad("Tệp PDF bị hỏng hoặc không đọc được.");
  }
  const total = Math.min(doc.numPages, MAX_PDF_PAGES);
  const pages: PdfPage[] = [];
  const garbled: Array<{ page: number; sample: string }> = [];
  let withText = 0;
  for (let p = 1; p <= total; p++) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    const items: PdfItem[] = [];
    for (const raw of content.items as Array<{ str?: string; transform?: number[]; width?: number }>) {
      // pdf.js fills the gap between two runs with a synthetic space item as wide as the gap: it
      // would hide every column break, so positions come from the runs with text only.
      if (typeof raw.str !== "string" || !raw.transform || !raw.str.trim()) continue;
      const t = raw.transform;
      items.push({
        x: t[4],
        y: t[5],
        w: raw.width ?? 0,
        size: Math.abs(t[3]) || Math.abs(t[0]) || 10,
        s: raw.str,
      });
    }
    // Borders are only read on pages with text: a scanned page's operators would decode its image.
    const rules = items.length ? pdfRules(await page.getOperatorList(), pdfjs.OPS) : [];
    const [x0, , x1] = page.view;
    pages.push({ items, rules, width: x1 - x0 });
    if (items.length) withText++;
    const odd = garbledSample(items.map((i) => i.s).join(" "));
    if (odd) garbled.push({ page: p, sample: odd });
    page.cleanup();
    onProgress?.(p, total);
  }
  await doc.destroy();
  if (withText === 0)
    throw bad(
      "Tệp PDF không có lớp chữ (bản quét ảnh). Hãy dùng bản Word/PDF gốc hoặc nhận dạng chữ (OCR) trước khi tải lên.",
    );
  if (garbled.length === withText)
    throw bad(
      `Chữ trong tệp PDF bị lỗi phông ở mọi trang (ví dụ: “${garbled[0].sample}”): phông chữ không kèm bảng mã Unicode nên không đọc được tiếng Việt. Hãy tải lên bản Word gốc hoặc xuất lại PDF có nhúng phông Unicode.`,
    );
  const { segments } = layoutPages(pages);
  const blocks: Block[] = [];
  const warnings: string[] = [];
  for (const seg of segments) {
    if (seg.kind === "table") {
      blocks.push(seg.block);
      continue;
    }
    const model = readText(seg.lines.join("\n"), "text");
    warnings.push(...model.warnings);
    for (const b of model.blocks) {
      b.source = { ...b.source, page: seg.page };
      if (b.kind === "table") b.rowSources = b.rowSources?.map((r) => ({ ...r, page: seg.page }));
      blocks.push(b);
    }
  }
  for (const seg of segments) {
    const c = seg.kind === "table" ? (seg.block.confidence ?? 1) : 1;
    if (seg.kind === "table" && c < 0.6)
      warnings.push(
        `Bảng ở trang ${seg.block.source.page} được dựng lại từ vị trí chữ với độ tin cậy thấp (${Math.round(c * 100)} %); kiểm tra các cột chủ trì, phối hợp và thời hạn.`,
      );
  }
  return {
    blocks,
    format: "pdf",
    pages: total,
    warnings: [
      ...warnings,
      ...garbled.map(
        (g) =>
          `Trang ${g.page}: chữ trích từ PDF có vẻ bị lỗi phông (ví dụ “${g.sample}”); nội dung trang này có thể sai, cần đối chiếu với văn bản gốc.`,
      ),
      ...(doc.numPages > total ? [`Chỉ đọc ${total}/${doc.numPages} trang.`] : []),
      ...(withText < total ? [`${total - withText} trang không có chữ (có thể là ảnh quét).`] : []),
    ],
  };
}
