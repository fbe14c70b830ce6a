import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { versionsOf } from "../../../../../core/src/indices/definitions/catalog";
import type { Component, IndexVersion } from "../../../../../core/src/indices/definitions/types";
import { foldVietnamese } from "../../../../../core/src/text/vietnamese";
import { ComponentMatcher, isGenericScoreLabel, roleOfLabel, totalKindOf } from "./labels";
import { sameFigure } from "./numbers";
import { chooseTotals, type FigureCell, type TotalColumn } from "./totals";

/** PCI sub-indices and PAPI dimensions with their sub-dimensions, per version. */
const cases: Array<{ version: IndexVersion; component: Component }> = [
  ...versionsOf("PCI").flatMap((version) =>
    version.components.filter((c) => c.parentCode === null).map((component) => ({ version, component })),
  ),
  ...versionsOf("PAPI").flatMap((version) => version.components.map((component) => ({ version, component }))),
];

/** The ways the publishers' editions write one component's header. */
const WRITINGS: Array<(c: Component, v: IndexVersion) => string> = [
  (c) => c.nameVi,
  (c) => c.nameEn,
  (c) => `${c.number}. ${c.nameVi}`,
  (c) => `${c.number} ${c.nameEn}`,
  (c, v) =>
    `${v.indexCode === "PAPI" ? (c.parentCode ? "Nội dung thành phần" : "Nội dung") : "Chỉ số thành phần"} ${c.number}: ${c.nameVi}`,
  (c, v) =>
    `${v.indexCode === "PAPI" ? (c.parentCode ? "Sub-dimension" : "Dimension") : "Sub-index"} ${c.number} - ${c.nameEn}`,
  (c) => foldVietnamese(c.nameVi).toUpperCase(),
  (c) => `${c.nameVi} (điểm)`,
];

describe("component headers in every edition's wording", () => {
  it("finds the component whatever the numbering, kind word, case or diacritics", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...cases),
        fc.constantFrom(...WRITINGS),
        ({ version, component }, write) => {
          const header = write(component, version);
          expect([header, new ComponentMatcher(version).match(header)?.code]).toEqual([
            header,
            component.code,
          ]);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("knows VCCI's older and longer sub-index titles and its sheet names", () => {
    const pci2013 = versionsOf("PCI").find((v) => v.code === "PCI-2013") as IndexVersion;
    const m = new ComponentMatcher(pci2013);
    expect(
      [
        "Tính minh bạch và tiếp cận thông tin",
        "Land Access and Security of Tenure",
        "Time Costs of Regulatory Compliance",
        "Tính năng động và tiên phong của lãnh đạo tỉnh",
        "Labor and Training",
      ].map((h) => m.match(h)?.code),
    ).toEqual(["TRANSPARENCY", "LAND", "TIME", "PROACTIVITY", "LABOR"]);
    expect(
      ["Dịch vụ hỗ trợ DN", "Legal_Institutions", "Summary_VN", "2015_PAPI"].map(
        (s) => m.matchSheet(s)?.code,
      ),
    ).toEqual(["SUPPORT", "LEGAL", undefined, undefined]);
  });

  it("tells the kinds of totals and plain score headers apart", () => {
    expect(
      ["PCI 2012 (chưa có trọng số)", "Un-weighted2015PAPI", "PAPI có trọng số", "PCI 2016", "Tổng điểm"].map(
        (h) => totalKindOf([h]),
      ),
    ).toEqual(["unweighted", "unweighted", "weighted", null, null]);
    expect(["Tổng điểm (không trọng số)", "Total (unweighted)", "Tổng"].map(roleOfLabel)).toEqual([
      "total",
      "total",
      "total",
    ]);
    expect(
      ["Score", "Điểm", "Chỉ số thành phần 3", "Sub-index", "Tính minh bạch", "PCI 2016"].map(
        isGenericScoreLabel,
      ),
    ).toEqual([true, true, true, true, false, false]);
  });
});

describe("figures at two precisions", () => {
  it("a figure and its rounding agree; two different figures of one precision do not", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), fc.integer({ min: 1, max: 5 }), (v, d) => {
        expect(sameFigure(v, Math.round(v * 10 ** d) / 10 ** d)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 5 }),
        (k, last, d) => {
          // Both written with exactly d decimals (last digits 1-9).
          const a = (k * 10 + last) / 10 ** d;
          const b = (k * 10 + last + 1) / 10 ** d;
          expect(sameFigure(a, b)).toBe(false);
        },
      ),
    );
  });
});

describe("choosing the published total", () => {
  const pci = versionsOf("PCI").find((v) => v.code === "PCI-2013") as IndexVersion;
  const subIndex = fc.double({ min: 1, max: 10, noNaN: true });

  it("keeps the weighted PCI whatever the order and sheets of an unweighted column beside it", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(subIndex, { minLength: 10, maxLength: 10 }), { minLength: 5, maxLength: 20 }),
        fc.boolean(),
        fc.boolean(),
        (all, unweightedFirst, unweightedHeaded) => {
          // Provinces whose weighted and unweighted totals coincide (all sub-indices alike) tell nothing.
          const weightedOf = (values: number[]) =>
            pci.components.reduce((s, c, k) => s + (c.weight as number) * values[k], 0) / 10;
          const rows = all.filter((v) => Math.abs(weightedOf(v) - v.reduce((s, x) => s + x, 0)) > 0.2);
          fc.pre(rows.length >= 3);
          const weighted: TotalColumn = {
            id: "w",
            sheet: "Tổng hợp",
            col: 0,
            order: unweightedFirst ? 1 : 0,
            hint: null,
            componentsBeside: 10,
          };
          const plain: TotalColumn = {
            id: "u",
            sheet: unweightedFirst ? "Tổng hợp" : "Tính minh bạch",
            col: 1,
            order: unweightedFirst ? 0 : 1,
            hint: unweightedHeaded ? "unweighted" : null,
            componentsBeside: unweightedFirst ? 10 : 1,
          };
          const provinces = rows.map((values, i) => {
            const rule = weightedOf(values);
            const sum = values.reduce((s, x) => s + x, 0);
            const cell = (value: number, col: number): FigureCell => ({ value, sheet: "", row: i, col });
            return {
              input: `P${i}`,
              cells: new Map([
                ["w", cell(Math.round(rule * 100) / 100, 0)],
                ["u", cell(Math.round(sum * 100) / 100, 1)],
              ]),
              readings: { rule, plain: [sum, sum / 10, sum] },
            };
          });
          const chosen = chooseTotals(
            unweightedFirst ? [plain, weighted] : [weighted, plain],
            provinces,
            pci,
          );
          expect(chosen.conflicts).toEqual([]);
          expect(chosen.totals).toEqual(provinces.map((p) => p.cells.get("w")?.value));
          expect(chosen.setAside.map((x) => [x.column.id, x.kind])).toEqual([["u", "unweighted"]]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
