/**
 * The year's initiatives for the emulation council ("Hội đồng thi đua khen thưởng"): one row per
 * initiative in the list's filters and scope, its unit, text, result, the component it aims at, its
 * state in words and where it is replicated; a second sheet with every unit's count against the
 * minimum. Titled as an official list is.
 */
import ExcelJS from "exceljs";
import type { z } from "zod";
import type { initiativeExportQuery } from "../../../../../core/src/api/follow-up-initiatives.schemas";
import { UNIT_KIND_LABELS_VI, type UnitKind } from "../../../../../core/src/auth/roles";
import {
  INITIATIVE_STATE_LABELS_VI,
  type InitiativeState,
  initiativeShortfall,
} from "../../../../../core/src/follow-up/initiatives";
import { formatDateVi } from "../../../../../core/src/text/dates";
import { componentLabel } from "../../../../../core/src/words/indices";
import type { Actor } from "../../../app/actor";
import { provinceToday } from "../../../app/clock";
import type { Db } from "../../../app/db";
import { tableSheet, workbookBuffer } from "../../../app/xlsx";
import { getVisibleUnit } from "../../org-units/org-units.service";
import { initiativeScope } from "../follow-up.policy";
import { createCoverageRepository } from "./coverage.repository";
import { coverageFilter } from "./coverage.service";
import { createInitiativesRepository } from "./initiatives.repository";

/** More than any province registers in a year; a bound so one request never builds a boundless sheet. */
const EXPORT_LIMIT = 50_000;

export async function exportInitiativesXlsx({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: z.infer<typeof initiativeExportQuery>;
}) {
  const unit = query.unitId ? await getVisibleUnit({ db, actor, id: query.unitId }) : null;
  const rows = await createInitiativesRepository(db).exportRows({
    scope: initiativeScope(actor),
    year: query.year,
    state: query.state,
    unitPath: unit?.path,
    versionCode: query.versionCode,
    componentCode: query.componentCode,
    q: query.q,
    limit: EXPORT_LIMIT,
  });
  const place = actor.profile.provinceName ? ` ${actor.profile.provinceName.toUpperCase()}` : "";
  const wb = new ExcelJS.Workbook();
  const { sheet } = tableSheet(wb, {
    name: `Sáng kiến ${query.year}`,
    title: `DANH SÁCH SÁNG KIẾN CẢI CÁCH HÀNH CHÍNH NĂM ${query.year}${place}`,
    note: `Kèm theo hồ sơ trình Hội đồng Thi đua - Khen thưởng; lập ngày ${formatDateVi(provinceToday())}${
      query.state ? `; trạng thái: ${INITIATIVE_STATE_LABELS_VI[query.state]}` : ""
    }.`,
    rows: rows.map((r, i) => ({ ...r, n: i + 1 })),
    columns: [
      { header: "STT", width: 6, kind: "integer", value: (r) => r.n },
      { header: "Đơn vị", width: 28, value: (r) => r.unitName },
      { header: "Loại đơn vị", width: 16, value: (r) => UNIT_KIND_LABELS_VI[r.unitKind as UnitKind] ?? "" },
      { header: "Tên sáng kiến", width: 36, value: (r) => r.title },
      { header: "Lĩnh vực", width: 16, value: (r) => r.field },
      { header: "Vấn đề cần giải quyết", width: 40, value: (r) => r.problem },
      { header: "Giải pháp", width: 40, value: (r) => r.solution },
      { header: "Kết quả dự kiến", width: 32, value: (r) => r.expectedResult },
      { header: "Kết quả đạt được", width: 32, value: (r) => r.actualResult },
      {
        header: "Chỉ số thành phần hướng tới",
        width: 28,
        value: (r) =>
          r.versionCode && r.componentCode
            ? componentLabel({
                versionCode: r.versionCode,
                componentCode: r.componentCode,
                name: r.componentName,
              })
            : null,
      },
      {
        header: "Trạng thái",
        width: 18,
        value: (r) => INITIATIVE_STATE_LABELS_VI[r.state as InitiativeState] ?? "",
      },
      { header: "Ngày quyết định", width: 13, kind: "date", value: (r) => r.decidedOn },
      { header: "Ý kiến, lý do", width: 30, value: (r) => r.decisionNote },
      { header: "Nhân rộng tại", width: 36, value: (r) => r.replicatedTo },
    ],
  });
  // The list is read on paper: landscape, a page wide, the header repeated on every page.
  sheet.pageSetup = { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  await coverageSheet({ wb, db, actor, year: query.year, unitId: query.unitId });
  return { fileName: `sang-kien-cai-cach-hanh-chinh-${query.year}.xlsx`, data: await workbookBuffer(wb) };
}

/** Every unit that must have initiatives, with its count and what it lacks (the same as the view). */
async function coverageSheet(p: {
  wb: ExcelJS.Workbook;
  db: Db;
  actor: Actor;
  year: number;
  unitId?: string;
}) {
  const { filter, minimums } = await coverageFilter({
    db: p.db,
    actor: p.actor,
    query: { year: p.year, unitId: p.unitId },
  });
  const rows = filter
    ? (await createCoverageRepository(p.db).page({ ...filter, onlyShort: false, limit: 10_000, offset: 0 }))
        .rows
    : [];
  tableSheet(p.wb, {
    name: "Số sáng kiến theo đơn vị",
    title: `SỐ SÁNG KIẾN CẢI CÁCH HÀNH CHÍNH CỦA CÁC ĐƠN VỊ NĂM ${p.year}`,
    note: `Số tối thiểu: sở, ban, ngành ${minimums.department}; UBND cấp huyện ${minimums.district}; UBND cấp xã ${minimums.commune}. Sáng kiến không được công nhận không tính.`,
    rows: rows.map((r, i) => ({ ...r, n: i + 1 })),
    columns: [
      { header: "STT", width: 6, kind: "integer", value: (r) => r.n },
      { header: "Đơn vị", width: 36, value: (r) => r.unitName },
      { header: "Loại đơn vị", width: 18, value: (r) => UNIT_KIND_LABELS_VI[r.unitKind] },
      { header: "Đã đăng ký", width: 12, kind: "integer", value: (r) => r.registered },
      { header: "Được tính", width: 12, kind: "integer", value: (r) => r.counted },
      { header: "Được công nhận", width: 12, kind: "integer", value: (r) => r.recognised },
      { header: "Tối thiểu", width: 10, kind: "integer", value: (r) => r.minimum },
      {
        header: "Còn thiếu",
        width: 10,
        kind: "integer",
        value: (r) => initiativeShortfall(r.counted, r.minimum),
      },
    ],
  });
}
