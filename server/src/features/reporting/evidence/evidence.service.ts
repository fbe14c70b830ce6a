/** Evidence of a report: files checked by content within the unit's quota, links, and downloads. */
import fs from "node:fs/promises";
import type { z } from "zod";
import type { linkBody } from "../../../../../core/src/api/reporting.schemas";
import type { Actor } from "../../../app/actor";
import type { AppConfig } from "../../../app/config";
import type { Db } from "../../../app/db";
import { AppError, badRequest, notFound } from "../../../app/errors";
import { writeAudit } from "../../audit/audit.repository";
import { today } from "../../org-units/org-units.service";
import { canEditReport } from "../reporting.policy";
import { presentEvidence } from "../reports/report.presenter";
import { asLike, editRefusal, getVisibleReport } from "../reports/reports.service";
import {
  CONTENT_TYPES,
  checkEvidenceType,
  putInPlace,
  storedPath,
  UNIT_QUOTA_BYTES,
  writeTemp,
} from "./evidence.files";
import { createEvidenceRepository } from "./evidence.repository";

async function evidenceTarget({
  db,
  actor,
  id,
  entryId,
}: {
  db: Db;
  actor: Actor;
  id: string;
  entryId: string | null;
}) {
  const report = await getVisibleReport({ db, actor, id });
  if (!canEditReport(actor, asLike(report), today())) throw editRefusal(report);
  if (entryId && !(await createEvidenceRepository(db).entryBelongs({ entryId, reportId: id })))
    throw badRequest("evidence.entryNotFound", "Nhiệm vụ không thuộc báo cáo này.");
  return report;
}

/**
 * Stores an evidence file: checked by content, counted against the unit's quota; written under a
 * temporary name first and renamed only once its row is in, so a failure leaves no orphan row.
 */
export async function uploadEvidence({
  db,
  config,
  actor,
  id,
  entryId,
  file,
}: {
  db: Db;
  config: AppConfig;
  actor: Actor;
  id: string;
  entryId: string | null;
  file: { fileName: string; data: Uint8Array };
}) {
  const report = await evidenceTarget({ db, actor, id, entryId });
  const type = checkEvidenceType(file);
  const used = await createEvidenceRepository(db).unitUsage(report.unitId);
  if (used + file.data.byteLength > UNIT_QUOTA_BYTES)
    throw new AppError(413, "evidence.quota", "Đơn vị đã dùng hết dung lượng lưu minh chứng (500 MB).");
  const temp = await writeTemp({ dataDir: config.dataDir, unitId: report.unitId, data: file.data });
  try {
    return await db.transaction(async (tx) => {
      const row = await createEvidenceRepository(tx).insertEvidence({
        reportId: id,
        entryId,
        unitId: report.unitId,
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
        record: { entity: "reportEvidence", entityId: row.id, action: "upload", after: row },
      });
      await putInPlace(temp);
      return presentEvidence(row);
    });
  } catch (error) {
    await fs.rm(temp.tempPath, { force: true });
    throw error;
  }
}

/** A link as evidence (a published page, a shared folder). */
export async function addEvidenceLink({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: string;
  input: z.infer<typeof linkBody>;
}) {
  const report = await evidenceTarget({ db, actor, id, entryId: input.entryId });
  return db.transaction(async (tx) => {
    const row = await createEvidenceRepository(tx).insertEvidence({
      reportId: id,
      entryId: input.entryId,
      unitId: report.unitId,
      kind: "link",
      url: input.url,
      title: input.title,
      createdBy: actor.userId,
    });
    await writeAudit({
      tx,
      actor,
      record: { entity: "reportEvidence", entityId: row.id, action: "link", after: row },
    });
    return presentEvidence(row);
  });
}

/** An evidence file for download, if the actor may read its report. */
export async function openEvidence({
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
  const row = await createEvidenceRepository(db).findEvidence(id);
  const missing = () => notFound("evidence.notFound", "Không tìm thấy tệp minh chứng.");
  if (row?.kind !== "file" || !row.storageKey) throw missing();
  await getVisibleReport({ db, actor, id: row.reportId }).catch(() => {
    throw missing();
  });
  const data = await fs.readFile(storedPath({ dataDir: config.dataDir, key: row.storageKey })).catch(() => {
    throw missing();
  });
  return { fileName: row.fileName, contentType: row.contentType, data };
}
