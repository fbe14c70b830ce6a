/**
 * A DDCI's results per department or commune of its province, entered by hand for a year. The
 * version is the one published for that year; a unit is scored on the components of its kind only
 * (departments on the department components, communes on the commune ones), and its computed total
 * comes from core's composite rule over those components. Published totals are stored as given.
 */
import { and, asc, count, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { unitResultBody } from "../../../../core/src/api/indices.schemas";
import { computeTotal } from "../../../../core/src/indices/arithmetic/composite";
import type { SubjectKind } from "../../../../core/src/indices/custom/ddci";
import type { IndexVersion } from "../../../../core/src/indices/definitions/types";
import { indexAbbreviation } from "../../../../core/src/words/indices";
import { formatNumber } from "../../../../core/src/words/numbers";
import type { Actor } from "../../app/actor";
import type { Db } from "../../app/db";
import { badRequest, forbidden, notFound } from "../../app/errors";
import { writeAudit } from "../audit/audit.repository";
import { createOrgUnitsRepository } from "../org-units/org-units.repository";
import { orgUnits } from "../org-units/org-units.table";
import { canEditCustomIndex, canSeeDefinition } from "./indices.policy";
import { createIndicesRepository } from "./indices.repository";
import { indexUnitResults } from "./indices.table";
import { versionForYear } from "./indices.versions";

type Body = z.infer<typeof unitResultBody>;

async function unitIndex(db: Db, actor: Actor, indexCode: string) {
  const def = await createIndicesRepository(db).findDefinition(indexCode);
  if (!def || !canSeeDefinition(actor, def))
    throw notFound("indexDefinition.notFound", "Không tìm thấy chỉ số.");
  if (def.subjects !== "units")
    throw badRequest(
      "indexUnitResult.index",
      `${indexAbbreviation(indexCode)} không chấm điểm sở, ngành, xã.`,
    );
  return def;
}

/** The version's components a unit of this kind is scored on: its kind's top-level ones and below. */
export function versionForKind(version: IndexVersion, kind: SubjectKind): IndexVersion {
  const top = new Map(version.components.map((c) => [c.code, c]));
  const rootOf = (code: string) => {
    let c = top.get(code);
    for (let i = 0; c?.parentCode && i < version.components.length; i++) c = top.get(c.parentCode);
    return c;
  };
  return { ...version, components: version.components.filter((c) => rootOf(c.code)?.subjectKind === kind) };
}

export async function saveUnitResult({
  db,
  actor,
  indexCode,
  year,
  unitId,
  input,
}: {
  db: Db;
  actor: Actor;
  indexCode: string;
  year: number;
  unitId: string;
  input: Body;
}) {
  const def = await unitIndex(db, actor, indexCode);
  if (!canEditCustomIndex(actor, def)) throw forbidden();
  const unit = await createOrgUnitsRepository(db).findById(unitId);
  if (!unit || unit.provinceId !== def.ownerUnitId)
    throw notFound("orgUnit.notFound", "Không tìm thấy đơn vị trong tỉnh.");
  if (unit.kind !== "department" && unit.kind !== "commune")
    throw badRequest("indexUnitResult.kind", `“${unit.name}” không phải sở, ban, ngành hay xã, phường.`);
  const version = await versionForYear(db, indexCode, year);
  if (!version)
    throw badRequest(
      "indexUnitResult.noVersion",
      `Chưa có phiên bản ${indexAbbreviation(indexCode)} nào được công bố cho năm ${year}.`,
    );
  const scored = versionForKind(version, unit.kind as SubjectKind);
  const values: Record<string, number> = {};
  for (const { code, value } of input.components) {
    const c = scored.components.find((x) => x.code === code);
    if (!c) {
      const other = version.components.find((x) => x.code === code);
      throw badRequest(
        "indexUnitResult.component",
        other
          ? `“${other.nameVi}” không chấm cho “${unit.name}”.`
          : `Không có thành phần mã “${code}” trong phiên bản năm ${year}.`,
      );
    }
    if (value < c.min || value > c.max)
      throw badRequest(
        "indexUnitResult.range",
        `“${c.nameVi}”: giá trị ${formatNumber(value)} nằm ngoài khoảng ${formatNumber(c.min)}–${formatNumber(c.max)}.`,
      );
    values[code] = value;
  }
  const computed = computeTotal(scored, values, "fail").value;
  const row = {
    indexCode,
    year,
    unitId,
    versionCode: version.code,
    total: input.total ?? null,
    computedTotal: computed,
    components: input.components,
    note: input.note,
    updatedBy: actor.userId,
  };
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(indexUnitResults)
      .where(
        and(
          eq(indexUnitResults.indexCode, indexCode),
          eq(indexUnitResults.year, year),
          eq(indexUnitResults.unitId, unitId),
        ),
      );
    await tx
      .insert(indexUnitResults)
      .values(row)
      .onConflictDoUpdate({
        target: [indexUnitResults.indexCode, indexUnitResults.year, indexUnitResults.unitId],
        set: { ...row, updatedAt: sql`now()` },
      });
    await writeAudit({
      tx,
      actor,
      record: {
        entity: "indexResult",
        entityId: `${indexCode}:${year}:${unitId}`,
        action: before ? "update" : "create",
        before: before ?? undefined,
        after: row,
      },
    });
  });
  return {
    result: {
      unitId,
      unitName: unit.name,
      unitKind: unit.kind as SubjectKind,
      year,
      versionCode: version.code,
      total: row.total,
      computedTotal: computed,
      components: input.components,
      note: input.note,
    },
  };
}

/** One page of a year's unit results, in the units' Vietnamese order, with the true total. */
export async function listUnitResults({
  db,
  actor,
  indexCode,
  year,
  page,
  pageSize,
}: {
  db: Db;
  actor: Actor;
  indexCode: string;
  year: number;
  page: number;
  pageSize: number;
}) {
  await unitIndex(db, actor, indexCode);
  const where = and(eq(indexUnitResults.indexCode, indexCode), eq(indexUnitResults.year, year));
  const [version, rows, [n]] = await Promise.all([
    versionForYear(db, indexCode, year),
    db
      .select({ r: indexUnitResults, unitName: orgUnits.name, unitKind: orgUnits.kind })
      .from(indexUnitResults)
      .innerJoin(orgUnits, eq(orgUnits.id, indexUnitResults.unitId))
      .where(where)
      .orderBy(asc(orgUnits.kind), asc(orgUnits.sortKey))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(indexUnitResults).where(where),
  ]);
  return {
    versionCode: version?.code ?? null,
    total: Number(n?.n ?? 0),
    page,
    pageSize,
    results: rows.map(({ r, unitName, unitKind }) => ({
      unitId: r.unitId,
      unitName,
      unitKind: unitKind as SubjectKind,
      year: r.year,
      versionCode: r.versionCode,
      total: r.total,
      computedTotal: r.computedTotal,
      components: r.components,
      note: r.note,
    })),
  };
}
