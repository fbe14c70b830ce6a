/**
 * The consolidated report of a period as Word, in the layout of Decree 30/2020/NĐ-CP (issuer and motto,
 * place and date, title, sections, signature block, annex), and every entry of the period as Excel.
 */
import {
  AlignmentType,
  Document,
  Packer,
  PageOrientation,
  Table,
  TableCell,
  TableRow,
  WidthType,
} from "docx";
import ExcelJS from "exceljs";
import { UNIT_KIND_LABELS_VI, type UnitKind } from "../../../../../core/src/auth/roles";
import { ASSIGNMENT_STATUS_LABELS_VI, type AssignmentStatus } from "../../../../../core/src/plans/status";
import { ADMIN_LEVEL_LABELS_VI, type AdminLevel } from "../../../../../core/src/reporting/levels";
import { REPORT_STATE_LABELS_VI, type ReportState } from "../../../../../core/src/reporting/report-state";
import { formatDateVi } from "../../../../../core/src/text/dates";
import { decree30Date } from "../../../../../core/src/words/dates";
import { componentName, versionName } from "../../../../../core/src/words/indices";
import { formatNumber, formatPercent, formatRate } from "../../../../../core/src/words/numbers";
import { cell, FONT, noBorders, para, run } from "../../../app/docx-parts";
import { tableSheet, workbookBuffer } from "../../../app/xlsx";

function grid(headers: string[], widths: number[], rows: string[][]) {
  const cells = (texts: string[], bold: boolean) =>
    texts.map(
      (text, i) =>
        new TableCell({
          width: { size: widths[i], type: WidthType.PERCENTAGE },
          children: [
            para([run(text, { size: 24, bold })], {
              align: bold ? AlignmentType.CENTER : AlignmentType.LEFT,
              after: 0,
            }),
          ],
        }),
    );
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: cells(headers, true) }),
      ...rows.map((r) => new TableRow({ children: cells(r, false) })),
    ],
  });
}

const vnDate = (iso: string | null) => (iso ? formatDateVi(iso.slice(0, 10)) : "");
/** Rates and percentages by the one rule of core/src/words/numbers.ts: 3 of 500 is "0,6 %". */
const pct = (n: number, d: number) => formatRate(n, d);

type Rate = { expected: number; received: number; onTime: number };
/** Reports expected, sent and on time, one row per group and a total. */
function rateGrid(groupTitle: string, groups: Array<Rate & { label: string }>, totals: Rate) {
  const row = (label: string, r: Rate) => [
    label,
    String(r.expected),
    String(r.received),
    String(r.onTime),
    pct(r.onTime, r.expected),
  ];
  return grid(
    [groupTitle, "Phải báo cáo", "Đã gửi", "Đúng hạn", "Tỷ lệ đúng hạn"],
    [36, 16, 16, 16, 16],
    [...groups.map((g) => row(g.label, g)), row("Tổng cộng", totals)],
  );
}

export interface ConsolidatedData {
  issuer: string;
  planTitle: string;
  obligationTitle: string;
  periodLabel: string;
  dueDate: string | null;
  today: string;
  narrative: string | null;
  totals: { expected: number; received: number; onTime: number };
  byKind: Array<{ unitKind: string; expected: number; received: number; onTime: number }>;
  byLevel: Array<{ level: AdminLevel; expected: number; received: number; onTime: number }>;
  taskStatus: Record<AssignmentStatus, number>;
  components: Array<{
    versionCode: string;
    componentCode: string;
    /** The component's name in the catalogue; empty when the catalogue has none. */
    nameVi: string;
    tasks: number;
    meanProgress: number;
    completed: number;
  }>;
  units: Array<{
    unitName: string;
    unitKind: string;
    state: string;
    dueDate: string;
    firstSubmittedAt: string | null;
  }>;
  overdueTasks: Array<{
    number: string;
    content: string;
    unitName: string;
    dueDate: string | null;
    progress: number;
  }>;
}

/** The default narrative: what the figures say, for the coordinator to edit before export. */
export function defaultNarrative(d: Pick<ConsolidatedData, "totals" | "taskStatus" | "periodLabel">) {
  const t = d.totals;
  const s = d.taskStatus;
  const total = Object.values(s).reduce((a, b) => a + b, 0);
  return [
    `${d.periodLabel}: ${t.received}/${t.expected} đơn vị đã gửi báo cáo (${pct(t.received, t.expected)}), trong đó ${t.onTime} đơn vị gửi đúng hạn (${pct(t.onTime, t.expected)}).`,
    `Trong ${total} lượt nhiệm vụ được giao: hoàn thành đúng hạn ${s.completedOnTime}, hoàn thành quá hạn ${s.completedLate}, đang thực hiện trong hạn ${s.inProgress}, chưa thực hiện ${s.notStarted}, quá hạn ${s.overdue}.`,
  ].join("\n");
}

export async function consolidatedDocx(d: ConsolidatedData): Promise<Buffer> {
  const header = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: noBorders,
    rows: [
      new TableRow({
        children: [
          cell(
            [
              para([run(d.issuer.toUpperCase(), { bold: true, size: 26 })], {
                align: AlignmentType.CENTER,
                after: 0,
              }),
              para([run("Số: ……/BC-……", { size: 26 })], { align: AlignmentType.CENTER }),
            ],
            40,
          ),
          cell(
            [
              para([run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { bold: true, size: 26 })], {
                align: AlignmentType.CENTER,
                after: 0,
              }),
              para([run("Độc lập - Tự do - Hạnh phúc", { bold: true, underline: true })], {
                align: AlignmentType.CENTER,
              }),
              para([run(`……, ${decree30Date(d.today)}`, { italics: true })], {
                align: AlignmentType.CENTER,
              }),
            ],
            60,
          ),
        ],
      }),
    ],
  });
  const narrative = (d.narrative?.trim() || defaultNarrative(d)).split(/\n+/);
  const statusRows = (Object.keys(ASSIGNMENT_STATUS_LABELS_VI) as AssignmentStatus[]).map((s) => [
    ASSIGNMENT_STATUS_LABELS_VI[s],
    String(d.taskStatus[s] ?? 0),
  ]);
  const body = [
    para([run("BÁO CÁO", { bold: true })], { align: AlignmentType.CENTER, after: 0 }),
    para([run(`Kết quả thực hiện ${d.planTitle}`, { bold: true })], {
      align: AlignmentType.CENTER,
      after: 0,
    }),
    para([run(`${d.obligationTitle} - ${d.periodLabel}`, { bold: true })], {
      align: AlignmentType.CENTER,
      after: 240,
    }),
    para([run("I. TÌNH HÌNH BÁO CÁO VÀ KẾT QUẢ CHUNG", { bold: true })]),
    ...narrative.map((l) => para([run(l.trim())], { indent: true })),
    para([run("1. Tình hình gửi báo cáo theo cấp hành chính", { bold: true, italics: true })]),
    rateGrid(
      "Cấp",
      d.byLevel.map((l) => ({ ...l, label: ADMIN_LEVEL_LABELS_VI[l.level] })),
      d.totals,
    ),
    para([run("")]),
    para([run("Theo loại đơn vị", { italics: true })]),
    rateGrid(
      "Loại đơn vị",
      d.byKind.map((k) => ({ ...k, label: UNIT_KIND_LABELS_VI[k.unitKind as UnitKind] ?? k.unitKind })),
      d.totals,
    ),
    para([run("")]),
    para([run("2. Tình trạng thực hiện nhiệm vụ", { bold: true, italics: true })]),
    grid(["Tình trạng", "Số lượt nhiệm vụ"], [70, 30], statusRows),
    para([run("")]),
    para([run("II. KẾT QUẢ THEO CHỈ SỐ THÀNH PHẦN", { bold: true })]),
    grid(
      ["Bộ chỉ số", "Chỉ số thành phần", "Số nhiệm vụ", "Tiến độ bình quân", "Lượt hoàn thành"],
      [18, 34, 16, 16, 16],
      d.components.map((c) => [
        versionName(c.versionCode),
        c.nameVi || componentName(c.versionCode, c.componentCode) || "",
        String(c.tasks),
        formatPercent(c.meanProgress),
        String(c.completed),
      ]),
    ),
    para([run("")]),
    para([run("III. TÌNH HÌNH BÁO CÁO CỦA TỪNG ĐƠN VỊ", { bold: true })]),
    grid(
      ["TT", "Đơn vị", "Trạng thái", "Hạn", "Ngày gửi"],
      [6, 44, 20, 15, 15],
      d.units.map((u, i) => [
        String(i + 1),
        u.unitName,
        REPORT_STATE_LABELS_VI[u.state as ReportState] ?? u.state,
        vnDate(u.dueDate),
        vnDate(u.firstSubmittedAt),
      ]),
    ),
  ];
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
              para([run("- Như trên;", { size: 22 })], { align: AlignmentType.LEFT, after: 0 }),
              para([run("- Lưu: VT.", { size: 22 })], { align: AlignmentType.LEFT, after: 0 }),
            ],
            50,
          ),
          cell(
            [
              para([run("THỦ TRƯỞNG CƠ QUAN", { bold: true })], { align: AlignmentType.CENTER, after: 1200 }),
              para([run("")], { align: AlignmentType.CENTER }),
            ],
            50,
          ),
        ],
      }),
    ],
  });
  const annex = grid(
    ["TT", "Nhiệm vụ", "Đơn vị thực hiện", "Thời hạn", "Tiến độ"],
    [6, 50, 24, 10, 10],
    d.overdueTasks.map((t, i) => [
      String(i + 1),
      `${t.number ? `${t.number}. ` : ""}${t.content}`,
      t.unitName,
      vnDate(t.dueDate),
      formatPercent(t.progress),
    ]),
  );
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
          para([run(`Danh mục nhiệm vụ quá hạn - ${d.periodLabel}`, { bold: true })], {
            align: AlignmentType.CENTER,
            after: 240,
          }),
          annex,
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

export interface EntryExportRow {
  unitName: string;
  unitKind: string;
  reportState: string;
  taskNumber: string;
  taskContent: string;
  role: string;
  dueDate: string | null;
  status: string;
  progress: number;
  narrative: string;
  figures: Array<{ measure: string; value: number | null }>;
  completedAt: string | null;
}

/** Every entry of a period, one row each, for analysis in Excel. */
export async function entriesXlsx({
  title,
  rows,
}: {
  title: string;
  rows: EntryExportRow[];
}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  tableSheet(wb, {
    name: "Báo cáo",
    title,
    rows,
    columns: [
      { header: "Đơn vị", width: 30, value: (r) => r.unitName },
      {
        header: "Loại đơn vị",
        width: 18,
        value: (r) => UNIT_KIND_LABELS_VI[r.unitKind as UnitKind] ?? r.unitKind,
      },
      {
        header: "Trạng thái báo cáo",
        width: 16,
        value: (r) => REPORT_STATE_LABELS_VI[r.reportState as ReportState] ?? r.reportState,
      },
      { header: "Số TT nhiệm vụ", width: 10, value: (r) => r.taskNumber },
      { header: "Nhiệm vụ", width: 60, value: (r) => r.taskContent },
      { header: "Vai trò", width: 10, value: (r) => (r.role === "lead" ? "Chủ trì" : "Phối hợp") },
      { header: "Thời hạn", width: 12, kind: "date", value: (r) => r.dueDate },
      {
        header: "Tình trạng",
        width: 22,
        value: (r) => ASSIGNMENT_STATUS_LABELS_VI[r.status as AssignmentStatus] ?? r.status,
      },
      { header: "Tiến độ", width: 10, kind: "percent", value: (r) => r.progress },
      { header: "Kết quả thực hiện", width: 60, value: (r) => r.narrative },
      {
        header: "Số liệu",
        width: 30,
        value: (r) =>
          r.figures.map((f) => `${f.measure}: ${f.value == null ? "" : formatNumber(f.value)}`).join("; "),
      },
      { header: "Ngày hoàn thành", width: 14, kind: "date", value: (r) => r.completedAt },
    ],
  });
  return workbookBuffer(wb);
}
