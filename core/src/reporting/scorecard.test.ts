import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  SCORECARD_PARTS,
  SCORECARD_WEIGHTS,
  type ScorecardCounts,
  scorecardRates,
  scorecardScore,
  scorecardWeightsText,
} from "./scorecard";

const none: ScorecardCounts = {
  tasksDue: 0,
  tasksOnTime: 0,
  reportsExpected: 0,
  reportsOnTime: 0,
  targets: 0,
  targetsMet: 0,
  remediationDue: 0,
  remediationOnTime: 0,
  answersDue: 0,
  answersOnTime: 0,
  initiatives: 0,
  initiativesRequired: 0,
};

describe("a unit's yearly score", () => {
  it("weighs the parts as stated: 40 tasks, 20 reports, 10 targets, 15 remediation, 10 answers, 5 initiatives", () => {
    expect(Object.values(SCORECARD_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
    const rates = scorecardRates({
      ...none,
      tasksDue: 10,
      tasksOnTime: 5,
      reportsExpected: 12,
      reportsOnTime: 12,
      targets: 2,
      targetsMet: 1,
      remediationDue: 4,
      remediationOnTime: 4,
      answersDue: 5,
      answersOnTime: 0,
      initiatives: 0,
      initiativesRequired: 1,
    });
    expect(rates).toEqual({
      tasks: 50,
      reports: 100,
      targets: 50,
      remediation: 100,
      answers: 0,
      initiatives: 0,
    });
    // (40·50 + 20·100 + 10·50 + 15·100 + 10·0 + 5·0) / 100
    expect(scorecardScore(rates)).toBe(60);
  });

  it("leaves out what a unit was never given, so it is not marked down for it", () => {
    const rates = scorecardRates({
      ...none,
      tasksDue: 4,
      tasksOnTime: 3,
      reportsExpected: 2,
      reportsOnTime: 2,
    });
    expect(rates.remediation).toBeNull();
    expect(rates.initiatives).toBeNull();
    // (40·75 + 20·100) / 60
    expect(scorecardScore(rates)).toBe(83.3);
    expect(scorecardScore(scorecardRates(none))).toBeNull();
  });

  it("counts initiatives up to the minimum: more than asked does not make up for late tasks", () => {
    expect(scorecardRates({ ...none, initiatives: 3, initiativesRequired: 1 }).initiatives).toBe(100);
    expect(scorecardRates({ ...none, initiatives: 1, initiativesRequired: 3 }).initiatives).toBe(33.3);
  });

  it("always lies between the lowest and the highest of the unit's rates", () => {
    const count = fc.integer({ min: 0, max: 50 });
    fc.assert(
      fc.property(fc.array(count, { minLength: 12, maxLength: 12 }), (n) => {
        const [a, b, c, d, e, f, g, h, i, j, k, l] = n;
        const rates = scorecardRates({
          tasksDue: a + b,
          tasksOnTime: a,
          reportsExpected: c + d,
          reportsOnTime: c,
          targets: e + f,
          targetsMet: e,
          remediationDue: g + h,
          remediationOnTime: g,
          answersDue: i + j,
          answersOnTime: i,
          initiatives: k,
          initiativesRequired: l % 4,
        });
        const present = Object.values(rates).filter((r): r is number => r !== null);
        const score = scorecardScore(rates);
        if (!present.length) return score === null;
        return score !== null && score >= Math.min(...present) - 0.05 && score <= Math.max(...present) + 0.05;
      }),
    );
  });

  it("states every weight in words, in Vietnamese and in English", () => {
    const vi = scorecardWeightsText("vi");
    expect(vi).toContain("Nhiệm vụ hoàn thành đúng hạn 40\u00a0%");
    expect(vi).toContain("Sáng kiến cải cách hành chính 5\u00a0%");
    expect(scorecardWeightsText("en")).toContain("Recommendations answered on time 10%");
    for (const part of SCORECARD_PARTS) expect(vi).toContain(`${SCORECARD_WEIGHTS[part]}\u00a0%`);
  });
});
