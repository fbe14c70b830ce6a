import { describe, expect, it } from "vitest";
import {
  agenciesRight,
  deadlineRight,
  matchOneToOne,
  misses,
  rates,
  scoreMetadata,
  scorePlan,
  type TruthPlan,
  textSimilarity,
} from "./measure";
import type { ExtractedPlan, UnitRef } from "./model";

const unit = (text: string, resolved: string | null = null): UnitRef => ({
  text,
  unit: resolved,
  group: false,
  confidence: 1,
});

const deadline = (text: string, understood: boolean, due: string | null = null) => ({
  text,
  understood,
  kind: "date" as const,
  due,
  milestones: [],
  recurrence: null,
});

const truth: TruthPlan = {
  id: "t",
  title: "t",
  metadata: {
    kind: "Kế hoạch",
    number: "107/KH-UBND",
    date: "2023-06-08",
    issuer: "Ủy ban nhân dân tỉnh Bình Định",
    title: "Cải thiện Chỉ số PCI năm 2023",
  },
  legalBases: ["Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ", "Quyết định số 1291/QĐ-TTg"],
  targets: [
    { code: "PCI:ENTRY", text: "Chi phí gia nhập thị trường", baseline: [7.25, 11], target: [7.5, 5] },
    { code: "PAR_INDEX", text: "tăng 10 bậc", target: [10] },
  ],
  tasks: [
    {
      ref: "1",
      text: "Rà soát thủ tục hành chính về đất đai",
      leads: ["Sở Tài nguyên và Môi trường"],
      coordinators: [],
      deadline: "Trước ngày 15/6/2023",
      due: "2023-06-15",
    },
    {
      ref: "2",
      text: "Tổ chức đối thoại với doanh nghiệp hằng quý",
      leads: ["Sở Kế hoạch và Đầu tư"],
      coordinators: ["Văn phòng UBND tỉnh"],
      deadline: null,
    },
    {
      ref: "3",
      text: "Công khai ngân sách cấp xã theo quy định",
      leads: ["Sở Tài chính"],
      coordinators: [],
      deadline: "Thường xuyên",
    },
  ],
};

const task = (content: string, leads: UnitRef[], d: ReturnType<typeof deadline>) => ({
  content,
  leads,
  coordinators: [] as UnitRef[],
  deadline: d,
  sectionComponent: null,
});

const extracted = {
  metadata: {
    kind: "KẾ HOẠCH",
    number: "107 /KH-UBND",
    date: "2023-06-08",
    place: null,
    issuer: "UBND tỉnh Bình Định",
    title: "Cải thiện Chỉ số PCI năm 2023",
    flags: [],
  },
  legalBases: [{ text: "Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ về cải cách", source: "" }],
  targets: [
    {
      component: "Chi phí gia nhập thị trường",
      resolved: "PCI:ENTRY",
      baseline: { text: "", value: 7.25, rank: 11 },
      target: { text: "", value: 7.5, rank: 5 },
      source: "",
      confidence: 1,
      flags: [],
    },
    {
      component: "Chỉ số PAR",
      resolved: "PAR_INDEX",
      baseline: null,
      target: { text: "tăng 10 bậc", value: null, rank: null },
      source: "",
      confidence: 1,
      flags: [],
    },
  ] as ExtractedPlan["targets"],
  tasks: [
    // right in every way, lead written with an abbreviation and resolved to the directory's name
    task(
      "Rà soát thủ tục hành chính về đất đai",
      [unit("Sở TN&MT", "Sở Tài nguyên và Môi trường")],
      deadline("Trước ngày 15/6/2023", true, "2023-06-15"),
    ),
    // found, lead right, but a schedule the document does not give (an understood phrase)
    task(
      "Tổ chức đối thoại với doanh nghiệp hằng quý",
      [unit("Sở Kế hoạch và Đầu tư")],
      deadline("Hằng quý", true),
    ),
    // a fragment of a row: matches nothing
    task("theo quy định của pháp luật", [], deadline("", false)),
  ],
};

describe("matching extracted tasks to the truth", () => {
  it("scores word overlap, ignoring case, diacritics, list marks and known abbreviations", () => {
    expect(textSimilarity("- Sở TN&MT chủ trì", "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG chủ trì")).toBe(1);
    expect(textSimilarity("a b c d", "a b")).toBeCloseTo(2 / 3);
    expect(textSimilarity("", "a")).toBe(0);
  });

  it("pairs one-to-one, best pair first: a duplicate extraction cannot count twice", () => {
    expect(matchOneToOne(["a b c d", "e f g h"], ["a b c d", "a b c d", "e f g x"], 0.5)).toEqual([0, 2]);
    expect(matchOneToOne(["a b c d"], ["a b x y"], 0.6)).toEqual([-1]);
    // the better pair wins even when the worse one comes first
    expect(matchOneToOne(["a b c d", "a b c x"], ["a b c x"], 0.5)).toEqual([-1, 0]);
    // a task repeated word for word in two appendices: each copy pairs with the one in its place,
    // even when the first copy came out with a heading glued to it
    const row = "công khai quy hoạch kế hoạch sử dụng đất bản đồ quy hoạch kế hoạch đầu tư công";
    expect(
      matchOneToOne(
        ["mở đầu", row, "giữa", "khác hẳn", row],
        ["mở đầu", `tính minh bạch ${row}`, "giữa", "khác hẳn", row],
        0.5,
      ),
    ).toEqual([0, 1, 2, 3, 4]);
  });
});

describe("agencies and deadlines", () => {
  it("wants every written agency once and nothing more", () => {
    expect(agenciesRight(["Sở Nội vụ"], [unit("Sở Nội vụ")])).toBe(true);
    expect(agenciesRight(["Sở Nội vụ"], [unit("Sở Nội vụ"), unit("Sở Tư pháp")])).toBe(false);
    expect(agenciesRight(["Sở Nội vụ", "Sở Tư pháp"], [unit("Sở Nội vụ; Sở Tư pháp")])).toBe(false);
    expect(agenciesRight([], [])).toBe(true);
  });

  it("wants the written phrase understood with the due date it names; none where the document has none", () => {
    const t = truth.tasks[0];
    expect(deadlineRight(t, deadline("Trước ngày 15/6/2023", true, "2023-06-15"))).toBe(true);
    expect(deadlineRight(t, deadline("Trước ngày 15/6/2023", false, null))).toBe(false);
    expect(deadlineRight(t, deadline("Trước ngày 15/6/2023", true, "2023-06-30"))).toBe(false);
    expect(deadlineRight(t, deadline("Thường xuyên", true, null))).toBe(false);
    expect(deadlineRight(truth.tasks[1], deadline("", false))).toBe(true);
    expect(deadlineRight(truth.tasks[1], deadline("Quý", false))).toBe(true);
    expect(deadlineRight(truth.tasks[1], deadline("Thường xuyên", true))).toBe(false);
  });
});

describe("a plan's score", () => {
  const s = scorePlan(truth, extracted);

  it("counts found, usable, leads and deadlines per truth task", () => {
    expect(s).toMatchObject({
      truthTasks: 3,
      extractedTasks: 3,
      matched: 2,
      textRight: 2,
      leadsRight: 2,
      deadlines: 2,
      deadlinesRight: 1,
      usable: 1,
    });
    expect(s.missed).toEqual(["3: Công khai ngân sách cấp xã theo quy định"]);
    expect(s.spurious).toEqual(["theo quy định của pháp luật"]);
    expect(s.notUsable).toEqual(['2: deadline "Hằng quý" ≠ ""']);
  });

  it("reads metadata field by field, bases by similarity, targets by component and numbers", () => {
    expect(s.metadata).toEqual({ kind: true, number: true, date: true, issuer: true, title: true });
    // a document without number or date: none is right, an invented one is not
    const unnumbered = { ...truth.metadata, number: null, date: null };
    expect(scoreMetadata(unnumbered, { ...extracted.metadata, number: null, date: null })).toMatchObject({
      number: true,
      date: true,
    });
    expect(scoreMetadata(unnumbered, extracted.metadata)).toMatchObject({ number: false, date: false });
    expect(s.legalBases).toEqual({ truth: 2, found: 1 });
    // the PAR target lost its number: not found
    expect(s.targets).toEqual({ truth: 2, found: 1 });
  });

  it("turns counts into the issue's rates and names the ones below target", () => {
    const r = rates([s]);
    expect(r.recall).toBeCloseTo(2 / 3);
    expect(r.precision).toBeCloseTo(2 / 3);
    expect(r.usable).toBeCloseTo(1 / 3);
    expect(r.deadlines).toBeCloseTo(1 / 2);
    expect(r.metadata).toEqual({ right: 5, of: 5 });
    expect(misses(r)).toEqual(["recall", "precision", "usable", "deadlines", "legalBases", "targets"]);
    // nothing to measure is not a miss: a plan whose document gives no deadline
    const none = rates([{ ...s, deadlines: 0, deadlinesRight: 0 }]);
    expect(none.deadlines).toBeNull();
    expect(misses(none)).not.toContain("deadlines");
    // several plans: sums first, so the larger plan weighs more
    const two = rates([s, { ...s, truthTasks: 1, matched: 1, extractedTasks: 1, usable: 1 }]);
    expect(two.recall).toBeCloseTo(3 / 4);
    expect(two.metadata).toEqual({ right: 10, of: 10 });
  });
});
