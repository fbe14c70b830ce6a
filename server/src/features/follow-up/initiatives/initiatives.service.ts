/**
 * The initiatives' register: a unit registers its initiatives of a year (a coordinator may for any
 * unit of her province), changes them while they are only proposed, and fills the result achieved
 * once they are recognised; everyone reads what the policy lets them, a page at a time.
 */
import fs from "node:fs/promises";
import type { z } from "zod";
import type {
  initiativeCreateBody,
  initiativeDetail,
  initiativeListQuery,
  initiativeUpdateBody,
} from "../../../../../core/src/api/follow-up-initiatives.schemas";
import {
  INITIATIVE_STATE_LABELS_VI,
  type InitiativeState,
  initiativeActions,
  initiativeEditable,
  initiativeYearProblem,
} from "../../../../../core/src/follow-up/initiatives";
import { type Actor, hasRole } from "../../../app/actor";
import { provinceToday } from "../../../app/clock";
import type { AppConfig } from "../../../app/config";
import type { Db, DbOrTx } from "../../../app/db";
import { AppError, badRequest, conflict, forbidden, notFound } from "../../../app/errors";
import { writeAudit } from "../../audit/audit.repository";
import { getVisibleUnit } from "../../org-units/org-units.service";
import { TOTAL_CAP } from "../../plans/views/views.repository";
import { storedPath } from "../../reporting/evidence/evidence.files";
import { iso } from "../../reporting/reports/report.presenter";
import {
  canDecideInitiative,
  canReadInitiative,
  canRegisterInitiative,
  initiativeScope,
} from "../follow-up.policy";
import { createInitiativeFilesRepository } from "./initiative-files.repository";
import { presentFile, presentSummary } from "./initiatives.presenter";
import { createInitiativesRepository, type InitiativeRow } from "./initiatives.repository";

export const initiativeNotFound = () => notFound("initiative.notFound", "Không tìm thấy sáng kiến.");
export const initiativeConflict = () =>
  new AppError(409, "initiative.conflict", "Sáng kiến vừa được người khác thay đổi. Hãy tải lại.");

/** The province's current year, on its clock. */
export const currentYear = () => Number(provinceToday().slice(0, 4));

/** An initiative the actor may read, with its replications; "not found" otherwise. */
export async function loadVisible({ db, actor, id }: { db: DbOrTx; actor: Actor; id: string }) {
  const repo = createInitiativesRepository(db);
  const row = await repo.find(id);
  if (!row) throw initiativeNotFound();
  const replications = await repo.replications(id);
  const visible = canReadInitiative(actor, {
    provinceId: row.provinceId,
    unitPath: row.unitPath,
    replicatedToPaths: replications.map((r) => r.unitPath),
  });
  if (!visible) throw initiativeNotFound();
  return { row, replications };
}

/** The initiative's unit as the registering policy reads it. */
export const unitOf = (row: Pick<InitiativeRow, "unitId" | "unitPath" | "provinceId">) => ({
  id: row.unitId,
  path: row.unitPath,
  provinceId: row.provinceId,
});

/** What the actor may do with an initiative (the page's buttons; the writes decide again). */
export function initiativeCan(
  actor: Actor,
  row: Pick<InitiativeRow, "unitId" | "unitPath" | "provinceId" | "state">,
) {
  const state = row.state as InitiativeState;
  const registers = canRegisterInitiative(actor, unitOf(row));
  const editable = initiativeEditable(state);
  return {
    update: registers && editable === "all",
    updateResult: registers && editable !== "none",
    delete: registers && editable === "all",
    attach: registers && editable !== "none",
    actions: canDecideInitiative(actor, row) ? initiativeActions(state) : [],
  };
}

export async function getInitiative({
  db,
  actor,
  id,
}: {
  db: DbOrTx;
  actor: Actor;
  id: string;
}): Promise<z.infer<typeof initiativeDetail>> {
  const { row, replications } = await loadVisible({ db, actor, id });
  const repo = createInitiativesRepository(db);
  const [files, history] = await Promise.all([
    createInitiativeFilesRepository(db).list(id),
    repo.history(id),
  ]);
  return {
    ...presentSummary(row),
    provinceId: row.provinceId,
    problem: row.problem,
    solution: row.solution,
    expectedResult: row.expectedResult,
    actualResult: row.actualResult,
    decisionNote: row.decisionNote,
    replications: replications.map(({ unitId, unitName, fromDate }) => ({ unitId, unitName, fromDate })),
    files: files.map(presentFile),
    history: history.map((h) => ({
      at: iso(h.at) ?? "",
      actorName: h.actorName,
      action: h.action,
      note: h.note,
      // jsonb arrives parsed from node-postgres, as text from some drivers.
      units: (typeof h.units === "string" ? JSON.parse(h.units) : h.units) as string[],
      fromDate: h.fromDate,
    })),
    can: initiativeCan(actor, row),
  };
}

/** The register, filtered and paged, cut to what the actor may read. */
export async function listInitiatives({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: z.infer<typeof initiativeListQuery>;
}) {
  const unit = query.unitId ? await getVisibleUnit({ db, actor, id: query.unitId }) : null;
  const { rows, total } = await createInitiativesRepository(db).page({
    scope: initiativeScope(actor),
    year: query.year,
    state: query.state,
    unitPath: unit?.path,
    versionCode: query.versionCode,
    componentCode: query.componentCode,
    q: query.q,
    limit: query.pageSize,
    // Offsets stop at the cap, as the other lists' do: nobody pages that far, and nothing scans further.
    offset: Math.min((query.page - 1) * query.pageSize, TOTAL_CAP),
    cap: TOTAL_CAP,
  });
  const writes = ["officer", "head", "coordinator", "admin"] as const;
  return {
    initiatives: rows.map(presentSummary),
    total: Math.min(total, TOTAL_CAP),
    totalExact: total <= TOTAL_CAP,
    page: query.page,
    pageSize: query.pageSize,
    can: {
      register: writes.some((r) => hasRole(actor, r)),
      decide: actor.provinceId !== null && canDecideInitiative(actor, { provinceId: actor.provinceId }),
    },
  };
}

/** A refusal to register or change an initiative for a unit that is not the actor's. */
const notYourUnit = (unitName: string) =>
  forbidden(
    "initiative.otherUnit",
    `Bạn chỉ đăng ký, sửa sáng kiến của đơn vị mình; “${unitName}” không phải đơn vị của bạn.`,
  );

/** The aimed component exists in a published version of an index the province uses. */
async function checkComponent(
  db: DbOrTx,
  p: { versionCode: string | null; componentCode: string | null; provinceId: string },
) {
  if (!p.versionCode || !p.componentCode) return;
  const usable = await createInitiativesRepository(db).componentUsable({
    versionCode: p.versionCode,
    componentCode: p.componentCode,
    provinceId: p.provinceId,
  });
  if (!usable)
    throw badRequest(
      "initiative.component",
      "Chỉ số thành phần đã chọn không có trong bộ chỉ số đang áp dụng. Hãy chọn lại.",
    );
}

export async function registerInitiative({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: z.infer<typeof initiativeCreateBody>;
}) {
  const unit = await getVisibleUnit({ db, actor, id: input.unitId });
  if (!unit.provinceId) throw badRequest("initiative.unit", "Hãy chọn một đơn vị của tỉnh.");
  if (!canRegisterInitiative(actor, { id: unit.id, path: unit.path, provinceId: unit.provinceId }))
    throw notYourUnit(unit.name);
  const yearProblem = initiativeYearProblem(input.year, currentYear());
  if (yearProblem) throw badRequest("initiative.year", yearProblem);
  const provinceId = unit.provinceId;
  await checkComponent(db, { ...input, provinceId });
  const id = await db.transaction(async (tx) => {
    const row = await createInitiativesRepository(tx).insert({
      provinceId,
      unitId: unit.id,
      unitPath: unit.path,
      year: input.year,
      title: input.title,
      problem: input.problem,
      solution: input.solution,
      field: input.field,
      versionCode: input.versionCode,
      componentCode: input.componentCode,
      expectedResult: input.expectedResult,
      actualResult: input.actualResult,
      state: "proposed",
      createdBy: actor.userId,
    });
    await writeAudit({
      tx,
      actor,
      record: {
        entity: "initiative",
        entityId: row.id,
        action: "create",
        after: { unit: unit.name, year: row.year, title: row.title, state: row.state },
      },
    });
    return row.id;
  });
  return getInitiative({ db, actor, id });
}

const CONTENT_KEYS = [
  "title",
  "problem",
  "solution",
  "field",
  "versionCode",
  "componentCode",
  "expectedResult",
  "actualResult",
] as const;

/**
 * Changes an initiative on the version read: everything while it is proposed; once recognised (or
 * replicated) only the result achieved; nothing once it is not recognised.
 */
export async function updateInitiative({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: string;
  input: z.infer<typeof initiativeUpdateBody>;
}) {
  await db.transaction(async (tx) => {
    const { row } = await loadVisible({ db: tx, actor, id });
    if (!canRegisterInitiative(actor, unitOf(row))) throw notYourUnit(row.unitName);
    const editable = initiativeEditable(row.state as InitiativeState);
    const changed = CONTENT_KEYS.filter((k) => input[k] !== undefined && input[k] !== row[k]);
    if (editable === "none" || (editable === "result" && changed.some((k) => k !== "actualResult")))
      throw conflict(
        "initiative.notEditable",
        editable === "none"
          ? `Sáng kiến “${INITIATIVE_STATE_LABELS_VI[row.state as InitiativeState]}” không sửa được nữa.`
          : "Sáng kiến đã được quyết định: chỉ còn cập nhật được kết quả đạt được.",
      );
    if (row.version !== input.version) throw initiativeConflict();
    if (input.versionCode !== undefined)
      await checkComponent(tx, {
        versionCode: input.versionCode,
        componentCode: input.componentCode ?? null,
        provinceId: row.provinceId,
      });
    const set: Partial<InitiativeRow> = {};
    for (const k of changed) (set as Record<string, unknown>)[k] = input[k];
    const updated = await createInitiativesRepository(tx).update({ id, version: input.version, set });
    if (!updated) throw initiativeConflict();
    await writeAudit({
      tx,
      actor,
      record: {
        entity: "initiative",
        entityId: id,
        action: "update",
        before: Object.fromEntries(changed.map((k) => [k, row[k]])),
        after: set,
      },
    });
  });
  return getInitiative({ db, actor, id });
}

/** Removes an initiative still only proposed; its files go with it, their bytes after the commit. */
export async function deleteInitiative({
  db,
  config,
  actor,
  id,
  version,
}: {
  db: Db;
  config: AppConfig;
  actor: Actor;
  id: string;
  version: number;
}) {
  const keys = await db.transaction(async (tx) => {
    const { row } = await loadVisible({ db: tx, actor, id });
    if (!canRegisterInitiative(actor, unitOf(row))) throw notYourUnit(row.unitName);
    if (initiativeEditable(row.state as InitiativeState) !== "all")
      throw conflict(
        "initiative.notEditable",
        `Chỉ xóa được sáng kiến chưa được quyết định; sáng kiến này đang “${INITIATIVE_STATE_LABELS_VI[row.state as InitiativeState]}”.`,
      );
    const stored = await createInitiativeFilesRepository(tx).storageKeys(id);
    if (row.version !== version || !(await createInitiativesRepository(tx).remove({ id, version })))
      throw initiativeConflict();
    await writeAudit({
      tx,
      actor,
      record: {
        entity: "initiative",
        entityId: id,
        action: "delete",
        before: { unit: row.unitName, year: row.year, title: row.title },
      },
    });
    return stored;
  });
  for (const key of keys) await fs.rm(storedPath({ dataDir: config.dataDir, key }), { force: true });
}
