/**
 * Evidence of an initiative's result: files checked by content (the reporting's evidence rules and
 * storage, `reporting/evidence/evidence.files.ts`), within the unit's quota shared with its report
 * evidence, and links. The unit adds and removes them while it may still write the result; whoever
 * may read the initiative downloads them.
 */
import fs from "node:fs/promises";
import type { z } from "zod";
import type { initiativeLinkBody } from "../../../../../core/src/api/follow-up-initiatives.schemas";
import { type InitiativeState, initiativeEditable } from "../../../../../core/src/follow-up/initiatives";
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
import { canRegisterInitiative } from "../follow-up.policy";
import { createInitiativeFilesRepository } from "./initiative-files.repository";
import { presentFile } from "./initiatives.presenter";
import { loadVisible, unitOf } from "./initiatives.service";

const fileNotFound = () => notFound("initiative.fileNotFound", "Không tìm thấy tài liệu kiểm chứng.");

/** The initiative, if the actor may add or remove its evidence now. */
async function attachTarget({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  const { row } = await loadVisible({ db, actor, id });
  if (!canRegisterInitiative(actor, unitOf(row)))
    throw forbidden("initiative.forbidden", "Chỉ đơn vị có sáng kiến được thêm, bớt tài liệu kiểm chứng.");
  if (initiativeEditable(row.state as InitiativeState) === "none")
    throw conflict(
      "initiative.notEditable",
      "Sáng kiến không được công nhận: không thêm, bớt tài liệu kiểm chứng được nữa.",
    );
  return row;
}

export async function uploadInitiativeFile({
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
  const row = await attachTarget({ db, actor, id });
  const type = checkEvidenceType(file);
  const used = await createEvidenceRepository(db).unitUsage(row.unitId);
  if (used + file.data.byteLength > UNIT_QUOTA_BYTES)
    throw new AppError(413, "evidence.quota", "Đơn vị đã dùng hết dung lượng lưu minh chứng (500 MB).");
  const temp = await writeTemp({ dataDir: config.dataDir, unitId: row.unitId, data: file.data });
  try {
    return await db.transaction(async (tx) => {
      const saved = await createInitiativeFilesRepository(tx).insert({
        initiativeId: id,
        unitId: row.unitId,
        kind: "file",
        fileName: file.fileName,
        contentType: CONTENT_TYPES[type],
        size: file.data.byteLength,
        storageKey: temp.key,
        createdBy: actor.userId,
      });
      await writeAudit({
        tx,
        actor,
        record: {
          entity: "followUpFile",
          entityId: saved.id,
          action: "upload",
          after: { initiative: row.title, fileName: saved.fileName, size: saved.size },
        },
      });
      await putInPlace(temp);
      return presentFile(saved);
    });
  } catch (error) {
    await fs.rm(temp.tempPath, { force: true });
    throw error;
  }
}

export async function addInitiativeLink({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: string;
  input: z.infer<typeof initiativeLinkBody>;
}) {
  const row = await attachTarget({ db, actor, id });
  return db.transaction(async (tx) => {
    const saved = await createInitiativeFilesRepository(tx).insert({
      initiativeId: id,
      unitId: row.unitId,
      kind: "link",
      url: input.url,
      title: input.title,
      createdBy: actor.userId,
    });
    await writeAudit({
      tx,
      actor,
      record: {
        entity: "followUpFile",
        entityId: saved.id,
        action: "link",
        after: { initiative: row.title, url: saved.url, title: saved.title },
      },
    });
    return presentFile(saved);
  });
}

/** The initiative's file `fileId`, if it is one of its files; "not found" otherwise. */
async function fileOf(db: Db, id: string, fileId: string) {
  const file = await createInitiativeFilesRepository(db).find(fileId);
  if (!file || file.initiativeId !== id) throw fileNotFound();
  return file;
}

/** Removes a file or link while the unit may still add them; the stored bytes go after the commit. */
export async function removeInitiativeFile({
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
  const row = await attachTarget({ db, actor, id });
  const file = await fileOf(db, id, fileId);
  await db.transaction(async (tx) => {
    await createInitiativeFilesRepository(tx).remove(file.id);
    await writeAudit({
      tx,
      actor,
      record: {
        entity: "followUpFile",
        entityId: file.id,
        action: "delete",
        before: { initiative: row.title, fileName: file.fileName, url: file.url },
      },
    });
  });
  if (file.storageKey)
    await fs.rm(storedPath({ dataDir: config.dataDir, key: file.storageKey }), { force: true });
}

/** A file for download, if the actor may read its initiative. */
export async function openInitiativeFile({
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
  await loadVisible({ db, actor, id }).catch(() => {
    throw fileNotFound();
  });
  const file = await fileOf(db, id, fileId);
  if (file.kind !== "file" || !file.storageKey) throw fileNotFound();
  const data = await fs.readFile(storedPath({ dataDir: config.dataDir, key: file.storageKey })).catch(() => {
    throw fileNotFound();
  });
  return { fileName: file.fileName, contentType: file.contentType, data };
}
