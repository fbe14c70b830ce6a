import type { SheetCell } from "./unit-list.types";

/** Cell as trimmed NFC text with inner white space collapsed; "" when empty. */
export function cellText(cell: SheetCell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? "" : isoDate(cell);
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  return cell.normalize("NFC").replace(/\s+/g, " ").trim();
}

// Not a person's "today": a spreadsheet's date cell is read as midnight UTC of the date it shows (as
// is the Date.UTC below), so its UTC day is the day written in the cell, whatever the province's zone.
function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function validIso({ year, month, day }: { year: number; month: number; day: number }): string | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 31/02 over to March; a rolled date means the day did not exist.
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return isoDate(date);
}

// Excel's day 0 is 1899-12-30 (it counts the non-existent 29/02/1900).
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

export type DateParse = { ok: true; value: string | null } | { ok: false };

/**
 * Reads a date cell: dd/mm/yyyy (also with "-" or "."), ISO yyyy-mm-dd, an Excel date, or an
 * Excel serial number. Day first always: Vietnamese lists never write month first.
 */
export function parseDateCell(cell: SheetCell | undefined): DateParse {
  if (cell === null || cell === undefined) return { ok: true, value: null };
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return { ok: false };
    // exceljs gives dates at UTC midnight; take the UTC calendar day.
    const value = validIso({
      year: cell.getUTCFullYear(),
      month: cell.getUTCMonth() + 1,
      day: cell.getUTCDate(),
    });
    return value ? { ok: true, value } : { ok: false };
  }
  if (typeof cell === "number") return serialDate(cell);
  const text = cellText(cell);
  if (text === "") return { ok: true, value: null };
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (dmy) return wrap(validIso({ day: Number(dmy[1]), month: Number(dmy[2]), year: Number(dmy[3]) }));
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (ymd) return wrap(validIso({ year: Number(ymd[1]), month: Number(ymd[2]), day: Number(ymd[3]) }));
  return { ok: false };
}

// A bare number such as 2025 in a date column is a year typed by hand, not day 2025 of Excel's
// calendar (1905); serials before 1950 are refused for that reason.
const FIRST_PLAUSIBLE_SERIAL = 18_264;
const LAST_PLAUSIBLE_SERIAL = 109_939; // 2200-12-31, the same bound as typed dates

function serialDate(serial: number): DateParse {
  if (!Number.isFinite(serial) || serial < FIRST_PLAUSIBLE_SERIAL || serial > LAST_PLAUSIBLE_SERIAL) {
    return { ok: false };
  }
  return wrap(isoDate(new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS)));
}

function wrap(value: string | null): DateParse {
  return value ? { ok: true, value } : { ok: false };
}

/** Splits "a; b; c" or "a, b, c"; when a ";" is present, commas stay inside names ("Sở Văn hóa, Thể thao…"). */
export function splitAliases(text: string): string[] {
  if (text === "") return [];
  const separator = /[;\n]/.test(text) ? /[;\n]/ : /,/;
  const parts = text.split(separator).map((part) => part.replace(/\s+/g, " ").trim());
  return [...new Set(parts.filter((part) => part.length > 0))];
}
