/**
 * Dialogue events: recorded (ahead, as planned, or after they were held), changed, deleted while no
 * recommendation of theirs has been answered, listed and opened with their minutes and counts.
 */
import fs from "node:fs/promises";
import type { z } from "zod";
import type {
  dialogueCreateBody,
  dialogueListQuery,
  dialogueUpdateBody,
} from "../../../../../core/src/api/follow-up-dialogues.schemas";
import { formatDateVi } from "../../../../../core/src/text/dates";
import { foldForMatch } from "../../../../../core/src/text/vietnamese";
import { type Actor, hasRole } from "../../../app/actor";
import type { AppConfig } from "../../../app/config";
import type { Db, DbOrTx } from "../../../app/db";
import { AppError, badRequest, conflict, forbidden, notFound } from "../../../app/errors";
import { writeAudit } from "../../audit/audit.repository";
import { createOrgUnitsRepository } from "../../org-units/org-units.repository";
import { today } from "../../org-units/org-units.service";
import { storedPath } from "../../reporting/evidence/evidence.files";
import { dialogueCounts } from "./dialogues.counts";
import {
  canHostFor,
  canManageDialogue,
  canReadDialogue,
  dialogueScope,
  mayHostSomewhere,
} from "./dialogues.policy";
import { createDialoguesRepository, type DialogueWithHost } from "./dialogues.repository";

type CreateInput = z.infer<typeof dialogueCreateBody>;
type UpdateInput = z.infer<typeof dialogueUpdateBody>;

const missing = () => notFound("dialogue.notFound", "Không tìm thấy hội nghị đối thoại.");

/** Loads a dialogue the actor may read; one she may not is "not found". */
export async function getVisibleDialogue({ db, actor, id }: { db: DbOrTx; actor: Actor; id: string }) {
  const dialogue = await createDialoguesRepository(db).find(id);
  if (!dialogue || !canReadDialogue(actor, dialogue)) throw missing();
  return dialogue;
}

/** A dialogue the actor may change (its host's officers and heads, the province's coordinators). */
export async function getManagedDialogue({ db, actor, id }: { db: DbOrTx; actor: Actor; id: string }) {
  const dialogue = await getVisibleDialogue({ db, actor, id });
  if (!canManageDialogue(actor, dialogue))
    throw forbidden(
      "dialogue.forbidden",
      "Chỉ đơn vị chủ trì hội nghị đối thoại được thay đổi hội nghị này.",
    );
  return dialogue;
}

/** Held: the day has come (a dialogue recorded ahead takes no recommendations yet). */
export const isHeld = (d: { heldOn: string }) => d.heldOn <= today();

const searchTextOf = (d: { title: string; chair: string; sector: string; participants: string }) =>
  foldForMatch([d.title, d.chair, d.sector, d.participants].join(" "));

/** A dialogue on a sector names the sector. */
function checkSector(kind: string, sector: string) {
  if (kind === "sector" && !sector.trim())
    throw badRequest(
      "dialogue.sectorRequired",
      "Đối thoại chuyên đề, theo ngành cần ghi rõ ngành, lĩnh vực.",
    );
}

export async function createDialogue({ db, actor, input }: { db: Db; actor: Actor; input: CreateInput }) {
  const hostId = input.hostUnitId ?? actor.unitId;
  const host = await createOrgUnitsRepository(db).findById(hostId);
  // A unit of another province is not named: "not found", as any unit the actor may not see.
  if (!host || (!hasRole(actor, "admin") && host.provinceId !== actor.provinceId))
    throw notFound("orgUnit.notFound", "Không tìm thấy đơn vị chủ trì.");
  if (!host.provinceId)
    throw badRequest("dialogue.hostProvince", "Đơn vị chủ trì phải là một đơn vị của tỉnh.");
  if (host.validTo && host.validTo < today())
    throw badRequest("dialogue.hostInactive", `Đơn vị "${host.name}" không còn hoạt động.`);
  if (!canHostFor(actor, host))
    throw forbidden(
      "dialogue.forbidden",
      "Bạn chỉ được ghi hội nghị đối thoại do đơn vị mình chủ trì (điều phối viên: cả cấp tỉnh).",
    );
  checkSector(input.kind, input.sector);
  const provinceId = host.provinceId;
  return db.transaction(async (tx) => {
    const row = await createDialoguesRepository(tx).insert({
      provinceId,
      hostUnitId: host.id,
      hostUnitPath: host.path,
      heldOn: input.heldOn,
      kind: input.kind,
      title: input.title,
      chair: input.chair,
      sector: input.sector,
      participantCount: input.participantCount,
      participants: input.participants,
      minutes: input.minutes,
      searchText: searchTextOf(input),
      createdBy: actor.userId,
    });
    await writeAudit({
      tx,
      actor,
      record: {
        entity: "dialogue",
        entityId: row.id,
        action: "create",
        after: { heldOn: row.heldOn, kind: row.kind, title: row.title, hostUnitId: row.hostUnitId },
      },
    });
    return row.id;
  });
}

const EDITABLE = [
  "heldOn",
  "kind",
  "title",
  "chair",
  "sector",
  "participantCount",
  "participants",
  "minutes",
] as const;

export async function updateDialogue({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: string;
  input: UpdateInput;
}) {
  return db.transaction(async (tx) => {
    const repo = createDialoguesRepository(tx);
    await repo.lock(id);
    const current = await getManagedDialogue({ db: tx, actor, id });
    if (current.version !== input.version)
      throw conflict(
        "dialogue.versionConflict",
        "Hội nghị đối thoại vừa được người khác sửa. Hãy tải lại trang rồi sửa tiếp.",
      );
    const next = { ...current };
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const key of EDITABLE) {
      const value = input[key];
      if (value === undefined || value === current[key]) continue;
      before[key] = current[key];
      after[key] = value;
      (next as Record<string, unknown>)[key] = value;
    }
    checkSector(next.kind, next.sector);
    if (after.heldOn !== undefined && (await repo.countRecommendations(id)) > 0) {
      // Recommendations were raised at it: it has been held, and no deadline may come before it.
      if (next.heldOn > today())
        throw badRequest(
          "dialogue.heldOnFuture",
          "Hội nghị đã có kiến nghị nên ngày tổ chức không thể ở sau hôm nay.",
        );
      const earliest = await repo.earliestDue(id);
      if (earliest && earliest < next.heldOn)
        throw badRequest(
          "dialogue.heldOnAfterDue",
          `Ngày tổ chức (${formatDateVi(next.heldOn)}) không thể sau hạn xử lý sớm nhất của các kiến nghị (${formatDateVi(earliest)}).`,
        );
      await repo.moveAroseOn(id, next.heldOn);
    }
    if (!Object.keys(after).length) return id;
    const row = await repo.update(id, input.version, {
      ...(after as Partial<DialogueWithHost>),
      searchText: searchTextOf(next),
    });
    if (!row) throw conflict("dialogue.versionConflict", "Hội nghị đối thoại vừa được người khác sửa.");
    await writeAudit({
      tx,
      actor,
      record: { entity: "dialogue", entityId: id, action: "update", before, after },
    });
    return id;
  });
}

/** Deletes a dialogue with its recommendations and minutes, while none has been answered. */
export async function deleteDialogue({
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
  const keys = await db.transaction(async (tx) => {
    const repo = createDialoguesRepository(tx);
    await repo.lock(id);
    const dialogue = await getManagedDialogue({ db: tx, actor, id });
    if (await repo.hasAnswered(id))
      throw new AppError(
        409,
        "dialogue.answered",
        "Không thể xóa hội nghị đối thoại: đã có kiến nghị được trả lời.",
      );
    const stored = await repo.storedKeys(id);
    const recommendations = await repo.countRecommendations(id);
    await repo.delete(id);
    await writeAudit({
      tx,
      actor,
      record: {
        entity: "dialogue",
        entityId: id,
        action: "delete",
        before: { heldOn: dialogue.heldOn, title: dialogue.title, recommendations },
      },
    });
    return stored;
  });
  // After the commit: a file whose row is gone is only clutter; a row without its file would be a loss.
  for (const key of keys)
    await fs.rm(storedPath({ dataDir: config.dataDir, key }), { force: true }).catch(() => undefined);
}

export async function listDialogues({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: z.infer<typeof dialogueListQuery>;
}) {
  const { rows, total } = await createDialoguesRepository(db).list({
    scope: dialogueScope(actor),
    year: query.year,
    kind: query.kind,
    hostUnitId: query.hostUnitId,
    q: query.q,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return {
    dialogues: rows.map((r) => ({
      id: r.id,
      heldOn: r.heldOn,
      kind: r.kind as CreateInput["kind"],
      title: r.title,
      chair: r.chair,
      sector: r.sector,
      participantCount: r.participantCount,
      hostUnit: { id: r.hostUnitId, name: r.hostUnitName },
      recommendationCount: Number(r.recommendationCount),
      acceptedCount: Number(r.acceptedCount),
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
    can: await hostChoices(db, actor),
  };
}

/** Which units the actor may hold a dialogue for: her unit and, for a coordinator, the province. */
async function hostChoices(db: Db, actor: Actor) {
  if (!mayHostSomewhere(actor)) return { create: false, hostUnits: [], anyHost: false };
  const units = createOrgUnitsRepository(db);
  const candidates = [await units.findById(actor.unitId)];
  if (actor.provinceId && actor.provinceId !== actor.unitId)
    candidates.push(await units.findById(actor.provinceId));
  const hostUnits = candidates
    .filter((u): u is NonNullable<typeof u> => !!u && canHostFor(actor, u))
    .map((u) => ({ id: u.id, name: u.name }));
  const anyHost = hasRole(actor, "admin");
  return { create: anyHost || hostUnits.length > 0, hostUnits, anyHost };
}

export const presentFile = (f: {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  createdAt: Date;
}) => ({
  id: f.id,
  fileName: f.fileName,
  contentType: f.contentType,
  size: Number(f.size),
  createdAt: f.createdAt.toISOString(),
});

/** The dialogue's page: the event, its minutes files, its recommendations counted, what the actor may do. */
export async function getDialogue({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  const d = await getVisibleDialogue({ db, actor, id });
  const repo = createDialoguesRepository(db);
  const [files, facts, answered] = await Promise.all([
    repo.files(id),
    repo.countFacts(id),
    repo.hasAnswered(id),
  ]);
  const counts = dialogueCounts(facts, today());
  const manage = canManageDialogue(actor, d);
  const held = isHeld(d);
  return {
    id: d.id,
    heldOn: d.heldOn,
    kind: d.kind as CreateInput["kind"],
    title: d.title,
    chair: d.chair,
    sector: d.sector,
    participantCount: d.participantCount,
    hostUnit: { id: d.hostUnitId, name: d.hostUnitName },
    recommendationCount: counts.total,
    acceptedCount: counts.accepted,
    participants: d.participants,
    minutes: d.minutes,
    version: d.version,
    held,
    files: files.map(presentFile),
    counts,
    can: {
      update: manage,
      delete: manage && !answered,
      addRecommendations: manage && held,
      // Publication is decided per recommendation; the page shows the switches when any may be used.
      publish: manage || (hasRole(actor, "coordinator") && actor.provinceId === d.provinceId),
    },
  };
}
