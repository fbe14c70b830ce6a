import { describe, expect, it } from "vitest";
import {
  canEditContent,
  REPORT_ACTIONS,
  REPORT_RELATIONS,
  REPORT_STATES,
  type ReportAction,
  type ReportRelation,
  type ReportState,
  type TransitionContext,
  transition,
} from "./report-state";

const base = (over: Partial<TransitionContext>): TransitionContext => ({
  state: "draft",
  action: "submit",
  relations: ["reporter"],
  requiresApproval: false,
  wasReturned: false,
  lockDate: null,
  lateAllowed: false,
  today: "2025-06-10",
  reason: "Thiếu số liệu",
  ...over,
});

// Every allowed (state, action, relation) → next state without approval; anything absent is refused.
const ALLOWED: Record<string, ReportState> = {
  "draft submit reporter": "submitted",
  "draft submit head": "submitted",
  "draft submit admin": "submitted",
  "returned resubmit reporter": "resubmitted",
  "returned resubmit head": "resubmitted",
  "returned resubmit admin": "resubmitted",
  "pendingApproval approve head": "submitted",
  "pendingApproval approve admin": "submitted",
  "pendingApproval return head": "returned",
  "pendingApproval return admin": "returned",
  "submitted return receiver": "returned",
  "submitted return admin": "returned",
  "resubmitted return receiver": "returned",
  "resubmitted return admin": "returned",
  "submitted accept receiver": "accepted",
  "submitted accept admin": "accepted",
  "resubmitted accept receiver": "accepted",
  "resubmitted accept admin": "accepted",
  "accepted reopen receiver": "returned",
  "accepted reopen admin": "returned",
};

describe("report state machine", () => {
  const cases: Array<[ReportState, ReportAction, ReportRelation]> = [];
  for (const s of REPORT_STATES)
    for (const a of REPORT_ACTIONS) for (const r of REPORT_RELATIONS) cases.push([s, a, r]);

  it.each(cases)("%s --%s--> by %s", (state, action, relation) => {
    const result = transition(base({ state, action, relations: [relation] }));
    const expected = ALLOWED[`${state} ${action} ${relation}`];
    if (expected) expect(result).toEqual({ ok: true, next: expected });
    else expect(result.ok).toBe(false);
  });

  it("sends an officer's report to the head first when approval is required; the head's goes straight", () => {
    expect(transition(base({ requiresApproval: true }))).toEqual({ ok: true, next: "pendingApproval" });
    expect(transition(base({ requiresApproval: true, relations: ["head"] }))).toEqual({
      ok: true,
      next: "submitted",
    });
    expect(
      transition(
        base({ state: "pendingApproval", action: "approve", relations: ["head"], wasReturned: true }),
      ),
    ).toEqual({ ok: true, next: "resubmitted" });
  });

  it("refuses to return or reopen without a reason", () => {
    expect(
      transition(base({ state: "submitted", action: "return", relations: ["receiver"], reason: " " })),
    ).toMatchObject({
      ok: false,
      code: "reasonRequired",
    });
    expect(
      transition(base({ state: "accepted", action: "reopen", relations: ["receiver"], reason: null })),
    ).toMatchObject({
      ok: false,
      code: "reasonRequired",
    });
  });

  it("refuses a submission after the lock date unless the coordinator allowed it", () => {
    const late = base({ lockDate: "2025-06-20", today: "2025-06-21" });
    expect(transition(late)).toMatchObject({ ok: false, code: "locked" });
    expect(transition({ ...late, lateAllowed: true })).toEqual({ ok: true, next: "submitted" });
    expect(transition(base({ lockDate: "2025-06-20", today: "2025-06-20" }))).toEqual({
      ok: true,
      next: "submitted",
    });
  });

  it("lets the unit edit only drafts and returned reports before the lock", () => {
    const ctx = {
      relations: ["reporter"] as ReportRelation[],
      lockDate: null,
      lateAllowed: false,
      today: "2025-06-01",
    };
    expect(canEditContent({ ...ctx, state: "draft" })).toBe(true);
    expect(canEditContent({ ...ctx, state: "returned" })).toBe(true);
    expect(canEditContent({ ...ctx, state: "submitted" })).toBe(false);
    expect(canEditContent({ ...ctx, state: "accepted" })).toBe(false);
    expect(canEditContent({ ...ctx, state: "draft", relations: ["receiver"] })).toBe(false);
    expect(canEditContent({ ...ctx, state: "draft", lockDate: "2025-05-31" })).toBe(false);
  });
});
