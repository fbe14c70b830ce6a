import { describe, expect, it } from "vitest";
import {
  countsTowardMinimum,
  DEFAULT_INITIATIVES_PER_YEAR,
  INITIATIVE_ACTIONS,
  INITIATIVE_STATES,
  initiativeActions,
  initiativeEditable,
  initiativeShortfall,
  initiativeTransition,
  initiativeYearProblem,
  isRecognised,
  minimumFor,
} from "./initiatives";

describe("reform initiatives", () => {
  it("offers exactly the actions the transition accepts", () => {
    for (const state of INITIATIVE_STATES)
      for (const action of INITIATIVE_ACTIONS) {
        const ok = initiativeTransition({ state, action, reason: "Lý do" }).ok;
        expect(initiativeActions(state).includes(action), `${state} ${action}`).toBe(ok);
      }
  });

  it("lets the unit change everything while proposed, the result once decided for it, nothing when refused", () => {
    expect(INITIATIVE_STATES.map(initiativeEditable)).toEqual(["all", "result", "none", "result"]);
  });

  it("takes years up to next year, none before 2000", () => {
    expect(initiativeYearProblem(2027, 2026)).toBeNull();
    expect(initiativeYearProblem(2026, 2026)).toBeNull();
    expect(initiativeYearProblem(2028, 2026)).toBe("Năm 2028 chưa tới: chỉ đăng ký sáng kiến đến năm 2027.");
    expect(initiativeYearProblem(1999, 2026)).toMatch(/từ năm 2000/);
  });

  it("counts all but refused initiatives toward the minimum, and recognised ones apart", () => {
    expect(INITIATIVE_STATES.filter(countsTowardMinimum)).toEqual(["proposed", "recognised", "replicated"]);
    expect(INITIATIVE_STATES.filter(isRecognised)).toEqual(["recognised", "replicated"]);
  });

  it("measures a kind of unit against its set minimum, else the default of one", () => {
    expect(DEFAULT_INITIATIVES_PER_YEAR).toBe(1);
    expect(minimumFor("department", { department: 3 })).toBe(3);
    expect(minimumFor("commune", { department: 3 })).toBe(1);
    expect(minimumFor("commune", { commune: 0 })).toBe(0);
    expect(initiativeShortfall(1, 3)).toBe(2);
    expect(initiativeShortfall(4, 3)).toBe(0);
  });
});
