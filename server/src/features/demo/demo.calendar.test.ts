import { describe, expect, it } from "vitest";
import { demoPlanSections } from "../plans/plans.demo";
import { parseTaskDeadline } from "../plans/tasks/tasks.service";
import { demoCalendar } from "./demo.calendar";

// Days that test the month arithmetic: mid-month, a month's last day, the year's first and last.
const DAYS = ["2026-12-07", "2027-01-31", "2027-01-01", "2026-12-31", "2027-03-01"];

describe("the demo's calendar, relative to today", () => {
  it.each(DAYS)("on %s, writes deadlines the parser reads on both sides of today", (today) => {
    const c = demoCalendar(today);
    const issued = c.planIssued();
    // Issued before the earliest deadline (100 days ago), so work can be done on time.
    expect(issued < c.day(-100)).toBe(true);
    const dues = demoPlanSections(c)
      .flatMap((s) => s.tasks)
      .map((t) => parseTaskDeadline(t.deadline, issued))
      .map((p) => p.due)
      .filter((d): d is string => d !== null);
    // Every dated deadline falls after the plan's issue, some before today and most after it.
    for (const due of dues) expect(due > issued, due).toBe(true);
    expect(dues.filter((d) => d < today).length).toBeGreaterThanOrEqual(4);
    expect(dues.filter((d) => d >= today).length).toBeGreaterThanOrEqual(5);
  });

  it.each(DAYS)("on %s, opens the month of today and the two before it", (today) => {
    const [older, last, current] = demoCalendar(today).periods();
    expect(current.start <= today && today <= current.end).toBe(true);
    expect(last.end < current.start && older.end < last.start).toBe(true);
    expect(current.key).toBe(`${today.slice(0, 7).replace("-", "-M")}`);
  });
});
