/**
 * The one clock of the server: "now" and the province's "today". The zone comes from
 * `PROVINCE_TIME_ZONE` (Asia/Ho_Chi_Minh by default), set once at start by `buildApp`; tests may fix
 * the instant with `setClockForTests`. Nothing else reads `new Date()` for a day a person sees.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { DEFAULT_TIME_ZONE, dayIn, localTimeIn } from "../../../core/src/time/clock";

let zone = DEFAULT_TIME_ZONE;
let fixed: (() => Date) | null = null;

export function setProvinceTimeZone(timeZone: string) {
  zone = timeZone;
}
export const provinceTimeZone = () => zone;

// An instant set for one async context only (`atInstant`): requests served meanwhile keep the real clock.
const replayed = new AsyncLocalStorage<Date>();

/** The current instant (fixed in tests that set one, or inside `atInstant`). */
export const now = (): Date => replayed.getStore() ?? (fixed ? fixed() : new Date());

/** Today in the province, "YYYY-MM-DD". */
export const provinceToday = (at: Date = now()) => dayIn(zone, at);

/** The day, hour and minute in the province at `at`. */
export const provinceTime = (at: Date = now()) => localTimeIn(zone, at);

/** Fixes the clock for a test (`null` gives the real clock back). */
export function setClockForTests(at: Date | (() => Date) | null) {
  fixed = at === null ? null : typeof at === "function" ? at : () => at;
}

/**
 * Runs `fn` with the clock at `at`, in `fn`'s own async context only. The demo replays its past
 * through the real services on the days it happened (a report submitted after its due day is late
 * because the workflow stamped it so), without touching the clock of anything else running.
 */
export function atInstant<T>(at: Date, fn: () => Promise<T>): Promise<T> {
  return replayed.run(at, fn);
}
