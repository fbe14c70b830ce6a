import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  adHocPeriod,
  daysBetween,
  dueDateOf,
  keyMatches,
  parsePeriodKey,
  periodContaining,
  periodDates,
  periodLabel,
  periodsBetween,
  periodToOpen,
  shiftPeriod,
} from "./periods";

describe("periods", () => {
  it("finds the month, quarter, half-year and year containing a day", () => {
    expect(periodContaining("monthly", "2024-02-10")).toEqual({
      key: "2024-M02",
      frequency: "monthly",
      start: "2024-02-01",
      end: "2024-02-29",
    });
    expect(periodContaining("monthly", "2023-02-10").end).toBe("2023-02-28");
    expect(periodContaining("quarterly", "2025-08-31")).toMatchObject({
      key: "2025-Q3",
      start: "2025-07-01",
      end: "2025-09-30",
    });
    expect(periodContaining("halfYearly", "2025-06-30")).toMatchObject({
      key: "2025-H1",
      end: "2025-06-30",
    });
    expect(periodContaining("halfYearly", "2025-07-01")).toMatchObject({
      key: "2025-H2",
      start: "2025-07-01",
      end: "2025-12-31",
    });
    expect(periodContaining("yearly", "2025-03-03")).toMatchObject({
      key: "2025-Y",
      start: "2025-01-01",
      end: "2025-12-31",
    });
  });

  it("reads period keys back and refuses malformed ones", () => {
    for (const key of ["2025-M01", "2025-M12", "2024-Q1", "2024-Q4", "2025-H1", "2025-H2", "2025-Y"])
      expect(parsePeriodKey(key)?.key).toBe(key);
    for (const key of ["2025-M13", "2025-M00", "2025-Q5", "2025-H3", "2025", "25-M01", "AH", "3000-Y"])
      expect(parsePeriodKey(key)).toBeUndefined();
    expect(keyMatches("quarterly", "2025-Q2")).toBe(true);
    expect(keyMatches("monthly", "2025-Q2")).toBe(false);
    expect(keyMatches("adHoc", "AH")).toBe(true);
  });

  it("shifts across year ends", () => {
    expect(shiftPeriod(parsePeriodKey("2024-M12")!, 1).key).toBe("2025-M01");
    expect(shiftPeriod(parsePeriodKey("2025-M01")!, -1).key).toBe("2024-M12");
    expect(shiftPeriod(parsePeriodKey("2025-Q1")!, -1).key).toBe("2024-Q4");
    expect(shiftPeriod(parsePeriodKey("2025-H2")!, 1).key).toBe("2026-H1");
    expect(shiftPeriod(parsePeriodKey("2025-Y")!, -2).key).toBe("2023-Y");
  });

  it("lists the periods overlapping a window", () => {
    expect(
      periodsBetween({ frequency: "quarterly", from: "2025-02-15", to: "2025-12-31" }).map((p) => p.key),
    ).toEqual(["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]);
    expect(periodsBetween({ frequency: "monthly", from: "2024-11-01", to: "2025-02-01" })).toHaveLength(4);
  });

  it("due on the 15th of the period's last month, clamped to short months", () => {
    const rule = { kind: "dayOfLastMonth", day: 15 } as const;
    expect(dueDateOf(parsePeriodKey("2025-M06")!, rule)).toBe("2025-06-15");
    expect(dueDateOf(parsePeriodKey("2025-Q3")!, rule)).toBe("2025-09-15");
    expect(dueDateOf(parsePeriodKey("2025-H1")!, rule)).toBe("2025-06-15");
    expect(dueDateOf(parsePeriodKey("2025-Y")!, rule)).toBe("2025-12-15");
    const last = { kind: "dayOfLastMonth", day: 31 } as const;
    expect(dueDateOf(parsePeriodKey("2024-M02")!, last)).toBe("2024-02-29");
    expect(dueDateOf(parsePeriodKey("2023-M02")!, last)).toBe("2023-02-28");
    expect(dueDateOf(parsePeriodKey("2025-Q2")!, last)).toBe("2025-06-30");
  });

  it("due N days after the period ends, across months, years and leap days", () => {
    expect(dueDateOf(parsePeriodKey("2024-M01")!, { kind: "daysAfterEnd", days: 29 })).toBe("2024-02-29");
    expect(dueDateOf(parsePeriodKey("2023-M01")!, { kind: "daysAfterEnd", days: 29 })).toBe("2023-03-01");
    expect(dueDateOf(parsePeriodKey("2025-Q4")!, { kind: "daysAfterEnd", days: 10 })).toBe("2026-01-10");
    expect(dueDateOf(parsePeriodKey("2025-M03")!, { kind: "daysAfterEnd", days: 0 })).toBe("2025-03-31");
  });

  it("computes opening and lock days", () => {
    expect(
      periodDates({
        period: parsePeriodKey("2025-M06")!,
        dueRule: { kind: "dayOfLastMonth", day: 15 },
        openOffsetDays: 0,
        lockAfterDays: 10,
      }),
    ).toMatchObject({ opensOn: "2025-06-01", due: "2025-06-15", lockDate: "2025-06-25" });
    expect(
      periodDates({ period: parsePeriodKey("2025-Q1")!, dueRule: { kind: "daysAfterEnd", days: 5 } })
        .lockDate,
    ).toBeNull();
  });

  it("ad hoc requests carry their own deadline", () => {
    const p = adHocPeriod({ start: "2025-05-02", due: "2025-05-20" });
    expect(dueDateOf(p, { kind: "fixedDate", date: "2025-05-20" })).toBe("2025-05-20");
    expect(periodLabel(p)).toBe("Đột xuất (đến 20/05/2025)");
    expect(() => adHocPeriod({ start: "2025-05-20", due: "2025-05-01" })).toThrow();
  });

  it("labels periods in Vietnamese", () => {
    expect(periodLabel(parsePeriodKey("2025-Q3")!)).toBe("Quý III/2025");
    expect(periodLabel(parsePeriodKey("2025-M06")!)).toBe("Tháng 6/2025");
    expect(periodLabel(parsePeriodKey("2025-H2")!)).toBe("6 tháng cuối năm 2025");
  });

  it("day arithmetic", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2100-02-28", 1)).toBe("2100-03-01");
    expect(addDays("2000-02-28", 1)).toBe("2000-02-29");
    expect(addDays("2025-01-01", -1)).toBe("2024-12-31");
    expect(daysBetween("2024-01-01", "2025-01-01")).toBe(366);
  });
});

describe("the period the clock opens", () => {
  const key = (p: ReturnType<typeof periodToOpen>) => p?.key ?? null;
  it("opens the period containing today on its first day, not earlier ones", () => {
    expect(key(periodToOpen({ frequency: "monthly", today: "2026-03-01" }))).toBe("2026-M03");
    expect(key(periodToOpen({ frequency: "monthly", today: "2026-02-28" }))).toBe("2026-M02");
    expect(key(periodToOpen({ frequency: "quarterly", today: "2026-06-30" }))).toBe("2026-Q2");
    expect(key(periodToOpen({ frequency: "halfYearly", today: "2026-07-01" }))).toBe("2026-H2");
    expect(key(periodToOpen({ frequency: "yearly", today: "2026-12-31" }))).toBe("2026-Y");
  });

  it("opens the next period early with a negative offset, and a late-opening one after its start", () => {
    // Opens 3 days before the month: in the leap year 2028, on 27 February (not 26).
    expect(key(periodToOpen({ frequency: "monthly", today: "2028-02-27", openOffsetDays: -3 }))).toBe(
      "2028-M03",
    );
    expect(key(periodToOpen({ frequency: "monthly", today: "2028-02-25", openOffsetDays: -3 }))).toBe(
      "2028-M02",
    );
    // Opens on the 20th: on the 10th, last month's report is the open one.
    expect(key(periodToOpen({ frequency: "monthly", today: "2026-05-10", openOffsetDays: 19 }))).toBe(
      "2026-M04",
    );
    // A yearly report that opens ten days after the year ends.
    expect(key(periodToOpen({ frequency: "yearly", today: "2027-01-15", openOffsetDays: 375 }))).toBe(
      "2026-Y",
    );
  });

  it("opens an ad hoc request while its window lasts", () => {
    const adHoc = { start: "2026-04-10", due: "2026-04-20" };
    expect(periodToOpen({ frequency: "adHoc", today: "2026-04-09", adHoc })).toBeNull();
    expect(key(periodToOpen({ frequency: "adHoc", today: "2026-04-10", adHoc }))).toBe("AH");
    expect(key(periodToOpen({ frequency: "adHoc", today: "2026-04-20", adHoc }))).toBe("AH");
    expect(periodToOpen({ frequency: "adHoc", today: "2026-04-21", adHoc })).toBeNull();
    expect(periodToOpen({ frequency: "adHoc", today: "2026-04-12", adHoc: null })).toBeNull();
  });

  it("always opens a period whose opening day has come and whose successor's has not", () => {
    const day = fc.integer({ min: 0, max: 365 * 30 }).map((n) => addDays("2000-01-01", n));
    const frequency = fc.constantFrom("monthly", "quarterly", "halfYearly", "yearly" as const);
    fc.assert(
      fc.property(day, frequency, fc.integer({ min: -20, max: 20 }), (today, f, offset) => {
        const p = periodToOpen({ frequency: f, today, openOffsetDays: offset });
        expect(p).not.toBeNull();
        if (!p) return;
        expect(daysBetween(addDays(p.start, offset), today)).toBeGreaterThanOrEqual(0);
        expect(daysBetween(addDays(shiftPeriod(p, 1).start, offset), today)).toBeLessThan(0);
      }),
    );
  });
});
