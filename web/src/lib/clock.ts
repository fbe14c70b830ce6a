/**
 * The web app's "today": a day on the province's clock (core's `dayIn` in the zone /api/me answers,
 * PROVINCE_TIME_ZONE on the server), not the browser's, so a computer set to UTC or another zone
 * shows the same overdue tasks and open periods as the server. Until /api/me has answered (the
 * sign-in page), the default zone, Asia/Ho_Chi_Minh, stands in.
 */
import { DEFAULT_TIME_ZONE, dayIn } from "../../../core/src/time/clock";

let zone = DEFAULT_TIME_ZONE;

/** Records the province's zone from the /api/me (or login) answer. */
export function setProvinceTimeZone(timeZone: string | null | undefined) {
  if (timeZone) zone = timeZone;
}

/** Today in the province, "YYYY-MM-DD". */
export const provinceToday = () => dayIn(zone, new Date());

/** This year in the province. */
export const provinceYear = () => Number(provinceToday().slice(0, 4));
