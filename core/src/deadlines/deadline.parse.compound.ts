/**
 * Compound deadline phrases: a prefix that only announces the deadline ("Thời gian thực hiện:"), a
 * phrase that states when work STARTS ("Bắt đầu thực hiện trong quý II/2024"), an open end
 * ("… và các năm tiếp theo") and recurring work joined to a dated end ("Hằng quý và trước ngày
 * 15/12/2024"). A start is not a due date: it opens a window of work with no end, so the task is
 * never overdue on its first day (core/src/plans/status.ts judges it per period).
 */

import { periodOf } from "./deadline.due";
import { parseDatedCore } from "./deadline.parse.dated";
import type { RecurringDraft } from "./deadline.parse.recurring";
import { isUnknown, type ParseContext } from "./deadline.parse.shared";
import { type Prepared, prepare, slicePrepared, tidy, trimPrepared } from "./deadline.text";
import type { DatedDeadline, Deadline, RecurringDeadline } from "./deadline.types";

/** Words that only announce the deadline; what follows the colon reads the same without them. */
const PREFIX =
  /^\s*(?:thoi gian|thoi han|tien do|hoan thanh)(?:\s+(?:thuc hien|hoan thanh|trien khai|bao cao|hoan thanh thuc hien))?\s*:\s*/;

/** "Thời gian thực hiện: Quý III/2024" → "Quý III/2024" (positions kept for labels). */
export function dropPrefix(p: Prepared): Prepared {
  const m = PREFIX.exec(p.folded);
  if (!m || m[0].length >= p.folded.length) return p;
  return slicePrepared(p, m[0].length);
}

/**
 * "Bắt đầu (thực hiện) (từ|trong|vào) tháng 3/2024", "Thời gian bắt đầu: quý II/2024", "Khởi động
 * năm 2024": the dated words give the start of open-ended work.
 */
const START =
  /^(?:thoi gian\s+)?(?:bat dau|khoi dong|khoi cong)(?:\s+(?:thuc hien|trien khai|ap dung|van hanh)){0,2}\s*:?\s*(?:(?:tu|trong|vao)\s+)?/;

export function parseStart(p: Prepared, ctx: ParseContext): RecurringDraft | undefined {
  const m = START.exec(p.folded);
  if (!m || m[0].length >= p.folded.length) return undefined;
  const d = parseDatedCore(slicePrepared(p, m[0].length), ctx);
  if (d === undefined || isUnknown(d)) return undefined;
  const label = tidy(p.original.slice(0, m[0].length));
  return {
    kind: "recurringDraft",
    text: tidy(p.original),
    frequency: "continuous",
    window: { from: periodOf(d).start, until: null },
    ...(label === "" ? {} : { label }),
  };
}

/** ", và các năm tiếp theo" at the end: the work goes on every year with no end. */
const NEXT_YEARS_SUFFIX = /\s*,?\s*(?:va\s+)?(?:nhung|cac)\s+nam\s+(?:tiep theo|ke tiep|sau|tiep)\s*$/;

/**
 * Reads "X và các năm tiếp theo" by reading X: recurring work loses its end, a dated X ("Tháng 6/2024
 * và các năm tiếp theo") becomes yearly work from that period on. Undefined when there is no such end.
 */
export function parseOpenEnded(
  p: Prepared,
  readRest: (rest: Prepared) => Deadline | RecurringDraft,
): RecurringDraft | undefined {
  const m = NEXT_YEARS_SUFFIX.exec(p.folded);
  if (!m || m.index === 0) return undefined;
  const rest = trimPrepared(slicePrepared(p, 0, m.index));
  if (rest.folded === "") return undefined;
  const d = readRest(rest);
  const text = tidy(p.original);
  if (d.kind === "recurringDraft") return { ...d, text, window: { ...d.window, until: null } };
  if (isDated(d)) {
    return {
      kind: "recurringDraft",
      text,
      frequency: "yearly",
      window: { from: periodOf(d).start, until: null },
      ...(d.label === undefined ? {} : { label: d.label }),
    };
  }
  return undefined;
}

export function isDated(d: { kind: string }): d is DatedDeadline {
  return d.kind === "date" || d.kind === "month" || d.kind === "quarter" || d.kind === "year";
}

/**
 * "Hằng quý và trước ngày 15/12/2024", "Thường xuyên; hoàn thành trước 31/12/2024": recurring work
 * whose window ends with the dated part. Undefined unless exactly one part is recurring and the others
 * are dated; a dated end before the work starts is left to the caller to flag.
 */
export function recurringWithEnd(parts: Deadline[], text: string): RecurringDeadline | undefined {
  const recurring = parts.filter((d): d is RecurringDeadline => d.kind === "recurring");
  const dated = parts.filter(isDated);
  if (recurring.length !== 1 || dated.length === 0 || recurring.length + dated.length !== parts.length)
    return undefined;
  // A named step ("Xây dựng kế hoạch: tháng 6/2023") is a milestone of other work, not this work's end.
  if (!dated.every((d) => d.label === undefined || END_LABEL.test(foldLabel(d.label)))) return undefined;
  const r = recurring[0];
  let until = periodOf(dated[0]).end;
  for (const d of dated) if (periodOf(d).end > until) until = periodOf(d).end;
  // The plan's issue date filled in a start; a stated end before it moves the start back out.
  const from = r.from !== null && r.from > until ? null : r.from;
  return {
    kind: "recurring",
    text,
    ...(r.label === undefined ? {} : { label: r.label }),
    frequency: r.frequency,
    from,
    until,
  };
}

const END_LABEL = /^(?:hoan thanh|ket thuc|xong)(?:\s+(?:thuc hien|trien khai))?$/;
const foldLabel = (label: string) => prepare(label).folded.replace(/\s+/g, " ").trim();

/** "và trước ngày 15/12/2024" after a rhythm: the dated end of the work, or undefined. */
export function datedEnd(p: Prepared, ctx: ParseContext): DatedDeadline | undefined {
  // The comma or "và" may already be trimmed away by the caller.
  const m = /^(?:(?:va|,)\s+)?(?:(?:hoan thanh|ket thuc)\s+)?/.exec(p.folded);
  if (!m || !/truoc|han|cham nhat/.test(p.folded.slice(m[0].length, m[0].length + 12))) return undefined;
  const d = parseDatedCore(slicePrepared(p, m[0].length), ctx);
  return d !== undefined && !isUnknown(d) ? d : undefined;
}
