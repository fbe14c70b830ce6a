/**
 * Writes each plan of the measuring set in the four forms officials hold it:
 *   forms/<id>.docx          Word with real tables; the Decree 30 header and the closing (recipients,
 *                            signature) as borderless two-column tables; task tables with merged
 *                            STT and component cells and a two-row header repeated on every page
 *   forms/<id>.pdf           that .docx converted by LibreOffice (skipped, with a message, without it).
 *                            Debian has no Times New Roman: Liberation Serif stands in and lacks some
 *                            Vietnamese letters, which come from DejaVu Serif, so words switch fonts
 *                            mid-word (the "substituted fonts" PDF of issue 16)
 *   forms/<id>.clean.pdf     the same document set in DejaVu Serif, which has every Vietnamese letter:
 *                            a PDF whose text is whole, to measure table recovery apart from garbling
 *   forms/<id>.cells.txt     text with one table cell per line (a row starts with a tab line, each
 *                            cell follows on its own tab-indented line), as many converters write
 *   forms/<id>.wrapped.txt   text hard-wrapped at 96 characters in pages of 48 lines, tables laid
 *                            out in columns of wrapped cell lines, as `pdftotext -layout` writes a PDF
 * The generated files are committed: they are the fixed measuring documents (CI has no LibreOffice).
 *
 *   npx tsx bench/plan-import/render.ts [--plan 003]
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  AlignmentType,
  Document,
  Packer,
  PageBreak,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  VerticalMergeType,
  WidthType,
} from "docx";
import JSZip from "jszip";
import { noBorders, para, run } from "../../server/src/app/docx-parts";
import {
  BENCH_DIR,
  type DocBlock,
  type PlanDocument,
  planIds,
  readDocument,
  TASK_HEADER,
  taskCells,
  taskTableRows,
} from "./document";

export const FORMS_DIR = path.join(BENCH_DIR, "forms");

// --- Word -------------------------------------------------------------------------------------------

const SMALL = 24;
const TABLE_SIZE = 22;

const textParas = (text: string, o: { bold?: boolean; size?: number; center?: boolean } = {}) =>
  text.split("\n").map((line) =>
    para([run(line, { bold: o.bold, size: o.size ?? TABLE_SIZE })], {
      align: o.center ? AlignmentType.CENTER : AlignmentType.LEFT,
      after: 40,
    }),
  );

const plainCell = (
  text: string,
  o: { span?: number; merge?: "restart" | "continue"; bold?: boolean; center?: boolean } = {},
) =>
  new TableCell({
    children: textParas(o.merge === "continue" ? "" : text, { bold: o.bold, center: o.center }),
    columnSpan: o.span,
    verticalMerge:
      o.merge === "restart"
        ? VerticalMergeType.RESTART
        : o.merge === "continue"
          ? VerticalMergeType.CONTINUE
          : undefined,
  });

function headerTable(h: PlanDocument["header"]): Table {
  const left = [
    ...h.authority.map((a) => ({ text: a, bold: true })),
    { text: "———", bold: false },
    { text: h.number, bold: false },
  ];
  const right = [
    { text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true },
    { text: "Độc lập - Tự do - Hạnh phúc", bold: true },
    { text: "———", bold: false },
    { text: h.placeDate, bold: false, italics: true },
  ];
  const column = (lines: Array<{ text: string; bold: boolean; italics?: boolean }>, width: number) =>
    new TableCell({
      width: { size: width, type: WidthType.PERCENTAGE },
      children: lines.map((l) =>
        para([run(l.text, { bold: l.bold, italics: l.italics, size: 26 })], {
          align: AlignmentType.CENTER,
          after: 0,
        }),
      ),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: noBorders,
    rows: [new TableRow({ children: [column(left, 40), column(right, 60)] })],
  });
}

function closingTable(c: { left: string[]; right: string[] }): Table {
  const column = (lines: string[], width: number, center: boolean, boldFirst: boolean) =>
    new TableCell({
      width: { size: width, type: WidthType.PERCENTAGE },
      children: lines.map((l, i) =>
        para([run(l, { bold: boldFirst ? i < 2 : i === 0, italics: !boldFirst && i === 0, size: SMALL })], {
          align: center ? AlignmentType.CENTER : AlignmentType.LEFT,
          after: 0,
        }),
      ),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: noBorders,
    rows: [new TableRow({ children: [column(c.left, 50, false, false), column(c.right, 50, true, true)] })],
  });
}

/** Text width of a landscape A4 page with 2 cm margins, in twips. */
const PAGE_TWIPS = 16838 - 2 * 1134;

/** Column widths in twips from shares of the page: the first column (STT) narrow, as officials set them. */
const columns = (shares: number[]) => {
  const sum = shares.reduce((a, b) => a + b, 0);
  return shares.map((x) => Math.round((PAGE_TWIPS * x) / sum));
};

function gridTable(rows: string[][], headerRows: number): Table {
  const n = Math.max(...rows.map((r) => r.length));
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: columns([1, 6, ...Array(Math.max(0, n - 2)).fill(2)].slice(0, n)),
    rows: rows.map(
      (r, i) =>
        new TableRow({
          tableHeader: i < headerRows,
          children: r.map((c) => plainCell(c, { bold: i < headerRows, center: i < headerRows })),
        }),
    ),
  });
}

function taskTable(block: { tasks: Parameters<typeof taskTableRows>[0] }): Table {
  const header = [
    new TableRow({
      tableHeader: true,
      children: [
        plainCell("STT", { merge: "restart", bold: true, center: true }),
        plainCell("NHIỆM VỤ THỰC HIỆN", { span: 2, merge: "restart", bold: true, center: true }),
        plainCell("PHÂN CÔNG THỰC HIỆN", { span: 2, bold: true, center: true }),
        plainCell("KẾT QUẢ ĐẠT ĐƯỢC", { merge: "restart", bold: true, center: true }),
        plainCell("THỜI GIAN HOÀN THÀNH", { merge: "restart", bold: true, center: true }),
      ],
    }),
    new TableRow({
      tableHeader: true,
      children: [
        plainCell("", { merge: "continue" }),
        plainCell("", { span: 2, merge: "continue" }),
        plainCell(TASK_HEADER[3], { bold: true, center: true }),
        plainCell(TASK_HEADER[4], { bold: true, center: true }),
        plainCell("", { merge: "continue" }),
        plainCell("", { merge: "continue" }),
      ],
    }),
  ];
  const body: TableRow[] = [];
  const items = taskTableRows(block.tasks);
  items.forEach((item, i) => {
    if ("section" in item) {
      const [num, ...rest] = item.section.split(". ");
      body.push(
        new TableRow({
          children: [
            plainCell(num, { bold: true, center: true }),
            plainCell(rest.join(". "), { span: 6, bold: true }),
          ],
        }),
      );
      return;
    }
    const r = item.row;
    // STT and component cells are merged down over the group's rows, as the original Word has them.
    const next = items[i + 1];
    const groupContinues = next && "row" in next && !next.row.stt;
    const inGroup = !r.stt && i > 0 && "row" in items[i - 1];
    const merge = inGroup ? "continue" : groupContinues ? "restart" : undefined;
    const cells = taskCells(r);
    body.push(
      new TableRow({
        children: cells.map((c, k) => plainCell(c, k < 2 ? { merge, center: k === 0 } : {})),
      }),
    );
  });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: columns([5, 11, 27, 13, 14, 18, 12]),
    rows: [...header, ...body],
  });
}

export async function renderDocx(doc: PlanDocument): Promise<Buffer> {
  const children: Array<Paragraph | Table> = [headerTable(doc.header), para([run("")])];
  for (const b of doc.blocks) {
    if ("p" in b) {
      const heading = b.center || /^[IVX]+\.\s|^KẾ HOẠCH$/.test(b.p);
      children.push(
        para([run(b.p, { bold: b.bold || heading })], {
          align: b.center || b.p === "KẾ HOẠCH" ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
          indent: !heading,
        }),
      );
    } else if ("table" in b) children.push(gridTable(b.table, b.headerRows), para([run("")]));
    else if ("tasks" in b) children.push(taskTable(b), para([run("")]));
    else if ("closing" in b) children.push(para([run("")]), closingTable(b.closing));
    else children.push(new Paragraph({ children: [new PageBreak()] }));
  }
  // Appendices with seven columns are printed landscape, as the originals are.
  const document = new Document({
    sections: [
      {
        properties: {
          page: {
            size: { orientation: PageOrientation.LANDSCAPE },
            margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}

// --- Text forms ---------------------------------------------------------------------------------------

const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();

function textRows(b: DocBlock): string[][] | null {
  if ("table" in b) return b.table;
  if ("tasks" in b)
    return [
      [
        "STT",
        "NHIỆM VỤ THỰC HIỆN",
        "",
        "PHÂN CÔNG THỰC HIỆN",
        "",
        "KẾT QUẢ ĐẠT ĐƯỢC",
        "THỜI GIAN HOÀN THÀNH",
      ],
      ["", "", "", "CHỦ TRÌ", "PHỐI HỢP", "", ""],
      ...taskTableRows(b.tasks).map((item) =>
        "section" in item
          ? [item.section.split(". ")[0], item.section.split(". ").slice(1).join(". "), "", "", "", "", ""]
          : taskCells(item.row),
      ),
    ];
  if ("closing" in b) {
    const n = Math.max(b.closing.left.length, b.closing.right.length);
    return Array.from({ length: n }, (_, i) => [b.closing.left[i] ?? "", b.closing.right[i] ?? ""]);
  }
  return null;
}

function headerRows(h: PlanDocument["header"]): string[][] {
  return [
    [h.authority[0], "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
    [h.authority[1] ?? "", "Độc lập - Tự do - Hạnh phúc"],
    [h.number, h.placeDate],
  ];
}

/** One cell per line: a row is a line holding a tab, then each cell on its own tab-indented line. */
export function renderCells(doc: PlanDocument): string {
  const out: string[] = [];
  const table = (rows: string[][]) => {
    for (const r of rows) {
      out.push("\t");
      for (const c of r) out.push(`\t${oneLine(c)}`);
    }
    out.push("");
  };
  table(headerRows(doc.header));
  for (const b of doc.blocks) {
    if ("p" in b) out.push(b.p, "");
    else if ("pageBreak" in b) out.push("");
    else table(textRows(b)!);
  }
  return `${out.join("\n")}\n`;
}

const WIDTH = 96;

export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  const indent = /^ */.exec(text)![0];
  let line = indent;
  for (const word of oneLine(text).split(" ")) {
    if (!word) continue;
    if (line.trim() && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line.trim() ? `${line} ${word}` : `${line}${word}`;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [""];
}

/** Column widths of a text table: proportional to each column's longest text, at least 4. */
function columnWidths(rows: string[][], total: number): number[] {
  const n = Math.max(...rows.map((r) => r.length));
  const longest = Array.from({ length: n }, (_, i) =>
    Math.max(3, ...rows.map((r) => oneLine(r[i] ?? "").length)),
  );
  const sum = longest.reduce((a, b) => a + Math.sqrt(b), 0);
  const room = total - 2 * (n - 1);
  return longest.map((l) => Math.max(4, Math.min(l, Math.floor((room * Math.sqrt(l)) / sum))));
}

/** Lines per page of the hard-wrapped form, about what pdftotext gives for an A4 page of 13-pt text. */
const PAGE_LINES = 48;

/**
 * Hard-wrapped lines as `pdftotext -layout` writes a PDF: paragraphs run on without blank lines,
 * the first line indented; table rows become as many lines as their tallest cell, columns padded
 * with spaces; pages end with a form feed, a row may continue on the next page, and a task table
 * repeats its header rows at the top of each page (Word's "repeat as header row").
 */
export function renderWrapped(doc: PlanDocument): string {
  const out: string[] = [];
  let onPage = 0;
  let repeat: string[] = [];
  const push = (line: string) => {
    if (onPage >= PAGE_LINES) {
      out.push("\f");
      onPage = 0;
      for (const h of repeat) {
        out.push(h);
        onPage++;
      }
    }
    out.push(line);
    onPage++;
  };
  const table = (rows: string[][], total: number, headerRows: number) => {
    const widths = columnWidths(rows, total);
    const lines = (r: string[]) => {
      const cells = widths.map((w, i) => wrap(r[i] ?? "", w));
      const height = Math.max(...cells.map((c) => c.length));
      return Array.from({ length: height }, (_, k) =>
        cells
          .map((c, i) => (c[k] ?? "").padEnd(widths[i]))
          .join("  ")
          .trimEnd(),
      );
    };
    const header = rows.slice(0, headerRows).flatMap(lines);
    header.forEach(push);
    repeat = header;
    for (const r of rows.slice(headerRows)) lines(r).forEach(push);
    repeat = [];
  };
  const centered = (l: string) => l.padStart(Math.floor((WIDTH + l.length) / 2));
  // The Decree 30 header: two columns, each line centred in its own (40 % | 60 %).
  const half = (text: string, width: number) =>
    text.padStart(Math.floor((width + text.length) / 2)).padEnd(width);
  for (const [left, right] of headerRows(doc.header))
    push(`${half(left, Math.round(WIDTH * 0.4))}${half(right, Math.round(WIDTH * 0.6))}`.trimEnd());
  push("");
  for (const b of doc.blocks) {
    if ("p" in b) {
      const heading = b.bold || /^[IVX]+\.\s/.test(b.p);
      const lines = wrap(b.center || heading ? b.p : `    ${b.p}`, WIDTH);
      for (const l of lines) push(b.center ? centered(l) : l);
    } else if ("pageBreak" in b) {
      out.push("\f");
      onPage = 0;
    } else {
      push("");
      table(
        textRows(b)!,
        "tasks" in b ? WIDTH + 50 : WIDTH,
        "tasks" in b ? 2 : "table" in b ? b.headerRows : 0,
      );
      push("");
    }
  }
  return `${out.join("\n")}\n`;
}

// --- PDF --------------------------------------------------------------------------------------------

function sofficeAvailable(): boolean {
  try {
    execFileSync("soffice", ["--version"], { stdio: "ignore", timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}

/** The .docx with every run in DejaVu Serif (a font Debian has with all Vietnamese letters). */
async function withFullFont(docx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  for (const name of ["word/document.xml", "word/styles.xml"]) {
    const file = zip.file(name);
    if (file) zip.file(name, (await file.async("string")).replaceAll("Times New Roman", "DejaVu Serif"));
  }
  return zip.generateAsync({ type: "nodebuffer" });
}

function convertToPdf(docxPath: string): boolean {
  // A private profile: a user's running LibreOffice must not block the conversion.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "chiso-soffice-"));
  try {
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        path.dirname(docxPath),
        docxPath,
      ],
      { stdio: "ignore", timeout: 180_000 },
    );
    return true;
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

async function main() {
  const only = process.argv.indexOf("--plan");
  const ids = only > 0 ? [process.argv[only + 1]] : planIds();
  fs.mkdirSync(FORMS_DIR, { recursive: true });
  const pdf = sofficeAvailable();
  if (!pdf)
    console.warn(
      "LibreOffice (soffice) không có trên máy này: bỏ qua tệp PDF; các tệp PDF đã lưu giữ nguyên.",
    );
  for (const id of ids) {
    const doc = readDocument(id);
    const docxPath = path.join(FORMS_DIR, `${id}.docx`);
    const docx = await renderDocx(doc);
    fs.writeFileSync(docxPath, docx);
    fs.writeFileSync(path.join(FORMS_DIR, `${id}.cells.txt`), renderCells(doc));
    fs.writeFileSync(path.join(FORMS_DIR, `${id}.wrapped.txt`), renderWrapped(doc));
    if (pdf) {
      convertToPdf(docxPath);
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "chiso-clean-"));
      const cleanDocx = path.join(tmp, `${id}.clean.docx`);
      fs.writeFileSync(cleanDocx, await withFullFont(docx));
      convertToPdf(cleanDocx);
      fs.copyFileSync(path.join(tmp, `${id}.clean.pdf`), path.join(FORMS_DIR, `${id}.clean.pdf`));
      fs.rmSync(tmp, { recursive: true, force: true });
    }
    console.log(`${id}: docx, cells, wrapped${pdf ? ", pdf, clean.pdf" : ""}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname))
  await main();
