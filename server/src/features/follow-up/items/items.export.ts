/**
 * The items list as Excel: the list's scope and filters (`itemListFilter`), every item that matches
 * in the list's order (not the page on screen), states and classes in words, days as dates.
 */
import ExcelJS from "exceljs";
import type { z } from "zod";
import type { itemExportQuery } from "../../../../../core/src/api/follow-up-items.schemas";
import {
  FOLLOW_UP_KIND_LABELS_VI,
  FOLLOW_UP_STATE_LABELS_VI,
  type FollowUpKind,
  type FollowUpState,
} from "../../../../../core/src/follow-up/items";
import { ASSIGNMENT_STATUS_LABELS_VI } from "../../../../../core/src/plans/status";
import { formatDateVi } from "../../../../../core/src/text/dates";
import type { Actor } from "../../../app/actor";
import { provinceToday } from "../../../app/clock";
import type { Db } from "../../../app/db";
import { tableSheet, workbookBuffer } from "../../../app/xlsx";
import { createItemListRepository } from "./items.list.repository";
import { presentItemRow } from "./items.presenter";
import { itemListFilter } from "./items.service";

export async function exportItemsXlsx({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: z.infer<typeof itemExportQuery>;
}) {
  const today = provinceToday();
  const filter = await itemListFilter({ db, actor, query, today });
  const found = await createItemListRepository(db).allItems({
    ...filter,
    sort: query.sort,
    order: query.order,
  });
  const rows = found.map((r, i) => ({ ...r, ...presentItemRow(r, today), n: i + 1 }));
  const wb = new ExcelJS.Workbook();
  tableSheet(wb, {
    name: "Việc cần xử lý",
    title: "Danh sách việc cần xử lý (khắc phục sau kiểm tra, kiến nghị sau đối thoại)",
    note: `Số liệu đến ngày ${formatDateVi(today)}.`,
    rows,
    columns: [
      { header: "STT", width: 6, kind: "integer", value: (r) => r.n },
      { header: "Loại", width: 20, value: (r) => FOLLOW_UP_KIND_LABELS_VI[r.kind as FollowUpKind] },
      { header: "Nội dung", width: 50, value: (r) => r.content },
      {
        header: "Nguồn",
        width: 36,
        value: (r) =>
          r.source.kind === "inspection"
            ? `Kiểm tra ${r.source.label}${r.source.date ? ` ngày ${formatDateVi(r.source.date)}` : ""}`
            : `${r.source.label}${r.source.date ? ` (${formatDateVi(r.source.date)})` : ""}`,
      },
      { header: "Đơn vị xử lý", width: 30, value: (r) => r.unitName ?? "Chưa giao" },
      { header: "Đơn vị theo dõi", width: 30, value: (r) => r.followerUnitName },
      { header: "Hạn xử lý", width: 12, kind: "date", value: (r) => r.dueDate },
      {
        header: "Trạng thái xử lý",
        width: 22,
        value: (r) => FOLLOW_UP_STATE_LABELS_VI[r.kind as FollowUpKind][r.state as FollowUpState],
      },
      {
        header: "Tình trạng thời hạn",
        width: 22,
        value: (r) => (r.status ? ASSIGNMENT_STATUS_LABELS_VI[r.status] : "Đã đóng"),
      },
      { header: "Ngày báo cáo", width: 12, kind: "date", value: (r) => r.reportedOn },
      { header: "Ngày hoàn thành", width: 12, kind: "date", value: (r) => r.doneOn },
      { header: "Kết quả yêu cầu", width: 36, value: (r) => r.requiredResult },
      { header: "Kết quả xử lý, trả lời", width: 50, value: (r) => r.answer },
      { header: "Lý do (trả lại, chuyển, đóng)", width: 30, value: (r) => r.reason },
      { header: "Số tài liệu", width: 10, kind: "integer", value: (r) => r.fileCount },
      { header: "Số ý kiến", width: 10, kind: "integer", value: (r) => r.commentCount },
    ],
  });
  return { fileName: `viec-can-xu-ly-${today}.xlsx`, data: await workbookBuffer(wb) };
}
