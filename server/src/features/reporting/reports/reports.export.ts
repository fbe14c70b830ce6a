/**
 * The report list as Excel: the list's filters and scope (reportListFilter), and every report that
 * matches, not the page on screen nor the list's count cap.
 */
import ExcelJS from "exceljs";
import type { z } from "zod";
import type { reportListQuery } from "../../../../../core/src/api/reporting.schemas";
import { UNIT_KIND_LABELS_VI, type UnitKind } from "../../../../../core/src/auth/roles";
import { REPORT_STATE_LABELS_VI, type ReportState } from "../../../../../core/src/reporting/report-state";
import type { Actor } from "../../../app/actor";
import type { Db } from "../../../app/db";
import { tableSheet, workbookBuffer } from "../../../app/xlsx";
import { labelOfPeriod } from "./report.presenter";
import { createReportsRepository } from "./reports.repository";
import { reportListFilter } from "./reports.service";

type Row = {
  unitName: string;
  unitKind: string;
  obligationTitle: string;
  periodKey: string;
  periodStart: string;
  periodEnd: string;
  dueDate: string;
  state: string;
  returnReason: string | null;
  submittedAt: Date | string | null;
  firstSubmittedAt: Date | string | null;
};

export async function exportReportsXlsx({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: Omit<z.infer<typeof reportListQuery>, "page" | "pageSize">;
}) {
  const filter = await reportListFilter({ db, actor, query });
  const rows = (await createReportsRepository(db).listReports(filter)) as unknown as Row[];
  const wb = new ExcelJS.Workbook();
  tableSheet(wb, {
    name: "Báo cáo",
    title: "Danh sách báo cáo",
    rows: rows.map((r, i) => ({ ...r, n: i + 1 })),
    columns: [
      { header: "STT", width: 6, kind: "integer", value: (r) => r.n },
      { header: "Đơn vị", width: 36, value: (r) => r.unitName },
      { header: "Loại đơn vị", width: 18, value: (r) => UNIT_KIND_LABELS_VI[r.unitKind as UnitKind] ?? "" },
      { header: "Chế độ báo cáo", width: 36, value: (r) => r.obligationTitle },
      { header: "Kỳ báo cáo", width: 16, value: (r) => labelOfPeriod(r) },
      { header: "Hạn gửi", width: 12, kind: "date", value: (r) => r.dueDate },
      {
        header: "Trạng thái",
        width: 20,
        value: (r) => REPORT_STATE_LABELS_VI[r.state as ReportState] ?? "",
      },
      { header: "Ngày gửi lần đầu", width: 13, kind: "date", value: (r) => asDay(r.firstSubmittedAt) },
      { header: "Ngày gửi gần nhất", width: 13, kind: "date", value: (r) => asDay(r.submittedAt) },
      { header: "Lý do trả lại", width: 36, value: (r) => r.returnReason },
    ],
  });
  return {
    fileName: `bao-cao${query.periodKey ? `-${query.periodKey.toLowerCase()}` : ""}.xlsx`,
    data: await workbookBuffer(wb),
  };
}

/** An instant as read from raw SQL (a Date, or text on some drivers), for the sheet's day column. */
const asDay = (v: Date | string | null) => (v == null ? null : v instanceof Date ? v : new Date(v));
