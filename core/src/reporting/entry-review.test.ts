import { describe, expect, it } from "vitest";
import { numberInPlan } from "../plans/numbering";
import { doneBeforePeriod, entriesToReview, reviewStateOf } from "./entry-review";

const entry = (over: Partial<Parameters<typeof entriesToReview>[0][0]> = {}) => ({
  reviewMark: null,
  completedAt: null,
  recurring: false,
  ...over,
});

describe("a report's tasks still to review", () => {
  it("counts the untouched, not the updated, the confirmed or the work finished before the period", () => {
    const entries = [
      entry(),
      entry({ reviewMark: "updated" }),
      entry({ reviewMark: "unchanged" }),
      entry({ completedAt: "2026-10-20" }),
      entry({ completedAt: "2026-11-03" }),
      entry({ completedAt: "2026-10-20", recurring: true }),
    ];
    expect(entriesToReview(entries, "2026-11-01")).toBe(3);
    expect(entries.map(reviewStateOf)).toEqual([
      "untouched",
      "updated",
      "unchanged",
      "untouched",
      "untouched",
      "untouched",
    ]);
  });

  it("folds finished work away unless reopened; recurring work never folds", () => {
    expect(doneBeforePeriod(entry({ completedAt: "2026-10-31" }), "2026-11-01")).toBe(true);
    expect(doneBeforePeriod(entry({ completedAt: null }), "2026-11-01")).toBe(false);
    expect(doneBeforePeriod(entry({ completedAt: "2026-11-01" }), "2026-11-01")).toBe(false);
    expect(doneBeforePeriod(entry({ completedAt: "2026-10-01", recurring: true }), "2026-11-01")).toBe(false);
  });
});

describe("a task's number in its plan", () => {
  it("carries its section's: II.3, not a bare 3 that every section has", () => {
    expect(numberInPlan("II", "3")).toBe("II.3");
    expect(numberInPlan("II.", "3.")).toBe("II.3");
    expect(numberInPlan("III", "1.2")).toBe("III.1.2");
    expect(numberInPlan("", "3")).toBe("3");
    expect(numberInPlan(null, "")).toBe("");
  });
});
