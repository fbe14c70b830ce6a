import { createHash, randomUUID } from "node:crypto";
import { gzipSync } from "node:zlib";
import type { z } from "zod";
import type {
  orgUnitCreateBody,
  orgUnitMergeBody,
  orgUnitUpdateBody,
} from "../../../../core/src/api/org-units.schemas";
import { buildUnitSearchText, searchQueryForms } from "../../../../core/src/text/unit-search";
import type { Actor, AuditActor } from "../../app/actor";
import { provinceToday } from "../../app/clock";
import type { Db, DbOrTx } from "../../app/db";
import { AppError, badRequest, forbidden, notFound } from "../../app/errors";
import { readRevisions } from "../../app/revisions";
import { writeAudit } from "../audit/audit.repository";
import { sessionCache } from "../auth/session-cache";
import { canManageDirectory, canReadUnit, directoryScope } from "./org-units.policy";
import { presentTreeNode } from "./org-units.presenter";
import { createOrgUnitsRepository, type OrgUnitRow } from "./org-units.repository";

type CreateInput = z.infer<typeof orgUnitCreateBody>;
type UpdateInput = z.infer<typeof orgUnitUpdateBody>;
type MergeInput = z.infer<typeof orgUnitMergeBody>;

/** Today in the province (app/clock.ts). */
export const today = () => provinceToday();

/** Loads a unit the actor may see, or answers "not found" (never "forbidden": existence is not revealed). */
export async function getVisibleUnit({ db, actor, id }: { db: DbOrTx; actor: Actor; id: string }) {
  const unit = await createOrgUnitsRepository(db).findById(id);
  if (!unit || !canReadUnit(actor, unit)) throw notFound("orgUnit.notFound", "Không tìm thấy đơn vị.");
  return unit;
}

/** Diacritic- and case-insensitive search that knows abbreviations, best match first. */
export async function searchUnits({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: {
    q?: string;
    kind?: string;
    parentId?: string;
    includeHistorical?: "true" | "false";
    limit: number;
  };
}) {
  return createOrgUnitsRepository(db).search({
    forms: query.q ? searchQueryForms(query.q) : [],
    provinceId: directoryScope(actor),
    kind: query.kind,
    parentId: query.parentId,
    activeOn: query.includeHistorical === "true" ? null : today(),
    limit: query.limit,
  });
}

export async function listUnitTree({
  db,
  actor,
  includeHistorical,
}: {
  db: Db;
  actor: Actor;
  includeHistorical: boolean;
}) {
  return createOrgUnitsRepository(db).listTree({
    provinceId: directoryScope(actor),
    activeOn: includeHistorical ? null : today(),
  });
}

// Serialised trees by (revision, scope, history, day): the tree is the largest answer of the
// directory and changes rarely, so it is built once per change and served from memory.
const treeCache = new Map<string, { json: string; gzip: Buffer }>();
const TREE_CACHE_ENTRIES = 200;

/**
 * The visible tree as JSON text, and gzipped once (a national tree is ~0.5 MB of JSON, ~10× less
 * compressed), with an ETag that changes whenever any unit changes.
 */
export async function getUnitTreeJson({
  db,
  actor,
  includeHistorical,
}: {
  db: Db;
  actor: Actor;
  includeHistorical: boolean;
}) {
  const revision = await readRevisions(db, ["org_units"]);
  const day = today();
  const key = `${revision}|${directoryScope(actor) ?? "all"}|${includeHistorical}|${day}`;
  const etag = `W/"tree-${createHash("sha1").update(key).digest("base64url").slice(0, 20)}"`;
  let body = treeCache.get(key);
  if (!body) {
    const rows = await listUnitTree({ db, actor, includeHistorical });
    const json = JSON.stringify({ nodes: rows.map((r) => presentTreeNode(r, day)) });
    body = { json, gzip: gzipSync(json) };
    if (treeCache.size >= TREE_CACHE_ENTRIES) treeCache.delete(treeCache.keys().next().value as string);
    treeCache.set(key, body);
  }
  return { etag, ...body };
}

export async function getUnitDetail({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  const repo = createOrgUnitsRepository(db);
  const unit = await getVisibleUnit({ db, actor, id });
  const ancestorIds = unit.path.split("/").filter((p) => p && p !== unit.id);
  const [ancestors, children, eventRows, groups] = await Promise.all([
    repo.findByIds(ancestorIds),
    repo.listChildren(unit.id),
    repo.listEventsOf(unit.id),
    repo.groupsContaining(unit.id),
  ]);
  const byId = new Map(ancestors.map((a) => [a.id, a]));
  const events = new Map<
    string,
    {
      id: string;
      kind: string;
      effectiveDate: string;
      decision: string;
      note: string;
      predecessors: { id: string; name: string }[];
      successors: { id: string; name: string }[];
    }
  >();
  for (const row of eventRows) {
    const event = events.get(row.id) ?? {
      id: row.id,
      kind: row.kind,
      effectiveDate: row.effectiveDate,
      decision: row.decision,
      note: row.note,
      predecessors: [],
      successors: [],
    };
    (row.role === "predecessor" ? event.predecessors : event.successors).push({
      id: row.unitId,
      name: row.unitName,
    });
    events.set(row.id, event);
  }
  return {
    unit,
    ancestors: ancestorIds.map((aid) => byId.get(aid)).filter((a): a is OrgUnitRow => !!a),
    children: children.filter((c) => canReadUnit(actor, c)),
    events: [...events.values()],
    groups,
  };
}

function assertValidity(input: { validFrom?: string | null; validTo?: string | null }) {
  if (input.validFrom && input.validTo && input.validTo < input.validFrom) {
    throw badRequest("orgUnit.validity", "Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.");
  }
}

/** Inserts a unit under its parent (or as a root) with its path and search text; no policy check. */
export async function insertUnit({
  tx,
  input,
  id = randomUUID(),
}: {
  tx: DbOrTx;
  input: CreateInput;
  id?: string;
}) {
  const repo = createOrgUnitsRepository(tx);
  assertValidity(input);
  let path = `/${id}/`;
  let depth = 0;
  let provinceId: string | null = input.kind === "province" ? id : null;
  if (input.parentId) {
    const parent = await repo.findById(input.parentId);
    if (!parent) throw badRequest("orgUnit.parentNotFound", "Đơn vị cấp trên không tồn tại.");
    path = `${parent.path}${id}/`;
    depth = parent.depth + 1;
    provinceId = parent.provinceId;
  }
  return repo.insert({
    id,
    kind: input.kind,
    parentId: input.parentId ?? null,
    provinceId,
    path,
    depth,
    name: input.name,
    shortName: input.shortName ?? null,
    code: input.code ?? null,
    aliases: input.aliases ?? [],
    searchText: buildUnitSearchText(input),
    validFrom: input.validFrom ?? null,
    validTo: input.validTo ?? null,
  });
}

/** Creates a unit in the directory. */
export async function createUnit({ db, actor, input }: { db: Db; actor: Actor; input: CreateInput }) {
  if (!canManageDirectory(actor)) throw forbidden();
  if (input.parentId) await getVisibleUnit({ db, actor, id: input.parentId });
  return db.transaction(async (tx) => {
    const unit = await insertUnit({ tx, input });
    await writeAudit({
      tx,
      actor,
      record: { entity: "orgUnit", entityId: unit.id, action: "create", after: unit },
    });
    return unit;
  });
}

/** Changes a unit's names, validity or parent; moving a unit moves its subtree. */
export async function updateUnit({
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
  const before = await getVisibleUnit({ db, actor, id });
  if (!canManageDirectory(actor)) throw forbidden();
  return db.transaction(async (tx) => {
    const repo = createOrgUnitsRepository(tx);
    const merged = { ...before, ...input };
    assertValidity(merged);
    const values: Partial<OrgUnitRow> = {
      kind: merged.kind,
      name: merged.name,
      shortName: merged.shortName ?? null,
      code: merged.code ?? null,
      aliases: merged.aliases ?? [],
      validFrom: merged.validFrom ?? null,
      validTo: merged.validTo ?? null,
      searchText: buildUnitSearchText({ ...merged, aliases: merged.aliases ?? [] }),
    };
    if (input.parentId !== undefined && input.parentId !== before.parentId) {
      await moveUnit({ tx, unit: before, parentId: input.parentId });
      // Sessions carry their unit's path and province: a move changes them.
      sessionCache.clear();
      values.parentId = input.parentId;
    }
    const after = await repo.update({ id, values });
    await writeAudit({
      tx,
      actor,
      record: { entity: "orgUnit", entityId: id, action: "update", before, after },
    });
    return after!;
  });
}

async function moveUnit({ tx, unit, parentId }: { tx: DbOrTx; unit: OrgUnitRow; parentId: string | null }) {
  const repo = createOrgUnitsRepository(tx);
  let newPath = `/${unit.id}/`;
  let depth = 0;
  let provinceId = unit.kind === "province" ? unit.id : null;
  if (parentId) {
    const parent = await repo.findById(parentId);
    if (!parent) throw badRequest("orgUnit.parentNotFound", "Đơn vị cấp trên không tồn tại.");
    if (parent.path.startsWith(unit.path)) {
      throw badRequest("orgUnit.cycle", "Không thể chuyển đơn vị vào chính nó hoặc đơn vị cấp dưới của nó.");
    }
    newPath = `${parent.path}${unit.id}/`;
    depth = parent.depth + 1;
    provinceId = parent.provinceId;
  }
  await repo.movePaths({
    oldPrefix: unit.path,
    newPrefix: newPath,
    depthDelta: depth - unit.depth,
    provinceId,
  });
}

/**
 * Records a merge, split, rename or dissolution: predecessors end the day before the event, successors
 * (existing or created here) are linked, and a merged province's history moves to its successor's view.
 */
export async function recordUnitEvent({ db, actor, input }: { db: Db; actor: Actor; input: MergeInput }) {
  if (!canManageDirectory(actor)) throw forbidden();
  if (input.kind !== "dissolve" && input.successorIds.length === 0 && !input.newSuccessor) {
    throw badRequest("orgUnit.event.noSuccessor", "Chọn đơn vị kế thừa hoặc tạo đơn vị mới.");
  }
  const overlap = input.predecessorIds.filter((id) => input.successorIds.includes(id));
  if (overlap.length && input.kind !== "merge") {
    throw badRequest("orgUnit.event.overlap", "Một đơn vị không thể vừa là đơn vị cũ vừa là đơn vị kế thừa.");
  }
  for (const id of [...input.predecessorIds, ...input.successorIds]) await getVisibleUnit({ db, actor, id });
  return applyUnitEvent({ db, actor, input });
}

/** The event itself, without the policy check: used by the service above and by seeding. */
export async function applyUnitEvent({ db, actor, input }: { db: Db; actor: AuditActor; input: MergeInput }) {
  return db.transaction((tx) => applyUnitEventInTx({ tx, actor, input }));
}

/** The event inside a caller's transaction (seeding and imports apply many in one). */
export async function applyUnitEventInTx({
  tx,
  actor,
  input,
}: {
  tx: DbOrTx;
  actor: AuditActor;
  input: MergeInput;
}) {
  {
    const repo = createOrgUnitsRepository(tx);
    const successorIds = [...input.successorIds];
    if (input.newSuccessor) successorIds.push((await insertUnit({ tx, input: input.newSuccessor })).id);
    const event = await repo.insertEvent({
      kind: input.kind,
      effectiveDate: input.effectiveDate,
      decision: input.decision,
      note: input.note,
    });
    await repo.insertEventLinks([
      ...input.predecessorIds.map((unitId) => ({ eventId: event.id, unitId, role: "predecessor" as const })),
      ...successorIds.map((unitId) => ({ eventId: event.id, unitId, role: "successor" as const })),
    ]);
    const dayBefore = new Date(Date.parse(`${input.effectiveDate}T00:00:00Z`) - 86_400_000)
      .toISOString()
      .slice(0, 10);
    const successors = await repo.findByIds(successorIds);
    for (const id of input.predecessorIds) {
      // A unit that absorbs others (a merge into an existing unit) lives on.
      if (successorIds.includes(id)) continue;
      const unit = await repo.findById(id);
      if (!unit) throw new AppError(400, "orgUnit.notFound", "Không tìm thấy đơn vị.");
      if (!unit.validTo || unit.validTo > dayBefore)
        await repo.update({ id, values: { validTo: dayBefore } });
      const heir = successors.find((s) => s.kind === "province");
      if (unit.kind === "province" && heir && unit.parentId === null) {
        await repo.movePaths({
          oldPrefix: unit.path,
          newPrefix: unit.path,
          depthDelta: 0,
          provinceId: heir.provinceId,
        });
      }
    }
    await writeAudit({
      tx,
      actor,
      record: {
        entity: "orgUnitEvent",
        entityId: event.id,
        action: input.kind,
        after: { ...event, predecessorIds: input.predecessorIds, successorIds },
      },
    });
    return { event, successorIds };
  }
}
