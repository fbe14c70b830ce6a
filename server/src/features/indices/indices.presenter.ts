import type { ResultRow } from "./indices.repository";

/** "21/63": a rank is never shown without its denominator. */
export const rankText = (rank: number | null, of: number | null) =>
  rank === null ? null : of === null ? String(rank) : `${rank}/${of}`;

/** The rank to show: published, else derived among the provinces with data. */
export function shownRank(row: ResultRow) {
  const published = row.rank !== null;
  const rank = published ? row.rank : row.computedRank;
  const rankOf = published ? (row.rankOf ?? row.computedRankOf) : row.computedRankOf;
  return { rank, rankOf, rankText: rankText(rank, rankOf), rankComputed: !published && rank !== null };
}

export const scoreOf = (row: Pick<ResultRow, "total" | "computedTotal">) => row.total ?? row.computedTotal;

export function presentResult(
  row: ResultRow,
  provinceName: string,
  components?: Array<{
    componentCode: string;
    value: number | null;
    rank: number | null;
    computedRank: number | null;
  }>,
) {
  return {
    indexCode: row.indexCode,
    year: row.year,
    provinceCode: row.provinceCode,
    provinceName,
    versionCode: row.versionCode,
    total: row.total,
    computedTotal: row.computedTotal,
    score: scoreOf(row),
    difference: row.total !== null && row.computedTotal !== null ? row.computedTotal - row.total : null,
    ...shownRank(row),
    band: row.band ?? row.computedBand,
    bandComputed: row.band === null && row.computedBand !== null,
    regionalRank: row.regionalRank,
    regionalRankOf: row.regionalRankOf,
    source: { document: row.sourceDocument, link: row.sourceLink, note: row.sourceNote },
    components: (components ?? []).map((c) => ({
      code: c.componentCode,
      value: c.value,
      rank: c.rank ?? c.computedRank,
    })),
  };
}
