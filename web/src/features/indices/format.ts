import { useTranslation } from "react-i18next";

const MINUS = "\u2212";
const cache = new Map<string, Intl.NumberFormat>();
function nf(lang: string, digits: number) {
  const key = `${lang}:${digits}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === "en" ? "en-US" : "vi-VN", {
      minimumFractionDigits: 0,
      maximumFractionDigits: digits,
    });
    cache.set(key, f);
  }
  return f;
}

/** A number for display: Vietnamese decimal comma (English: point); the true minus sign. */
export function formatNumber(value: number | null | undefined, digits = 2, lang = "vi"): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  const text = nf(lang, digits).format(Math.abs(value));
  return value < 0 && text !== "0" ? `${MINUS}${text}` : text;
}

/** With an explicit sign: "+0,59", "−1,22". */
export function formatSigned(value: number | null | undefined, digits = 2, lang = "vi"): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  const text = formatNumber(value, digits, lang);
  return value > 0 && text !== "0" ? `+${text}` : text;
}

export function useFormat() {
  const { i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  return {
    lang,
    num: (v: number | null | undefined, digits = 2) => formatNumber(v, digits, lang),
    signed: (v: number | null | undefined, digits = 2) => formatSigned(v, digits, lang),
  };
}

/** Numeric sorter for antd tables: nulls last. */
export const byNumber =
  <T>(get: (row: T) => number | null | undefined) =>
  (a: T, b: T) => {
    const x = get(a);
    const y = get(b);
    if (x == null && y == null) return 0;
    if (x == null) return 1;
    if (y == null) return -1;
    return x - y;
  };
