/**
 * A province's index targets from a workbook: the targets form's own rules (core's targetCreateBody,
 * the index and component known for the year), a target already set for the same index, component
 * and year is replaced. Checked first with nothing written (the preview, every problem by row and
 * column), then written all or nothing in one transaction, each target audited.
 */
import ExcelJS from "exceljs";
import { targetCreateBody } from "../../../../core/src/api/indices.schemas";
import { foldForMatch } from "../../../../core/src/text/vietnamese";
import { indexAbbreviation } from "../../../../core/src/words/indices";
import type { Actor } from "../../app/actor";
import type { Db } from "../../app/db";
import { badRequest } from "../../app/errors";
import { tableSheet, workbookBuffer } from "../../app/xlsx";
import {
  assertCommittable,
  type Cell,
  type ImportProblem,
  noteEmptyTable,
  readSheetTable,
  templateSheet,
} from "../documents-in/sheet-table";
import { cellText } from "../org-units/import/unit-list.values";
import { createIndicesRepository } from "./indices.repository";
import { insertTarget, rewriteTarget, writableProvince } from "./indices.targets.service";
import { versionForYear } from "./indices.versions";

type Field = "index" | "component" | "year" | "targetValue" | "rankFrom" | "rankTo" | "band" | "note";

const FIELDS: Record<Field, string[]> = {
  index: ["chi so", "bo chi so", "index"],
  component: ["chi so thanh phan", "thanh phan", "component"],
  year: ["nam", "nam muc tieu", "year"],
  targetValue: ["gia tri muc tieu", "diem muc tieu", "muc tieu diem", "target value"],
  rankFrom: ["thu hang tu", "hang tu", "rank from"],
  rankTo: ["thu hang den", "hang den", "rank to"],
  band: ["nhom xep hang", "nhom", "band"],
  note: ["ghi chu", "note"],
};
const HEADERS: Record<Field, string> = {
  index: "Chỉ số",
  component: "Chỉ số thành phần",
  year: "Năm",
  targetValue: "Giá trị mục tiêu",
  rankFrom: "Thứ hạng từ",
  rankTo: "Thứ hạng đến",
  band: "Nhóm xếp hạng",
  note: "Ghi chú",
};
/** What the component column says of the index itself. */
const WHOLE_INDEX = new Set(["", "chi so tong hop", "tong hop", "diem tong hop", "total"]);

export interface TargetImportRow {
  row: number;
  indexCode: string;
  indexName: string;
  componentCode: string | null;
  componentName: string | null;
  year: number;
  targetValue: number | null;
  rankFrom: number | null;
  rankTo: number | null;
  band: string | null;
  note: string;
  action: "create" | "update";
  existingId: string | null;
}

/** A figure as a cell holds it: a number, or text with a decimal comma ("68,5"). */
function numberOf(cell: Cell | undefined): number | null | "bad" {
  if (cell === null || cell === undefined || cell === "") return null;
  if (typeof cell === "number") return cell;
  const text = cellText(cell).replace(/\s/g, "");
  if (!text) return null;
  // Vietnamese writes 1.234,5; a lone comma or dot is the decimal mark.
  const normal = /,/.test(text) ? text.replace(/\./g, "").replace(",", ".") : text;
  const n = Number(normal);
  return Number.isFinite(n) ? n : "bad";
}

async function previewTargets({
  db,
  provinceUnitId,
  data,
}: {
  db: Db;
  provinceUnitId: string;
  data: Uint8Array;
}) {
  const table = await readSheetTable<Field>({ data, fields: FIELDS, required: ["index", "year"] });
  if ("fatal" in table) return { rows: [], errors: [{ row: null, column: null, message: table.fatal }] };
  const repo = createIndicesRepository(db);
  const definitions = await repo.listDefinitions();
  const indexOf = new Map<string, string>();
  for (const d of definitions)
    for (const name of [d.code, indexAbbreviation(d.code), d.nameVi]) indexOf.set(foldForMatch(name), d.code);
  const existing = await repo.listTargets({ provinceUnitIds: [provinceUnitId] });
  const rows: TargetImportRow[] = [];
  const errors: ImportProblem[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of table.rows) {
    const before = errors.length;
    const text = (f: Field) => cellText(cells[f] as Cell);
    const report = (f: Field | null, message: string) => {
      const column = f ? (table.labels[f] ?? HEADERS[f]) : null;
      errors.push({ row, column, message: `Dòng ${row}${column ? `, cột "${column}"` : ""}: ${message}` });
    };
    const indexCode = indexOf.get(foldForMatch(text("index")));
    if (!text("index")) report("index", "thiếu chỉ số.");
    else if (!indexCode) report("index", `không có chỉ số "${text("index")}".`);
    const year = Number(text("year"));
    if (!text("year")) report("year", "thiếu năm.");
    const figures: Record<"targetValue" | "rankFrom" | "rankTo", number | null> = {
      targetValue: null,
      rankFrom: null,
      rankTo: null,
    };
    for (const f of ["targetValue", "rankFrom", "rankTo"] as const) {
      const n = numberOf(cells[f]);
      if (n === "bad") report(f, `"${text(f)}" không phải là số.`);
      else figures[f] = n;
    }
    let component: { code: string; nameVi: string } | null = null;
    const componentText = text("component");
    if (indexCode && Number.isInteger(year) && !WHOLE_INDEX.has(foldForMatch(componentText))) {
      // The components of the methodology the year's result will be published in (or the last one).
      const version =
        (await versionForYear(db, indexCode, year - 1)) ?? (await versionForYear(db, indexCode, year));
      const wanted = foldForMatch(componentText);
      component =
        version?.components.find(
          (c) =>
            c.number === componentText ||
            [c.code, c.nameVi, ...c.aliases].some((name) => foldForMatch(name) === wanted),
        ) ?? null;
      if (!component)
        report("component", `không có chỉ số thành phần "${componentText}" trong ${text("index")}.`);
    }
    if (errors.length > before || !indexCode) continue;
    const input = {
      provinceUnitId,
      year,
      indexCode,
      componentCode: component?.code ?? null,
      ...figures,
      band: text("band") || null,
      note: text("note"),
    };
    // The form's own rules: year range, ranks, at least one target, 'from' not after 'to'.
    const parsed = targetCreateBody.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "") as Field;
        report(field in FIELDS ? field : null, `${issue.message}.`);
      }
      continue;
    }
    const key = `${indexCode}|${input.componentCode ?? ""}|${year}`;
    const twin = seen.get(key);
    if (twin) {
      report("component", `trùng chỉ số, chỉ số thành phần và năm với dòng ${twin}.`);
      continue;
    }
    seen.set(key, row);
    const current = existing.find(
      (t) => t.indexCode === indexCode && t.componentCode === input.componentCode && t.year === year,
    );
    rows.push({
      row,
      indexCode,
      indexName: indexAbbreviation(indexCode),
      componentCode: input.componentCode,
      componentName: component?.nameVi ?? null,
      year,
      ...figures,
      band: input.band,
      note: input.note,
      action: current ? "update" : "create",
      existingId: current?.id ?? null,
    });
  }
  return noteEmptyTable({ rows, errors });
}

/** The preview, or with `commit` the targets written (all or none). */
export async function importTargets({
  db,
  actor,
  provinceUnitId,
  data,
  commit,
}: {
  db: Db;
  actor: Actor;
  provinceUnitId: string | undefined;
  data: Uint8Array;
  commit: boolean;
}) {
  const province = provinceUnitId ?? actor.provinceId;
  if (!province) throw badRequest("indexTarget.unit", "Hãy chọn tỉnh, thành phố của các mục tiêu.");
  const { unit, provinceCode } = await writableProvince({ db, actor, provinceUnitId: province });
  const preview = await previewTargets({ db, provinceUnitId: unit.id, data });
  if (!commit) return preview;
  assertCommittable(preview, { code: "indexTarget.import", what: "mục tiêu" });
  const counts = await db.transaction(async (tx) => {
    const repo = createIndicesRepository(tx);
    let created = 0;
    let updated = 0;
    for (const r of preview.rows) {
      const values = {
        targetValue: r.targetValue,
        rankFrom: r.rankFrom,
        rankTo: r.rankTo,
        band: r.band,
        note: r.note,
      };
      const before = r.existingId ? await repo.findTarget(r.existingId) : null;
      if (before) {
        await rewriteTarget({ tx, actor, before, values, action: "import.update" });
        updated++;
      } else {
        const key = {
          provinceUnitId: unit.id,
          year: r.year,
          indexCode: r.indexCode,
          componentCode: r.componentCode,
        };
        await insertTarget({ tx, actor, key, provinceCode, values, action: "import.create" });
        created++;
      }
    }
    return { created, updated };
  });
  return { ...preview, ...counts };
}

/** The template to fill: the columns the import reads, with the indices known on a second sheet. */
export async function targetsTemplateXlsx(db: Db) {
  const definitions = await createIndicesRepository(db).listDefinitions();
  const wb = new ExcelJS.Workbook();
  templateSheet(wb, {
    name: "Mục tiêu",
    title: "Mục tiêu các chỉ số của tỉnh",
    note: 'Cột có dấu * là bắt buộc; cần ít nhất một mục tiêu: giá trị, thứ hạng hoặc nhóm xếp hạng. Để trống "Chỉ số thành phần" cho chỉ số tổng hợp.',
    columns: [
      { header: HEADERS.index, width: 12, required: true },
      { header: HEADERS.component, width: 34 },
      { header: HEADERS.year, width: 8, required: true },
      { header: HEADERS.targetValue, width: 12 },
      { header: HEADERS.rankFrom, width: 10 },
      { header: HEADERS.rankTo, width: 10 },
      { header: HEADERS.band, width: 16 },
      { header: HEADERS.note, width: 30 },
    ],
  });
  tableSheet(wb, {
    name: "Chỉ số",
    rows: definitions,
    columns: [
      { header: "Chỉ số (ghi ở cột Chỉ số)", width: 16, value: (d) => indexAbbreviation(d.code) },
      { header: "Tên đầy đủ", width: 60, value: (d) => d.nameVi },
    ],
  });
  return { fileName: "mau-nhap-muc-tieu-chi-so.xlsx", data: await workbookBuffer(wb) };
}
