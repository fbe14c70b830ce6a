import { buildUnitSearchText } from "../../../../core/src/text/unit-search";
import { foldForMatch } from "../../../../core/src/text/vietnamese";
import type { Actor, AuditActor } from "../../app/actor";
import type { Db } from "../../app/db";
import { AppError, badRequest, forbidden } from "../../app/errors";
import { writeAudit } from "../audit/audit.repository";
import { parseUnitList } from "./import/unit-list.parse";
import type { UnitListError, UnitListRow } from "./import/unit-list.types";
import { canManageDirectory } from "./org-units.policy";
import { createOrgUnitsRepository, type OrgUnitRow } from "./org-units.repository";
import { getVisibleUnit, insertUnit } from "./org-units.service";

interface PlannedRow extends UnitListRow {
  parentId: string | null;
  /** Key of a row of the same file that is the parent (created in the same import). */
  parentRow: number | null;
  action: "create" | "update";
  existingId: string | null;
}

/**
 * Reads a unit list, resolves each row's parent (a unit already in the province, or an earlier row of
 * the file) and says whether it creates or updates. With `commit`, writes everything in one
 * transaction, and only when there is no error.
 */
export async function importUnitList({
  db,
  actor,
  file,
  parentId,
  commit,
}: {
  db: Db;
  actor: Actor | AuditActor;
  file: { fileName: string; data: Uint8Array };
  parentId: string | null;
  commit: boolean;
}) {
  const isPerson = "roles" in actor;
  if (isPerson && !canManageDirectory(actor)) throw forbidden();
  const defaultParent = parentId
    ? isPerson
      ? await getVisibleUnit({ db, actor, id: parentId })
      : await createOrgUnitsRepository(db).findById(parentId)
    : isPerson && actor.provinceId
      ? await createOrgUnitsRepository(db).findById(actor.provinceId)
      : null;
  if (parentId && !defaultParent)
    throw badRequest("orgUnit.parentNotFound", "Đơn vị cấp trên không tồn tại.");
  const parsed = await parseUnitList(file);
  const errors: UnitListError[] = [...parsed.errors];
  const scope = defaultParent ? await scopeUnits({ db, root: defaultParent }) : [];
  const byName = new Map<string, OrgUnitRow[]>();
  for (const u of scope) {
    for (const key of [
      foldForMatch(u.name),
      u.code ? foldForMatch(u.code) : null,
      u.shortName ? foldForMatch(u.shortName) : null,
    ]) {
      if (key) byName.set(key, [...(byName.get(key) ?? []), u]);
    }
  }
  const fileRows = new Map<string, PlannedRow>();
  const planned: PlannedRow[] = [];
  for (const row of parsed.rows) {
    let parentIdOf: string | null = null;
    let parentRow: number | null = null;
    if (row.parent) {
      const key = foldForMatch(row.parent);
      const inFile = fileRows.get(key);
      const existing = byName.get(key) ?? [];
      if (inFile) {
        parentRow = inFile.row;
        parentIdOf = inFile.existingId;
      } else if (existing.length === 1) parentIdOf = existing[0].id;
      else if (existing.length > 1) {
        errors.push({
          row: row.row,
          column: "Đơn vị cấp trên",
          message: `Dòng ${row.row}: có nhiều đơn vị tên "${row.parent}"; hãy ghi mã đơn vị cấp trên.`,
        });
        continue;
      } else {
        errors.push({
          row: row.row,
          column: "Đơn vị cấp trên",
          message: `Dòng ${row.row}: không tìm thấy đơn vị cấp trên "${row.parent}".`,
        });
        continue;
      }
    } else if (defaultParent) parentIdOf = defaultParent.id;
    else {
      errors.push({
        row: row.row,
        column: "Đơn vị cấp trên",
        message: `Dòng ${row.row}: thiếu đơn vị cấp trên.`,
      });
      continue;
    }
    const existing = parentIdOf
      ? scope.find((u) => u.parentId === parentIdOf && foldForMatch(u.name) === foldForMatch(row.name))
      : undefined;
    const plan: PlannedRow = {
      ...row,
      parentId: parentIdOf,
      parentRow,
      action: existing ? "update" : "create",
      existingId: existing?.id ?? null,
    };
    planned.push(plan);
    fileRows.set(foldForMatch(row.name), plan);
    if (row.code) fileRows.set(foldForMatch(row.code), plan);
  }
  const preview = {
    rows: planned.map((p) => ({
      row: p.row,
      name: p.name,
      kind: p.kind,
      parent: p.parent,
      parentId: p.parentId,
      shortName: p.shortName,
      aliases: p.aliases,
      code: p.code,
      validFrom: p.validFrom,
      validTo: p.validTo,
      action: p.action,
    })),
    errors,
  };
  if (!commit) return preview;
  if (errors.length) {
    throw new AppError(
      400,
      "orgUnit.import.invalid",
      `Tệp có ${errors.length} lỗi; chưa ghi dữ liệu nào. Hãy sửa và nhập lại.`,
      preview,
    );
  }
  if (!planned.length) throw badRequest("orgUnit.import.empty", "Tệp không có dòng đơn vị nào để nhập.");
  const { created, updated } = await db.transaction(async (tx) => {
    const repo = createOrgUnitsRepository(tx);
    const idOfRow = new Map<number, string>();
    let created = 0;
    let updated = 0;
    for (const p of planned) {
      const parent = p.parentRow !== null ? idOfRow.get(p.parentRow)! : p.parentId;
      const values = {
        kind: p.kind,
        name: p.name,
        shortName: p.shortName,
        code: p.code,
        aliases: p.aliases,
        validFrom: p.validFrom,
        validTo: p.validTo,
      };
      if (p.existingId) {
        const before = await repo.findById(p.existingId);
        const after = await repo.update({
          id: p.existingId,
          values: { ...values, searchText: buildUnitSearchText(values) },
        });
        await writeAudit({
          tx,
          actor,
          record: { entity: "orgUnit", entityId: p.existingId, action: "import.update", before, after },
        });
        idOfRow.set(p.row, p.existingId);
        updated++;
      } else {
        const unit = await insertUnit({ tx, input: { ...values, parentId: parent } });
        await writeAudit({
          tx,
          actor,
          record: { entity: "orgUnit", entityId: unit.id, action: "import.create", after: unit },
        });
        idOfRow.set(p.row, unit.id);
        created++;
      }
    }
    return { created, updated };
  });
  return { ...preview, created, updated };
}

/** Units a file's parent names may refer to: the whole province of the default parent. */
async function scopeUnits({ db, root }: { db: Db; root: OrgUnitRow }) {
  const repo = createOrgUnitsRepository(db);
  const provinceRoot = root.provinceId ? await repo.findById(root.provinceId) : root;
  return repo.listByPathPrefix((provinceRoot ?? root).path);
}
