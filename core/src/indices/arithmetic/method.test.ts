import { describe, expect, it } from "vitest";
import { versionsOf } from "../definitions/catalog";
import { comparableYears, methodBreaks, methodSegment, sameMethod } from "./method";

describe("methodology breaks, read from the versions", () => {
  it("PAPI breaks once, in 2018 (60 → 80 points); its other revisions keep the scale", () => {
    const breaks = methodBreaks(versionsOf("PAPI"));
    expect(breaks.map((b) => [b.year, b.from.scaleMax, b.to.scaleMax, b.scaleChanged])).toEqual([
      [2018, 60, 80, true],
    ]);
    expect(comparableYears(breaks, 2016, 2017)).toBe(true);
    expect(comparableYears(breaks, 2017, 2018)).toBe(false);
    expect(comparableYears(breaks, 2018, 2024)).toBe(true);
    expect(methodSegment(breaks, 2011)).toBe(0);
    expect(methodSegment(breaks, 2019)).toBe(1);
  });

  it("PCI's weight changes keep one 100-point scale: no break", () => {
    expect(methodBreaks(versionsOf("PCI"))).toEqual([]);
  });

  it("a change of how the total is formed breaks even on the same scale; the latest revision of a year counts", () => {
    const v = (code: string, from: number, aggregation: "sum" | "mean", revision = 1) => ({
      code,
      validFromYear: from,
      validToYear: null,
      scaleMax: 100,
      totalRule: { aggregation, multiplier: 1 },
      revision,
    });
    const breaks = methodBreaks([
      v("X-2020b", 2020, "mean", 2),
      v("X-2010", 2010, "sum"),
      v("X-2020", 2020, "sum"),
    ]);
    expect(breaks).toHaveLength(1);
    expect(breaks[0]).toMatchObject({ year: 2020, scaleChanged: false });
    expect(breaks[0]?.to.code).toBe("X-2020b");
    expect(sameMethod(v("a", 1, "sum"), v("b", 2, "sum"))).toBe(true);
  });
});
