/**
 * An inspection's findings from a workbook (columns: nội dung, mức độ, chỉ số thành phần, đơn vị khắc
 * phục, thời hạn, yêu cầu kết quả), as the other imports with a preview: read in the parse pool
 * (documents-in/sheet-table.ts), every row checked by the record form's own rules (findings.check.ts)
 * with each problem by row and column, units found as the directory's search finds them (an exact
 * name, short name, abbreviation or code of a working unit of the province), and only a clean file
 * written, all or nothing, through the same path as findings added by hand.
 */
import ExcelJS from "exceljs";
import { findingInput } from "../../../../../core/src/api/follow-up-inspections.schemas";
import {
  FINDING_SEVERITIES,
  FINDING_SEVERITY_LABELS_VI,
  type FindingSeverity,
} from "../../../../../core/src/follow-up/inspections";
import { searchQueryForms } from "../../../../../core/src/text/unit-search";
import { foldForMatch } from "../../../../../core/src/text/vietnamese";
import { indexAbbreviation } from "../../../../../core/src/words/indices";
import type { Actor } from "../../../app/actor";
import type { Db } from "../../../app/db";
import { conflict } from "../../../app/errors";
import { tableSheet, workbookBuffer } from "../../../app/xlsx";
import {
  assertCommittable,
  type Cell,
  type ImportProblem,
  noteEmptyTable,
  readSheetTable,
  templateSheet,
} from "../../documents-in/sheet-table";
import { createIndicesRepository } from "../../indices/indices.repository";
import { versionForYear } from "../../indices/indices.versions";
import { cellText, parseDateCell } from "../../org-units/import/unit-list.values";
import { createOrgUnitsRepository, type OrgUnitRow } from "../../org-units/org-units.repository";
import { today } from "../../org-units/org-units.service";
import { createFindingChecker, type FindingField } from "./findings.check";
import { getManagedInspection } from "./inspections.service";
import { addFindings } from "./record.service";

type Field = "content" | "severity" | "component" | "unit" | "dueDate" | "requiredResult";

const FIELDS: Record<Field, string[]> = {
  content: [
    "noi dung",
    "noi dung ton tai",
    "noi dung ton tai han che",
    "ton tai han che",
    "ton tai",
    "content",
  ],
  severity: ["muc do", "muc do ton tai", "severity"],
  component: ["chi so thanh phan", "thanh phan", "chi so", "component"],
  unit: ["don vi khac phuc", "don vi chiu trach nhiem", "don vi thuc hien", "don vi", "unit"],
  dueDate: ["thoi han", "thoi han khac phuc", "han khac phuc", "han", "due date"],
  requiredResult: ["yeu cau ket qua", "ket qua yeu cau", "yeu cau", "required result"],
};
const HEADERS: Record<Field, string> = {
  content: "Nội dung",
  severity: "Mức độ",
  component: "Chỉ số thành phần",
  unit: "Đơn vị khắc phục",
  dueDate: "Thời hạn",
  requiredResult: "Yêu cầu kết quả",
};
/** The most findings one file may add: the record form's own limit. */
const MAX_ROWS = 500;

/** Words people write for a severity; blank is "Trung bình". */
const SEVERITY_OF = new Map<string, FindingSeverity>([
  ...FINDING_SEVERITIES.map((s) => [foldForMatch(FINDING_SEVERITY_LABELS_VI[s]), s] as const),
  ...(
    [
      ["thap", "low"],
      ["it nghiem trong", "low"],
      ["low", "low"],
      ["vua", "medium"],
      ["medium", "medium"],
      ["cao", "high"],
      ["nang", "high"],
      ["high", "high"],
    ] as const
  ).map(([k, v]) => [k, v] as const),
]);

export interface FindingImportRow {
  row: number;
  content: string;
  severity: FindingSeverity;
  versionCode: string | null;
  componentCode: string | null;
  componentName: string | null;
  unitId: string;
  unitName: string;
  dueDate: string;
  requiredResult: string;
}

/** The components a finding of `year` may name, by the words people write for them. */
async function componentIndex(db: Db, provinceId: string, year: number) {
  const definitions = (await createIndicesRepository(db).listDefinitions()).filter(
    (d) => d.ownerUnitId === null || d.ownerUnitId === provinceId,
  );
  const byWords = new Map<string, Array<{ versionCode: string; componentCode: string; name: string }>>();
  const listed: Array<{ label: string; name: string }> = [];
  for (const d of definitions) {
    const version = await versionForYear(db, d.code, year);
    if (!version) continue;
    const abbreviation = indexAbbreviation(d.code);
    for (const c of version.components) {
      const target = { versionCode: version.code, componentCode: c.code, name: c.nameVi };
      listed.push({ label: `${abbreviation} ${c.number}`.trim(), name: c.nameVi });
      const words = new Set(
        [
          `${abbreviation} ${c.number}`,
          `${abbreviation} ${c.nameVi}`,
          c.nameVi,
          c.code,
          ...c.aliases,
          ...c.aliases.map((a) => `${abbreviation} ${a}`),
        ].map(foldForMatch),
      );
      for (const w of words) if (w) byWords.set(w, [...(byWords.get(w) ?? []), target]);
    }
  }
  return { byWords, listed };
}

/** The province's working units by the exact tokens the directory's search ranks first. */
async function unitIndex(db: Db, provinceId: string, at: string) {
  const units = await createOrgUnitsRepository(db).listDirectory({ provinceId, activeOn: at });
  return (text: string): OrgUnitRow[] => {
    const forms = searchQueryForms(text);
    return units.filter((u) => forms.some((f) => u.searchText.includes(`|${f}|`)));
  };
}

async function previewFindings({
  db,
  inspection,
  heldOn,
  data,
}: {
  db: Db;
  inspection: { provinceId: string; unitId: string; unitName: string };
  heldOn: string;
  data: Uint8Array;
}) {
  const table = await readSheetTable<Field>({ data, fields: FIELDS, required: ["content", "dueDate"] });
  if ("fatal" in table) return { rows: [], errors: [{ row: null, column: null, message: table.fatal }] };
  const rows: FindingImportRow[] = [];
  const errors: ImportProblem[] = [];
  if (table.rows.length > MAX_ROWS) {
    errors.push({
      row: null,
      column: null,
      message: `Tệp có ${table.rows.length} dòng; mỗi lần nhập tối đa ${MAX_ROWS} tồn tại, hạn chế.`,
    });
    return { rows, errors };
  }
  const components = await componentIndex(db, inspection.provinceId, Number(heldOn.slice(0, 4)));
  const unitsNamed = await unitIndex(db, inspection.provinceId, heldOn);
  const checker = createFindingChecker(db, inspection.provinceId);
  for (const { row, cells } of table.rows) {
    const before = errors.length;
    const text = (f: Field) => cellText(cells[f] as Cell);
    const report = (f: Field | null, message: string) => {
      const column = f ? (table.labels[f] ?? HEADERS[f]) : null;
      errors.push({ row, column, message: `Dòng ${row}${column ? `, cột "${column}"` : ""}: ${message}` });
    };
    if (!text("content")) report("content", "thiếu nội dung tồn tại, hạn chế.");
    const severity = text("severity") ? SEVERITY_OF.get(foldForMatch(text("severity"))) : "medium";
    if (!severity)
      report("severity", `không hiểu mức độ "${text("severity")}" (ghi: Nhẹ, Trung bình hoặc Nghiêm trọng).`);
    let component: { versionCode: string; componentCode: string; name: string } | null = null;
    if (text("component")) {
      const found = components.byWords.get(foldForMatch(text("component"))) ?? [];
      const distinct = [...new Map(found.map((c) => [`${c.versionCode}|${c.componentCode}`, c])).values()];
      if (!distinct.length) report("component", `không có chỉ số thành phần "${text("component")}".`);
      else if (distinct.length > 1)
        report(
          "component",
          `có nhiều chỉ số thành phần "${text("component")}"; hãy ghi kèm bộ chỉ số (ví dụ "PAR INDEX 2").`,
        );
      else component = distinct[0];
    }
    let unit = { id: inspection.unitId, name: inspection.unitName };
    if (text("unit")) {
      const matches = unitsNamed(text("unit"));
      if (!matches.length) report("unit", `không tìm thấy đơn vị "${text("unit")}" trong danh mục của tỉnh.`);
      else if (matches.length > 1)
        report("unit", `có nhiều đơn vị ứng với "${text("unit")}"; hãy ghi đủ tên hoặc mã đơn vị.`);
      else unit = { id: matches[0].id, name: matches[0].name };
    }
    const due = parseDateCell(cells.dueDate as Cell);
    if (!due.ok) report("dueDate", `"${text("dueDate")}" không phải là ngày (ghi dd/mm/yyyy).`);
    else if (!due.value) report("dueDate", "thiếu thời hạn khắc phục.");
    if (errors.length > before || !severity || !due.ok || !due.value) continue;
    // The form's own rules (lengths), then the record's (province, unit working, deadline not before the inspection).
    const parsed = findingInput.safeParse({
      content: text("content"),
      severity,
      versionCode: component?.versionCode ?? null,
      componentCode: component?.componentCode ?? null,
      remediation: { unitId: unit.id, dueDate: due.value, requiredResult: text("requiredResult") },
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path.at(-1) ?? "");
        report(key in FIELDS ? (key as Field) : null, `${issue.message}.`);
      }
      continue;
    }
    const checked = await checker.check(parsed.data, { heldOn, inspectedUnitId: inspection.unitId });
    if ("problems" in checked) {
      for (const p of checked.problems) report(p.field as FindingField, p.message);
      continue;
    }
    rows.push({
      row,
      content: checked.value.content,
      severity: checked.value.severity,
      versionCode: checked.value.versionCode,
      componentCode: checked.value.componentCode,
      componentName: checked.value.componentName,
      unitId: checked.value.unit.id,
      unitName: checked.value.unit.name,
      dueDate: checked.value.dueDate,
      requiredResult: checked.value.requiredResult,
    });
  }
  return noteEmptyTable({ rows, errors });
}

/**
 * The preview (nothing written), or with `commit` the findings added to the recorded inspection, all
 * or none. An inspection not yet recorded only previews: its rows go into the record form, written
 * with the record (`heldOn` is the day the form says, so deadlines are checked against it).
 */
export async function importFindings({
  db,
  actor,
  id,
  data,
  commit,
  heldOn,
}: {
  db: Db;
  actor: Actor;
  id: string;
  data: Uint8Array;
  commit: boolean;
  heldOn: string | undefined;
}) {
  const inspection = await getManagedInspection({ db, actor, id });
  if (inspection.state === "cancelled")
    throw conflict("inspection.cancelled", "Cuộc kiểm tra đã bị hủy; không thể nhập tồn tại, hạn chế.");
  if (commit && inspection.state !== "done")
    throw conflict(
      "inspection.notRecorded",
      "Cuộc kiểm tra chưa được ghi kết quả: các dòng đã kiểm tra được đưa vào bảng, rồi ghi cùng kết quả kiểm tra.",
    );
  const day = inspection.heldOn ?? heldOn ?? today();
  const preview = await previewFindings({ db, inspection, heldOn: day, data });
  if (!commit) return preview;
  assertCommittable(preview, { code: "inspectionFinding.import", what: "tồn tại, hạn chế" });
  const created = await addFindings({
    db,
    actor,
    id,
    action: "import.create",
    input: {
      findings: preview.rows.map((r) => ({
        content: r.content,
        severity: r.severity,
        versionCode: r.versionCode,
        componentCode: r.componentCode,
        remediation: { unitId: r.unitId, dueDate: r.dueDate, requiredResult: r.requiredResult },
      })),
    },
  });
  return { ...preview, created };
}

/** The template to fill: the columns the import reads, and the components of this year's indices to copy from. */
export async function findingsTemplateXlsx({ db, actor }: { db: Db; actor: Actor }) {
  const wb = new ExcelJS.Workbook();
  templateSheet(wb, {
    name: "Tồn tại, hạn chế",
    title: "Tồn tại, hạn chế qua kiểm tra và yêu cầu khắc phục",
    note: 'Cột có dấu * là bắt buộc. Mức độ: Nhẹ, Trung bình hoặc Nghiêm trọng (để trống: Trung bình). Đơn vị khắc phục để trống: đơn vị được kiểm tra. Thời hạn ghi dd/mm/yyyy. Chỉ số thành phần ghi như cột đầu của trang "Chỉ số thành phần".',
    columns: [
      { header: HEADERS.content, width: 50, required: true },
      { header: HEADERS.severity, width: 14 },
      { header: HEADERS.component, width: 22 },
      { header: HEADERS.unit, width: 30 },
      { header: HEADERS.dueDate, width: 14, required: true },
      { header: HEADERS.requiredResult, width: 40 },
    ],
  });
  const year = Number(today().slice(0, 4));
  const { listed } = actor.provinceId
    ? await componentIndex(db, actor.provinceId, year)
    : { listed: [] as Array<{ label: string; name: string }> };
  tableSheet(wb, {
    name: "Chỉ số thành phần",
    title: `Chỉ số thành phần áp dụng năm ${year}`,
    rows: listed,
    columns: [
      { header: "Ghi ở cột Chỉ số thành phần", width: 24, value: (c) => c.label },
      { header: "Tên chỉ số thành phần", width: 70, value: (c) => c.name },
    ],
  });
  return { fileName: "mau-nhap-ton-tai-han-che.xlsx", data: await workbookBuffer(wb) };
}
