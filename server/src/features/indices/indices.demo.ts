/** Demo results: the published files in server/data/published, and a few figures from DOMAIN.md §8. */
import fs from "node:fs";
import path from "node:path";
import { systemActor } from "../../app/actor";
import type { Database } from "../../app/db";
import { PUBLISHED_DATA_DIR } from "../../app/paths";
import { readIndexResults } from "./import";
import { ensureIndexCatalog } from "./indices.catalog";
import { createIndicesRepository } from "./indices.repository";
import { refreshDerived, storeIndexResults } from "./indices.results.service";
import { versionForYear } from "./indices.versions";

/** Files in the order they are read; an index-year already seeded by an earlier file is skipped. */
export const DEMO_RESULT_FILES = [
  "PAPI_2011-2016.xlsx",
  "papi_dimensions_2011_2024_derived.csv",
  "PCI_2015.xlsx",
  "PCI_2016.xlsx",
  "dvcqg_766_province_scores_2026-10-05.csv",
];

type Figure = {
  index: string;
  year: number;
  province: string;
  total: number | null;
  rank: number;
  rankOf: number;
  regionalRank?: number;
  regionalRankOf?: number;
};

// Typed by hand from DOMAIN.md §8 (seed 003 for Bình Định 2022; Khánh Hòa's 2023 results). Previous-year
// ranks follow from the changes given there (e.g. PCI 34/63 "from 16/63"; PAR INDEX 14/63 "+11" → 25/63).
const HAND_FIGURES: Figure[] = [
  // DOMAIN.md §8 — Khánh Hòa 2023 and the 2022 figures its changes imply.
  {
    index: "PCI",
    year: 2023,
    province: "khanh-hoa",
    total: 66.52,
    rank: 34,
    rankOf: 63,
    regionalRank: 6,
    regionalRankOf: 12,
  },
  { index: "PCI", year: 2022, province: "khanh-hoa", total: 67.74, rank: 16, rankOf: 63 },
  { index: "PAR_INDEX", year: 2023, province: "khanh-hoa", total: 88.6, rank: 14, rankOf: 63 },
  { index: "PAR_INDEX", year: 2022, province: "khanh-hoa", total: null, rank: 25, rankOf: 63 },
  { index: "SIPAS", year: 2023, province: "khanh-hoa", total: 81.09, rank: 43, rankOf: 63 },
  { index: "SIPAS", year: 2022, province: "khanh-hoa", total: null, rank: 53, rankOf: 63 },
  { index: "PGI", year: 2023, province: "khanh-hoa", total: 22.86, rank: 15, rankOf: 63 },
  { index: "PGI", year: 2022, province: "khanh-hoa", total: 14.59, rank: 34, rankOf: 63 },
  // DOMAIN.md §8 — PGI 2023 leaders.
  { index: "PGI", year: 2023, province: "quang-ninh", total: 26.0, rank: 1, rankOf: 63 },
  { index: "PGI", year: 2023, province: "da-nang", total: 25.66, rank: 2, rankOf: 63 },
  // DOMAIN.md §8 — PAR INDEX 2023: Quảng Ninh first with 92.18%.
  { index: "PAR_INDEX", year: 2023, province: "quang-ninh", total: 92.18, rank: 1, rankOf: 63 },
  // DOMAIN.md §8 — Bình Định 2022 (seed 003): SIPAS 21/63, PCI 21/63 (−10), PAR INDEX 33/63 (−3).
  { index: "SIPAS", year: 2022, province: "binh-dinh", total: null, rank: 21, rankOf: 63 },
  { index: "PCI", year: 2022, province: "binh-dinh", total: null, rank: 21, rankOf: 63 },
  { index: "PCI", year: 2021, province: "binh-dinh", total: null, rank: 11, rankOf: 63 },
  { index: "PAR_INDEX", year: 2022, province: "binh-dinh", total: null, rank: 33, rankOf: 63 },
  { index: "PAR_INDEX", year: 2021, province: "binh-dinh", total: null, rank: 30, rankOf: 63 },
];

/**
 * Seeds the demo results from the published files (server/data/published) and the hand figures.
 * A missing file is said loudly on the error log, naming the path, and the demo goes on without it:
 * an "index without results" screen must never be a silent surprise. Returns the index-years stored.
 */
export async function seedDemoIndexResults({
  database,
  dataDir = PUBLISHED_DATA_DIR,
  logError = console.error,
}: {
  database: Database;
  dataDir?: string;
  logError?: (message: string) => void;
}) {
  const db = database.db;
  await ensureIndexCatalog({ db });
  const actor = systemActor("Dữ liệu mẫu");
  const seeded = new Set<string>();
  const missing = DEMO_RESULT_FILES.filter((fileName) => !fs.existsSync(path.join(dataDir, fileName)));
  if (missing.length > 0)
    logError(
      `Dữ liệu mẫu: thiếu ${missing.length} tệp kết quả chỉ số đã công bố trong ${dataDir} (${missing.join(", ")}); ` +
        "các năm đó sẽ không có điểm. / Demo data: published index result files missing.",
    );
  for (const fileName of DEMO_RESULT_FILES) {
    if (missing.includes(fileName)) continue;
    const data = new Uint8Array(fs.readFileSync(path.join(dataDir, fileName)));
    const outcome = await readIndexResults({ data, fileName });
    const results = outcome.results.filter(
      (r) => r.errors.length === 0 && !seeded.has(`${r.index}|${r.year}`),
    );
    if (results.length === 0) continue;
    await db.transaction((tx) => storeIndexResults({ tx, actor, results, fileName }));
    for (const r of results) seeded.add(`${r.index}|${r.year}`);
  }
  await db.transaction(async (tx) => {
    const repo = createIndicesRepository(tx);
    const touched = new Set<string>();
    for (const f of HAND_FIGURES) {
      if (seeded.has(`${f.index}|${f.year}`)) continue;
      const version = await versionForYear(tx, f.index, f.year);
      if (!version || (await repo.findResult({ indexCode: f.index, year: f.year, provinceCode: f.province })))
        continue;
      await repo.upsertResult({
        indexCode: f.index,
        year: f.year,
        provinceCode: f.province,
        versionCode: version.code,
        total: f.total,
        rank: f.rank,
        rankOf: f.rankOf,
        regionalRank: f.regionalRank ?? null,
        regionalRankOf: f.regionalRankOf ?? null,
        sourceDocument: "DOMAIN.md §8",
        sourceNote: "Số liệu mẫu nhập tay từ tài liệu của tỉnh",
      });
      touched.add(`${f.index}|${f.year}`);
    }
    for (const k of touched) {
      const [indexCode, year] = k.split("|");
      await refreshDerived({ tx, indexCode, year: Number(year) });
    }
  });
  return [...seeded];
}
