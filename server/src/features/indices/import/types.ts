/** The neutral model an index results file is read into; a later step stores it. */
import type { IndexCode } from "../../../../../core/src/indices/definitions/types";

export interface ImportError {
  /** Sheet name (for a CSV: the file name), null for a problem with the whole file. */
  sheet: string | null;
  /** 1-based row number as the user sees it in Excel, null when not about one row. */
  row: number | null;
  /** Column letter ("C"), null when not about one column. */
  column: string | null;
  /** In Vietnamese, for the person who uploaded the file. */
  message: string;
}

export interface ImportedComponent {
  code: string;
  name: string;
  value: number;
}

export interface ImportedProvince {
  /** The name exactly as written in the file. */
  input: string;
  /** Official name of the matched province, null when it could not be matched. */
  province: string | null;
  /** Slug code of the matched province (stable key for storage), null when unmatched. */
  provinceCode: string | null;
  publishedTotal: number | null;
  publishedRank: number | null;
  /** Published band / tier ("Rất tốt", "Nhóm cao nhất"), as written. */
  publishedBand: string | null;
  /** Recomputed from the components by the version's rule; null when components are missing. */
  computedTotal: number | null;
  components: ImportedComponent[];
}

export interface IndexResult {
  index: IndexCode;
  year: number;
  version: string;
  provinces: ImportedProvince[];
  errors: ImportError[];
  /** In Vietnamese: what the reader decided that the person should know (not errors). */
  notes: string[];
}

export interface ReadInput {
  data: Uint8Array;
  fileName: string;
  index?: IndexCode;
  year?: number;
}

export interface ReadOutcome {
  /** One per index and year found in the file. */
  results: IndexResult[];
  /** Problems with the file as a whole (format, size, nothing recognisable). */
  errors: ImportError[];
}

/** Larger uploads are refused before parsing: official workbooks are well under 5 MB. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
