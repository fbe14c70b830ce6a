/**
 * The one rule for figures a person reads, on screens and in generated Word and Excel files:
 * - Vietnamese writes a decimal comma and groups thousands with a dot ("1.234,5"); English the reverse;
 *   a negative figure takes the true minus sign ("−1,22").
 * - A rate (a share of a whole: reports received, on time, tasks completed) has one decimal, so 3 of
 *   500 reads "0,6 %", never "1%"; a trailing ",0" is dropped ("50 %", "100 %").
 * - Progress, which people state in whole percent, stays whole ("45 %").
 * - The percent sign follows a no-break space in Vietnamese (the SI style TCVN follows), none in English.
 * - Index scores keep the decimals their publisher prints (two).
 * - A figure that is missing reads "–".
 */
import { type Lang, langOf } from "./lang";

const NBSP = "\u00a0";
const MINUS = "\u2212";
export const MISSING = "–";

const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, digits: number) {
  const key = `${lang}:${digits}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === "en" ? "en-US" : "vi-VN", {
      minimumFractionDigits: 0,
      maximumFractionDigits: digits,
    });
    formats.set(key, f);
  }
  return f;
}

/** A number with at most `digits` decimals, trailing zeros dropped: 57.417110443115234 → "57,42". */
export function formatNumber(value: number | null | undefined, digits = 2, lang?: Lang | string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  const text = numberFormat(langOf(lang), digits).format(Math.abs(value));
  return value < 0 && text !== "0" ? `${MINUS}${text}` : text;
}

/** With an explicit sign: "+0,59", "−1,22". */
export function formatSigned(value: number | null | undefined, digits = 2, lang?: Lang | string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  const text = formatNumber(value, digits, lang);
  return value > 0 && text !== "0" ? `+${text}` : text;
}

/** A figure already in percent (45 → "45 %"; 0.6 with one decimal → "0,6 %"). */
export function formatPercent(value: number | null | undefined, digits = 0, lang?: Lang | string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  const text = formatNumber(value, digits, lang);
  return langOf(lang) === "en" ? `${text}%` : `${text}${NBSP}%`;
}

/** The decimals of a rate: one. */
export const RATE_DECIMALS = 1;

/** A rate `part` of `whole` in percent, rounded to one decimal (the figure charts plot); null without a whole. */
export function rateValue(part: number, whole: number): number | null {
  if (!whole) return null;
  return Math.round((1000 * part) / whole) / 10;
}

/** A rate as text: 3 of 500 → "0,6 %"; no whole → "–". */
export function formatRate(part: number, whole: number, lang?: Lang | string): string {
  return formatPercent(rateValue(part, whole), RATE_DECIMALS, lang);
}

/** The Excel number format of a figure with `digits` decimals (Excel shows it in the reader's locale). */
export const excelNumberFormat = (digits: number) => (digits > 0 ? `#,##0.${"0".repeat(digits)}` : "#,##0");
/** The Excel format of a rate stored as a fraction (0.006 shows "0,6%" in a Vietnamese Excel). */
export const EXCEL_RATE_FORMAT = "0.0%";
/** The Excel format of a whole percent stored as a fraction (progress). */
export const EXCEL_PERCENT_FORMAT = "0%";
