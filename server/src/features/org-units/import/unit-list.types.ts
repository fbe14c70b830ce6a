import type { UnitKind } from "../../../../../core/src/auth/roles";

export type { UnitKind };

/** One unit read from an uploaded list, ready for the import preview. */
export interface UnitListRow {
  /** Row number in the file (Excel row, or CSV record counted from 1). */
  row: number;
  name: string;
  kind: UnitKind;
  /** Parent name or code as written; resolved against the tree by the import service. */
  parent: string | null;
  shortName: string | null;
  aliases: string[];
  code: string | null;
  /** YYYY-MM-DD */
  validFrom: string | null;
  /** YYYY-MM-DD, last day valid */
  validTo: string | null;
}

export interface UnitListError {
  row: number | null;
  /** Header text as written in the file. */
  column: string | null;
  /** Vietnamese, shown to the user as is. */
  message: string;
}

export interface UnitListParseResult {
  rows: UnitListRow[];
  errors: UnitListError[];
}

/** A cell as read from either format: CSV gives strings, XLSX may give numbers and dates too. */
export type SheetCell = string | number | Date | null;

/** Rows of one sheet, each with its row number in the file. */
export interface SheetRow {
  row: number;
  cells: SheetCell[];
}
