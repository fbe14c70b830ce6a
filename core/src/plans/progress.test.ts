import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../reporting/periods";
import { stateProgress } from "./progress";

const today = "2026-12-07";
const planIssued = "2026-02-01";
const none = { progress: 0, completedAt: null };

describe("what a unit may state about its work", () => {
  it("finishing means 100 % and a day, today by default", () => {
    expect(stateProgress({ before: none, progress: 100, today, planIssued })).toEqual({
      ok: true,
      value: { progress: 100, completedAt: today },
    });
    expect(stateProgress({ before: none, completedAt: "2026-11-20", today, planIssued })).toEqual({
      ok: true,
      value: { progress: 100, completedAt: "2026-11-20" },
    });
  });

  it("going back under 100 % is no longer finished", () => {
    const done = { progress: 100, completedAt: "2026-11-20" };
    expect(stateProgress({ before: done, progress: 80, today, planIssued })).toEqual({
      ok: true,
      value: { progress: 80, completedAt: null },
    });
    expect(stateProgress({ before: done, completedAt: null, today, planIssued })).toEqual({
      ok: true,
      value: { progress: 90, completedAt: null },
    });
  });

  it("refuses a day in the future or before the plan, in Vietnamese", () => {
    const future = stateProgress({ before: none, completedAt: "2026-12-08", today, planIssued });
    expect(future).toMatchObject({ ok: false, code: "completedInFuture" });
    expect(!future.ok && future.message).toContain("08/12/2026");
    const early = stateProgress({ before: none, completedAt: "2026-01-31", today, planIssued });
    expect(early).toMatchObject({ ok: false, code: "completedBeforePlan" });
    expect(stateProgress({ before: none, progress: 101, today, planIssued })).toMatchObject({ ok: false });
  });

  it("never gives finished below 100 % nor 100 % unfinished", () => {
    const day = fc.integer({ min: 0, max: 400 }).map((n) => addDays(planIssued, n));
    fc.assert(
      fc.property(
        fc.record({ progress: fc.integer({ min: 0, max: 100 }), completedAt: fc.option(day, { nil: null }) }),
        fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
        fc.option(fc.option(day, { nil: null }), { nil: undefined }),
        (before, progress, completedAt) => {
          const r = stateProgress({ before, progress, completedAt, today, planIssued });
          if (!r.ok) return completedAt != null && (completedAt > today || completedAt < planIssued);
          return (r.value.progress === 100) === (r.value.completedAt !== null);
        },
      ),
    );
  });
});
