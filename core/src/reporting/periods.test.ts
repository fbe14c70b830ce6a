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
