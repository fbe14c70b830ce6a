/** The directory as Excel: every unit the actor sees, each under its parent, as officials list them. */
import ExcelJS from "exceljs";
import { UNIT_KIND_LABELS_VI, type UnitKind } from "../../../../core/src/auth/roles";
import type { Actor } from "../../app/actor";
import type { Db } from "../../app/db";
import { tableSheet, workbookBuffer } from "../../app/xlsx";
import { directoryScope } from "./org-units.policy";
import { createOrgUnitsRepository, type OrgUnitRow } from "./org-units.repository";
import { today } from "./org-units.service";

/** Rows (already in sibling order) walked depth first, so each unit follows its parent. */
function treeOrder(rows: OrgUnitRow[]) {
  const children = new Map<string | null, OrgUnitRow[]>();
  const ids = new Set(rows.map((r) => r.id));
  for (const r of rows) {
    // A unit whose parent is not in the export (outside the scope, or ended) starts a branch.
    const key = r.parentId && ids.has(r.parentId) ? r.parentId : null;
    children.set(key, [...(children.get(key) ?? []), r]);
  }
  const out: OrgUnitRow[] = [];
  const walk = (key: string | null) => {
    for (const r of children.get(key) ?? []) {
      out.push(r);
      walk(r.id);
    }
  };
  walk(null);
  return out;
}

export async function exportDirectoryXlsx({
  db,
  actor,
  includeHistorical,
}: {
  db: Db;
  actor: Actor;
  includeHistorical: boolean;
}) {
  const rows = await createOrgUnitsRepository(db).listDirectory({
    provinceId: directoryScope(actor),
    activeOn: includeHistorical ? null : today(),
  });
  const names = new Map(rows.map((r) => [r.id, r.name]));
  const ordered = treeOrder(rows);
  const minDepth = Math.min(...ordered.map((r) => r.depth));
  const wb = new ExcelJS.Workbook();
  tableSheet(wb, {
    name: "Danh mục đơn vị",
    title: "Danh mục cơ quan, đơn vị",
    note: includeHistorical ? "Gồm cả đơn vị đã hết hiệu lực (sáp nhập, giải thể)." : undefined,
    rows: ordered.map((r, i) => ({ ...r, n: i + 1 })),
    columns: [
      { header: "STT", width: 6, kind: "integer", value: (r) => r.n },
      { header: "Tên đơn vị", width: 48, value: (r) => r.name },
      { header: "Tên viết tắt", width: 16, value: (r) => r.shortName },
      { header: "Mã đơn vị", width: 12, value: (r) => r.code },
      { header: "Loại đơn vị", width: 20, value: (r) => UNIT_KIND_LABELS_VI[r.kind as UnitKind] ?? "" },
      { header: "Đơn vị cấp trên", width: 36, value: (r) => (r.parentId ? names.get(r.parentId) : null) },
      { header: "Cấp", width: 6, kind: "integer", value: (r) => r.depth - minDepth + 1 },
      { header: "Tên gọi khác", width: 24, value: (r) => r.aliases.join("; ") },
      { header: "Hiệu lực từ", width: 13, kind: "date", value: (r) => r.validFrom },
      { header: "Hiệu lực đến", width: 13, kind: "date", value: (r) => r.validTo },
    ],
  });
  return { fileName: "danh-muc-don-vi.xlsx", data: await workbookBuffer(wb) };
}
