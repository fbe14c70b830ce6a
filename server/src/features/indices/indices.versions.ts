/**
 * Versions and provinces as the arithmetic in core/ wants them, read from the database (where
 * administrators may have edited them) and kept in memory: both change rarely, and the analysis
 * routes read them on every request. The memory is kept under the 'indices' revision (migration
 * 0013), so an edit made in another server process is seen at once; `forgetCatalog` only frees it
 * sooner in the writing process. Inside a transaction the cache is the transaction's own, new at
 * its start, and needs no revision.
 */
import { type MethodBreak, methodBreaks } from "../../../../core/src/indices/arithmetic/method";
import type {
  Aggregation,
  Component,
  ComponentUnit,
  IndexCode,
  IndexVersion,
  Polarity,
} from "../../../../core/src/indices/definitions/types";
import type { DbOrTx } from "../../app/db";
import { readRevisions } from "../../app/revisions";
import {
  type ComponentRow,
  createIndicesRepository,
  type ProvinceRow,
  type VersionRow,
} from "./indices.repository";

export type StoredVersion = IndexVersion & { revision: number; basedOn: string | null };

interface Cache {
  revision: string | null;
  versions: Map<string, StoredVersion | null>;
  byYear: Map<string, string | null>;
  provinces: Promise<ProvinceRow[]> | null;
  breaks: Promise<Map<string, MethodBreak[]>> | null;
}
const caches = new WeakMap<object, Cache>();
const cacheOf = async (db: DbOrTx): Promise<Cache> => {
  const revision = "rollback" in db ? null : await readRevisions(db, ["indices"]);
  let c = caches.get(db);
  if (!c || c.revision !== revision) {
    c = { revision, versions: new Map(), byYear: new Map(), provinces: null, breaks: null };
    caches.set(db, c);
  }
  return c;
};

export function forgetCatalog(db: DbOrTx) {
  caches.delete(db);
}

export function toComponent(row: ComponentRow): Component {
  return {
    code: row.code,
    parentCode: row.parentCode,
    number: row.number,
    nameVi: row.nameVi,
    nameEn: row.nameEn,
    unit: row.unit as ComponentUnit,
    min: row.min,
    max: row.max,
    polarity: row.polarity as Polarity,
    weight: row.weight,
    aggregation: row.aggregation as Aggregation | null,
    aliases: row.aliases,
    subjectKind: row.subjectKind as Component["subjectKind"],
  };
}

export function toVersion(row: VersionRow, components: ComponentRow[]): StoredVersion {
  return {
    code: row.code,
    indexCode: row.indexCode as IndexCode,
    validFromYear: row.validFromYear,
    validToYear: row.validToYear,
    scaleMax: row.scaleMax,
    totalRule: {
      aggregation: row.totalAggregation as Aggregation,
      multiplier: row.totalMultiplier,
      description: row.totalDescription,
    },
    components: components.map(toComponent),
    revision: row.revision,
    basedOn: row.basedOn,
  };
}

export async function loadVersion(db: DbOrTx, code: string): Promise<StoredVersion | null> {
  const cache = await cacheOf(db);
  if (cache.versions.has(code)) return cache.versions.get(code) ?? null;
  const repo = createIndicesRepository(db);
  const [row, components] = await Promise.all([repo.findVersion(code), repo.componentsOf(code)]);
  const version = row ? toVersion(row, components) : null;
  cache.versions.set(code, version);
  return version;
}

/** The version the database holds for an index and year (latest revision), or null. */
export async function versionForYear(db: DbOrTx, indexCode: string, year: number) {
  const cache = await cacheOf(db);
  const key = `${indexCode}|${year}`;
  if (!cache.byYear.has(key)) {
    const row = await createIndicesRepository(db).versionForYear({ indexCode, year });
    cache.byYear.set(key, row?.code ?? null);
  }
  const code = cache.byYear.get(key);
  return code ? loadVersion(db, code) : null;
}

export async function listProvincesCached(db: DbOrTx): Promise<ProvinceRow[]> {
  const cache = await cacheOf(db);
  cache.provinces ??= createIndicesRepository(db)
    .listProvinces()
    .catch((error) => {
      cache.provinces = null;
      throw error;
    });
  return cache.provinces;
}

/** The years each index changed method (scale or total rule), from the versions the database holds. */
export async function methodBreaksOf(db: DbOrTx, indexCode: string): Promise<MethodBreak[]> {
  const cache = await cacheOf(db);
  cache.breaks ??= createIndicesRepository(db)
    .listVersions()
    .then((rows) => {
      const byIndex = new Map<string, MethodBreak[]>();
      for (const code of new Set(rows.map((r) => r.indexCode)))
        byIndex.set(
          code,
          methodBreaks(
            rows
              .filter((r) => r.indexCode === code && r.status === "published")
              .map((r) => ({
                code: r.code,
                validFromYear: r.validFromYear,
                validToYear: r.validToYear,
                scaleMax: r.scaleMax,
                totalRule: { aggregation: r.totalAggregation as Aggregation, multiplier: r.totalMultiplier },
                revision: r.revision,
              })),
          ),
        );
      return byIndex;
    })
    .catch((error) => {
      cache.breaks = null;
      throw error;
    });
  return (await cache.breaks).get(indexCode) ?? [];
}
