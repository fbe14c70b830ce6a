/**
 * Names of reporting periods as a person reads them: "Tháng 12/2026", "Quý IV/2026", "6 tháng đầu năm
 * 2026", "Năm 2026", "Báo cáo đột xuất: <title>". The key ("2026-M12", "AH") never reaches a person.
 * The SQL mirror for notices written in the database is `server/src/features/reporting/period-name.sql.ts`.
 */
import type { IsoDate } from "../deadlines/deadline.types";
import type { Period } from "../reporting/periods";
import { type Lang, langOf } from "./lang";

const ROMAN = ["I", "II", "III", "IV"];
const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const dmy = (iso: IsoDate) => iso.split("-").reverse().join("/");

/**
 * The name of a period. An ad hoc request is named by its title when there is one ("Báo cáo đột
 * xuất: Tổng kết PCI 2025"), otherwise by its deadline ("Đột xuất (đến 20/05/2025)").
 */
export function periodName(
  period: Pick<Period, "frequency" | "start" | "end">,
  options: { lang?: Lang | string; title?: string | null } = {},
): string {
  const lang = langOf(options.lang);
  const [y, m] = period.start.split("-").map(Number) as [number, number];
  switch (period.frequency) {
    case "monthly":
      return lang === "en" ? `${MONTHS_EN[m - 1]} ${y}` : `Tháng ${m}/${y}`;
    case "quarterly":
      return lang === "en" ? `Q${(m + 2) / 3} ${y}` : `Quý ${ROMAN[(m - 1) / 3]}/${y}`;
    case "halfYearly":
      if (lang === "en") return m === 1 ? `First half of ${y}` : `Second half of ${y}`;
      return m === 1 ? `6 tháng đầu năm ${y}` : `6 tháng cuối năm ${y}`;
    case "yearly":
      return lang === "en" ? `Year ${y}` : `Năm ${y}`;
    case "adHoc":
      if (options.title)
        return lang === "en" ? `Ad hoc report: ${options.title}` : `Báo cáo đột xuất: ${options.title}`;
      return lang === "en" ? `Ad hoc (due ${dmy(period.end)})` : `Đột xuất (đến ${dmy(period.end)})`;
  }
}
