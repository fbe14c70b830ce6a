import dayjs, { type Dayjs } from "dayjs";
import customParseFormat from "dayjs/plugin/customParseFormat";
import { formatDateVi } from "../../../core/src/text/dates";

// Typed dates (dd/mm/yyyy) are parsed with this plugin; it comes with the pages that show date
// pickers (they all read their format from here), not with the first load.
dayjs.extend(customParseFormat);

export { formatDateVi };

/** The display format of every date picker: the way Vietnamese documents write dates. */
export const DATE_FORMAT = "DD/MM/YYYY";

export const toIsoDate = (d: Dayjs | null | undefined): string | null => (d ? d.format("YYYY-MM-DD") : null);

export const fromIsoDate = (s: string | null | undefined): Dayjs | null =>
  s ? dayjs(s, "YYYY-MM-DD") : null;

/** A timestamp as dd/mm/yyyy hh:mm, local time. */
export function formatDateTimeVi(value: string | null | undefined): string {
  if (!value) return "";
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return "";
  const hh = String(d.getHours()).padStart(2, "0");
  const mm = String(d.getMinutes()).padStart(2, "0");
  return `${formatDateVi(d)} ${hh}:${mm}`;
}
