/** The index targets as Excel: the list's filters and scope, with baseline, latest figure and gap. */
import ExcelJS from "exceljs";
import { indexAbbreviation } from "../../../../core/src/words/indices";
import type { Actor } from "../../app/actor";
import type { Db } from "../../app/db";
import { tableSheet, workbookBuffer } from "../../app/xlsx";
import { createOrgUnitsRepository } from "../org-units/org-units.repository";
import { listTargets } from "./indices.targets.service";

export async function exportTargetsXlsx({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: { provinceUnitId?: string; year?: number; index?: string };
}) {
  const { targets } = await listTargets({ db, actor, query });
  const provinces = new Map(
    (await createOrgUnitsRepository(db).findByIds([...new Set(targets.map((t) => t.provinceUnitId))])).map(
      (u) => [u.id, u.name],
    ),
  );
  const wb = new ExcelJS.Workbook();
  tableSheet(wb, {
    name: "Mục tiêu chỉ số",
    title: query.year ? `Mục tiêu các chỉ số năm ${query.year}` : "Mục tiêu các chỉ số",
    rows: targets,
    columns: [
      { header: "Tỉnh, thành phố", width: 22, value: (t) => provinces.get(t.provinceUnitId) },
      { header: "Năm", width: 8, kind: "year", value: (t) => t.year },
      { header: "Chỉ số", width: 12, value: (t) => indexAbbreviation(t.indexCode) },
      {
        header: "Chỉ số thành phần",
        width: 34,
        value: (t) => (t.componentCode === null ? "Chỉ số tổng hợp" : t.componentName),
      },
      { header: "Giá trị mục tiêu", width: 12, kind: "decimal", value: (t) => t.targetValue },
      { header: "Thứ hạng từ", width: 10, kind: "integer", value: (t) => t.rankFrom },
      { header: "Thứ hạng đến", width: 10, kind: "integer", value: (t) => t.rankTo },
      { header: "Nhóm xếp hạng", width: 16, value: (t) => t.band },
      { header: "Năm gốc", width: 8, kind: "year", value: (t) => t.baseline?.year },
      { header: "Giá trị năm gốc", width: 12, kind: "decimal", value: (t) => t.baseline?.value },
      { header: "Thứ hạng năm gốc", width: 12, value: (t) => t.baseline?.rankText },
      { header: "Năm có kết quả mới nhất", width: 12, kind: "year", value: (t) => t.latest?.year },
      { header: "Giá trị mới nhất", width: 12, kind: "decimal", value: (t) => t.latest?.value },
      { header: "Còn cách mục tiêu (điểm)", width: 14, kind: "signed", value: (t) => t.gap.value },
      { header: "Còn cách mục tiêu (bậc)", width: 14, kind: "signedInteger", value: (t) => t.gap.places },
      { header: "Ghi chú", width: 30, value: (t) => t.note },
    ],
  });
  const suffix = [query.index?.toLowerCase(), query.year].filter(Boolean).join("-");
  return { fileName: `muc-tieu-chi-so${suffix ? `-${suffix}` : ""}.xlsx`, data: await workbookBuffer(wb) };
}
