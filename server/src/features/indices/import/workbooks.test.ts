/**
 * The publishers' workbooks in the layouts of their editions (server/test/index-workbooks.ts makes
 * them from the real PCI 2015, PCI 2016 and PAPI 2011-2016 workbooks): every one must import with
 * all of its version's components and totals, no false error, the published figures exactly, and a
 * truncated one must be refused with what is missing named.
 */
import { describe, expect, it } from "vitest";
import { topLevelComponents, versionByCode } from "../../../../../core/src/indices/definitions/catalog";
import { publishedPath, readBytes } from "../../../../test/fixtures";
import {
  papiYear,
  pciBothTotals,
  pciEnglishEdition,
  pciUnweightedInSubSheets,
} from "../../../../test/index-workbooks";
import { readIndexResults } from "./read";
import type { IndexResult, ReadOutcome } from "./types";

const allErrors = (out: ReadOutcome) => [...out.errors, ...out.results.flatMap((r) => r.errors)];

/** Every province with data has each component of the version, a published and a computed total. */
function expectComplete(r: IndexResult | undefined, provinces = 63) {
  expect(r).toBeDefined();
  const version = versionByCode(r?.version ?? "");
  const scored = (r?.provinces ?? []).filter((p) => p.components.length > 0);
  expect(scored).toHaveLength(provinces);
  for (const p of scored) {
    expect(p.province).not.toBeNull();
    expect(p.components.map((c) => c.code)).toEqual(version?.components.map((c) => c.code));
    expect(p.publishedTotal).not.toBeNull();
    expect(Math.abs((p.computedTotal as number) - (p.publishedTotal as number))).toBeLessThan(1e-4);
  }
}

const province = (r: IndexResult | undefined, name: string) => r?.provinces.find((p) => p.province === name);
const component = (r: IndexResult | undefined, name: string, code: string) =>
  province(r, name)?.components.find((c) => c.code === code)?.value;

describe("PCI workbooks in other editions' layouts", () => {
  // Read by hand from the workbooks: PCI 2015 Summary_VN row 3 (Đà Nẵng 68,3352, 1st), PCI 2016
  // row 2 (Đà Nẵng 70,0014, 1st); PCI 2016 "Tính minh bạch" sheet, Hà Nội: 6,0405.
  const published = {
    2015: { total: 68.33521270751953, transparencyHanoi: 6.139615535736084 },
    2016: { total: 70.00139617919922, transparencyHanoi: 6.040530204772949 },
  } as const;

  it.each([2015, 2016] as const)(
    "PCI %i with an unweighted total on every sub-index sheet: no false error, the weighted total kept",
    async (year) => {
      const out = await readIndexResults({
        data: await pciUnweightedInSubSheets(year),
        fileName: `PCI_${year}.xlsx`,
      });
      expect(allErrors(out)).toEqual([]);
      const r = out.results.find((x) => x.year === year);
      expectComplete(r);
      expect(province(r, "Đà Nẵng")?.publishedTotal).toBe(published[year].total);
      expect(province(r, "Đà Nẵng")?.publishedRank).toBe(1);
    },
  );

  it.each([2015, 2016] as const)(
    "PCI %i summary with the unweighted total before the weighted one: the weighted is the published",
    async (year) => {
      const out = await readIndexResults({ data: await pciBothTotals(year), fileName: `PCI_${year}.xlsx` });
      expect(allErrors(out)).toEqual([]);
      const r = out.results.find((x) => x.year === year);
      expectComplete(r);
      expect(province(r, "Đà Nẵng")?.publishedTotal).toBe(published[year].total);
    },
  );

  it.each([2015, 2016] as const)(
    "PCI %i English edition: sub-index sheets known by their names, their own ranks not the PCI's",
    async (year) => {
      // No year in the file name: the summary sheet says it.
      const out = await readIndexResults({ data: await pciEnglishEdition(year), fileName: "pci.xlsx" });
      expect(allErrors(out)).toEqual([]);
      expect(out.results.map((x) => [x.index, x.year])).toEqual([["PCI", year]]);
      const r = out.results[0];
      expectComplete(r);
      expect(province(r, "Đà Nẵng")?.publishedTotal).toBe(published[year].total);
      expect(province(r, "Đà Nẵng")?.publishedRank).toBe(1);
      expect(province(r, "Đà Nẵng")?.publishedBand).toBe("Rất tốt");
      expect(component(r, "Hà Nội", "TRANSPARENCY")).toBe(published[year].transparencyHanoi);
      expect(new Set(r.provinces.map((p) => p.publishedRank)).size).toBeGreaterThan(55);
    },
  );

  it("a workbook renamed without its year: the sub-index sheets belong to its latest summary year", async () => {
    const data = readBytes(publishedPath("PCI_2016.xlsx"));
    const out = await readIndexResults({ data, fileName: "tai-ve.xlsx" });
    expect(allErrors(out)).toEqual([]);
    expect(out.results.map((r) => r.year)).toEqual([2013, 2016]);
    expectComplete(out.results[1]);
  });

  it("a truncated PCI workbook (a sub-index sheet removed) is refused, naming the sub-index", async () => {
    const data = await pciEnglishEdition(2016, { drop: ["Transparency"] });
    const out = await readIndexResults({ data, fileName: "PCI_2016.xlsx" });
    expect(allErrors(out).map((e) => e.message)).toEqual([
      "Thiếu chỉ số thành phần “Tính minh bạch” của PCI 2016: không tìm thấy cột hay trang tính nào của nó " +
        "trong tệp; chưa ghi được kết quả thiếu thành phần.",
    ]);
  });
});

describe("PAPI year sheets", () => {
  const years = [2011, 2012, 2013, 2014, 2015, 2016];
  // Đồng Tháp and one other province have no 2014 figures in UNDP's workbook.
  const scored = (year: number) => (year === 2014 ? 61 : 63);

  it.each(years)(
    "PAPI %i as its own workbook: 6 dimensions, their sub-dimensions and totals",
    async (year) => {
      const out = await readIndexResults({ data: await papiYear(year), fileName: `PAPI_${year}.xlsx` });
      expect(allErrors(out)).toEqual([]);
      const r = out.results.find((x) => x.year === year);
      expectComplete(r, scored(year));
      expect(topLevelComponents(versionByCode(r?.version ?? "") as never)).toHaveLength(6);
    },
  );

  it.each(years)(
    "PAPI %i headed as later editions ('Nội dung 4: …', '1.1. …', 'Tổng điểm (không trọng số)')",
    async (year) => {
      const out = await readIndexResults({
        data: await papiYear(year, { relabel: true }),
        fileName: "papi.xlsx",
      });
      expect(allErrors(out)).toEqual([]);
      expect(out.results.map((x) => x.year)).toEqual([year]);
      expectComplete(out.results[0], scored(year));
    },
  );

  it("PAPI 2015, Hà Nội, as published (read by hand from sheet 2015_PAPI, row 3)", async () => {
    const out = await readIndexResults({
      data: await papiYear(2015, { relabel: true }),
      fileName: "papi.xlsx",
    });
    const r = out.results[0];
    expect(component(r, "Hà Nội", "D1")).toBe(5.054007053375244);
    expect(component(r, "Hà Nội", "D4")).toBe(4.993017196655273);
    expect(component(r, "Hà Nội", "D4.4")).toBe(1.67983078956604);
    expect(province(r, "Hà Nội")?.publishedTotal).toBe(34.10189771652222);
  });

  it.each(years)("PAPI %i without its corruption dimension is refused, naming it", async (year) => {
    const out = await readIndexResults({
      data: await papiYear(year, { dropDimension: 4 }),
      fileName: `PAPI_${year}.xlsx`,
    });
    expect(allErrors(out).map((e) => e.message)).toEqual([
      `Thiếu chỉ số nội dung “Kiểm soát tham nhũng trong khu vực công” của PAPI ${year}: không tìm thấy cột ` +
        "hay trang tính nào của nó trong tệp; chưa ghi được kết quả thiếu thành phần.",
    ]);
  });
});

describe("totals of another kind", () => {
  const enc = (text: string) => new TextEncoder().encode(text);
  // PAPI 2015 dimensions of three provinces (UNDP's workbook, 2 decimals); the weighted column's
  // figures are made up: only its header says what it is, and PAPI's total is the unweighted sum.
  const rows = [
    ["Hà Nội", 5.05, 5.22, 5.58, 4.99, 6.53, 6.72, 34.1, 36.02],
    ["Hà Giang", 3.92, 5.14, 4.7, 4.76, 6.34, 6.86, 31.73, 33.4],
    ["Cao Bằng", 4.53, 5.92, 4.81, 5.4, 6.51, 6.68, 33.86, 35.1],
  ];
  const header =
    "Tỉnh;Tham gia của người dân ở cấp cơ sở;Công khai, minh bạch;Trách nhiệm giải trình với người dân;" +
    "Kiểm soát tham nhũng trong khu vực công;Thủ tục hành chính công;Cung ứng dịch vụ công;" +
    "PAPI 2015 (không trọng số);PAPI 2015 (có trọng số)";

  it("PAPI's unweighted total is the published one, the weighted column set aside without error", async () => {
    const csv = [header, ...rows.map((r) => r.join(";").replace(/\./g, ","))].join("\n");
    const out = await readIndexResults({ data: enc(csv), fileName: "papi.csv" });
    expect(allErrors(out)).toEqual([]);
    expect(out.results[0].provinces.map((p) => p.publishedTotal)).toEqual([34.1, 31.73, 33.86]);
  });

  it("two total columns of the same kind that disagree are still a conflict", async () => {
    const twice = header.replace("(có trọng số)", "tổng điểm");
    const csv = [twice, ...rows.map((r) => r.join(";").replace(/\./g, ","))].join("\n");
    const out = await readIndexResults({ data: enc(csv), fileName: "papi.csv" });
    expect(out.results[0].errors.map((e) => [e.row, e.column])).toEqual([
      [2, "I"],
      [3, "I"],
      [4, "I"],
    ]);
  });
});

describe("notes on how the file was read", () => {
  it("says where the published total was read and which unweighted columns were set aside", async () => {
    const out = await readIndexResults({ data: await pciBothTotals(2016), fileName: "PCI_2016.xlsx" });
    expect(out.results.find((r) => r.year === 2016)?.notes).toEqual([
      "Tổng điểm công bố lấy ở trang “Summary_VN” cột X; tổng điểm không trọng số ở trang “Summary_VN” cột W " +
        "là cách tính khác, không nhập.",
    ]);
    const sheets = await readIndexResults({
      data: await pciUnweightedInSubSheets(2016),
      fileName: "PCI_2016.xlsx",
    });
    expect(sheets.results.find((r) => r.year === 2016)?.notes[0]).toMatch(
      /^Tổng điểm công bố lấy ở trang “Summary_VN” cột W; tổng điểm không trọng số ở trang “Chi phí gia nhập thị trường” cột P, .*, … \(10 cột\) là cách tính khác, không nhập\.$/,
    );
  });
});
