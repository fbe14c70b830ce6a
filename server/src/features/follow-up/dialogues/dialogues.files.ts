/**
 * A dialogue's minutes (biên bản) as files in follow_up_files, stored the way report evidence is
 * (reporting/evidence/evidence.files.ts: type read from the content, size limit, written under a
 * temporary name and renamed once its row is in), counted against the host unit's quota, and read
 * back only by someone who may read the dialogue.
 */
import fs from "node:fs/promises";
import type { Actor } from "../../../app/actor";
import type { AppConfig } from "../../../app/config";
import type { Db } from "../../../app/db";
import { AppError, notFound } from "../../../app/errors";
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
import { createDialoguesRepository } from "./dialogues.repository";
import { getManagedDialogue, getVisibleDialogue, presentFile } from "./dialogues.service";

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
  const dialogue = await getManagedDialogue({ db, actor, id });
  const type = checkEvidenceType(file);
  const used = await createEvidenceRepository(db).unitUsage(dialogue.hostUnitId);
  if (used + file.data.byteLength > UNIT_QUOTA_BYTES)
    throw new AppError(413, "followUp.quota", "Đơn vị đã dùng hết dung lượng lưu tài liệu (500 MB).");
  const temp = await writeTemp({ dataDir: config.dataDir, unitId: dialogue.hostUnitId, data: file.data });
  try {
    return await db.transaction(async (tx) => {
      const row = await createDialoguesRepository(tx).insertFile({
        dialogueId: id,
        unitId: dialogue.hostUnitId,
        kind: "file",
        fileName: file.fileName,
        contentType: CONTENT_TYPES[type],
        size: file.data.byteLength,
        storageKey: temp.key,
        title: "Biên bản hội nghị đối thoại",
        createdBy: actor.userId,
      });
      await writeAudit({
        tx,
        actor,
        record: {
          entity: "followUpFile",
          entityId: row.id,
          action: "upload",
          after: { dialogueId: id, fileName: row.fileName, size: row.size },
        },
      });
      await putInPlace(temp);
      return presentFile(row);
    });
  } catch (error) {
    await fs.rm(temp.tempPath, { force: true });
    throw error;
  }
}

const fileMissing = () => notFound("followUp.fileNotFound", "Không tìm thấy tệp biên bản.");

/** A minutes file for download, if the actor may read its dialogue. */
export async function openMinutes({
  db,
  config,
  actor,
  id,
  fileId,
}: {
  db: Db;
  config: AppConfig;
  actor: Actor;
  id: string;
  fileId: string;
}) {
  await getVisibleDialogue({ db, actor, id });
  const row = await createDialoguesRepository(db).findFile(id, fileId);
  if (!row?.storageKey) throw fileMissing();
  const data = await fs.readFile(storedPath({ dataDir: config.dataDir, key: row.storageKey })).catch(() => {
    throw fileMissing();
  });
  return { fileName: row.fileName, contentType: row.contentType, data };
}

export async function deleteMinutes({
  db,
  config,
  actor,
  id,
  fileId,
}: {
  db: Db;
  config: AppConfig;
  actor: Actor;
  id: string;
  fileId: string;
}) {
  await getManagedDialogue({ db, actor, id });
  const key = await db.transaction(async (tx) => {
    const repo = createDialoguesRepository(tx);
    const row = await repo.findFile(id, fileId);
    if (!row) throw fileMissing();
    await repo.deleteFile(fileId);
    await writeAudit({
      tx,
      actor,
      record: {
        entity: "followUpFile",
        entityId: fileId,
        action: "delete",
        before: { dialogueId: id, fileName: row.fileName, size: row.size },
      },
    });
    return row.storageKey;
  });
  if (key) await fs.rm(storedPath({ dataDir: config.dataDir, key }), { force: true }).catch(() => undefined);
}
