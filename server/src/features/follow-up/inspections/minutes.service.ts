/**
 * An inspection's minutes (biên bản) and other files: checked by content and stored as evidence files
 * are (reporting/evidence/evidence.files.ts: type sniffing, 20 MB, written then renamed inside the
 * transaction), counted against the inspecting unit's quota; downloaded by whoever may read the
 * inspection.
 */
import fs from "node:fs/promises";
import type { Actor } from "../../../app/actor";
import type { AppConfig } from "../../../app/config";
import type { Db } from "../../../app/db";
import { AppError, conflict, forbidden, notFound } from "../../../app/errors";
import { writeAudit } from "../../audit/audit.repository";
import {
  CONTENT_TYPES,
  checkEvidenceType,
  putInPlace,
  storedPath,
  UNIT_QUOTA_BYTES,
  writeTemp,
} from "../../reporting/evidence/evidence.files";
import { createEvidenceRepository } from "../../reporting/evidence/evidence.repository";
import { canUploadMinutes } from "./inspections.policy";
import { createInspectionsRepository } from "./inspections.repository";
import { getManagedInspection, getVisibleInspection, presentFile } from "./inspections.service";

/** Stores a file of the inspection's record under the inspecting unit. */
export async function uploadMinutes({
  db,
  config,
  actor,
  id,
  file,
}: {
  db: Db;
  config: AppConfig;
  actor: Actor;
  id: string;
  file: { fileName: string; data: Uint8Array };
}) {
  const inspection = await getManagedInspection({ db, actor, id });
  if (!canUploadMinutes(actor, inspection))
    throw conflict("inspection.cancelled", "Cuộc kiểm tra đã bị hủy; không thể đính kèm biên bản.");
  const type = checkEvidenceType(file);
  const unitId = inspection.ownerUnitId;
  const used = await createEvidenceRepository(db).unitUsage(unitId);
  if (used + file.data.byteLength > UNIT_QUOTA_BYTES)
    throw new AppError(413, "evidence.quota", "Đơn vị đã dùng hết dung lượng lưu tài liệu (500 MB).");
  const temp = await writeTemp({ dataDir: config.dataDir, unitId, data: file.data });
  try {
    return await db.transaction(async (tx) => {
      const row = await createInspectionsRepository(tx).insertFile({
        inspectionId: id,
        unitId,
        kind: "minutes",
        fileName: file.fileName,
        contentType: CONTENT_TYPES[type],
        size: file.data.byteLength,
        storageKey: temp.key,
        createdBy: actor.userId,
      });
      await writeAudit({
        tx,
        actor,
        record: { entity: "followUpFile", entityId: row.id, action: "upload", after: row },
      });
      await putInPlace(temp);
      return presentFile(row);
    });
  } catch (error) {
    await fs.rm(temp.tempPath, { force: true });
    throw error;
  }
}

const fileNotFound = () => notFound("followUpFile.notFound", "Không tìm thấy tệp.");

/** The inspection's file, if the actor may read the inspection. */
async function visibleFile({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  const row = await createInspectionsRepository(db).findFile(id);
  if (!row?.inspectionId || !row.storageKey) throw fileNotFound();
  const inspection = await getVisibleInspection({ db, actor, id: row.inspectionId }).catch(() => {
    throw fileNotFound();
  });
  return { row: { ...row, storageKey: row.storageKey }, inspection };
}

export async function openMinutes({
  db,
  config,
  actor,
  id,
}: {
  db: Db;
  config: AppConfig;
  actor: Actor;
  id: string;
}) {
  const { row } = await visibleFile({ db, actor, id });
  const data = await fs.readFile(storedPath({ dataDir: config.dataDir, key: row.storageKey })).catch(() => {
    throw fileNotFound();
  });
  return { fileName: row.fileName, contentType: row.contentType, data };
}

/** Removes a file attached by mistake; the bytes go once the row is gone. */
export async function deleteMinutes({
  db,
  config,
  actor,
  id,
}: {
  db: Db;
  config: AppConfig;
  actor: Actor;
  id: string;
}) {
  const { row, inspection } = await visibleFile({ db, actor, id });
  if (!canUploadMinutes(actor, inspection))
    throw forbidden("inspection.forbidden", "Bạn không được xóa tệp của cuộc kiểm tra này.");
  await db.transaction(async (tx) => {
    await createInspectionsRepository(tx).deleteFile(id);
    await writeAudit({
      tx,
      actor,
      record: { entity: "followUpFile", entityId: id, action: "delete", before: row },
    });
  });
  await fs.rm(storedPath({ dataDir: config.dataDir, key: row.storageKey }), { force: true });
}
