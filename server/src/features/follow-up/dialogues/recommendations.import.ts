/**
 * A dialogue's recommendations from a workbook, as the host keeps them in Excel today: read with the
 * imports' sheet reader (documents-in/sheet-table.ts), units matched in the dialogue's province
 * (documents-in/sheet-units.ts), every row checked by the bulk entry's own rules
 * (`checkRecommendations`), previewed with each problem by row and column, then written all or
 * nothing in one transaction through the same path as the bulk entry.
 */
import ExcelJS from "exceljs";
import {
  type DialogueKind,
  RAISER_KIND_LABELS_VI,
  RAISER_KINDS,
  type RaiserKind,
} from "../../../../../core/src/follow-up/dialogues";
import { foldForMatch } from "../../../../../core/src/text/vietnamese";
import type { Actor } from "../../../app/actor";
import type { Db } from "../../../app/db";
import { badRequest } from "../../../app/errors";
import { tableSheet, workbookBuffer } from "../../../app/xlsx";
import {
  assertCommittable,
  type Cell,
  type ImportProblem,
  noteEmptyTable,
  readSheetTable,
  templateSheet,
} from "../../documents-in/sheet-table";
import { directoryUnitMatcher } from "../../documents-in/sheet-units";
import { cellText, parseDateCell } from "../../org-units/import/unit-list.values";
import { createDialoguesRepository, type DialogueWithHost } from "./dialogues.repository";
import {
  checkRecommendations,
  dialogueForRecommendations,
  type RecommendationInput,
  writeRecommendations,
} from "./recommendations.service";

type Field = "content" | "raiser" | "raiserKind" | "anonymous" | "field" | "unit" | "dueDate";

/** The header texts people write (folded), per column. */
const FIELDS: Record<Field, string[]> = {
  content: ["noi dung kien nghi", "noi dung", "kien nghi", "noi dung kien nghi phan anh"],
  raiser: [
    "nguoi don vi kien nghi",
    "nguoi kien nghi",
    "don vi kien nghi",
    "to chuc ca nhan kien nghi",
    "ten doanh nghiep",
  ],
  raiserKind: ["loai", "loai nguoi kien nghi", "doi tuong", "doi tuong kien nghi"],
  anonymous: ["an danh", "yeu cau an danh"],
  field: ["linh vuc"],
  unit: ["don vi xu ly", "don vi chu tri xu ly", "co quan xu ly", "don vi tra loi", "co quan tra loi"],
  dueDate: ["thoi han", "han xu ly", "thoi han xu ly", "han tra loi", "thoi han tra loi"],
};
const HEADERS: Record<Field, string> = {
  content: "Nội dung kiến nghị",
  raiser: "Người/đơn vị kiến nghị",
  raiserKind: "Loại",
  anonymous: "Ẩn danh",
  field: "Lĩnh vực",
  unit: "Đơn vị xử lý",
  dueDate: "Thời hạn",
};

/** Who raised it, as people write it (folded). */
const RAISER_WORDS: Record<RaiserKind, string[]> = {
  business: ["doanh nghiep", "dn", "cong ty", "hop tac xa", "ho kinh doanh"],
  association: ["hiep hoi", "hoi", "hiep hoi doanh nghiep"],
  citizen: ["nguoi dan", "cong dan", "ca nhan", "nhan dan", "dan"],
  other: ["khac", "to chuc khac"],
};
const RAISER_OF_WORD = new Map(
  (Object.entries(RAISER_WORDS) as Array<[RaiserKind, string[]]>).flatMap(([k, ws]) =>
    ws.map((w) => [w, k] as const),
  ),
);
/** A raiser kind left blank follows the dialogue's kind. */
const DEFAULT_RAISER: Record<DialogueKind, RaiserKind> = {
  businesses: "business",
  citizens: "citizen",
  sector: "other",
};
const YES = new Set(["x", "co", "1", "true", "yes", "an danh", "dong y"]);
const NO = new Set(["", "khong", "0", "false", "no", "-"]);

export interface RecommendationImportRow {
  row: number;
  content: string;
  raiserKind: RaiserKind;
  raiserName: string;
  anonymous: boolean;
  field: string;
  unit: { id: string; name: string } | null;
  dueDate: string | null;
}

async function previewRecommendations({
  db,
  dialogue,
  data,
}: {
  db: Db;
  dialogue: DialogueWithHost;
  data: Uint8Array;
}) {
  const table = await readSheetTable<Field>({ data, fields: FIELDS, required: ["content"] });
  if ("fatal" in table)
    return {
      rows: [] as RecommendationImportRow[],
      errors: [{ row: null, column: null, message: table.fatal }] as ImportProblem[],
      inputs: [] as RecommendationInput[],
      units: new Map<string, { id: string; path: string }>(),
    };
  const matchUnit = await directoryUnitMatcher(db, dialogue.provinceId);
  const read: Array<{ row: RecommendationImportRow; input: RecommendationInput }> = [];
  const errors: ImportProblem[] = [];
  const report = (row: number, f: Field, message: string) => {
    const column = table.labels[f] ?? HEADERS[f];
    errors.push({ row, column, message: `Dòng ${row}, cột "${column}": ${message}` });
  };
  for (const { row, cells } of table.rows) {
    const before = errors.length;
    const text = (f: Field) => cellText(cells[f] as Cell);
    const content = text("content");
    if (!content) report(row, "content", "thiếu nội dung kiến nghị.");
    else if (content.length > 5000) report(row, "content", "nội dung quá dài (tối đa 5000 ký tự).");
    const kindText = text("raiserKind");
    const raiserKind = kindText
      ? RAISER_OF_WORD.get(foldForMatch(kindText))
      : DEFAULT_RAISER[dialogue.kind as DialogueKind];
    if (!raiserKind)
      report(
        row,
        "raiserKind",
        `không nhận ra loại "${kindText}". Các loại: ${RAISER_KINDS.map((k) => RAISER_KIND_LABELS_VI[k]).join("; ")}.`,
      );
    const anonymousText = foldForMatch(text("anonymous"));
    const anonymous = YES.has(anonymousText);
    if (!anonymous && !NO.has(anonymousText))
      report(row, "anonymous", `ghi "Có" (hoặc "x") nếu người kiến nghị xin ẩn danh, để trống nếu không.`);
    const raiserName = text("raiser");
    if (raiserName.length > 300) report(row, "raiser", "tên quá dài (tối đa 300 ký tự).");
    const field = text("field");
    if (field.length > 200) report(row, "field", "lĩnh vực quá dài (tối đa 200 ký tự).");
    const unitText = text("unit");
    const match = unitText ? matchUnit(unitText) : null;
    if (match && "problem" in match) report(row, "unit", match.problem);
    const due = parseDateCell(cells.dueDate as Cell);
    if (!due.ok) report(row, "dueDate", `không đọc được ngày "${text("dueDate")}"; hãy ghi dạng dd/mm/yyyy.`);
    if (errors.length > before || !raiserKind) continue;
    const unit = match && "unit" in match ? match.unit : null;
    const dueDate = due.ok ? due.value : null;
    read.push({
      row: {
        row,
        content,
        raiserKind,
        raiserName,
        anonymous,
        field,
        unit: unit && { id: unit.id, name: unit.name },
        dueDate,
      },
      input: {
        content,
        raiserKind,
        raiserName,
        anonymous,
        field,
        component: null,
        unitId: unit?.id ?? null,
        dueDate,
      },
    });
  }
  // The bulk entry's own checks (a deadline before the dialogue…), named by the file's rows.
  const { problems, units } = await checkRecommendations(
    db,
    dialogue,
    read.map((r) => r.input),
  );
  const fieldOf = { content: "content", unit: "unit", component: "unit", dueDate: "dueDate" } as const;
  const bad = new Set<number>();
  for (const p of problems) {
    bad.add(p.index);
    report(
      read[p.index].row.row,
      fieldOf[p.field],
      `${p.message.charAt(0).toLowerCase()}${p.message.slice(1)}`,
    );
  }
  errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  const kept = read.filter((_, i) => !bad.has(i));
  return {
    ...noteEmptyTable({ rows: kept.map((r) => r.row), errors }),
    inputs: kept.map((r) => r.input),
    units,
  };
}

/** The preview, or with `commit` the recommendations written (all or none). */
export async function importRecommendations({
  db,
  actor,
  id,
  data,
  commit,
}: {
  db: Db;
  actor: Actor;
  id: string;
  data: Uint8Array;
  commit: boolean;
}) {
  const dialogue = await dialogueForRecommendations({ db, actor, id });
  const preview = await previewRecommendations({ db, dialogue, data });
  const answer = { rows: preview.rows, errors: preview.errors };
  if (!commit) return answer;
  assertCommittable(answer, { code: "dialogue.import", what: "kiến nghị" });
  const ids = await db.transaction(async (tx) => {
    await createDialoguesRepository(tx).lock(id);
    // Checked again inside the transaction: the dialogue may have changed since the preview.
    const current = await dialogueForRecommendations({ db: tx, actor, id });
    const { problems, units } = await checkRecommendations(tx, current, preview.inputs);
    if (problems.length)
      throw badRequest(
        "dialogue.import.invalid",
        `Hội nghị đối thoại vừa thay đổi: ${problems[0].message} Chưa ghi kiến nghị nào; hãy nhập lại.`,
      );
    return writeRecommendations({ tx, actor, dialogue: current, inputs: preview.inputs, units });
  });
  return { ...answer, created: ids.length };
}

/** The template to fill: the columns the import reads, and the kinds of raiser on a second sheet. */
export async function recommendationsTemplateXlsx() {
  const wb = new ExcelJS.Workbook();
  templateSheet(wb, {
    name: "Kiến nghị",
    title: "Danh sách kiến nghị tại hội nghị đối thoại",
    note: 'Cột có dấu * là bắt buộc. "Loại" ghi như trang "Loại"; "Ẩn danh" ghi "Có" nếu người kiến nghị xin không nêu tên; "Đơn vị xử lý" ghi tên đơn vị trong danh mục (để trống: chưa giao); "Thời hạn" ghi ngày dạng dd/mm/yyyy.',
    columns: [
      { header: HEADERS.content, width: 60, required: true },
      { header: HEADERS.raiser, width: 30 },
      { header: HEADERS.raiserKind, width: 16 },
      { header: HEADERS.anonymous, width: 10 },
      { header: HEADERS.field, width: 22 },
      { header: HEADERS.unit, width: 32 },
      { header: HEADERS.dueDate, width: 14 },
    ],
  });
  tableSheet(wb, {
    name: "Loại",
    rows: RAISER_KINDS.map((k) => RAISER_KIND_LABELS_VI[k]),
    columns: [{ header: "Loại người kiến nghị", width: 30, value: (r) => r }],
  });
  return { fileName: "mau-nhap-kien-nghi.xlsx", data: await workbookBuffer(wb) };
}
