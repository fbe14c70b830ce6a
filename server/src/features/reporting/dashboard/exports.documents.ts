/**
 * The consolidated report of a period as Word, in the layout of Decree 30/2020/NĐ-CP (issuer and motto,
 * place and date, title, sections, signature block, annex), and every entry of the period as Excel.
 */
import {
  AlignmentType,
  Document,
  Packer,
  PageOrientation,
  type Paragraph,
  Table,
  TableRow,
  WidthType,
} from "docx";
import ExcelJS from "exceljs";
import { UNIT_KIND_LABELS_VI, type UnitKind } from "../../../../../core/src/auth/roles";
import { ASSIGNMENT_STATUS_LABELS_VI, type AssignmentStatus } from "../../../../../core/src/plans/status";
import { ADMIN_LEVEL_LABELS_VI, type AdminLevel } from "../../../../../core/src/reporting/levels";
import {
  RECEIVED_STATES,
  REPORT_STATE_LABELS_VI,
  type ReportState,
} from "../../../../../core/src/reporting/report-state";
import { formatDateVi } from "../../../../../core/src/text/dates";
import { decree30Date } from "../../../../../core/src/words/dates";
import { componentName, versionName } from "../../../../../core/src/words/indices";
import { formatNumber, formatPercent, formatRate } from "../../../../../core/src/words/numbers";
import { cell, FONT, grid, noBorders, para, run } from "../../../app/docx-parts";
import { tableSheet, workbookBuffer } from "../../../app/xlsx";
import { addAnswersSheet, answersSection, type QuestionAnswers } from "./answers.export";
import type { UnitNarrativeRow, UnitReportWordsRow } from "./dashboard.repository";
import type { FollowUpFacts } from "./follow-up.facts";
import { type FollowUpTexts, followUpSection } from "./follow-up.section";

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
  /** The issuer's header lines (core/src/words/letterhead.ts): parent authority above the unit. */
  letterhead: { above: string | null; issuer: string };
  /** The place before the date ("Gia Lai"), "……" when unknown. */
  place: string;
  /** "Kính gửi": whom the report is addressed to; none at the top of the tree. */
  recipient: string | null;
  signer: { onBehalf: string | null; title: string; name: string | null };
  /** What the units wrote in the reports they sent (dashboard.repository.ts `unitWords`). */
  unitWords: { narratives: UnitNarrativeRow[]; reports: UnitReportWordsRow[] };
  planTitle: string;
  obligationTitle: string;
  periodLabel: string;
  dueDate: string | null;
  today: string;
  narrative: string | null;
  /**
   * The coordinator's words before sections II, III, IV, instead of V's computed sentence, and instead
   * of VI's computed text of each follow-up register.
   */
  sections?: {
    tasks?: string;
    units?: string;
    figures?: string;
    reporting?: string;
  } & Partial<FollowUpTexts>;
  /** "Nơi nhận" lines; the recipient and "Lưu: VT." when absent. */
  copies?: string[] | null;
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
  /** An ad hoc request's questions and the units' answers (answers.export.ts); none: no section. */
  questionAnswers?: QuestionAnswers | null;
  /** Inspections, dialogues and initiatives over the period (follow-up.facts.ts); none: no section. */
  followUp?: FollowUpFacts | null;
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

/** V's first sentence: which units did not send their report. */
export function reportingSummary(d: Pick<ConsolidatedData, "units">) {
  const received = new Set<string>(RECEIVED_STATES);
  const missing = d.units.filter((u) => !received.has(u.state)).map((u) => u.unitName);
  return missing.length
    ? `Các đơn vị chưa gửi báo cáo (${missing.length}): ${missing.join(", ")}.`
    : "Tất cả các đơn vị đã gửi báo cáo.";
}

/** "Nơi nhận" as the report would write it: the addressee, then the archive. */
export const defaultCopies = (recipient: string | null) => [...(recipient ? [recipient] : []), "Lưu: VT."];

/** A text the unit wrote, as paragraphs: the unit's name in bold before its first line. */
function unitParagraphs(unitName: string, text: string) {
  const lines = text
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.map((l, i) =>
    para(i === 0 ? [run(`- ${unitName}: `, { bold: true }), run(l)] : [run(l)], { indent: true }),
  );
}

const numbered = (number: string, text: string) => (number ? `${number}. ${text}` : text);

/** Per section and task, in plan order, what each unit wrote of its work in the period. */
function taskWords(rows: UnitNarrativeRow[]) {
  if (rows.length === 0)
    return [
      para([run("Các đơn vị chưa nêu kết quả thực hiện nhiệm vụ trong kỳ.", { italics: true })], {
        indent: true,
      }),
    ];
  const out: Paragraph[] = [];
  let section: string | null | undefined;
  let task: string | undefined;
  for (const r of rows) {
    if (r.sectionId !== section) {
      section = r.sectionId;
      if (r.sectionId)
        out.push(para([run(numbered(r.sectionNumber, r.sectionTitle), { bold: true, italics: true })]));
    }
    if (r.taskId !== task) {
      task = r.taskId;
      out.push(para([run(numbered(r.taskNumber, r.taskContent), { italics: true })]));
    }
    out.push(...unitParagraphs(r.unitName, r.narrative));
  }
  return out;
}

/** Each unit's results, difficulties and proposals, the empty parts left out. */
function reportWords(rows: UnitReportWordsRow[]) {
  if (rows.length === 0)
    return [
      para([run("Các đơn vị chưa nêu kết quả, khó khăn, đề xuất trong kỳ.", { italics: true })], {
        indent: true,
      }),
    ];
  const parts = [
    ["results", "Kết quả đạt được"],
    ["difficulties", "Khó khăn, vướng mắc"],
    ["proposals", "Đề xuất, kiến nghị"],
  ] as const;
  return rows.flatMap((r) => [
    para([run(r.unitName, { bold: true })]),
    ...parts.filter(([key]) => r[key]).flatMap(([key, label]) => unitParagraphs(label, r[key])),
  ]);
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
              ...(d.letterhead.above
                ? [para([run(d.letterhead.above, { size: 26 })], { align: AlignmentType.CENTER, after: 0 })]
                : []),
              para([run(d.letterhead.issuer, { bold: true, size: 26 })], {
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
              para([run(`${d.place}, ${decree30Date(d.today)}`, { italics: true })], {
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
  // The coordinator's own paragraphs, one a line; none when the section's text is empty.
  const lead = (text: string | undefined) =>
    (text ?? "")
      .split(/\n+/)
      .map((l) => l.trim())
      .filter(Boolean)
      .map((l) => para([run(l)], { indent: true }));
  const heading = (text: string) => para([run(text, { bold: true })]);
  const subheading = (text: string) => para([run(text, { bold: true, italics: true })]);
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
    ...(d.recipient
      ? [para([run(`Kính gửi: ${d.recipient}.`)], { align: AlignmentType.CENTER, after: 240 })]
      : []),
    heading("I. TÌNH HÌNH CHUNG"),
    ...narrative.map((l) => para([run(l.trim())], { indent: true })),
    heading("II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ"),
    ...lead(d.sections?.tasks),
    ...taskWords(d.unitWords.narratives),
    heading("III. KẾT QUẢ, KHÓ KHĂN, ĐỀ XUẤT CỦA CÁC ĐƠN VỊ"),
    ...lead(d.sections?.units),
    ...reportWords(d.unitWords.reports),
    heading("IV. SỐ LIỆU TỔNG HỢP"),
    ...lead(d.sections?.figures),
    subheading("1. Tình hình gửi báo cáo theo cấp hành chính"),
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
    subheading("2. Tình trạng thực hiện nhiệm vụ"),
    grid(["Tình trạng", "Số lượt nhiệm vụ"], [70, 30], statusRows),
    para([run("")]),
    subheading("3. Kết quả theo chỉ số thành phần"),
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
    heading("V. TÌNH HÌNH BÁO CÁO CỦA TỪNG ĐƠN VỊ"),
    ...(d.sections?.reporting?.trim() ? lead(d.sections.reporting) : lead(reportingSummary(d))),
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
    ...(d.followUp
      ? followUpSection(
          d.followUp,
          "VI. CÔNG TÁC KIỂM TRA, ĐỐI THOẠI VÀ SÁNG KIẾN CẢI CÁCH HÀNH CHÍNH",
          d.sections,
        )
      : []),
    ...answersSection(
      d.questionAnswers,
      `${d.followUp ? "VII" : "VI"}. TRẢ LỜI CÁC CÂU HỎI CỦA YÊU CẦU BÁO CÁO`,
    ),
  ];
  const small = (text: string) => para([run(text, { size: 22 })], { align: AlignmentType.LEFT, after: 0 });
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
              // Each line "- …;", the last "- ….": as Decree 30 ends the list.
              ...(d.copies?.length ? d.copies : defaultCopies(d.recipient)).map((line, i, all) =>
                small(`- ${line.replace(/[;.]+$/, "")}${i === all.length - 1 ? "." : ";"}`),
              ),
            ],
            50,
          ),
          cell(
            [
              ...(d.signer.onBehalf
                ? [para([run(d.signer.onBehalf, { bold: true })], { align: AlignmentType.CENTER, after: 0 })]
                : []),
              para([run(d.signer.title, { bold: true })], { align: AlignmentType.CENTER, after: 1200 }),
              para([run(d.signer.name ?? "", { bold: true })], { align: AlignmentType.CENTER }),
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
  questionAnswers = null,
}: {
  title: string;
  rows: EntryExportRow[];
  /** An ad hoc request's answers: a sheet of their own after the entries. */
  questionAnswers?: QuestionAnswers | null;
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
  addAnswersSheet(wb, title, questionAnswers);
  return workbookBuffer(wb);
}
