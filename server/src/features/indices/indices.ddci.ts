/**
 * Every province has its DDCI in the catalogue: a custom index it owns, rating its departments and
 * communes, with the default version of core/src/indices/custom/ddci.ts as a draft (DOMAIN.md §4
 * gives its components but no weights: equal shares stand until the province sets its own). Put in
 * the first time someone of the province lists the indices, like the national catalogue's seed at
 * start-up: provinces are created after start-up (by the demo, the unit import or an administrator).
 * It is looked for before it is inserted: an insert, even one that does nothing, bumps the
 * 'indices' revision (migration 0013) and would empty every process's catalogue cache.
 */
import { ddciCodeOf, ddciDefaultVersion, ddciNames } from "../../../../core/src/indices/custom/ddci";
import { provinceToday } from "../../app/clock";
import type { DbOrTx } from "../../app/db";
import { createOrgUnitsRepository } from "../org-units/org-units.repository";
import { forgetIndexNames } from "./indices.analysis.service";
import { createIndicesRepository } from "./indices.repository";
import { indexComponents, indexDefinitions, indexVersions } from "./indices.table";
import { forgetCatalog } from "./indices.versions";

const known = new WeakMap<object, Set<string>>();

export async function ensureProvinceDdci({ db, provinceUnitId }: { db: DbOrTx; provinceUnitId: string }) {
  const seen = known.get(db) ?? new Set<string>();
  known.set(db, seen);
  if (seen.has(provinceUnitId)) return;
  const code = ddciCodeOf(provinceUnitId);
  if (await createIndicesRepository(db).findDefinition(code)) {
    seen.add(provinceUnitId);
    return;
  }
  const province = await createOrgUnitsRepository(db).findById(provinceUnitId);
  if (!province) return;
  const version = ddciDefaultVersion(Number(provinceToday().slice(0, 4)));
  const versionCode = `${code}-${version.validFromYear}`;
  await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(indexDefinitions)
      .values({
        code,
        ...ddciNames(province.name),
        custom: true,
        ownerUnitId: provinceUnitId,
        subjects: "units",
        sortOrder: 100,
      })
      .onConflictDoNothing()
      .returning({ code: indexDefinitions.code });
    // Another request put it in first.
    if (inserted.length === 0) return;
    await tx.insert(indexVersions).values({
      code: versionCode,
      indexCode: code,
      status: "draft",
      validFromYear: version.validFromYear,
      validToYear: version.validToYear,
      scaleMax: version.scaleMax,
      totalAggregation: version.totalRule.aggregation,
      totalMultiplier: version.totalRule.multiplier,
      totalDescription: version.totalRule.description,
    });
    await tx
      .insert(indexComponents)
      .values(version.components.map((c, i) => ({ versionCode, ...c, sortOrder: i })));
  });
  seen.add(provinceUnitId);
  forgetCatalog(db);
  forgetIndexNames(db);
}
