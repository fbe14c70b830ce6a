/**
 * Seeds the index catalog (definitions, versions, components from core/src/indices/definitions) and
 * the provinces of results (core/src/indices/provinces) idempotently: rows that exist are left alone,
 * so an administrator's edits and the versions that hold results are never overwritten.
 */
import { INDEX_DEFINITIONS, INDEX_VERSIONS } from "../../../../core/src/indices/definitions/catalog";
import { PROVINCES_CURRENT, PROVINCES_PRE_2025 } from "../../../../core/src/indices/provinces/provinces";
import type { DbOrTx } from "../../app/db";
import { indexComponents, indexDefinitions, indexProvinces, indexVersions } from "./indices.table";

/** GSO's six socio-economic regions, by the GSO code of the pre-2025 province. */
const REGIONS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["Đồng bằng sông Hồng", ["01", "22", "26", "27", "30", "31", "33", "34", "35", "36", "37"]],
  [
    "Trung du và miền núi phía Bắc",
    ["02", "04", "06", "08", "10", "11", "12", "14", "15", "17", "19", "20", "24", "25"],
  ],
  [
    "Bắc Trung Bộ và duyên hải miền Trung",
    ["38", "40", "42", "44", "45", "46", "48", "49", "51", "52", "54", "56", "58", "60"],
  ],
  ["Tây Nguyên", ["62", "64", "66", "67", "68"]],
  ["Đông Nam Bộ", ["70", "72", "74", "75", "77", "79"]],
  ["Đồng bằng sông Cửu Long", ["80", "82", "83", "84", "86", "87", "89", "91", "92", "93", "94", "95", "96"]],
];

const regionOfGso = (gso: string) => REGIONS.find(([, codes]) => codes.includes(gso))?.[0] ?? "";

/** The rows of index_provinces, derived from core's province data. */
export function provinceRows() {
  const current = new Map(PROVINCES_CURRENT.map((p) => [p.code, p]));
  const successorOf = new Map(PROVINCES_CURRENT.flatMap((p) => p.predecessors.map((pre) => [pre, p.code])));
  const rows: Array<typeof indexProvinces.$inferInsert> = [];
  PROVINCES_PRE_2025.forEach((p, i) => {
    rows.push({
      code: p.code,
      name: p.name,
      nameEn: p.nameEn,
      era: current.has(p.code) ? "both" : "pre2025",
      successorCode: successorOf.get(p.code) ?? null,
      gsoCode: p.gsoCode,
      region: regionOfGso(p.gsoCode),
      sortOrder: i,
    });
  });
  const pre = new Map(PROVINCES_PRE_2025.map((p) => [p.code, p]));
  PROVINCES_CURRENT.forEach((p, i) => {
    if (pre.has(p.code)) return;
    const first = pre.get(p.predecessors[0]);
    rows.push({
      code: p.code,
      name: p.name,
      nameEn: p.nameEn,
      era: "current",
      successorCode: null,
      gsoCode: null,
      region: first ? regionOfGso(first.gsoCode) : "",
      sortOrder: 100 + i,
    });
  });
  return rows;
}

/** Inserts whatever of the catalog is missing; safe to call on every start. */
export async function ensureIndexCatalog({ db }: { db: DbOrTx }) {
  await db.transaction(async (tx) => {
    await tx
      .insert(indexDefinitions)
      .values(
        INDEX_DEFINITIONS.map((d, i) => ({
          code: d.code,
          nameVi: d.nameVi,
          nameEn: d.nameEn,
          publisher: d.publisher,
          sortOrder: i,
        })),
      )
      .onConflictDoNothing();
    await tx
      .insert(indexVersions)
      .values(
        INDEX_VERSIONS.map((v) => ({
          code: v.code,
          indexCode: v.indexCode,
          validFromYear: v.validFromYear,
          validToYear: v.validToYear,
          scaleMax: v.scaleMax,
          totalAggregation: v.totalRule.aggregation,
          totalMultiplier: v.totalRule.multiplier,
          totalDescription: v.totalRule.description,
        })),
      )
      .onConflictDoNothing();
    const components = INDEX_VERSIONS.flatMap((v) =>
      v.components.map((c, i) => ({
        versionCode: v.code,
        code: c.code,
        parentCode: c.parentCode,
        number: c.number,
        nameVi: c.nameVi,
        nameEn: c.nameEn,
        unit: c.unit,
        min: c.min,
        max: c.max,
        polarity: c.polarity,
        weight: c.weight,
        aggregation: c.aggregation,
        aliases: [...c.aliases],
        sortOrder: i,
      })),
    );
    for (let i = 0; i < components.length; i += 1000)
      await tx
        .insert(indexComponents)
        .values(components.slice(i, i + 1000))
        .onConflictDoNothing();
    await tx.insert(indexProvinces).values(provinceRows()).onConflictDoNothing();
  });
}
