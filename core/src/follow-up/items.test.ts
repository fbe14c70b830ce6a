import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyStatus } from "../plans/status";
import {
  AWAITING_STATES,
  deadlineProblem,
  FOLLOW_UP_ACTIONS,
  FOLLOW_UP_STATES,
  followUpActions,
  followUpStatus,
  followUpTally,
  followUpTransition,
} from "./items";

describe("an item's status class, by the tasks' status rule", () => {
  it("accepted work is on time or late by the day it was reported, not the day it was accepted", () => {
    expect(
      followUpStatus({ state: "accepted", dueDate: "2026-06-30", doneOn: "2026-06-28", today: "2026-12-07" }),
    ).toBe("completedOnTime");
    expect(
      followUpStatus({ state: "accepted", dueDate: "2026-06-30", doneOn: "2026-07-02", today: "2026-12-07" }),
    ).toBe("completedLate");
  });
  it("reported but not accepted is in progress, and still turns overdue after the deadline", () => {
    expect(
      followUpStatus({ state: "reported", dueDate: "2026-12-31", doneOn: null, today: "2026-12-07" }),
    ).toBe("inProgress");
    expect(
      followUpStatus({ state: "returned", dueDate: "2026-12-01", doneOn: null, today: "2026-12-07" }),
    ).toBe("overdue");
  });
  it("open work not begun is not started until its deadline passes; a closed item has no class", () => {
    expect(followUpStatus({ state: "open", dueDate: "2026-12-07", doneOn: null, today: "2026-12-07" })).toBe(
      "notStarted",
    );
    expect(followUpStatus({ state: "open", dueDate: "2026-12-06", doneOn: null, today: "2026-12-07" })).toBe(
      "overdue",
    );
    expect(
      followUpStatus({ state: "closed", dueDate: "2026-12-06", doneOn: null, today: "2026-12-07" }),
    ).toBeNull();
  });
  it("agrees with classifyStatus for every open state and any dates", () => {
    const day = fc
      .integer({ min: 0, max: 400 })
      .map((n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.constantFrom(...FOLLOW_UP_STATES),
        fc.option(day),
        day,
        day,
        (state, due, done, today) => {
          const got = followUpStatus({ state, dueDate: due, doneOn: done, today });
          if (state === "closed") return got === null;
          const expected = classifyStatus({
            due,
            completedAt: state === "accepted" ? done : null,
            progress: state === "reported" || state === "returned" ? 50 : 0,
            today,
          });
          return got === expected;
        },
      ),
    );
  });
});

describe("an item's life", () => {
  it("the responsible unit reports; the follower accepts or returns with a reason", () => {
    expect(followUpTransition({ state: "open", action: "report", relations: ["responsible"] })).toEqual({
      ok: true,
      next: "reported",
    });
    expect(
      followUpTransition({ state: "reported", action: "accept", relations: ["responsible"] }),
    ).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(
      followUpTransition({ state: "reported", action: "return", relations: ["follower"] }),
    ).toMatchObject({
      ok: false,
      code: "reasonRequired",
    });
    expect(
      followUpTransition({
        state: "reported",
        action: "return",
        relations: ["follower"],
        reason: "Thiếu minh chứng",
      }),
    ).toEqual({ ok: true, next: "returned" });
  });
  it("refuses a report after closure, naming the state in Vietnamese", () => {
    const r = followUpTransition({ state: "closed", action: "report", relations: ["responsible"] });
    expect(r).toEqual({
      ok: false,
      code: "invalidState",
      message: "Không thể báo cáo kết quả: mục này đã đóng.",
    });
  });
  it("a transfer keeps the state; the buttons shown are exactly the allowed actions", () => {
    expect(
      followUpTransition({
        state: "open",
        action: "transfer",
        relations: ["follower"],
        reason: "Đúng thẩm quyền Sở Xây dựng",
      }),
    ).toEqual({ ok: true, next: "open" });
    for (const state of FOLLOW_UP_STATES)
      for (const action of FOLLOW_UP_ACTIONS) {
        const allowed = followUpActions(state, ["follower"]).includes(action);
        const r = followUpTransition({ state, action, relations: ["follower"], reason: "x" });
        expect(r.ok).toBe(allowed);
      }
  });
  it("a deadline before the day the item arose is refused", () => {
    expect(deadlineProblem("2026-03-01", "2026-03-05")).toBe(
      "Hạn xử lý (01/03/2026) không thể trước ngày phát sinh (05/03/2026).",
    );
    expect(deadlineProblem("2026-03-05", "2026-03-05")).toBeNull();
  });
  it("waits on the unit where it may report, on the follower where it assigns or judges", () => {
    expect(AWAITING_STATES.unit).toEqual(["open", "returned"]);
    expect(AWAITING_STATES.follower).toEqual(["received", "reported"]);
    expect(AWAITING_STATES.any).toEqual(["received", "open", "reported", "returned"]);
    // Each waiting state leaves the waiting party something to do.
    for (const state of AWAITING_STATES.unit)
      expect(followUpActions(state, ["responsible"])).toContain("report");
    for (const state of AWAITING_STATES.follower)
      expect(followUpActions(state, ["follower"]).length).toBeGreaterThan(0);
  });
  it("tallies the classes: open counts the overdue, done the on time and the late", () => {
    expect(
      followUpTally({ notStarted: 2, inProgress: 1, overdue: 3, completedOnTime: 4, completedLate: 1 }),
    ).toEqual({ total: 11, open: 6, overdue: 3, done: 5, doneOnTime: 4, doneLate: 1 });
    expect(followUpTally({})).toEqual({ total: 0, open: 0, overdue: 0, done: 0, doneOnTime: 0, doneLate: 0 });
  });
});
