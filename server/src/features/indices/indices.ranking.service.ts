/** Every province for an index and year: score, rank of n, band, and the change since the last comparable year. */
import type { z } from "zod";
import type { RANKING_SORTS, rankingResponse } from "../../../../core/src/api/indices.schemas";
import { yearOnYear } from "../../../../core/src/indices/arithmetic/change";
import { comparableYears } from "../../../../core/src/indices/arithmetic/method";
import { PLAIN_QUARTILE_LABELS, quartileTiers } from "../../../../core/src/indices/arithmetic/ranking";
import type { Db } from "../../app/db";
import { notFound } from "../../app/errors";
import { cachedRead } from "./indices.analysis.service";
import { scoreOf, shownRank } from "./indices.presenter";
import { createIndicesRepository } from "./indices.repository";
import { listProvincesCached, loadVersion, methodBreaksOf } from "./indices.versions";

type Ranking = z.infer<typeof rankingResponse>;
type Row = Ranking["rows"][number];
export type RankingSort = (typeof RANKING_SORTS)[number];

/** The whole country's ranking of an index-year, kept under the 'indices' revision like the other analyses. */
function nationalRanking(db: Db, indexCode: string, year: number) {
  return cachedRead(db, `ranking|${indexCode}|${year}`, () =>
    assembleRanking(db, indexCode, year),
  ) as Promise<Ranking>;
}

async function assembleRanking(db: Db, indexCode: string, year: number): Promise<Ranking> {
  const repo = createIndicesRepository(db);
  const [rows, provinces, breaks, definitions, years] = await Promise.all([
    repo.resultsOfYear({ indexCode, year }),
    listProvincesCached(db),
    methodBreaksOf(db, indexCode),
    repo.listDefinitions(),
    repo.yearsWithResults(),
  ]);
  const def = definitions.find((d) => d.code === indexCode);
  if (!def) throw notFound("index.notFound", "Không tìm thấy chỉ số.");
  if (rows.length === 0) throw notFound("indexResult.notFound", `Chưa có kết quả ${def.nameVi} năm ${year}.`);

  // Changes are measured from the latest earlier year with results, if it used the same method.
  const earlier = years
    .filter((y) => y.indexCode === indexCode && y.year < year)
    .map((y) => y.year)
    .sort((a, b) => b - a)[0];
  const previousYear = earlier !== undefined && comparableYears(breaks, earlier, year) ? earlier : null;
  const [version, previousRows] = await Promise.all([
    loadVersion(db, rows[0]?.versionCode ?? ""),
    previousYear === null ? [] : repo.resultsOfYear({ indexCode, year: previousYear }),
  ]);
  const before = breaks.filter((b) => b.year <= year).at(-1);
  const methodBreak =
    earlier !== undefined && previousYear === null && before
      ? { previousYear: earlier, fromScaleMax: before.from.scaleMax, toScaleMax: before.to.scaleMax }
      : null;

  // The publisher's groups when the data has them; otherwise quartiles of the scores, named plainly.
  const published = rows.some((r) => (r.band ?? r.computedBand) !== null);
  const scored = rows
    .map((r) => ({ key: r.id, value: scoreOf(r) }))
    .filter((s): s is { key: string; value: number } => s.value !== null);
  const quartiles = published
    ? new Map<string, string>()
    : new Map(quartileTiers(scored).map((t) => [t.key, PLAIN_QUARTILE_LABELS[t.tier].vi]));

  const place = new Map(provinces.map((p) => [p.code, p]));
  const previousOf = new Map(previousRows.map((r) => [r.provinceCode, r]));
  const out: Row[] = rows.map((r) => {
    const shown = shownRank(r);
    const prev = previousOf.get(r.provinceCode);
    const prevShown = prev ? shownRank(prev) : null;
    const change = yearOnYear(
      { score: prev ? scoreOf(prev) : null, rank: prevShown?.rank ?? null },
      { score: scoreOf(r), rank: shown.rank },
    );
    const band = published ? (r.band ?? r.computedBand) : (quartiles.get(r.id) ?? null);
    return {
      provinceCode: r.provinceCode,
      provinceName: place.get(r.provinceCode)?.name ?? r.provinceCode,
      region: place.get(r.provinceCode)?.region ?? "",
      score: scoreOf(r),
      ...shown,
      band,
      bandComputed: published ? r.band === null && r.computedBand !== null : band !== null,
      previousScore: prev ? scoreOf(prev) : null,
      previousRank: prevShown?.rank ?? null,
      previousRankText: prevShown?.rankText ?? null,
      scoreChange: change.scoreChange,
      placesChange: change.placesChange,
    };
  });
  const regions = [...new Set(out.map((r) => r.region).filter(Boolean))].sort((a, b) =>
    a.localeCompare(b, "vi"),
  );
  const ranked = out.filter((r) => r.rank !== null);
  return {
    index: { code: def.code, nameVi: def.nameVi, nameEn: def.nameEn },
    year,
    versionCode: version?.code ?? rows[0]?.versionCode ?? "",
    scaleMax: version?.scaleMax ?? 0,
    previousYear,
    methodBreak,
    bandSource: published ? "published" : scored.length > 0 ? "quartile" : "none",
    regions,
    region: null,
    // Every rank's denominator: the published one where there is one, else those ranked.
    ranked: ranked.reduce((n, r) => Math.max(n, r.rankOf ?? 0), 0) || ranked.length,
    total: out.length,
    rows: out,
  };
}

/** Nulls last whatever the order: a province without a figure never leads a list. */
function compare(sort: RankingSort, order: "asc" | "desc") {
  const sign = order === "asc" ? 1 : -1;
  const byName = (a: Row, b: Row) => a.provinceName.localeCompare(b.provinceName, "vi");
  const numeric = (pick: (r: Row) => number | null) => (a: Row, b: Row) => {
    const x = pick(a);
    const y = pick(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return sign * (x - y);
  };
  const primary =
    sort === "name"
      ? (a: Row, b: Row) => sign * byName(a, b)
      : numeric(
          sort === "rank"
            ? (r) => r.rank
            : sort === "score"
              ? (r) => r.score
              : sort === "scoreChange"
                ? (r) => r.scoreChange
                : (r) => r.placesChange,
        );
  return (a: Row, b: Row) => primary(a, b) || numeric((r) => r.rank)(a, b) || byName(a, b);
}

/** The ranking as asked: one region or the country, sorted; ranks keep the national denominator. */
export async function ranking({
  db,
  indexCode,
  year,
  region,
  sort,
  order,
}: {
  db: Db;
  indexCode: string;
  year: number;
  region?: string;
  sort: RankingSort;
  order: "asc" | "desc";
}): Promise<Ranking> {
  const national = await nationalRanking(db, indexCode, year);
  const rows = national.rows.filter((r) => !region || r.region === region).sort(compare(sort, order));
  return { ...national, region: region || null, total: rows.length, rows };
}
