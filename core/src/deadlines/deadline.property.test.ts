import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyAssignment, workStatus } from "../plans/status";
import { daysInMonth, toIsoDate } from "./deadline.calendar";
import { periodOf } from "./deadline.due";
import { RHYTHM_WORDS } from "./deadline.render";
import {
  type DatedDeadline,
  DEADLINE_KINDS,
  type Deadline,
  deadlineToJson,
  FREQUENCIES,
  MAX_DEADLINE_TEXT_LENGTH,
  type Milestone,
  parseDeadline,
  type RecurringDeadline,
  renderDeadline,
} from "./index";

const INTERNAL_ERROR = "Không đọc được thời hạn này; cần người kiểm tra";
const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** What must hold for any parse result, whatever the input. */
function expectWellFormed(input: string, d: Deadline): void {
  const json = deadlineToJson(d);
  expect(json.text).toBe(input);
  expect(DEADLINE_KINDS).toContain(json.kind);
  expect(json.understood).toBe(json.kind !== "unknown");
  if (d.kind === "unknown") {
    expect(json.due).toBeNull();
    expect(d.problem.length).toBeGreaterThan(0);
    // Falling into the safety net would mean a rule threw.
    expect(d.problem).not.toBe(INTERNAL_ERROR);
  }
  if (json.due !== null) expect(json.due).toMatch(ISO);
  if (d.kind === "milestones") expect(d.milestones.length).toBeGreaterThanOrEqual(2);
  if (d.kind === "recurring" && d.from !== null && d.until !== null) expect(d.from <= d.until).toBe(true);
}

/** Words of deadline phrases, so that random sentences reach deep into the rules. */
const TOKENS = [
  "trước",
  "ngày",
  "Trước ngày",
  "tháng",
  "Tháng",
  "quý",
  "Quý",
  "năm",
  "Năm",
  "trong",
  "đến",
  "hết",
  "từ",
  "thường xuyên",
  "hằng",
  "hàng",
  "định kỳ",
  "6 tháng",
  "đầu",
  "cuối",
  "giai đoạn",
  "và",
  "những năm tiếp theo",
  "theo",
  "Kế hoạch",
  "quy định",
  "sau khi",
  "khi",
  "có yêu cầu",
  "Báo cáo",
  "I",
  "II",
  "III",
  "IV",
  "V",
  "15",
  "31",
  "30",
  "02",
  "13",
  "0",
  "6",
  "9",
  "12",
  "23",
  "2022",
  "2023",
  "2025",
  "1850",
  "/",
  "-",
  ".",
  ":",
  ";",
  ",",
  "(",
  ")",
  "<p>",
  "</p>",
  "\n",
  "- ",
  "…",
  "tro di",
  "nay",
  "tuần",
  "bắt đầu",
  "Bắt đầu thực hiện",
  "triển khai",
  "các năm tiếp theo",
  "Thời gian thực hiện:",
  "Thời hạn:",
  "hoàn thành",
  "kết thúc",
];
const phraseArb = fc
  .array(fc.constantFrom(...TOKENS), { maxLength: 14 })
  .chain((words) => fc.constantFrom(words.join(" "), words.join(""), words.join(" ").toUpperCase()));
const issuedArb = fc.option(
  fc
    .record({
      y: fc.integer({ min: 2000, max: 2099 }),
      m: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 28 }),
    })
    .map(({ y, m, d }) => toIsoDate(y, m, d)),
  { nil: undefined },
);

describe("parseDeadline never throws", () => {
  it("on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), issuedArb, (text, issued) => {
        expectWellFormed(text, parseDeadline(text, { issued }));
      }),
      { numRuns: 500 },
    );
  });

  it("on random sentences made of deadline words", () => {
    fc.assert(
      fc.property(phraseArb, issuedArb, (text, issued) => {
        expectWellFormed(text, parseDeadline(text, { issued }));
      }),
      { numRuns: 2000 },
    );
  });

  it("on values that are not strings or options that are not dates", () => {
    const anyParse = parseDeadline as (text: unknown, options?: unknown) => Deadline;
    for (const v of [undefined, null, 42, {}, [], Symbol("x")]) expect(anyParse(v).kind).toBe("unknown");
    expect(anyParse("Tháng 9", { issued: 20240301 }).kind).toBe("unknown");
    expect(anyParse("Tháng 9/2023", null).kind).toBe("month");
  });

  it("in bounded time on huge and adversarial strings", () => {
    const near = (s: string) =>
      s.repeat(Math.ceil(MAX_DEADLINE_TEXT_LENGTH / s.length)).slice(0, MAX_DEADLINE_TEXT_LENGTH);
    const inputs = [
      "Trước ngày 15/6/2023 ".repeat(100_000),
      "x".repeat(5_000_000),
      near("trước  "),
      near("từ tháng 6 đến "),
      near("tu tu "),
      near("quý I, "),
      near("1/"),
      near("("),
      near("- a: "),
      near("hằng tháng, "),
      near("định kỳ hằng quý, 6 tháng, năm, "),
      near("Tháng 6 và "),
      near(`${" ".repeat(10)}\t`),
    ];
    for (const text of inputs) {
      const started = performance.now();
      const d = parseDeadline(text, { issued: "2023-06-08" });
      expect(performance.now() - started, text.slice(0, 30)).toBeLessThan(500);
      expectWellFormed(text, d);
    }
  });
});

const yearArb = fc.integer({ min: 2000, max: 2099 });
const dayArb = fc
  .record({ year: yearArb, month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .map(({ year, month, day }) => ({ year, month, day: Math.min(day, daysInMonth(year, month)) }));

describe("dates as written", () => {
  it("read every real date in any common spelling", () => {
    const spellings = [
      (d: number, m: number, y: number) => `Trước ngày ${d}/${m}/${y}`,
      (d: number, m: number, y: number) => `truoc ngay ${String(d).padStart(2, "0")}-${m}-${y}`,
      (d: number, m: number, y: number) => `TRƯỚC NGÀY ${d}.${String(m).padStart(2, "0")}.${y}`,
      (d: number, m: number, y: number) => `ngày ${d} tháng ${m} năm ${y}`,
      (d: number, m: number, y: number) => `  ${d} / ${m} / ${y} `,
    ];
    fc.assert(
      fc.property(dayArb, fc.constantFrom(...spellings), ({ year, month, day }, spell) => {
        const d = parseDeadline(spell(day, month, year));
        expect(deadlineToJson(d).due).toBe(toIsoDate(year, month, day));
      }),
    );
  });

  it("never guess a day that does not exist", () => {
    const invalid = fc
      .record({
        year: yearArb,
        month: fc.integer({ min: 1, max: 12 }),
        extra: fc.integer({ min: 1, max: 5 }),
      })
      .map(({ year, month, extra }) => ({ year, month, day: daysInMonth(year, month) + extra }))
      .filter(({ day }) => day <= 35);
    fc.assert(
      fc.property(invalid, ({ year, month, day }) => {
        const d = parseDeadline(`Trước ngày ${day}/${month}/${year}`);
        expect(d.kind).toBe("unknown");
        expect(d.kind === "unknown" && d.problem).toMatch(/không tồn tại/);
      }),
    );
  });
});

// Generated valid models: words are taken from lists that cannot be mistaken for deadline words.
const labelArb = fc.option(
  fc.constantFrom("Báo cáo", "Kế hoạch ban hành", "Tổ chức khảo sát", "Trình UBND tỉnh", "Tổng kết đánh giá"),
  { nil: undefined },
);
const withOptionalLabel = <T extends object>(d: T, label: string | undefined): T =>
  label === undefined ? d : { ...d, label };

const datedArb: fc.Arbitrary<DatedDeadline> = fc.oneof(
  dayArb.map(
    ({ year, month, day }): DatedDeadline => ({ kind: "date", text: "", date: toIsoDate(year, month, day) }),
  ),
  fc
    .record({ year: yearArb, month: fc.integer({ min: 1, max: 12 }) })
    .map(({ year, month }): DatedDeadline => ({ kind: "month", text: "", year, month })),
  fc
    .record({ year: yearArb, quarter: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const) })
    .map(({ year, quarter }): DatedDeadline => ({ kind: "quarter", text: "", year, quarter })),
  fc
    .record({
      year: yearArb,
      part: fc.constantFrom("whole" as const, "firstHalf" as const, "secondHalf" as const),
    })
    .map(({ year, part }): DatedDeadline => ({ kind: "year", text: "", year, part })),
);

const recurringArb: fc.Arbitrary<RecurringDeadline> = fc
  .record({
    frequency: fc.constantFrom(...FREQUENCIES),
    a: fc.option(dayArb, { nil: null }),
    b: fc.option(dayArb, { nil: null }),
    wholeYears: fc.boolean(),
    label: labelArb,
  })
  .map(({ frequency, a, b, wholeYears, label }) => {
    let from = a && (wholeYears ? toIsoDate(a.year, 1, 1) : toIsoDate(a.year, a.month, a.day));
    let until = b && (wholeYears ? toIsoDate(b.year, 12, 31) : toIsoDate(b.year, b.month, b.day));
    if (from !== null && until !== null && from > until) [from, until] = [until, from];
    if (wholeYears && from !== null && until !== null) {
      [from, until] = [`${from.slice(0, 4)}-01-01`, `${until.slice(0, 4)}-12-31`];
    }
    return withOptionalLabel<RecurringDeadline>(
      { kind: "recurring", text: "", frequency, from, until },
      label,
    );
  });

const milestoneArb: fc.Arbitrary<Milestone> = fc
  .record({ deadline: datedArb, name: labelArb })
  .map(({ deadline, name }) =>
    name === undefined
      ? { label: renderDeadline(deadline), named: false, deadline }
      : { label: name, named: true, deadline },
  );

const modelArb: fc.Arbitrary<Deadline> = fc.oneof(
  fc.record({ d: datedArb, label: labelArb }).map(({ d, label }) => withOptionalLabel(d, label)),
  recurringArb,
  fc
    .array(milestoneArb, { minLength: 2, maxLength: 4 })
    .map((milestones): Deadline => ({ kind: "milestones", text: "", milestones })),
  fc
    .record({
      reference: fc.constantFrom(
        "Kế hoạch",
        "Kế hoạch năm 2023",
        "quy định",
        "Kế hoạch số 44/KH-UBND",
        "Chương trình",
      ),
      label: fc.option(fc.constantFrom("Tiến độ cụ thể", "Thực hiện"), { nil: undefined }),
    })
    .map(({ reference, label }) =>
      withOptionalLabel<Deadline>({ kind: "followsPlan", text: "", reference }, label),
    ),
  fc
    .record({
      condition: fc.constantFrom("Kho dữ liệu được xây dựng", "phương án được phê duyệt", "có yêu cầu"),
      label: fc.option(fc.constantFrom("Thực hiện", "Công khai kịp thời"), { nil: undefined }),
    })
    .map(({ condition, label }) =>
      withOptionalLabel<Deadline>({ kind: "conditional", text: "", condition }, label),
    ),
);

describe("renderDeadline", () => {
  it("round-trips generated models: same kind, due, recurrence and milestones", () => {
    fc.assert(
      fc.property(modelArb, (model) => {
        const rendered = renderDeadline(model);
        const again = parseDeadline(rendered);
        const { text: _a, ...expected } = deadlineToJson(model);
        const { text: _b, ...actual } = deadlineToJson(again);
        expect(actual, rendered).toEqual(expected);
        if (model.kind !== "unknown" && model.kind !== "milestones" && again.kind !== "unknown") {
          expect(again.label, rendered).toBe(model.label);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("round-trips with a plan issue date too (explicit words win over defaults)", () => {
    fc.assert(
      fc.property(
        modelArb.filter((m) => m.kind !== "recurring"),
        issuedArb,
        (model, issued) => {
          const again = parseDeadline(renderDeadline(model), { issued });
          expect(again.kind).toBe(model.kind);
          expect(deadlineToJson(again).due).toBe(deadlineToJson(model).due);
        },
      ),
    );
  });
});

// Compound phrases (issue 16): prefixes, starts, year ranges, open ends, recurring work with a dated end.
const yearDated = datedArb.filter((d) => d.kind !== "year" || d.part === "whole");
const ROMAN_Q = ["", "I", "II", "III", "IV"];
/** The dated words alone, without "trước"/"trong", so a start word can precede them. */
function bareWords(d: DatedDeadline): string {
  if (d.kind === "date") return `ngày ${d.date.slice(8)}/${d.date.slice(5, 7)}/${d.date.slice(0, 4)}`;
  if (d.kind === "month") return `tháng ${d.month}/${d.year}`;
  if (d.kind === "quarter") return `quý ${ROMAN_Q[d.quarter]}/${d.year}`;
  return `năm ${d.year}`;
}
const PREFIXES = ["Thời gian thực hiện:", "Thời hạn:", "Hoàn thành:", "Thời gian hoàn thành:", "Tiến độ:"];

describe("compound phrases", () => {
  it("a prefix before a colon never changes the reading", () => {
    fc.assert(
      fc.property(modelArb, fc.constantFrom(...PREFIXES), issuedArb, (model, prefix, issued) => {
        const phrase = renderDeadline(model);
        const text = `${prefix} ${phrase}`;
        const { text: _a, ...plain } = deadlineToJson(parseDeadline(phrase, { issued }));
        const prefixed = parseDeadline(text, { issued });
        expectWellFormed(text, prefixed);
        const { text: _b, ...actual } = deadlineToJson(prefixed);
        expect(actual, text).toEqual(plain);
      }),
      { numRuns: 500 },
    );
  });

  it("a start is a start: open work from that day, no due date, never overdue on its first day", () => {
    const starts = [
      "Bắt đầu",
      "Bắt đầu từ",
      "Bắt đầu thực hiện trong",
      "Triển khai từ",
      "Thời gian bắt đầu:",
    ];
    fc.assert(
      fc.property(yearDated, fc.constantFrom(...starts), issuedArb, (d, start, issued) => {
        const text = `${start} ${bareWords(d)}`;
        const parsed = parseDeadline(text, { issued });
        expectWellFormed(text, parsed);
        const json = deadlineToJson(parsed);
        const first = periodOf(d).start;
        expect(json, text).toMatchObject({ kind: "recurring", due: null });
        expect(json.recurrence, text).toMatchObject({ from: first, until: null });
        // The task status rule on the first day of the work.
        const status = classifyAssignment({
          deadline: parsed,
          issued: issued ?? first,
          completedAt: null,
          progress: 0,
          today: first,
        }).status;
        expect(status, text).not.toBe("overdue");
        expect(
          workStatus({ due: json.due, recurring: true, completedAt: null, progress: 0, today: first }),
        ).not.toBe("overdue");
      }),
      { numRuns: 300 },
    );
  });

  it("a year range is yearly work over those years; a reversed range is flagged", () => {
    const spellings = [
      (a: number, b: number) => `${a}-${b}`,
      (a: number, b: number) => `Năm ${a} - ${b}`,
      (a: number, b: number) => `Giai đoạn ${a} – ${b}`,
      (a: number, b: number) => `Trong năm ${a}-${b}`,
      (a: number, b: number) => `Thời gian thực hiện: ${a} - ${b}`,
    ];
    fc.assert(
      fc.property(yearArb, yearArb, fc.constantFrom(...spellings), (a, b, spell) => {
        const text = spell(a, b);
        const d = parseDeadline(text);
        expectWellFormed(text, d);
        if (a > b) {
          expect(d.kind, text).toBe("unknown");
          return;
        }
        expect(deadlineToJson(d).recurrence, text).toEqual({
          frequency: "yearly",
          from: `${a}-01-01`,
          until: `${b}-12-31`,
        });
      }),
    );
  });

  it("“… và các năm tiếp theo” opens the end of a dated phrase", () => {
    fc.assert(
      fc.property(yearDated, fc.constantFrom("và các năm tiếp theo", ", những năm tiếp theo"), (d, tail) => {
        const text = `${renderDeadline(d)} ${tail}`;
        const json = deadlineToJson(parseDeadline(text));
        expect(json.kind, text).toBe("recurring");
        expect(json.recurrence, text).toEqual({ frequency: "yearly", from: periodOf(d).start, until: null });
      }),
    );
  });

  it("recurring work joined to a dated end runs until that end", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FREQUENCIES),
        dayArb,
        fc.constantFrom(" và trước ngày ", "; hoàn thành trước ", ", kết thúc trước ngày "),
        issuedArb,
        (frequency, { year, month, day }, joint, issued) => {
          const until = toIsoDate(year, month, day);
          const text = `${RHYTHM_WORDS[frequency]}${joint}${day}/${month}/${year}`;
          const d = parseDeadline(text, { issued });
          expectWellFormed(text, d);
          expect(deadlineToJson(d), text).toMatchObject({ kind: "recurring", due: until });
          expect(d.kind === "recurring" && d.frequency, text).toBe(frequency);
        },
      ),
    );
  });

  it("two months joined by “và” share the one year written", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 11 }),
        fc.integer({ min: 1, max: 11 }),
        yearArb,
        (m1, gap, year) => {
          const m2 = Math.min(12, m1 + gap);
          if (m2 === m1) return;
          const text = `Tháng ${m1} và tháng ${m2} năm ${year}`;
          const json = deadlineToJson(parseDeadline(text));
          expect(json.kind, text).toBe("milestones");
          expect(json.milestones.map((m) => m.due)).toEqual([
            periodOf({ kind: "month", text: "", year, month: m1 }).end,
            periodOf({ kind: "month", text: "", year, month: m2 }).end,
          ]);
        },
      ),
    );
  });
});
