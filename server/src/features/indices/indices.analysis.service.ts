/** Read-only analysis of published results: profile, component table, heatmap, weights, what-if. */
import type { z } from "zod";
import type { whatIfBody } from "../../../../core/src/api/indices.schemas";
import {
  fallingComponents,
  performance,
  weakestComponents,
  yearOnYear,
} from "../../../../core/src/indices/arithmetic/change";
import { marginalWorth } from "../../../../core/src/indices/arithmetic/marginal";
import { comparableYears, type MethodBreak } from "../../../../core/src/indices/arithmetic/method";
import { whatIf } from "../../../../core/src/indices/arithmetic/whatif";
import type { Component } from "../../../../core/src/indices/definitions/types";
import type { Db, DbOrTx } from "../../app/db";
import { badRequest, notFound } from "../../app/errors";
import { createMemo } from "../../app/memo";
import { readRevisions } from "../../app/revisions";
import { formatVi } from "./import/numbers";
import { scoreOf, shownRank } from "./indices.presenter";
import { createIndicesRepository, type ProvinceRow, type ResultRow } from "./indices.repository";
import { listProvincesCached, loadVersion, methodBreaksOf, versionForYear } from "./indices.versions";

export async function getProvince(db: DbOrTx, code: string) {
  const provinces = await listProvincesCached(db);
  const province = provinces.find((p) => p.code === code);
  if (!province) throw notFound("indexProvince.notFound", "Không tìm thấy tỉnh, thành phố.");
  return { province, provinces };
}

export function presentProvince(p: ProvinceRow, all: ProvinceRow[]) {
  return {
    code: p.code,
    name: p.name,
    nameEn: p.nameEn,
    era: p.era as "pre2025" | "current" | "both",
    successorCode: p.successorCode,
    region: p.region,
    predecessors: p.era === "pre2025" ? [] : all.filter((x) => x.successorCode === p.code).map((x) => x.code),
  };
}

/** The indices' names, kept under the 'indices' revision read before them (any process's edit changes it). */
const definitionNames = new WeakMap<object, { revision: string; names: Promise<Map<string, string>> }>();
export async function indexNames(db: DbOrTx) {
  const revision = await readRevisions(db, ["indices"]);
  let cached = definitionNames.get(db);
  if (cached?.revision !== revision) {
    const names = createIndicesRepository(db)
      .listDefinitions()
      .then((rows) => new Map(rows.map((r) => [r.code, r.nameVi])));
    cached = { revision, names };
    definitionNames.set(db, cached);
    names.catch(() => {
      if (definitionNames.get(db)?.names === names) definitionNames.delete(db);
    });
  }
  return cached.names;
}
export const forgetIndexNames = (db: DbOrTx) => definitionNames.delete(db);

/**
 * The result a year is compared with: the one before it, unless the index changed method in between
 * (PAPI 2017 on 60 points, 2018 on 80): then nothing, and `methodBreak` says why.
 */
export function comparablePrevious<R extends Pick<ResultRow, "year">>(
  row: R,
  before: R | null | undefined,
  breaks: readonly MethodBreak[],
) {
  if (!before) return { previous: null, methodBreak: false };
  return comparableYears(breaks, before.year, row.year)
    ? { previous: before, methodBreak: false }
    : { previous: null, methodBreak: true };
}

/** A point of a series with its change against the previous point of the same method. */
function point(row: ResultRow, before: ResultRow | null, breaks: readonly MethodBreak[]) {
  const { previous, methodBreak } = comparablePrevious(row, before, breaks);
  const shown = shownRank(row);
  const prevShown = previous ? shownRank(previous) : null;
  const change = yearOnYear(
    { score: previous ? scoreOf(previous) : null, rank: prevShown?.rank ?? null },
    { score: scoreOf(row), rank: shown.rank },
  );
  return {
    year: row.year,
    versionCode: row.versionCode,
    score: scoreOf(row),
    published: row.total !== null,
    ...shown,
    band: row.band ?? row.computedBand,
    regionalRank: row.regionalRank,
    regionalRankOf: row.regionalRankOf,
    previousYear: previous?.year ?? null,
    scoreChange: change.scoreChange,
    placesChange: change.placesChange,
    methodBreak,
  };
}

/** Every index over the years for a province, with its predecessors' (or successor's) series beside it. */
export function provinceProfile({ db, provinceCode }: { db: Db; provinceCode: string }) {
  return cachedRead(db, `profile|${provinceCode}`, () =>
    assembleProvinceProfile({ db, provinceCode }),
  ) as ReturnType<typeof assembleProvinceProfile>;
}

async function assembleProvinceProfile({ db, provinceCode }: { db: Db; provinceCode: string }) {
  const { province, provinces } = await getProvince(db, provinceCode);
  const related =
    province.era === "pre2025"
      ? provinces.filter((p) => p.code === province.successorCode)
      : provinces.filter((p) => p.successorCode === province.code && p.code !== province.code);
  const codes = [province.code, ...related.map((p) => p.code)];
  const [rows, names] = await Promise.all([
    createIndicesRepository(db).resultsOfProvinces(codes),
    indexNames(db),
  ]);
  const breaks = new Map<string, MethodBreak[]>();
  for (const code of new Set(rows.map((r) => r.indexCode))) breaks.set(code, await methodBreaksOf(db, code));
  const series = codes.map((code) => {
    const own = rows.filter((r) => r.provinceCode === code);
    const byIndex = new Map<string, ResultRow[]>();
    for (const r of own) byIndex.set(r.indexCode, [...(byIndex.get(r.indexCode) ?? []), r]);
    const order = [...names.keys()];
    return {
      provinceCode: code,
      provinceName: provinces.find((p) => p.code === code)?.name ?? code,
      role: (code === province.code ? "self" : province.era === "pre2025" ? "successor" : "predecessor") as
        | "self"
        | "predecessor"
        | "successor",
      indices: [...byIndex.entries()]
        .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
        .map(([indexCode, list]) => ({
          indexCode,
          indexName: names.get(indexCode) ?? indexCode,
          points: list.map((r, i) => point(r, i > 0 ? list[i - 1] : null, breaks.get(indexCode) ?? [])),
        })),
    };
  });
  return { province: presentProvince(province, provinces), series };
}

function levelOf(components: readonly Component[]) {
  const byCode = new Map(components.map((c) => [c.code, c]));
  const level = (c: Component): number => {
    let n = 0;
    let p = c.parentCode;
    while (p && n < 20) {
      n++;
      p = byCode.get(p)?.parentCode ?? null;
    }
    return n;
  };
  return new Map(components.map((c) => [c.code, level(c)]));
}

// Published results change a few times a year (an import, a correction) while the analysis views
// are read all day: their assembled answers are kept for a minute under the 'indices' revision read
// before them, which every write of results, definitions or provinces bumps in whichever process it
// is made (migration 0013): no process answers from before a committed write.
// biome-ignore lint/suspicious/noExplicitAny: one cache for answers of several shapes
const resultReads = createMemo<any>({ ttlMs: 60_000, max: 2_000 });

export function cachedRead<T>(db: DbOrTx, key: string, compute: () => Promise<T>): Promise<T> {
  return readRevisions(db, ["indices"]).then((revision) => resultReads.get(`${revision}|${key}`, compute));
}

/** Frees this process's cached analysis answers sooner after results are written (the revision already retires them). */
export function forgetResultReads() {
  resultReads.clear();
}

function cachedMedians({
  db,
  indexCode,
  year,
  region,
}: {
  db: Db;
  indexCode: string;
  year: number;
  region: string;
}): Promise<Array<{ code: string; national: number | null; regional: number | null }>> {
  return cachedRead(db, `medians|${indexCode}|${year}|${region}`, () =>
    createIndicesRepository(db).medians({ indexCode, year, region }),
  );
}

/** The component table of an index-year for a province, compared with peers and the medians. */
export function componentTable(input: Parameters<typeof assembleComponentTable>[0]) {
  const { provinceCode, indexCode, year, peers, level } = input;
  const key = `components|${provinceCode}|${indexCode}|${year}|${[...peers].sort().join(",")}|${level}`;
  return cachedRead(input.db, key, () => assembleComponentTable(input)) as ReturnType<
    typeof assembleComponentTable
  >;
}

async function assembleComponentTable({
  db,
  provinceCode,
  indexCode,
  year,
  peers,
  level,
}: {
  db: Db;
  provinceCode: string;
  indexCode: string;
  year: number;
  peers: string[];
  level: "top" | "all";
}) {
  const { province, provinces } = await getProvince(db, provinceCode);
  const repo = createIndicesRepository(db);
  const peerCodes = peers.filter((p) => p !== provinceCode);
  const [history, peerRows, medians, names, breaks] = await Promise.all([
    repo.resultsOfProvinceIndex({ provinceCode, indexCode, upTo: year }),
    repo.peerResults({ indexCode, year, codes: peerCodes }),
    cachedMedians({ db, indexCode, year, region: province.region }),
    indexNames(db),
    methodBreaksOf(db, indexCode),
  ]);
  const current = history[0]?.year === year ? history[0] : null;
  if (!current)
    throw notFound("indexResult.notFound", `Chưa có kết quả ${indexCode} năm ${year} của ${province.name}.`);
  // Components and total are compared with the year before only when it used the same method.
  const { previous } = comparablePrevious(current, history[1], breaks);
  const version = await loadVersion(db, current.versionCode);
  if (!version) throw notFound("indexVersion.notFound", "Không tìm thấy phương pháp tính.");
  const values = await repo.componentValues([
    current.id,
    ...(previous ? [previous.id] : []),
    ...peerRows.map((r) => r.id),
  ]);
  // One pass over the values, grouped by result (the table reads five results' values).
  type Reading = { value: number | null; rank: number | null; computed: boolean };
  const byResult = new Map<string, Map<string, Reading>>();
  for (const v of values) {
    let map = byResult.get(v.resultId);
    if (!map) {
      map = new Map();
      byResult.set(v.resultId, map);
    }
    map.set(v.componentCode, {
      value: v.value,
      rank: v.rank ?? v.computedRank,
      computed: v.rank === null && v.computedRank !== null,
    });
  }
  const empty = new Map<string, Reading>();
  const of = (resultId: string | undefined) => (resultId ? (byResult.get(resultId) ?? empty) : empty);
  const cur = of(current.id);
  const prev = of(previous?.id);
  const peerMaps = new Map(peerRows.map((r) => [r.provinceCode, of(r.id)]));
  const median = new Map(medians.map((m) => [m.code, m]));
  const levels = levelOf(version.components);
  const comps = version.components.filter((c) => level === "all" || c.parentCode === null);
  const flatValues = (m: Map<string, { value: number | null }>) =>
    Object.fromEntries([...m].map(([k, v]) => [k, v.value]));
  const falling = new Set(fallingComponents(comps, flatValues(prev), flatValues(cur)).map((f) => f.code));
  const reading = (c: Component) => ({
    component: c,
    value: cur.get(c.code)?.value ?? null,
    rank: cur.get(c.code)?.rank ?? null,
  });
  const weakest = new Set([
    ...weakestComponents(comps.filter((c) => c.parentCode === null).map(reading), 3).map((w) => w.code),
    ...weakestComponents(comps.filter((c) => c.parentCode !== null).map(reading), 5).map((w) => w.code),
  ]);
  const rankOf = current.rankOf ?? current.computedRankOf;
  const order = new Map(version.components.map((c, i) => [c.code, i]));
  const rows = comps.map((c) => {
    const v = cur.get(c.code) ?? { value: null, rank: null };
    const p = prev.get(c.code) ?? { value: null, rank: null };
    const change = yearOnYear({ score: p.value, rank: p.rank }, { score: v.value, rank: v.rank });
    const perf = v.value === null ? null : performance(c, v.value);
    const perfChange = perf !== null && p.value !== null ? perf - performance(c, p.value) : null;
    return {
      code: c.code,
      parentCode: c.parentCode,
      number: c.number,
      nameVi: c.nameVi,
      nameEn: c.nameEn,
      unit: c.unit,
      polarity: c.polarity,
      weight: c.weight,
      level: levels.get(c.code) ?? 0,
      value: v.value,
      rank: v.rank,
      rankOf: v.rank === null ? null : rankOf,
      rankText: v.rank === null ? null : rankOf === null ? String(v.rank) : `${v.rank}/${rankOf}`,
      rankComputed: cur.get(c.code)?.computed ?? false,
      previousValue: p.value,
      previousRank: p.rank,
      valueChange: change.scoreChange,
      rankChange: change.placesChange,
      direction:
        perfChange === null
          ? null
          : Math.abs(perfChange) < 1e-12
            ? ("same" as const)
            : perfChange > 0
              ? ("better" as const)
              : ("worse" as const),
      performance: perf,
      weakest: weakest.has(c.code),
      falling: falling.has(c.code),
      peers: Object.fromEntries(
        peerCodes.map((code) => [code, peerMaps.get(code)?.get(c.code)?.value ?? null]),
      ),
      nationalMedian: median.get(c.code)?.national ?? null,
      regionMedian: median.get(c.code)?.regional ?? null,
    };
  });
  const flagRank = (r: { weakest: boolean; falling: boolean }) =>
    r.weakest && r.falling ? 0 : r.weakest ? 1 : r.falling ? 2 : 3;
  rows.sort((a, b) => flagRank(a) - flagRank(b) || (order.get(a.code) ?? 0) - (order.get(b.code) ?? 0));
  const nameOf = (code: string) => provinces.find((p) => p.code === code)?.name ?? code;
  return {
    province: { code: province.code, name: province.name, region: province.region },
    index: { code: indexCode, nameVi: names.get(indexCode) ?? indexCode },
    year,
    versionCode: version.code,
    previousYear: previous?.year ?? null,
    total: point(current, history[1] ?? null, breaks),
    peers: peerCodes.map((code) => {
      const r = peerRows.find((x) => x.provinceCode === code);
      return {
        code,
        name: nameOf(code),
        score: r ? scoreOf(r) : null,
        rankText: r ? shownRank(r).rankText : null,
      };
    }),
    nationalMedianTotal: median.get("")?.national ?? null,
    rows,
  };
}

/** Components × years of one province and index, with polarity-aware performance for colouring. */
export async function heatmap({
  db,
  provinceCode,
  indexCode,
  from,
  to,
  level,
}: {
  db: Db;
  provinceCode: string;
  indexCode: string;
  from?: number;
  to?: number;
  level: "top" | "all";
}) {
  const { province } = await getProvince(db, provinceCode);
  const repo = createIndicesRepository(db);
  const results = (await repo.resultsOfProvinceIndex({ provinceCode, indexCode, upTo: to, from })).reverse();
  const values = await repo.componentValues(results.map((r) => r.id));
  const versions = new Map<string, Component[]>();
  for (const code of new Set(results.map((r) => r.versionCode)))
    versions.set(code, (await loadVersion(db, code))?.components.slice() ?? []);
  // Rows: the newest version's components first, then codes only older versions have.
  const defs = new Map<string, Component>();
  for (const r of [...results].reverse())
    for (const c of versions.get(r.versionCode) ?? [])
      if (!defs.has(c.code) && (level === "all" || c.parentCode === null)) defs.set(c.code, c);
  const byKey = new Map(values.map((v) => [`${v.resultId}|${v.componentCode}`, v]));
  return {
    province: { code: province.code, name: province.name },
    index: indexCode,
    years: results.map((r) => r.year),
    rows: [...defs.values()].map((c) => ({
      code: c.code,
      parentCode: c.parentCode,
      nameVi: c.nameVi,
      polarity: c.polarity,
      cells: results.map((r) => {
        const v = byKey.get(`${r.id}|${c.code}`);
        const value = v?.value ?? null;
        return {
          year: r.year,
          value,
          rank: v ? (v.rank ?? v.computedRank) : null,
          performance: value === null ? null : performance(c, value),
        };
      }),
    })),
  };
}

/** What each component's weight makes it worth in the total. */
export async function weightsOf({ db, indexCode, year }: { db: Db; indexCode: string; year?: number }) {
  let version = year !== undefined ? await versionForYear(db, indexCode, year) : null;
  if (year === undefined) {
    const rows = (await createIndicesRepository(db).listVersions()).filter((v) => v.indexCode === indexCode);
    const latest = rows.sort((a, b) => b.validFromYear - a.validFromYear || b.revision - a.revision)[0];
    version = latest ? await loadVersion(db, latest.code) : null;
  }
  if (!version)
    throw notFound(
      "indexVersion.notFound",
      `Chưa có phương pháp tính ${indexCode}${year ? ` cho năm ${year}` : ""}.`,
    );
  const v = version;
  return {
    index: indexCode,
    versionCode: v.code,
    totalRule: v.totalRule,
    rows: v.components.map((c) => {
      const worth = marginalWorth(v, c.code);
      return {
        code: c.code,
        parentCode: c.parentCode,
        nameVi: c.nameVi,
        weight: c.weight,
        worth,
        statement:
          worth === null
            ? null
            : `+1 ${c.unit === "percent" ? "điểm %" : "điểm"} ${c.nameVi} → ${worth >= 0 ? "+" : ""}${formatVi(Math.round(worth * 10000) / 10000)} điểm ${indexCode}`,
      };
    }),
  };
}

/** What a what-if needs that does not depend on the changes asked: loaded once per province-index-year. */
async function whatIfInputs({
  db,
  provinceCode,
  indexCode,
  year,
}: {
  db: Db;
  provinceCode: string;
  indexCode: string;
  year: number;
}) {
  const { province } = await getProvince(db, provinceCode);
  const repo = createIndicesRepository(db);
  const [current] = await repo.resultsOfProvinceIndex({ provinceCode, indexCode, upTo: year, from: year });
  if (!current)
    throw notFound("indexResult.notFound", `Chưa có kết quả ${indexCode} năm ${year} của ${province.name}.`);
  const [version, values, otherTotals] = await Promise.all([
    loadVersion(db, current.versionCode),
    repo.componentValues([current.id]),
    repo.otherTotals({ indexCode, year, provinceCode }),
  ]);
  return { current, version, values, otherTotals };
}

/** Recomputes the total with some components changed and ranks it among the others' published totals. */
export async function simulateWhatIf({
  db,
  provinceCode,
  input,
}: {
  db: Db;
  provinceCode: string;
  input: z.infer<typeof whatIfBody>;
}) {
  const { current, version, values, otherTotals } = (await cachedRead(
    db,
    `whatif|${provinceCode}|${input.index}|${input.year}`,
    () => whatIfInputs({ db, provinceCode, indexCode: input.index, year: input.year }),
  )) as Awaited<ReturnType<typeof whatIfInputs>>;
  if (!version) throw notFound("indexVersion.notFound", "Không tìm thấy phương pháp tính.");
  const base: Record<string, number> = {};
  for (const v of values) if (v.value !== null) base[v.componentCode] = v.value;
  const changes: Record<string, number> = {};
  const applied = input.changes.map((change) => {
    const comp = version.components.find((c) => c.code === change.code);
    if (!comp)
      throw badRequest(
        "whatIf.component",
        `Không có chỉ số thành phần “${change.code}” trong phương pháp ${version.code}.`,
      );
    const from = base[comp.code] ?? null;
    if (change.delta !== undefined && from === null)
      throw badRequest(
        "whatIf.noBase",
        `Chưa có giá trị của “${comp.nameVi}” để cộng thêm; hãy nhập giá trị mới.`,
      );
    const to = change.value ?? (from as number) + (change.delta as number);
    if (to < comp.min - 1e-9 || to > comp.max + 1e-9)
      throw badRequest(
        "whatIf.range",
        `Giá trị mới ${formatVi(to)} của “${comp.nameVi}” nằm ngoài khoảng ${formatVi(comp.min)}–${formatVi(comp.max)}.`,
      );
    changes[comp.code] = to;
    return { code: comp.code, nameVi: comp.nameVi, from, to };
  });
  const r = whatIf({ version, baseValues: base, changes, otherTotals, decimals: 2 });
  return {
    index: input.index,
    year: input.year,
    versionCode: version.code,
    publishedTotal: current.total,
    publishedRank: current.rank,
    ...r,
    applied,
  };
}

/** The years one province has results for, per index (the analysis screens open on the latest). */
export function provinceYears({ db, provinceCode }: { db: Db; provinceCode: string }) {
  return cachedRead(db, `years|${provinceCode}`, async () => {
    const { province } = await getProvince(db, provinceCode);
    const rows = await createIndicesRepository(db).yearsOfProvince(province.code);
    const byIndex = new Map<string, number[]>();
    for (const r of rows) byIndex.set(r.indexCode, [...(byIndex.get(r.indexCode) ?? []), r.year]);
    return {
      province: province.code,
      indices: [...byIndex].map(([indexCode, years]) => ({ indexCode, years, latest: Math.max(...years) })),
    };
  }) as Promise<{ province: string; indices: Array<{ indexCode: string; years: number[]; latest: number }> }>;
}
