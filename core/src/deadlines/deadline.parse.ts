/**
 * parseDeadline: understands a deadline phrase from a plan's task table. It never throws and never
 * guesses: what it cannot read becomes an "unknown" deadline with a Vietnamese problem for a person.
 * Rule order matters and goes from the most telling words to the least: a condition ("sau khi"),
 * another document ("theo Kế hoạch"), a rhythm or window of work, one day or period, a list of them.
 */

import { parseIsoDate } from "./deadline.calendar";
import { dropPrefix, parseOpenEnded, parseStart, recurringWithEnd } from "./deadline.parse.compound";
import { parseDatedList, parseLabelledDated } from "./deadline.parse.dated";
import {
  finalizeRecurring,
  moreSpecific,
  parseRecurring,
  parseWindow,
  type RecurringDraft,
} from "./deadline.parse.recurring";
import {
  acceptableLabel,
  isNotUnderstood,
  isUnknown,
  notUnderstood,
  type ParseContext,
  quote,
  unknown,
} from "./deadline.parse.shared";
import { type Prepared, prepare, slicePrepared, tidy, trimPrepared } from "./deadline.text";
import type {
  Deadline,
  Milestone,
  MilestonesDeadline,
  ParseDeadlineOptions,
  RecurringDeadline,
  UnknownDeadline,
} from "./deadline.types";

/** Longer cells are prose, not deadlines; the cap also bounds the parser's work on any input. */
export const MAX_DEADLINE_TEXT_LENGTH = 500;

type Draft = Exclude<Deadline, RecurringDeadline> | RecurringDraft;

export function parseDeadline(text: string, options?: ParseDeadlineOptions): Deadline {
  let raw = "";
  try {
    // Callers from plain JavaScript or JSON may pass anything; a deadline cell is still a string.
    raw = typeof text === "string" ? text : String(text ?? "");
    return { ...parseWhole(raw, contextOf(options)), text: raw };
  } catch {
    // A bug in a rule must not stop an import: the phrase goes to a person instead.
    return unknown(raw, "Không đọc được thời hạn này; cần người kiểm tra");
  }
}

function contextOf(options: ParseDeadlineOptions | undefined): ParseContext {
  const issued = options?.issued;
  const ymd = parseIsoDate(issued);
  // An invalid issue date is ignored rather than trusted: phrases needing it then report a missing year.
  return ymd && typeof issued === "string" ? { issued: { ...ymd, iso: issued } } : {};
}

function parseWhole(raw: string, ctx: ParseContext): Deadline {
  if (raw.length > MAX_DEADLINE_TEXT_LENGTH) {
    return unknown(
      raw,
      `Nội dung dài ${raw.length} ký tự, quá dài để là một thời hạn (tối đa ${MAX_DEADLINE_TEXT_LENGTH}); cần người đọc và ghi lại thời hạn`,
    );
  }
  const parts = splitParts(dropPrefix(prepare(raw)));
  if (parts.length === 0) return unknown(raw, "Chưa ghi thời hạn");
  if (parts.length === 1) return parseSingle(parts[0], ctx);
  return parseParts(parts, ctx, raw);
}

const BULLET = /(?:^|\s)[-•+*]\s+(?=\D)/g;

/**
 * Cuts a cell into its items: lines, ";" and, when the cell is a bulleted list, "- " bullets. Bullets
 * split only bulleted cells because " - " also joins words ("Kho dữ liệu - Hệ thống").
 */
function splitParts(p: Prepared): Prepared[] {
  const parts: Prepared[] = [];
  let last = 0;
  const cut = (end: number, next: number) => {
    const piece = slicePrepared(p, last, end);
    if (/^\s*[-•+*]\s/.test(piece.folded)) {
      let from = 0;
      for (const b of piece.folded.matchAll(BULLET)) {
        parts.push(slicePrepared(piece, from, b.index));
        from = b.index + b[0].length;
      }
      parts.push(slicePrepared(piece, from));
    } else parts.push(piece);
    last = next;
  };
  for (const m of p.folded.matchAll(/[;\n\r]+/g)) cut(m.index, m.index + m[0].length);
  cut(p.folded.length, p.folded.length);
  return parts.map(trimPrepared).filter((x) => x.folded !== "");
}

/** Several items: each must name a day or period, and together they are milestones. */
function parseParts(
  parts: Prepared[],
  ctx: ParseContext,
  raw: string,
): MilestonesDeadline | RecurringDeadline | UnknownDeadline {
  const parsed = parts.map((part) => parseSingle(part, ctx));
  // "Thường xuyên; hoàn thành trước 31/12/2024": recurring work and the day it ends.
  const withEnd = recurringWithEnd(parsed, raw);
  if (withEnd) return withEnd;
  const milestones: Milestone[] = [];
  for (const [i, part] of parts.entries()) {
    const d = parsed[i];
    if (d.kind === "unknown") return unknown(raw, d.problem);
    if (d.kind === "milestones") milestones.push(...d.milestones);
    else if (d.kind === "date" || d.kind === "month" || d.kind === "quarter" || d.kind === "year") {
      const { label, ...deadline } = d;
      milestones.push(
        label === undefined
          ? { label: tidy(part.original), named: false, deadline }
          : { label, named: true, deadline },
      );
    } else {
      return unknown(
        raw,
        `Mốc ${quote(part.original)} không có hạn cụ thể nên không ghép được với các mốc khác; cần người kiểm tra`,
      );
    }
  }
  return { kind: "milestones", text: raw, milestones };
}

/** Removes "( … )" groups, keeping positions (spaces in their place), and returns their contents. */
function extractParens(p: Prepared): { main: Prepared; groups: Prepared[] } {
  const groups: Prepared[] = [];
  let folded = p.folded;
  let original = p.original;
  for (const m of p.folded.matchAll(/\(([^()]*)\)?/g)) {
    groups.push(slicePrepared(p, m.index + 1, m.index + 1 + m[1].length));
    const blank = " ".repeat(m[0].length);
    folded = folded.slice(0, m.index) + blank + folded.slice(m.index + m[0].length);
    original = original.slice(0, m.index) + blank + original.slice(m.index + m[0].length);
  }
  // Stray closing brackets carry no meaning.
  return { main: { folded: folded.replace(/\)/g, " "), original: original.replace(/\)/g, " ") }, groups };
}

function parseSingle(p: Prepared, ctx: ParseContext): Deadline {
  const { main, groups } = extractParens(p);
  const nonEmpty = groups.map(trimPrepared).filter((g) => g.folded !== "");
  const mainIsEmpty = trimPrepared(main).folded === "";
  if (mainIsEmpty && nonEmpty.length === 0) return unknown(tidy(p.original), "Chưa ghi thời hạn");
  let d: Draft = mainIsEmpty ? parseBare(nonEmpty[0], ctx) : parseBare(main, ctx);
  for (const g of mainIsEmpty ? nonEmpty.slice(1) : nonEmpty) d = mergeParen(d, g, ctx);
  return d.kind === "recurringDraft" ? finalizeRecurring(d, ctx) : d;
}

/**
 * A parenthesis may refine recurring work ("Thường xuyên (Báo cáo kết quả hằng tháng)",
 * "(đến 31/12/2024)") or be a note ("(theo Công văn số 12)"), which leaves the deadline as it is. One
 * that brings another deadline, or a wrong date, needs a person's decision.
 */
function mergeParen(d: Draft, inner: Prepared, ctx: ParseContext): Draft {
  if (d.kind === "unknown") return d;
  if (d.kind === "recurringDraft") {
    const w = parseWindow(inner, ctx);
    if (isUnknown(w)) return unknown(d.text, w.problem);
    if (w !== undefined) {
      const window = { ...d.window, ...w };
      if (typeof window.from === "string" && typeof window.until === "string" && window.from > window.until) {
        return unknown(d.text, `Khoảng thời gian ${quote(inner.original)} bắt đầu sau khi kết thúc`);
      }
      return { ...d, window };
    }
  }
  const r = parseBare(inner, ctx);
  if (d.kind === "recurringDraft" && r.kind === "recurringDraft") {
    return { ...d, frequency: moreSpecific(d.frequency, r.frequency), window: { ...d.window, ...r.window } };
  }
  if (r.kind === "unknown") return isNotUnderstood(r) ? d : unknown(d.text, r.problem);
  if (r.kind === "followsPlan" || r.kind === "conditional" || !/\d/.test(inner.folded)) return d;
  return unknown(
    d.text,
    `Không rõ nên hiểu thời hạn theo phần trong ngoặc ${quote(inner.original)} hay phần ngoài ngoặc`,
  );
}

const PLAN_WORDS =
  "ke hoach|quy dinh|chuong trinh|de an|lo trinh|huong dan|van ban|quyet dinh|chi dao|thong bao|cong van|nghi quyet|chi thi|tien do|thoi gian quy dinh|thoi han quy dinh";
const FOLLOWS = new RegExp(`(?:^|\\s)theo\\s+(?=(?:${PLAN_WORDS})(?:\\s|$|[,.:;]))`);
const AFTER = /(?:^|\s)(?:ngay\s+)?sau khi\s+/;
const ON_REQUEST = /^(?:(?:thuc hien|bao cao)\s+)?(?:khi co yeu cau|theo yeu cau|dot xuat|khi duoc yeu cau)$/;
const WHEN = /(?:^|\s)(?:khi|neu)\s+/;

/** Applies the rules to a phrase without parentheses. */
function parseBare(raw: Prepared, ctx: ParseContext, allowColon = true): Draft {
  const p = trimPrepared(raw);
  const text = tidy(p.original);
  if (p.folded === "") return unknown(text, "Chưa ghi thời hạn");

  // "Bắt đầu thực hiện trong quý II/2024" states a start, not a due date.
  const start = parseStart(p, ctx);
  if (start) return start;

  // "Tổ chức khảo sát: trong tháng 8/2022": a name, then the deadline. Only the first colon, once,
  // which keeps the work linear.
  let colonProblem: UnknownDeadline | undefined;
  const colon = p.folded.indexOf(":");
  if (allowColon && colon > 0 && acceptableLabel(p.folded.slice(0, colon))) {
    const r = parseBare(slicePrepared(p, colon + 1), ctx, false);
    const name = tidy(p.original.slice(0, colon));
    if (r.kind !== "unknown") return { ...r, text, label: r.label ? `${name}: ${r.label}` : name };
    colonProblem = r;
  }

  const after = AFTER.exec(p.folded);
  if (after) {
    const condition = tidy(p.original.slice(after.index + after[0].length));
    const label = tidy(p.original.slice(0, after.index));
    if (condition !== "") {
      return { kind: "conditional", text, condition, ...(label === "" ? {} : { label }) };
    }
  }

  const follows = FOLLOWS.exec(p.folded);
  if (follows) {
    const before = p.folded.slice(0, follows.index);
    // "Thường xuyên theo quy định" is recurring work and "Trước 30/6 theo Kế hoạch" is a date: the
    // other document only sets the schedule when nothing before it does.
    if (acceptableLabel(before) && parseRecurring(slicePrepared(p, 0, follows.index), ctx) === undefined) {
      const reference = tidy(p.original.slice(follows.index + follows[0].length));
      const label = tidy(p.original.slice(0, follows.index));
      return { kind: "followsPlan", text, reference, ...(label === "" ? {} : { label }) };
    }
  }

  const open = parseOpenEnded(p, (rest) => parseBare(rest, ctx, allowColon));
  if (open) return open;

  const recurring = parseRecurring(p, ctx);
  if (recurring !== undefined) return recurring;

  const dated = parseLabelledDated(p, ctx);
  if (dated !== undefined) return dated;

  const list = parseDatedList(p, ctx);
  if (list !== undefined) return list;

  if (ON_REQUEST.test(tidy(p.folded))) return { kind: "conditional", text, condition: "có yêu cầu" };
  const when = WHEN.exec(p.folded);
  if (when && !/\d/.test(p.folded)) {
    const condition = tidy(p.original.slice(when.index + when[0].length));
    const label = tidy(p.original.slice(0, when.index));
    if (condition !== "") return { kind: "conditional", text, condition, ...(label === "" ? {} : { label }) };
  }

  return colonProblem ?? notUnderstood(text);
}
