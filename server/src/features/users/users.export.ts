/** The account list as Excel: the same filters and scope as the list, every row (not one page). */
import ExcelJS from "exceljs";
import type { z } from "zod";
import type { userListQuery } from "../../../../core/src/api/users.schemas";
import { ROLE_LABELS_VI, type Role } from "../../../../core/src/auth/roles";
import type { Actor } from "../../app/actor";
import type { Db } from "../../app/db";
import { tableSheet, workbookBuffer } from "../../app/xlsx";
import { createUsersRepository } from "./users.repository";
import { userListFilter } from "./users.service";

/** More accounts than a province has; the export is a whole list, never a page of it. */
const ALL = 1_000_000;

export async function exportUsersXlsx({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: z.infer<typeof userListQuery>;
}) {
  const { rows } = await createUsersRepository(db).list({
    ...userListFilter(actor, query),
    page: 1,
    pageSize: ALL,
  });
  const wb = new ExcelJS.Workbook();
  tableSheet(wb, {
    name: "Người dùng",
    title: "Danh sách người dùng",
    rows: rows.map((r, i) => ({ ...r, n: i + 1 })),
    columns: [
      { header: "STT", width: 6, kind: "integer", value: (r) => r.n },
      { header: "Tên đăng nhập", width: 22, value: (r) => r.username },
      { header: "Họ và tên", width: 28, value: (r) => r.displayName },
      { header: "Đơn vị", width: 36, value: (r) => r.unitName },
      {
        header: "Vai trò",
        width: 30,
        value: (r) => r.roles.map((x) => ROLE_LABELS_VI[x as Role] ?? "").join(", "),
      },
      { header: "Thư điện tử", width: 28, value: (r) => r.email },
      { header: "Trạng thái", width: 16, value: (r) => (r.active ? "Đang hoạt động" : "Đã khóa") },
      { header: "Đăng nhập gần nhất", width: 14, kind: "date", value: (r) => r.lastLoginAt },
      { header: "Ngày tạo", width: 14, kind: "date", value: (r) => r.createdAt },
    ],
  });
  return { fileName: "nguoi-dung.xlsx", data: await workbookBuffer(wb) };
}
