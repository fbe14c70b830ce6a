import { provinceRows } from "../../server/src/features/indices/indices.catalog";

/** Every subject of results: the 63 provinces before 1/7/2025 and the 34 after (shared rows once). */
export const ALL_PROVINCE_CODES = provinceRows().map((p) => p.code);

/** The provinces the generator gave results (2005-2024 editions name the 63 former provinces). */
export const PROVINCES_WITH_RESULTS = provinceRows()
  .filter((p) => p.era !== "current")
  .map((p) => p.code);
