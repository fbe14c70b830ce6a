/**
 * An item's evidence and comments, from both sides of it: files checked and stored as reports'
 * evidence is (reporting/evidence/evidence.files.ts: type by content, size, DATA_DIR/files, one quota
 * per unit), links, downloads for whoever sees the item, removal by the uploader while the work is
 * under way. An accepted or closed item takes no more files.
 */
import fs from "node:fs/promises";
import type { z } from "zod";
import type { itemLinkBody } from "../../../../../core/src/api/follow-up-items.schemas";
import type { FollowUpState } from "../../../../../core/src/follow-up/items";
import type { Actor } from "../../../app/actor";
import type { AppConfig } from "../../../app/config";
import type { Db, DbOrTx } from "../../../app/db";
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
import { itemRelations } from "../follow-up.policy";
import { filesRemovable, itemLike, loadVisibleItem, takesFiles, takesPart } from "./items.access";
import { createItemFilesRepository } from "./items.files.repository";
import { presentFile } from "./items.presenter";
import { createItemsRepository, type ItemView } from "./items.repository";
import { getItem } from "./items.service";

/** A comment in the item's history (an event of the item, not an audited action's name). */
const COMMENT_EVENT = "comment";

const fileNotFound = () => notFound("followUp.fileNotFound", "Không tìm thấy tài liệu.");

const SETTLED: Record<string, string> = {
  accepted: "việc này đã được chấp nhận",
  closed: "việc này đã đóng",
};

/** The item, locked, if the actor takes part in it and it still takes evidence. */
async function fileTarget(tx: DbOrTx, actor: Actor, id: string) {
  const item = await loadVisibleItem({ db: tx, actor, id, lock: true });
  if (!takesPart(itemRelations(actor, itemLike(item))))
    throw forbidden("followUp.forbidden", "Bạn không có quyền thêm tài liệu cho việc này.");
  if (!takesFiles(item.state as FollowUpState))
    throw conflict(
      "followUp.settled",
      `Không thể thêm tài liệu: ${SETTLED[item.state]}. Hãy mở lại việc nếu cần bổ sung.`,
    );
  return item;
}

async function presentOne(db: DbOrTx, actor: Actor, item: ItemView, fileId: string) {
  const row = await createItemFilesRepository(db).findFile(item.id, fileId);
  if (!row) throw fileNotFound();
  return presentFile(row, filesRemovable(item.state as FollowUpState) && row.createdBy === actor.userId);
}

/** Stores a file: checked by content and against the uploader's unit's quota; renamed into place before the commit. */
export async function uploadItemFile({
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
  return db.transaction(async (tx) => {
    const item = await fileTarget(tx, actor, id);
    const type = checkEvidenceType(file);
    const repo = createItemFilesRepository(tx);
    const used = await createEvidenceRepository(tx).unitUsage(actor.unitId);
    if (used + file.data.byteLength > UNIT_QUOTA_BYTES)
      throw new AppError(413, "evidence.quota", "Đơn vị đã dùng hết dung lượng lưu minh chứng (500 MB).");
    const temp = await writeTemp({ dataDir: config.dataDir, unitId: actor.unitId, data: file.data });
    try {
      const fileId = await repo.insertFile({
        itemId: id,
        unitId: actor.unitId,
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
          entityId: fileId,
          action: "upload",
          after: { fileName: file.fileName, size: file.data.byteLength, content: item.content },
        },
      });
      await putInPlace(temp);
      return presentOne(tx, actor, item, fileId);
    } catch (error) {
      await fs.rm(temp.tempPath, { force: true });
      throw error;
    }
  });
}

/** A link as evidence (a published answer, a shared folder). */
export async function addItemLink({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: string;
  input: z.infer<typeof itemLinkBody>;
}) {
  return db.transaction(async (tx) => {
    const item = await fileTarget(tx, actor, id);
    const fileId = await createItemFilesRepository(tx).insertFile({
      itemId: id,
      unitId: actor.unitId,
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
        entityId: fileId,
        action: "link",
        after: { url: input.url, title: input.title, content: item.content },
      },
    });
    return presentOne(tx, actor, item, fileId);
  });
}

/** A stored file for download, to whoever sees its item. */
export async function openItemFile({
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
  await loadVisibleItem({ db, actor, id });
  const row = await createItemFilesRepository(db).findFile(id, fileId);
  if (row?.kind !== "file" || !row.storageKey) throw fileNotFound();
  const data = await fs.readFile(storedPath({ dataDir: config.dataDir, key: row.storageKey })).catch(() => {
    throw fileNotFound();
  });
  return { fileName: row.fileName, contentType: row.contentType, data };
}

/** The uploader takes a file or link back while the item is open or returned; the stored bytes go after the commit. */
export async function deleteItemFile({
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
  const key = await db.transaction(async (tx) => {
    const item = await loadVisibleItem({ db: tx, actor, id, lock: true });
    const repo = createItemFilesRepository(tx);
    const row = await repo.findFile(id, fileId);
    if (!row) throw fileNotFound();
    if (row.createdBy !== actor.userId)
      throw forbidden("followUp.notUploader", "Chỉ người đã thêm tài liệu mới được xóa tài liệu đó.");
    if (!filesRemovable(item.state as FollowUpState))
      throw conflict(
        "followUp.filesSettled",
        "Chỉ xóa được tài liệu khi việc đang xử lý hoặc bị trả lại, chưa báo cáo hay đã kết thúc.",
      );
    await repo.deleteFile(id, fileId);
    await writeAudit({
      tx,
      actor,
      record: {
        entity: "followUpFile",
        entityId: fileId,
        action: "delete",
        before: row.kind === "file" ? { fileName: row.fileName, size: Number(row.size) } : { url: row.url },
      },
    });
    return row.storageKey;
  });
  // After the commit: a failed removal leaves an unused file, never a row without its file.
  if (key) await fs.rm(storedPath({ dataDir: config.dataDir, key }), { force: true }).catch(() => undefined);
  return getItem({ db, actor, id });
}

/** A comment from either side of the item: an event in its history, audited. */
export async function addItemComment({
  db,
  actor,
  id,
  body,
}: {
  db: Db;
  actor: Actor;
  id: string;
  body: string;
}) {
  await db.transaction(async (tx) => {
    const item = await loadVisibleItem({ db: tx, actor, id });
    if (!takesPart(itemRelations(actor, itemLike(item))))
      throw forbidden("followUp.forbidden", "Bạn không có quyền cho ý kiến về việc này.");
    await createItemsRepository(tx).insertEvent({
      itemId: id,
      action: COMMENT_EVENT,
      note: body,
      byUserId: actor.userId,
      byUnitId: actor.unitId,
    });
    await writeAudit({
      tx,
      actor,
      record: {
        entity: "followUpItem",
        entityId: id,
        action: "followUp.comment",
        after: { body, content: item.content },
      },
    });
  });
  return getItem({ db, actor, id });
}
