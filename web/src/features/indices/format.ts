import { useTranslation } from "react-i18next";
import { formatNumber, formatSigned } from "../../../../core/src/words/numbers";

// The one rule of figures (decimal comma, true minus, rates with one decimal) lives in core.
export { formatNumber, formatPercent, formatRate, formatSigned } from "../../../../core/src/words/numbers";

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
