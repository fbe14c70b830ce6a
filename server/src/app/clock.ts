/**
 * The one clock of the server: "now" and the province's "today". The zone comes from
 * `PROVINCE_TIME_ZONE` (Asia/Ho_Chi_Minh by default), set once at start by `buildApp`; tests may fix
 * the instant with `setClockForTests`. Nothing else reads `new Date()` for a day a person sees.
 */
import { DEFAULT_TIME_ZONE, dayIn, localTimeIn } from "../../../core/src/time/clock";

let zone = DEFAULT_TIME_ZONE;
let fixed: (() => Date) | null = null;

export function setProvinceTimeZone(timeZone: string) {
  zone = timeZone;
}
export const provinceTimeZone = () => zone;

/** The current instant (fixed in tests that set one). */
export const now = (): Date => (fixed ? fixed() : new Date());

/** Today in the province, "YYYY-MM-DD". */
export const provinceToday = (at: Date = now()) => dayIn(zone, at);

/** The day, hour and minute in the province at `at`. */
export const provinceTime = (at: Date = now()) => localTimeIn(zone, at);

/** Fixes the clock for a test (`null` gives the real clock back). */
export function setClockForTests(at: Date | (() => Date) | null) {
  fixed = at === null ? null : typeof at === "function" ? at : () => at;
}
