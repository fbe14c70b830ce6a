/**
 * Excel and Word: the task table to XLSX (exceljs) and back (column mapping, preview, merged cells), and
 * the plan to DOCX (docx) in the layout of Decree 30/2020/NĐ-CP: motto, issuer and number, place and
 * date, title, body, signature block, and the appendix table with the columns of seed 003 Appendix 2.
 */
import {
  AlignmentType,
  Document,
  Packer,
  PageOrientation,
  type Paragraph,
  Table,
  TableCell,
  TableRow,
  WidthType,
} from "docx";
import ExcelJS from "exceljs";
import { deadlineToJson } from "../../../../core/src/deadlines";
import { depthOfNumber, numberStyleOf } from "../../../../core/src/plans/numbering";
import { formatDateVi } from "../../../../core/src/text/dates";
import { foldForMatch } from "../../../../core/src/text/vietnamese";
import { decree30Date } from "../../../../core/src/words/dates";
import type { DbOrTx } from "../../app/db";
import { cell, FONT, noBorders, para, run } from "../../app/docx-parts";
import { tableSheet, workbookBuffer } from "../../app/xlsx";
import { readTaskWorkbook } from "../documents-in/task-workbook";
import type { PlanWithOwner } from "./plans.repository";
import { planIssued } from "./plans.service";
import { type getTaskGrid, matchParticipantNames, parseTaskDeadline } from "./tasks/tasks.service";

export { XLSX_TYPE } from "../../app/xlsx";
export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
export const TABLE_HEADERS = [
  "STT",
  "Nhiệm vụ",
  "Cơ quan chủ trì",
  "Cơ quan phối hợp",
  "Kết quả/sản phẩm",
  "Thời gian hoàn thành",
  "Ghi chú",
];

type Grid = Awaited<ReturnType<typeof getTaskGrid>>;
const names = (ps: Grid["rows"][number]["leads"]) => ps.map((p) => p.name).join("; ");

/**
 * The task table as one sheet: the columns of the plan's appendix, sections in bold. The deadline
 * stays the plan's own words ("Quý IV/2026", "Thường xuyên"): it is what the import reads back.
 */
export async function taskTableXlsx({ plan, grid }: { plan: PlanWithOwner; grid: Grid }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  type Row = Grid["rows"][number];
  const values: Array<(r: Row) => string | null> = [
    (r) => r.number,
    (r) => r.content,
    (r) => names(r.leads),
    (r) => names(r.coordinators),
    (r) => r.expectedOutput,
    (r) => r.deadlineText,
    (r) => r.reportingNote,
  ];
  const widths = [8, 60, 30, 30, 40, 22, 30];
  const { rows } = tableSheet(workbook, {
    name: "Nhiệm vụ",
    title: `${plan.number ? `Kế hoạch số ${plan.number}: ` : ""}${plan.title}`,
    columns: TABLE_HEADERS.map((header, i) => ({ header, width: widths[i], value: values[i] })),
    rows: grid.rows,
  });
  grid.rows.forEach((r, i) => {
    if (r.kind === "section") rows[i].font = { bold: true };
  });
  return workbookBuffer(workbook);
}

const HEADER_PATTERNS: Record<string, RegExp> = {
  number: /^(stt|tt|so tt|so thu tu)$/,
  content: /(nhiem vu|noi dung|giai phap)/,
  lead: /chu tri/,
  coordinating: /phoi hop/,
  expectedOutput: /(ket qua|san pham)/,
  deadline: /(thoi gian|thoi han|tien do)/,
  note: /(ghi chu|bao cao)/,
};

const cellText = (cell: { value: unknown }): string => {
  const v = cell.value as unknown;
  if (v == null) return "";
  if (typeof v === "object") {
    const o = v as { richText?: Array<{ text: string }>; text?: string; result?: unknown };
    if (o.richText)
      return o.richText
        .map((t) => t.text)
        .join("")
        .trim();
    if (o.text) return String(o.text).trim();
    if (o.result != null) return String(o.result).trim();
    // An ExcelJS date cell is midnight UTC of the day it shows: its UTC day is that day (no clock here).
    if (v instanceof Date) return v.toISOString().slice(0, 10).split("-").reverse().join("/");
  }
  return String(v).trim();
};

const colLetter = (n: number) => {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};
const colNumber = (letters: string) =>
  [...letters.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);

const stripBullet = (s: string) =>
  s
    .replace(/^[-–•+\s]+/, "")
    .replace(/[.;,\s]+$/, "")
    .trim();

/**
 * Splits a cell of names: "- Sở Nội vụ; - Sở Kế hoạch và Đầu tư" → two names, "Các sở, ban, ngành"
 * stays whole. A piece with " - " inside is either one name ("Sở Lao động - Thương binh và Xã hội")
 * or bullets written on one line ("- Các sở, ban, ngành - UBND các huyện"): `isName` decides.
 */
export function splitNames(text: string, isName: (name: string) => boolean = () => false): string[] {
  return text
    .split(/[;\n]+/)
    .map(stripBullet)
    .filter((s) => s.length > 1)
    .flatMap((piece) => {
      const parts = piece
        .split(/\s+[-–]\s+/)
        .map(stripBullet)
        .filter((s) => s.length > 1);
      return parts.length > 1 && !isName(piece) ? parts : [piece];
    });
}

/** Every name a cell might hold, whole pieces and their parts, to match in one pass. */
const candidateNames = (text: string) =>
  text
    .split(/[;\n]+/)
    .map(stripBullet)
    .flatMap((piece) => [piece, ...piece.split(/\s+[-–]\s+/).map(stripBullet)])
    .filter((s) => s.length > 1);

export interface ImportOptions {
  sheet?: string;
  headerRow?: number;
  columns?: string;
}

/** Reads a task table from XLSX into preview rows (nothing written). */
export async function readTaskTable({
  db,
  plan,
  data,
  options,
}: {
  db: DbOrTx;
  plan: PlanWithOwner;
  data: Uint8Array;
  options: ImportOptions;
}) {
  const problems: Array<{ row: number | null; column: string | null; message: string }> = [];
  const workbook = await readTaskWorkbook(data);
  if ("fatal" in workbook) return { fatal: workbook.fatal };
  const sheets = workbook.worksheets.map((w) => w.name);
  const sheet = options.sheet ? workbook.getWorksheet(options.sheet) : workbook.worksheets[0];
  if (!sheet) return { fatal: `Không có trang tính “${options.sheet ?? ""}”.` as const };
  // Headers: the first row (of the first 20) naming the task column; a second header row under it
  // ("CHỦ TRÌ | PHỐI HỢP" under a merged "PHÂN CÔNG THỰC HIỆN") is read together with it.
  let headerRow = options.headerRow ?? 0;
  if (!headerRow)
    for (let r = 1; r <= Math.min(20, sheet.rowCount); r++) {
      const row = sheet.getRow(r);
      const texts = Array.from({ length: sheet.columnCount }, (_, i) =>
        foldForMatch(cellText(row.getCell(i + 1))),
      );
      // The header row names the task column and at least one other cell (a title above the table
      // may say "Nhiệm vụ, giải pháp…" too).
      const headerCells = texts.filter((t) => Object.values(HEADER_PATTERNS).some((re) => re.test(t))).length;
      if (texts.some((t) => HEADER_PATTERNS.content.test(t)) && headerCells >= 2) {
        headerRow = r;
        break;
      }
    }
  if (!headerRow)
    return { fatal: "Không tìm thấy dòng tiêu đề (cần cột “Nội dung” hoặc “Nhiệm vụ”)." as const };
  const width = sheet.columnCount;
  const headers: Array<{ column: string; text: string }> = [];
  const sub = sheet.getRow(headerRow + 1);
  const subIsHeader = Array.from({ length: width }, (_, i) =>
    foldForMatch(cellText(sub.getCell(i + 1))),
  ).some((t) => /chu tri|phoi hop/.test(t));
  for (let c = 1; c <= width; c++) {
    const top = cellText(sheet.getRow(headerRow).getCell(c));
    const below = subIsHeader ? cellText(sub.getCell(c)) : "";
    headers.push({ column: colLetter(c), text: below && below !== top ? below : top });
  }
  const mapping: Record<string, string> = {};
  if (options.columns)
    for (const pair of options.columns.split(","))
      mapping[pair.split(":")[0]] = pair.split(":")[1].toUpperCase();
  else
    for (const [field, re] of Object.entries(HEADER_PATTERNS))
      for (const h of headers)
        if (!mapping[field] && !Object.values(mapping).includes(h.column) && re.test(foldForMatch(h.text)))
          mapping[field] = h.column;
  for (const field of ["content"])
    if (!mapping[field])
      problems.push({ row: headerRow, column: null, message: "Thiếu cột bắt buộc “Nội dung / Nhiệm vụ”." });
  for (const field of ["lead", "deadline"])
    if (!mapping[field])
      problems.push({
        row: headerRow,
        column: null,
        message: `Không thấy cột “${field === "lead" ? "Chủ trì" : "Thời gian hoàn thành"}”; hãy chọn cột ở bước ánh xạ.`,
      });
  const issued = planIssued(plan);
  const raw: Array<{
    row: number;
    number: string;
    content: string;
    lead: string;
    coordinating: string;
    expectedOutput: string;
    deadline: string;
    note: string;
  }> = [];
  const first = headerRow + (subIsHeader ? 2 : 1);
  for (let r = first; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const get = (field: string, inherit: boolean) => {
      const col = mapping[field];
      if (!col) return "";
      const cell = row.getCell(colNumber(col));
      // A cell merged down over several rows: its words belong to each (leads, deadlines), but the
      // number and content belong to the first row only.
      if (cell.isMerged && cell.master.address !== cell.address)
        return inherit && cell.master.row !== cell.row ? cellText(cell.master) : "";
      return cellText(cell);
    };
    const item = {
      row: r,
      number: get("number", false),
      content: get("content", false),
      lead: get("lead", true),
      coordinating: get("coordinating", true),
      expectedOutput: get("expectedOutput", false),
      deadline: get("deadline", true),
      note: get("note", true),
    };
    if (!item.content && !item.number) continue;
    if (/^(stt|tt)$/i.test(item.number) || /^\(?\d+\)?$/.test(item.content)) continue;
    if (!item.content) {
      problems.push({
        row: r,
        column: mapping.content ?? null,
        message: `Dòng ${r} có số thứ tự “${item.number}” nhưng không có nội dung.`,
      });
      continue;
    }
    raw.push(item);
  }
  const matched = await matchParticipantNames({
    db,
    provinceId: plan.provinceId,
    names: raw.flatMap((r) => [...candidateNames(r.lead), ...candidateNames(r.coordinating)]),
    at: issued,
  });
  const participant = (role: "lead" | "coordinating") => (name: string) => {
    const m = matched.get(name);
    return {
      role,
      unitId: m?.unitId ?? null,
      groupId: m?.groupId ?? null,
      name: m?.name ?? name,
      matched: !!m,
      partner: m?.kind === "partnerOrg",
    };
  };
  let lastDepth = 0;
  const rows = raw.map((r) => {
    const style = numberStyleOf(r.number);
    const section = style === "roman" && !r.lead;
    const depth = section ? 0 : (depthOfNumber(r.number) ?? Math.max(lastDepth, 1));
    lastDepth = depth;
    const { deadline } = parseTaskDeadline(r.deadline, issued);
    const isName = (n: string) => matched.has(n);
    const leads = splitNames(r.lead, isName).map(participant("lead"));
    const coordinators = splitNames(r.coordinating, isName).map(participant("coordinating"));
    if (!section) {
      for (const p of [...leads, ...coordinators].filter((x) => !x.matched))
        problems.push({
          row: r.row,
          column: mapping[p.role === "lead" ? "lead" : "coordinating"] ?? null,
          message: `Dòng ${r.row}: chưa khớp “${p.name}” với đơn vị hoặc nhóm nào.`,
        });
      if (r.deadline && deadline.kind === "unknown")
        problems.push({
          row: r.row,
          column: mapping.deadline ?? null,
          message: `Dòng ${r.row}: thời hạn “${r.deadline}” chưa hiểu được (${deadline.problem}).`,
        });
    }
    return {
      row: r.row,
      kind: (section ? "section" : "task") as "section" | "task",
      number: r.number,
      depth,
      content: r.content,
      expectedOutput: r.expectedOutput,
      deadlineText: r.deadline,
      deadline: deadlineToJson(deadline),
      note: r.note,
      leads,
      coordinators,
    };
  });
  return { sheet: sheet.name, sheets, headerRow, headers, mapping, rows, problems };
}

/** Preview rows as grid input: parents found from depths, participants by id or by words. */
export function previewToRows(
  rows: Array<{
    kind: "section" | "task";
    number: string;
    depth: number;
    content: string;
    expectedOutput: string;
    deadlineText: string;
    note: string;
    leads: Array<{ unitId: string | null; groupId: string | null; name: string }>;
    coordinators: Array<{ unitId: string | null; groupId: string | null; name: string }>;
  }>,
) {
  const stack: Array<{ depth: number; key: string }> = [];
  const ref = (p: { unitId: string | null; groupId: string | null; name: string }) =>
    p.unitId ? { unitId: p.unitId } : p.groupId ? { groupId: p.groupId } : { name: p.name };
  return rows.map((r, i) => {
    while (stack.length && stack[stack.length - 1].depth >= r.depth) stack.pop();
    const key = `r${i}`;
    const parentKey = stack.length ? stack[stack.length - 1].key : null;
    stack.push({ depth: r.depth, key });
    return {
      key,
      parentKey,
      kind: r.kind,
      number: r.number,
      content: r.content,
      expectedOutput: r.expectedOutput,
      deadlineText: r.deadlineText,
      reportingNote: r.note,
      leads: r.leads.map(ref),
      coordinators: r.coordinators.map(ref),
    };
  });
}

// ——— Word ———

function placeAndDate(plan: PlanWithOwner) {
  const place =
    plan.place || plan.issuerName.replace(/^(Ủy ban nhân dân|UBND)\s+(tỉnh|thành phố)?\s*/i, "") || "……";
  if (!plan.issuedDate) return `${place}, ngày …… tháng …… năm ……`;
  return decree30Date(plan.issuedDate, place);
}

const KIND_TITLE: Record<string, string> = {
  plan: "KẾ HOẠCH",
  actionProgram: "CHƯƠNG TRÌNH HÀNH ĐỘNG",
  decision: "QUYẾT ĐỊNH",
  conclusionNotice: "THÔNG BÁO KẾT LUẬN",
  directive: "CHỈ THỊ",
  other: "VĂN BẢN",
};

/** The plan as a Word document in the administrative layout; the task table as its appendix. */
export async function planDocx({ plan, grid }: { plan: PlanWithOwner; grid: Grid }): Promise<Buffer> {
  const issuer = (plan.issuerName || plan.ownerUnitName).toUpperCase();
  const header = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: noBorders,
    rows: [
      new TableRow({
        children: [
          cell(
            [
              para([run(issuer, { bold: true, size: 26 })], { align: AlignmentType.CENTER, after: 0 }),
              para([run(`Số: ${plan.number || "……"}`, { size: 26 })], { align: AlignmentType.CENTER }),
            ],
            40,
          ),
          cell(
            [
              para([run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { bold: true, size: 26 })], {
                align: AlignmentType.CENTER,
                after: 0,
              }),
              para([run("Độc lập - Tự do - Hạnh phúc", { bold: true, size: 28, underline: true })], {
                align: AlignmentType.CENTER,
              }),
              para([run(placeAndDate(plan), { italics: true })], { align: AlignmentType.CENTER }),
            ],
            60,
          ),
        ],
      }),
    ],
  });
  const body: Paragraph[] = [
    para([run(KIND_TITLE[plan.kind] ?? "KẾ HOẠCH", { bold: true })], {
      align: AlignmentType.CENTER,
      after: 0,
    }),
    para([run(plan.title, { bold: true })], { align: AlignmentType.CENTER, after: 240 }),
    ...plan.legalBases.map((b, i) =>
      para(
        [
          run(`Căn cứ ${b.replace(/^căn cứ\s+/i, "")}${i === plan.legalBases.length - 1 ? ";" : ";"}`, {
            italics: true,
          }),
        ],
        { indent: true },
      ),
    ),
  ];
  const section = (title: string, text: string) =>
    text.trim()
      ? [
          para([run(title, { bold: true })]),
          ...text.split(/\n+/).map((l) => para([run(l.trim())], { indent: true })),
        ]
      : [];
  body.push(...section("I. MỤC ĐÍCH, YÊU CẦU", plan.objectives));
  body.push(
    para([run("II. NHIỆM VỤ, GIẢI PHÁP", { bold: true })]),
    para([run("Các nhiệm vụ, giải pháp cụ thể tại Phụ lục kèm theo Kế hoạch này.")], { indent: true }),
  );
  body.push(...section("III. TỔ CHỨC THỰC HIỆN", plan.implementation));
  const signature = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: noBorders,
    rows: [
      new TableRow({
        children: [
          cell(
            [
              para([run("Nơi nhận:", { bold: true, italics: true, size: 24 })], {
                align: AlignmentType.LEFT,
                after: 0,
              }),
              ...(plan.recipients.length ? plan.recipients : ["Như trên;", "Lưu: VT."]).map((r) =>
                para([run(`- ${r}`, { size: 22 })], { align: AlignmentType.LEFT, after: 0 }),
              ),
            ],
            50,
          ),
          cell(
            [
              para([run(plan.signerAuthority || "TM. ỦY BAN NHÂN DÂN", { bold: true })], {
                align: AlignmentType.CENTER,
                after: 0,
              }),
              para([run(plan.signerTitle || "CHỦ TỊCH", { bold: true })], {
                align: AlignmentType.CENTER,
                after: 1200,
              }),
              para([run(plan.signerName, { bold: true })], { align: AlignmentType.CENTER }),
            ],
            50,
          ),
        ],
      }),
    ],
  });
  const headerCells = TABLE_HEADERS.slice(0, 6).map(
    (h) =>
      new TableCell({
        children: [para([run(h, { bold: true, size: 24 })], { align: AlignmentType.CENTER, after: 0 })],
      }),
  );
  const widths = [6, 34, 15, 15, 18, 12];
  const appendix = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headerCells }),
      ...grid.rows.map(
        (r) =>
          new TableRow({
            children: [
              r.number,
              r.content,
              names(r.leads),
              names(r.coordinators),
              r.expectedOutput,
              r.deadlineText,
            ].map(
              (text, i) =>
                new TableCell({
                  width: { size: widths[i], type: WidthType.PERCENTAGE },
                  children: [
                    para([run(text, { size: 24, bold: r.kind === "section" })], {
                      align: i === 0 ? AlignmentType.CENTER : AlignmentType.LEFT,
                      after: 0,
                    }),
                  ],
                }),
            ),
          }),
      ),
    ],
  });
  const doc = new Document({
    styles: { default: { document: { run: { font: FONT, size: 28 } } } },
    sections: [
      {
        properties: { page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } },
        children: [header, para([run("")]), ...body, para([run("")]), signature],
      },
      {
        properties: {
          page: {
            size: { orientation: PageOrientation.LANDSCAPE },
            margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 },
          },
        },
        children: [
          para([run("PHỤ LỤC", { bold: true })], { align: AlignmentType.CENTER, after: 0 }),
          para(
            [
              run(
                `Nhiệm vụ, giải pháp thực hiện ${plan.title.charAt(0).toLowerCase()}${plan.title.slice(1)}`,
                { bold: true },
              ),
            ],
            { align: AlignmentType.CENTER, after: 0 },
          ),
          para(
            [
              run(
                `(Ban hành kèm theo Kế hoạch số ${plan.number || "……"}${plan.issuedDate ? ` ngày ${formatDateVi(plan.issuedDate)}` : ""} của ${plan.issuerName || plan.ownerUnitName})`,
                { italics: true },
              ),
            ],
            { align: AlignmentType.CENTER, after: 240 },
          ),
          appendix,
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
