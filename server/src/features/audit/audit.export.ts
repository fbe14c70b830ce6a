/**
 * The audit log as Excel: the list's filters, every record. Entities, actions and fields by their
 * Vietnamese names (core/src/words/audit.ts, audit-fields.ts), never by the codes the server writes.
 */
import ExcelJS from "exceljs";
import type { z } from "zod";
import type { auditListQuery } from "../../../../core/src/api/audit.schemas";
import { auditActionName, auditEntityName } from "../../../../core/src/words/audit";
import { AUDIT_FIELD_NAMES, isAuditFieldShown } from "../../../../core/src/words/audit-fields";
import type { Actor } from "../../app/actor";
import { provinceTime } from "../../app/clock";
import type { Db } from "../../app/db";
import { forbidden } from "../../app/errors";
import { tableSheet, workbookBuffer } from "../../app/xlsx";
import { canReadAudit } from "./audit.policy";
import { createAuditRepository } from "./audit.repository";

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** The fields a change touched, by name: "Họ và tên, Vai trò và 2 thông tin khác". */
export function changedFields(before: unknown, after: unknown): string {
  const b = isObject(before) ? before : {};
  const a = isObject(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter(
    // A creation or deletion names what it holds; an update names only what changed.
    (k) => !isObject(before) || !isObject(after) || JSON.stringify(b[k]) !== JSON.stringify(a[k]),
  );
  // Names from the one table of field names (core/src/words/audit-fields.ts); technical fields are left out.
  const names = AUDIT_FIELD_NAMES as Record<string, { vi: string }>;
  const shown = keys.filter(isAuditFieldShown);
  const named = [...new Set(shown.map((k) => names[k]?.vi).filter(Boolean))];
  const others = shown.filter((k) => !names[k]).length;
  return [named.join(", "), others ? `${others} thông tin khác` : ""].filter(Boolean).join(" và ");
}

export async function exportAuditXlsx({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: Omit<z.infer<typeof auditListQuery>, "page" | "pageSize">;
}) {
  if (!canReadAudit(actor)) throw forbidden();
  const rows = await createAuditRepository(db).listAll(query);
  const wb = new ExcelJS.Workbook();
  tableSheet(wb, {
    name: "Nhật ký",
    title: "Nhật ký thao tác",
    rows: rows.map((r, i) => ({ ...r, n: i + 1 })),
    columns: [
      { header: "STT", width: 7, kind: "integer", value: (r) => r.n },
      { header: "Ngày", width: 12, kind: "date", value: (r) => r.at },
      {
        header: "Giờ",
        width: 8,
        value: (r) => {
          const t = provinceTime(r.at);
          return `${String(t.hour).padStart(2, "0")}:${String(t.minute).padStart(2, "0")}`;
        },
      },
      { header: "Người thực hiện", width: 26, value: (r) => r.actorName },
      { header: "Đối tượng", width: 24, value: (r) => auditEntityName(r.entity) },
      { header: "Thao tác", width: 28, value: (r) => auditActionName(r.action) },
      { header: "Thông tin thay đổi", width: 44, value: (r) => changedFields(r.before, r.after) },
      { header: "Địa chỉ IP", width: 16, value: (r) => r.ip },
    ],
  });
  return { fileName: "nhat-ky-thao-tac.xlsx", data: await workbookBuffer(wb) };
}
