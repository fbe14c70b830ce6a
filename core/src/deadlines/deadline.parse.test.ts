import { describe, expect, it } from "vitest";
import {
  type Deadline,
  type DeadlineJson,
  type DeadlineKind,
  deadlineToJson,
  type Frequency,
  parseDeadline,
  renderDeadline,
} from "./index";

interface Case {
  readonly text: string;
  readonly kind: DeadlineKind;
  readonly due: string | null;
  readonly issued?: string;
  readonly frequency?: Frequency;
  readonly from?: string | null;
  readonly until?: string | null;
  readonly milestones?: readonly (readonly [string, string])[];
  readonly problem?: string;
  readonly label?: string;
}

// Issue dates of the seeds: 003 is plan 107/KH-UBND of 08/06/2023, 000 is 497/KH-UBND of 07/02/2024;
// 002 (a department's plan, 2022) shows no date of its own, so its phrases are read without one.
const S003 = "2023-06-08";
const S000 = "2024-02-07";

/**
 * Every distinct phrase of the "THỜI GIAN HOÀN THÀNH" column of seed 003's task tables (Appendices 2-4;
 * seeds 000 and 002 have no task table), expected values written by hand.
 */
const SEED_003_CELLS: readonly Case[] = (
  [
    { text: "Trước ngày 15/6/2023", kind: "date", due: "2023-06-15" },
    { text: "Trước ngày 30/6/2023", kind: "date", due: "2023-06-30" },
    { text: "Trước ngày 31/8/2023", kind: "date", due: "2023-08-31" },
    { text: "Trước ngày 30/9/2023", kind: "date", due: "2023-09-30" },
    { text: "Trước ngày 30/11/2023", kind: "date", due: "2023-11-30" },
    { text: "Trước ngày 31/12/2023", kind: "date", due: "2023-12-31" },
    {
      text: "Báo cáo kết quả thực hiện trước ngày 31/8/2023",
      kind: "date",
      due: "2023-08-31",
      label: "Báo cáo kết quả thực hiện",
    },
    { text: "Tháng 05/2023", kind: "month", due: "2023-05-31" },
    { text: "Tháng 6/2023", kind: "month", due: "2023-06-30" },
    { text: "Tháng 11/2023", kind: "month", due: "2023-11-30" },
    { text: "Tháng 12/2023", kind: "month", due: "2023-12-31" },
    { text: "Trong tháng 06/2023", kind: "month", due: "2023-06-30" },
    {
      text: "Tháng 06/2023 và Tháng 12/2023",
      kind: "milestones",
      due: "2023-12-31",
      milestones: [
        ["Tháng 06/2023", "2023-06-30"],
        ["Tháng 12/2023", "2023-12-31"],
      ],
    },
    // Work for the rest of the plan's year: from the issue date to 31/12.
    { text: "Thường xuyên", kind: "recurring", due: "2023-12-31", frequency: "continuous", from: S003 },
    { text: "Báo cáo kết quả hằng tháng", kind: "recurring", due: "2023-12-31", frequency: "monthly" },
    { text: "Báo cáo kết quả hàng tháng", kind: "recurring", due: "2023-12-31", frequency: "monthly" },
    {
      text: "Báo cáo kết quả thực hiện hằng tháng",
      kind: "recurring",
      due: "2023-12-31",
      frequency: "monthly",
    },
    { text: "Báo cáo hằng tháng", kind: "recurring", due: "2023-12-31", frequency: "monthly" },
    { text: "Báo cáo hàng tháng", kind: "recurring", due: "2023-12-31", frequency: "monthly" },
    {
      text: "Báo cáo kết quả thực hiện hằng quý",
      kind: "recurring",
      due: "2023-12-31",
      frequency: "quarterly",
    },
    // The stated reporting rhythm is more specific than "thường xuyên" and is what periods are judged on.
    {
      text: "Thường xuyên (Báo cáo kết quả hằng tháng)",
      kind: "recurring",
      due: "2023-12-31",
      frequency: "monthly",
      from: S003,
      until: "2023-12-31",
    },
    { text: "Theo Kế hoạch", kind: "followsPlan", due: null },
    { text: "Theo Kế hoạch năm 2023", kind: "followsPlan", due: null },
    { text: "Theo Kế hoạch phê duyệt", kind: "followsPlan", due: null },
    // "As regulated": the schedule is set by another document, like a plan.
    { text: "Theo quy định", kind: "followsPlan", due: null },
    { text: "<p>Theo quy định</p>", kind: "followsPlan", due: null },
    {
      text: "Công khai kịp thời sau khi phương án được cấp có thẩm quyền phê duyệt",
      kind: "conditional",
      due: null,
      label: "Công khai kịp thời",
    },
    // A merged cell (expected outputs and deadline run together by the text extraction): left to a person.
    {
      text: "- Văn bản triển khai. - Báo cáo kết quả thực hiện. Thường xuyên",
      kind: "unknown",
      due: null,
      problem: "Không hiểu được thời hạn “Văn bản triển khai”; cần người kiểm tra",
    },
  ] satisfies readonly Case[]
).map((c): Case => ({ issued: S003, ...c }));

/** Deadlines written in the seeds' prose (implementation and reporting sections). */
const SEED_PROSE: readonly Case[] = [
  // 000 III.1: "Thời gian hoàn thành kế hoạch … trong tháng 02/2024" (2024 is a leap year).
  { text: "trong tháng 02/2024", issued: S000, kind: "month", due: "2024-02-29" },
  { text: "Định kỳ hàng quý", issued: S000, kind: "recurring", due: "2024-12-31", frequency: "quarterly" },
  { text: "Định kỳ hằng tháng", issued: S000, kind: "recurring", due: "2024-12-31", frequency: "monthly" },
  {
    text: "giai đoạn 2021 - 2025",
    issued: S000,
    kind: "recurring",
    due: "2025-12-31",
    frequency: "yearly",
    from: "2021-01-01",
  },
  // 002 ends with "Định kỳ 6 tháng, hàng năm báo cáo": the most frequent rhythm is the one to track.
  {
    text: "Định kỳ 6 tháng, hàng năm",
    kind: "recurring",
    due: null,
    frequency: "halfYearly",
    from: null,
    until: null,
  },
  { text: "Hàng năm", kind: "recurring", due: null, frequency: "yearly", from: null, until: null },
  { text: "giai đoạn 2022 – 2025", kind: "recurring", due: "2025-12-31", frequency: "yearly" },
  // 003 IV.1.b: "Định kỳ hằng quý, 06 tháng, năm".
  {
    text: "Định kỳ hằng quý, 06 tháng, năm",
    issued: S003,
    kind: "recurring",
    due: "2023-12-31",
    frequency: "quarterly",
  },
];

/** Every phrase listed in DOMAIN.md §6, read as in a plan issued on 01/03/2022. */
const DOMAIN_PHRASES: readonly Case[] = (
  [
    { text: "Trước ngày 15/6/2023", kind: "date", due: "2023-06-15" },
    { text: "Tháng 9/2022", kind: "month", due: "2022-09-30" },
    { text: "Trong tháng 06/2023", kind: "month", due: "2023-06-30" },
    { text: "Quý III/2023", kind: "quarter", due: "2023-09-30" },
    { text: "Trong năm 2022", kind: "year", due: "2022-12-31" },
    {
      text: "Thường xuyên",
      kind: "recurring",
      due: "2022-12-31",
      frequency: "continuous",
      from: "2022-03-01",
    },
    { text: "Nhiệm vụ thường xuyên", kind: "recurring", due: "2022-12-31", frequency: "continuous" },
    {
      text: "Thường xuyên trong năm 2022",
      kind: "recurring",
      due: "2022-12-31",
      frequency: "continuous",
      from: "2022-01-01",
      until: "2022-12-31",
    },
    {
      text: "Trong năm 2022 và những năm tiếp theo",
      kind: "recurring",
      due: null,
      frequency: "yearly",
      from: "2022-01-01",
      until: null,
    },
    {
      text: "Tháng 06/2023 và Tháng 12/2023",
      kind: "milestones",
      due: "2023-12-31",
      milestones: [
        ["Tháng 06/2023", "2023-06-30"],
        ["Tháng 12/2023", "2023-12-31"],
      ],
    },
    { text: "Theo Kế hoạch", kind: "followsPlan", due: null },
    { text: "Tiến độ cụ thể theo Kế hoạch", kind: "followsPlan", due: null },
    { text: "Báo cáo kết quả hằng tháng", kind: "recurring", due: "2022-12-31", frequency: "monthly" },
    {
      text: "Bắt đầu thực hiện từ tháng 9/2022",
      kind: "recurring",
      due: null,
      frequency: "continuous",
      from: "2022-09-01",
      until: null,
    },
    {
      text: "Kế hoạch ban hành trước 15/9/2022",
      kind: "date",
      due: "2022-09-15",
      label: "Kế hoạch ban hành",
    },
    {
      text: "Giai đoạn 2021-2025",
      kind: "recurring",
      due: "2025-12-31",
      frequency: "yearly",
      from: "2021-01-01",
      until: "2025-12-31",
    },
    {
      text: "- Tổ chức khảo sát: trong tháng 8/2022; - Báo cáo trước ngày 15/9/2022",
      kind: "milestones",
      due: "2022-09-15",
      milestones: [
        ["Tổ chức khảo sát", "2022-08-31"],
        ["Báo cáo", "2022-09-15"],
      ],
    },
    { text: "Thực hiện sau khi Kho dữ liệu … được xây dựng", kind: "conditional", due: null },
  ] satisfies readonly Case[]
).map((c): Case => ({ issued: "2022-03-01", ...c }));

function check(c: Case): void {
  const d = parseDeadline(c.text, c.issued === undefined ? undefined : { issued: c.issued });
  const json = deadlineToJson(d);
  expect(json.text).toBe(c.text);
  expect(json.kind).toBe(c.kind);
  expect(json.understood).toBe(c.kind !== "unknown");
  expect(json.due).toBe(c.due);
  if (c.frequency !== undefined) expect(json.recurrence?.frequency).toBe(c.frequency);
  if (c.from !== undefined) expect(json.recurrence?.from).toBe(c.from);
  if (c.until !== undefined) expect(json.recurrence?.until).toBe(c.until);
  if (c.milestones !== undefined) {
    expect(json.milestones.map((m) => [m.label, m.due])).toEqual(c.milestones);
  }
  if (c.problem !== undefined) expect(d.kind === "unknown" && d.problem).toBe(c.problem);
  if (c.label !== undefined) expect(d.kind !== "unknown" && d.label).toBe(c.label);
}

describe("seed phrases", () => {
  it.each(SEED_003_CELLS.map((c) => [c.text, c] as const))("seed 003 cell %s", (_, c) => check(c));
  it.each(SEED_PROSE.map((c) => [c.text, c] as const))("seed prose %s", (_, c) => check(c));
  it("covers every distinct deadline cell of seed 003", () => {
    expect(new Set(SEED_003_CELLS.map((c) => c.text)).size).toBe(28);
  });
});

describe("DOMAIN.md §6 phrases", () => {
  it.each(DOMAIN_PHRASES.map((c) => [c.text, c] as const))("%s", (_, c) => check(c));

  it("keeps the condition and the plan reference as written", () => {
    const c = parseDeadline("Thực hiện sau khi Kho dữ liệu … được xây dựng");
    expect(c).toMatchObject({ kind: "conditional", condition: "Kho dữ liệu … được xây dựng" });
    const f = parseDeadline("Tiến độ cụ thể theo Kế hoạch số 44/KH-UBND");
    expect(f).toMatchObject({ kind: "followsPlan", reference: "Kế hoạch số 44/KH-UBND" });
  });
});

describe("rules of the brief", () => {
  const cases: readonly Case[] = [
    { text: "15/6/2023", kind: "date", due: "2023-06-15" },
    { text: "ngày 15 tháng 6 năm 2023", kind: "date", due: "2023-06-15" },
    { text: "Quý 3 năm 2023", kind: "quarter", due: "2023-09-30" },
    { text: "quý IV/2023", kind: "quarter", due: "2023-12-31" },
    { text: "Quý 1-2024", kind: "quarter", due: "2024-03-31" },
    { text: "6 tháng đầu năm 2023", kind: "year", due: "2023-06-30" },
    { text: "6 tháng cuối năm 2023", kind: "year", due: "2023-12-31" },
    { text: "Năm 2023", kind: "year", due: "2023-12-31" },
    { text: "cuối năm 2023", kind: "year", due: "2023-12-31" },
    { text: "Hằng quý", kind: "recurring", due: null, frequency: "quarterly", from: null, until: null },
    { text: "định kỳ 6 tháng", kind: "recurring", due: null, frequency: "halfYearly" },
    { text: "Hằng năm", kind: "recurring", due: null, frequency: "yearly" },
    { text: "15-6-2023", kind: "date", due: "2023-06-15" },
    { text: "15.6.2023", kind: "date", due: "2023-06-15" },
    { text: "  TRƯỚC   NGÀY  15 / 6 / 2023 ", kind: "date", due: "2023-06-15" },
    { text: "truoc ngay 15/6/2023", kind: "date", due: "2023-06-15" },
    { text: "thuong xuyen", kind: "recurring", due: null, frequency: "continuous" },
    { text: "THƯỜNG XUYÊN", kind: "recurring", due: null, frequency: "continuous" },
    { text: "trong thang 06/2023", kind: "month", due: "2023-06-30" },
    { text: "Chậm nhất ngày 15/6/2023", kind: "date", due: "2023-06-15" },
    { text: "Đến hết tháng 6/2023", kind: "month", due: "2023-06-30" },
    {
      text: "Quý I, II/2023",
      kind: "milestones",
      due: "2023-06-30",
      milestones: [
        ["Quý I", "2023-03-31"],
        ["Quý II/2023", "2023-06-30"],
      ],
    },
    {
      text: "Tháng 6 và tháng 12/2023",
      kind: "milestones",
      due: "2023-12-31",
      milestones: [
        ["Tháng 6", "2023-06-30"],
        ["tháng 12/2023", "2023-12-31"],
      ],
    },
    {
      text: "Thường xuyên (đến 31/12/2024)",
      kind: "recurring",
      due: "2024-12-31",
      frequency: "continuous",
      from: null,
    },
    { text: "Từ tháng 6 đến tháng 12/2023", kind: "recurring", due: "2023-12-31", from: "2023-06-01" },
    { text: "Khi có yêu cầu", kind: "conditional", due: null },
    { text: "Trước ngày 31/8/2023 (theo Công văn số 12)", kind: "date", due: "2023-08-31" },
  ];
  it.each(cases.map((c) => [c.text, c] as const))("%s", (_, c) => check(c));

  it("fills missing and two-digit years from the issue date", () => {
    const issued = "2024-03-01";
    check({ text: "Thường xuyên", issued, kind: "recurring", due: "2024-12-31", from: issued });
    check({ text: "trước 30/6", issued, kind: "date", due: "2024-06-30" });
    check({ text: "Tháng 9", issued, kind: "month", due: "2024-09-30" });
    check({ text: "15/6/24", issued, kind: "date", due: "2024-06-15" });
    check({ text: "cuối năm", issued, kind: "year", due: "2024-12-31" });
    check({ text: "đầu năm", issued, kind: "quarter", due: "2024-03-31" });
    check({ text: "quý I, II", issued, kind: "milestones", due: "2024-06-30" });
    check({ text: "Hằng năm", issued, kind: "recurring", due: null, from: issued, until: null });
  });

  it("flags phrases that need a year nobody gave", () => {
    for (const text of ["trước 30/6", "Tháng 9", "15/6/24", "Quý II", "cuối năm"]) {
      const d = parseDeadline(text);
      expect(d.kind, text).toBe("unknown");
      expect(d.kind === "unknown" && d.problem, text).toMatch(/năm/i);
    }
  });

  it("ignores an issue date that is not a real date", () => {
    expect(parseDeadline("Tháng 9", { issued: "2024-02-30" }).kind).toBe("unknown");
  });
});

describe("phrases left to a person", () => {
  const cases: readonly (readonly [string, string])[] = [
    ["31/02/2023", "Ngày 31/02/2023 không tồn tại"],
    ["Trước ngày 29/02/2023", "Ngày 29/02/2023 không tồn tại"],
    ["30/13/2022", "Ngày 30/13/2022 không tồn tại (không có tháng 13)"],
    ["Tháng 13/2023", "Tháng 13/2023 không tồn tại"],
    ["Quý V/2023", "Quý V/2023 không tồn tại"],
    ["Quý 5 năm 2023", "Quý 5/2023 không tồn tại"],
    ["Năm 1850", "Năm 1850 trong “Năm 1850” không hợp lý"],
    ["Giai đoạn 2025-2021", "Giai đoạn 2025-2021 có năm bắt đầu sau năm kết thúc"],
    ["Trước tháng 6/2023", "Không rõ “Trước tháng 6/2023” là trước khi tháng bắt đầu hay trước khi kết thúc"],
    ["Sau ngày 15/6/2023", "Không hiểu được thời hạn “Sau ngày 15/6/2023”; cần người kiểm tra"],
    ["Sớm", "Không hiểu được thời hạn “Sớm”; cần người kiểm tra"],
    ["", "Chưa ghi thời hạn"],
    ["   ", "Chưa ghi thời hạn"],
    [
      "Tháng 6/2023 (Quý III/2023)",
      "Không rõ nên hiểu thời hạn theo phần trong ngoặc “Quý III/2023” hay phần ngoài ngoặc",
    ],
    [
      "Thực hiện giải ngân 100% theo chỉ tiêu, kế hoạch đầu tư vốn ngân sách nhà nước được giao năm 2023",
      "Không hiểu được thời hạn “Thực hiện giải ngân 100% theo chỉ tiêu, kế hoạch đầu tư vốn ngân sách nhà nướ…”; cần người kiểm tra",
    ],
  ];
  it.each(cases)("%s", (text, problem) => {
    const d = parseDeadline(text, { issued: "2023-06-08" });
    expect(d).toEqual({ kind: "unknown", text, problem });
    expect(deadlineToJson(d)).toMatchObject({ understood: false, due: null, kind: "unknown" });
  });

  it("does not take weekly work for a supported rhythm", () => {
    const d = parseDeadline("Báo cáo hằng tuần");
    expect(d.kind).toBe("unknown");
    expect(d.kind === "unknown" && d.problem).toMatch(/chưa được hỗ trợ/);
  });

  it("rejects milestones without a date of their own", () => {
    const d = parseDeadline("- Xây dựng kế hoạch: tháng 6/2023; - Triển khai: thường xuyên");
    expect(d.kind).toBe("unknown");
    expect(d.kind === "unknown" && d.problem).toMatch(/không có hạn cụ thể/);
  });
});

describe("deadlineToJson", () => {
  it("has exactly the documented shape", () => {
    const json: DeadlineJson = deadlineToJson(parseDeadline("Thường xuyên", { issued: "2024-03-01" }));
    expect(json).toEqual({
      text: "Thường xuyên",
      understood: true,
      kind: "recurring",
      due: "2024-12-31",
      milestones: [],
      recurrence: { frequency: "continuous", from: "2024-03-01", until: "2024-12-31" },
    });
    expect(Object.keys(deadlineToJson(parseDeadline("x")))).toEqual([
      "text",
      "understood",
      "kind",
      "due",
      "milestones",
      "recurrence",
    ]);
  });

  it("keeps the text exactly as written", () => {
    const text = "  <p>Theo quy định</p> ";
    expect(deadlineToJson(parseDeadline(text)).text).toBe(text);
  });
});

describe("renderDeadline", () => {
  const at = (text: string, issued?: string): Deadline =>
    parseDeadline(text, issued ? { issued } : undefined);
  it("writes administrative Vietnamese", () => {
    expect(renderDeadline(at("Trước ngày 15/6/2023"))).toBe("Trước ngày 15/06/2023");
    expect(renderDeadline(at("Quý 3 năm 2023"))).toBe("Quý III/2023");
    expect(renderDeadline(at("Thường xuyên (đến 31/12/2024)"))).toBe("Thường xuyên (đến 31/12/2024)");
    expect(renderDeadline(at("Thường xuyên", "2024-03-01"))).toBe(
      "Thường xuyên (từ 01/03/2024 đến 31/12/2024)",
    );
    expect(renderDeadline(at("Trong tháng 6/2023"))).toBe("Tháng 06/2023");
    expect(renderDeadline(at("Giai đoạn 2021 - 2025"))).toBe("Giai đoạn 2021-2025");
    expect(renderDeadline(at("Kế hoạch ban hành trước 15/9/2022"))).toBe(
      "Kế hoạch ban hành trước ngày 15/09/2022",
    );
    expect(renderDeadline(at("- Tổ chức khảo sát: trong tháng 8/2022; - Báo cáo trước ngày 15/9/2022"))).toBe(
      "Tổ chức khảo sát: trong tháng 08/2022; Báo cáo: trước ngày 15/09/2022",
    );
    expect(renderDeadline(at("31/02/2023"))).toBe("31/02/2023");
  });

  it("round-trips every understood seed and DOMAIN phrase", () => {
    for (const c of [...SEED_003_CELLS, ...SEED_PROSE, ...DOMAIN_PHRASES]) {
      const d = at(c.text, c.issued);
      if (d.kind === "unknown") continue;
      const again = deadlineToJson(
        parseDeadline(renderDeadline(d), c.issued ? { issued: c.issued } : undefined),
      );
      const first = deadlineToJson(d);
      expect({ ...again, text: "" }, c.text).toEqual({ ...first, text: "", milestones: again.milestones });
      expect(
        again.milestones.map((m) => m.due),
        c.text,
      ).toEqual(first.milestones.map((m) => m.due));
    }
  });
});

describe("compound phrases of unseen plans (issue 16)", () => {
  const read = (text: string) => deadlineToJson(parseDeadline(text, { issued: S000 }));
  it.each([
    // A recurring part joined to a dated part: the rhythm runs until the date.
    ["Hằng quý và trước ngày 15/12/2024", "recurring", "2024-12-15", "quarterly", S000, "2024-12-15"],
    [
      "Thường xuyên; hoàn thành trước 31/12/2024",
      "recurring",
      "2024-12-31",
      "continuous",
      S000,
      "2024-12-31",
    ],
    // Year ranges are yearly work over the range.
    ["2024-2025", "recurring", "2025-12-31", "yearly", "2024-01-01", "2025-12-31"],
    ["Giai đoạn 2023 - 2025", "recurring", "2025-12-31", "yearly", "2023-01-01", "2025-12-31"],
    ["Năm 2024 – 2025", "recurring", "2025-12-31", "yearly", "2024-01-01", "2025-12-31"],
    // "… và các năm tiếp theo": no end.
    ["Năm 2024 và các năm tiếp theo", "recurring", null, "yearly", "2024-01-01", null],
    ["Thường xuyên và các năm tiếp theo", "recurring", null, "continuous", S000, null],
    // A start is not a due date.
    ["Bắt đầu từ tháng 3/2024", "recurring", null, "continuous", "2024-03-01", null],
    ["Triển khai từ quý II/2024", "recurring", null, "continuous", "2024-04-01", null],
    ["Bắt đầu thực hiện trong quý II/2024", "recurring", null, "continuous", "2024-04-01", null],
    ["Thời gian bắt đầu: tháng 3/2024", "recurring", null, "continuous", "2024-03-01", null],
    [
      "Triển khai từ quý II/2024, hoàn thành trước 31/12/2024",
      "recurring",
      "2024-12-31",
      "continuous",
      "2024-04-01",
      "2024-12-31",
    ],
    // Prefixes do not change the reading.
    ["Thời gian thực hiện: Quý III/2024", "quarter", "2024-09-30", null, null, null],
    ["Thời hạn: Trước ngày 30/6/2024", "date", "2024-06-30", null, null, null],
    ["Hoàn thành: Tháng 9/2024", "month", "2024-09-30", null, null, null],
  ] as const)("%s", (text, kind, due, frequency, from, until) => {
    const json = read(text);
    expect(json).toMatchObject({ text, kind, due, understood: true });
    if (frequency) expect(json.recurrence).toEqual({ frequency, from, until });
  });

  it("reads two months joined by “và” with one year as two milestones", () => {
    expect(read("Tháng 6 và tháng 12 năm 2024").milestones.map((m) => m.due)).toEqual([
      "2024-06-30",
      "2024-12-31",
    ]);
    expect(read("Thời gian thực hiện: Tháng 6/2024; Tháng 12/2024").milestones).toEqual([
      { label: "Tháng 6/2024", due: "2024-06-30" },
      { label: "Tháng 12/2024", due: "2024-12-31" },
    ]);
  });

  it.each([
    "Hằng quý, trước ngày 15 của tháng cuối quý",
    "Giai đoạn 2025-2023",
    "- Xây dựng kế hoạch: tháng 6/2023; - Triển khai: thường xuyên",
  ])("flags what stays unclear: %s", (text) => {
    expect(read(text)).toMatchObject({ text, understood: false, due: null });
  });
});
