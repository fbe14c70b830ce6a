/** Targets a province sets for a year, with the baseline (last published figure) and the gap. */
import type { z } from "zod";
import type { targetCreateBody, targetUpdateBody } from "../../../../core/src/api/indices.schemas";
import { matchProvince } from "../../../../core/src/indices/provinces/match";
import type { Actor } from "../../app/actor";
import { hasRole } from "../../app/actor";
import type { Db, DbOrTx } from "../../app/db";
import { badRequest, conflict, forbidden, notFound } from "../../app/errors";
import { writeAudit } from "../audit/audit.repository";
import { getVisibleUnit } from "../org-units/org-units.service";
import { canReadTargets, canWriteTargets } from "./indices.policy";
import { rankText, scoreOf, shownRank } from "./indices.presenter";
import { createIndicesRepository, type ResultRow, type TargetRow } from "./indices.repository";
import { listProvincesCached, versionForYear } from "./indices.versions";

type CreateInput = z.infer<typeof targetCreateBody>;
type UpdateInput = z.infer<typeof targetUpdateBody>;

/** The index province (of results) a directory province stands for: by its code, else by its name. */
export async function indexProvinceOfUnit(
  db: DbOrTx,
  unit: { code: string | null; name: string; shortName: string | null; validTo: string | null },
) {
  const provinces = await listProvincesCached(db);
  const byCode = provinces.find((p) => p.code === unit.code);
  if (byCode) return byCode.code;
  const era = unit.validTo && unit.validTo < "2025-07-01" ? "pre2025" : "current";
  for (const name of [unit.name, unit.shortName]) {
    if (!name) continue;
    const hit = matchProvince(name.replace(/\(.*?\)/g, "").trim(), { era });
    if (hit) return hit.code;
  }
  return null;
}

interface Figure {
  year: number;
  value: number | null;
  rank: number | null;
  rankOf: number | null;
  rankText: string | null;
}

/** The last published figure before `year` from a province's results (newest first) of one index. */
function figureBefore({
  results,
  components,
  year,
  componentCode,
}: {
  results: ResultRow[];
  components: Map<string, { value: number | null; rank: number | null }>;
  year: number;
  componentCode: string | null;
}): Figure | null {
  const row = results.find((r) => r.year < year);
  if (!row) return null;
  const shown = shownRank(row);
  if (componentCode === null)
    return {
      year: row.year,
      value: scoreOf(row),
      rank: shown.rank,
      rankOf: shown.rankOf,
      rankText: shown.rankText,
    };
  const c = components.get(`${row.id}|${componentCode}`);
  const rank = c?.rank ?? null;
  return {
    year: row.year,
    value: c?.value ?? null,
    rank,
    rankOf: rank === null ? null : shown.rankOf,
    rankText: rankText(rank, rank === null ? null : shown.rankOf),
  };
}

/** Baselines for many (province, index, component) at once: two queries. */
async function figuresFor(
  db: DbOrTx,
  keys: Array<{ provinceCode: string; indexCode: string; componentCode: string | null; year: number }>,
) {
  const repo = createIndicesRepository(db);
  const rows = keys.length
    ? await repo.resultsOfProvinces([...new Set(keys.map((k) => k.provinceCode))])
    : [];
  const values = await repo.componentValues(rows.map((r) => r.id));
  const components = new Map(
    values.map((v) => [
      `${v.resultId}|${v.componentCode}`,
      { value: v.value, rank: v.rank ?? v.computedRank },
    ]),
  );
  return keys.map((k) =>
    figureBefore({
      results: rows
        .filter((r) => r.provinceCode === k.provinceCode && r.indexCode === k.indexCode)
        .sort((a, b) => b.year - a.year),
      components,
      year: k.year,
      componentCode: k.componentCode,
    }),
  );
}

export async function componentInfo(
  db: DbOrTx,
  indexCode: string,
  year: number,
  componentCode: string | null,
) {
  if (componentCode === null) return { name: null, polarity: "higherIsBetter" as const };
  const version =
    (await versionForYear(db, indexCode, year - 1)) ?? (await versionForYear(db, indexCode, year));
  const comp = version?.components.find((c) => c.code === componentCode);
  return comp ? { name: comp.nameVi, polarity: comp.polarity } : null;
}

async function present(db: DbOrTx, actor: Actor, targets: TargetRow[]) {
  const latest = await figuresFor(db, targets);
  return Promise.all(
    targets.map(async (t, i) => {
      const info = (await componentInfo(db, t.indexCode, t.year, t.componentCode)) ?? {
        name: t.componentCode,
        polarity: "higherIsBetter" as const,
      };
      const now = latest[i];
      const worstRank = t.rankTo ?? t.rankFrom;
      const can = canWriteTargets(actor, t);
      return {
        id: t.id,
        provinceUnitId: t.provinceUnitId,
        provinceCode: t.provinceCode,
        year: t.year,
        indexCode: t.indexCode,
        componentCode: t.componentCode,
        componentName: info.name,
        polarity: info.polarity,
        targetValue: t.targetValue,
        rankFrom: t.rankFrom,
        rankTo: t.rankTo,
        band: t.band,
        note: t.note,
        baseline:
          t.baselineYear === null
            ? null
            : {
                year: t.baselineYear,
                value: t.baselineValue,
                rank: t.baselineRank,
                rankOf: t.baselineRankOf,
                rankText: rankText(t.baselineRank, t.baselineRankOf),
              },
        latest: now,
        gap: {
          value: t.targetValue !== null && now?.value != null ? t.targetValue - now.value : null,
          places: worstRank !== null && now?.rank != null ? now.rank - worstRank : null,
        },
        can: { update: can, delete: can },
      };
    }),
  );
}

/** Targets visible to the actor (their province; admins all), with baseline, latest figure and gap. */
export async function listTargets({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: { provinceUnitId?: string; year?: number; index?: string };
}) {
  let unitIds: string[] | null = null;
  if (query.provinceUnitId) {
    if (!canReadTargets(actor, { provinceUnitId: query.provinceUnitId }))
      throw notFound("orgUnit.notFound", "Không tìm thấy đơn vị.");
    unitIds = [query.provinceUnitId];
  } else if (!hasRole(actor, "admin")) unitIds = actor.provinceId ? [actor.provinceId] : [];
  const rows =
    unitIds && unitIds.length === 0
      ? []
      : await createIndicesRepository(db).listTargets({
          provinceUnitIds: unitIds,
          year: query.year,
          indexCode: query.index,
        });
  const create = canWriteTargets(actor, { provinceUnitId: query.provinceUnitId ?? actor.provinceId ?? "" });
  return { targets: await present(db, actor, rows), can: { create } };
}

async function baselineOf(
  db: DbOrTx,
  key: { provinceCode: string; indexCode: string; componentCode: string | null; year: number },
) {
  const [f] = await figuresFor(db, [key]);
  return {
    baselineYear: f?.year ?? null,
    baselineValue: f?.value ?? null,
    baselineRank: f?.rank ?? null,
    baselineRankOf: f?.rankOf ?? null,
  };
}

/** The province whose targets the actor sets (404 unseen, 403 not theirs), and its code in the results. */
export async function writableProvince({
  db,
  actor,
  provinceUnitId,
}: {
  db: Db;
  actor: Actor;
  provinceUnitId: string;
}) {
  const unit = await getVisibleUnit({ db, actor, id: provinceUnitId });
  if (!canWriteTargets(actor, { provinceUnitId: unit.id })) throw forbidden();
  if (unit.kind !== "province")
    throw badRequest("indexTarget.unit", "Mục tiêu chỉ số được đặt cho một tỉnh, thành phố.");
  const provinceCode = await indexProvinceOfUnit(db, unit);
  if (!provinceCode)
    throw badRequest(
      "indexTarget.province",
      `Không xác định được “${unit.name}” trong danh sách tỉnh của kết quả chỉ số.`,
    );
  return { unit, provinceCode };
}

/** Sets a target for a province's year on an index or component; the baseline is taken now. */
export async function createTarget({ db, actor, input }: { db: Db; actor: Actor; input: CreateInput }) {
  const { unit, provinceCode } = await writableProvince({ db, actor, provinceUnitId: input.provinceUnitId });
  const repo = createIndicesRepository(db);
  if (!(await repo.findDefinition(input.indexCode)))
    throw badRequest("indexTarget.index", `Không có chỉ số “${input.indexCode}”.`);
  const componentCode = input.componentCode ?? null;
  if (componentCode !== null && !(await componentInfo(db, input.indexCode, input.year, componentCode)))
    throw badRequest(
      "indexTarget.component",
      `Không có chỉ số thành phần “${componentCode}” trong ${input.indexCode}.`,
    );
  const key = { provinceUnitId: unit.id, year: input.year, indexCode: input.indexCode, componentCode };
  if (await repo.findTargetByKey(key))
    throw conflict(
      "indexTarget.exists",
      "Đã có mục tiêu cho chỉ số (thành phần) này trong năm này; hãy sửa mục tiêu đó.",
    );
  const row = await db.transaction((tx) =>
    insertTarget({ tx, actor, key, provinceCode, values: input, action: "create" }),
  );
  return (await present(db, actor, [row]))[0];
}

type TargetValues = Pick<CreateInput, "targetValue" | "rankFrom" | "rankTo" | "band" | "note">;
const storedValues = (v: TargetValues) => ({
  targetValue: v.targetValue ?? null,
  rankFrom: v.rankFrom ?? null,
  rankTo: v.rankTo ?? null,
  band: v.band ?? null,
  note: v.note ?? "",
});

/** Writes a new target with its baseline taken now, audited: the form's create and the import's. */
export async function insertTarget({
  tx,
  actor,
  key,
  provinceCode,
  values,
  action,
}: {
  tx: DbOrTx;
  actor: Actor;
  key: { provinceUnitId: string; year: number; indexCode: string; componentCode: string | null };
  provinceCode: string;
  values: TargetValues;
  action: "create" | "import.create";
}) {
  const created = await createIndicesRepository(tx).insertTarget({
    ...key,
    provinceCode,
    ...storedValues(values),
    ...(await baselineOf(tx, { ...key, provinceCode })),
    createdBy: actor.userId,
  });
  await writeAudit({
    tx,
    actor,
    record: { entity: "indexTarget", entityId: created.id, action, after: created },
  });
  return created;
}

/** Replaces a target's values and takes its baseline again, audited: the form's edit and the import's. */
export async function rewriteTarget({
  tx,
  actor,
  before,
  values,
  action,
}: {
  tx: DbOrTx;
  actor: Actor;
  before: TargetRow;
  values: TargetValues;
  action: "update" | "import.update";
}) {
  const after = await createIndicesRepository(tx).updateTarget(before.id, {
    ...storedValues(values),
    ...(await baselineOf(tx, before)),
  });
  await writeAudit({
    tx,
    actor,
    record: { entity: "indexTarget", entityId: before.id, action, before, after },
  });
  return after;
}

async function loadWritable(db: Db, actor: Actor, id: string) {
  const target = await createIndicesRepository(db).findTarget(id);
  if (!target || !canReadTargets(actor, target))
    throw notFound("indexTarget.notFound", "Không tìm thấy mục tiêu.");
  if (!canWriteTargets(actor, target)) throw forbidden();
  return target;
}

/** Changes a target's values; the baseline is taken again. */
export async function updateTarget({
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
  const before = await loadWritable(db, actor, id);
  const merged = { ...before, ...input };
  if (merged.rankFrom != null && merged.rankTo != null && merged.rankFrom > merged.rankTo)
    throw badRequest("indexTarget.rank", "Thứ hạng 'từ' phải nhỏ hơn hoặc bằng thứ hạng 'đến'.");
  if (merged.targetValue == null && merged.rankFrom == null && merged.rankTo == null && !merged.band)
    throw badRequest(
      "indexTarget.empty",
      "Cần ít nhất một mục tiêu: giá trị, khoảng thứ hạng hoặc nhóm xếp hạng.",
    );
  const row = await db.transaction((tx) =>
    rewriteTarget({ tx, actor, before, values: merged, action: "update" }),
  );
  return (await present(db, actor, [row]))[0];
}

export async function deleteTarget({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  const before = await loadWritable(db, actor, id);
  await db.transaction(async (tx) => {
    await createIndicesRepository(tx).deleteTarget(id);
    await writeAudit({
      tx,
      actor,
      record: { entity: "indexTarget", entityId: id, action: "delete", before },
    });
  });
}
