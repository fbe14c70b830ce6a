import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { publicFixturePath, publishedPath, readBytes } from "../../../../test/fixtures";
import { bandInVietnamese, readIndexResults } from "./read";
import { MAX_FILE_BYTES } from "./types";

const file = (fileName: string) => readBytes(publishedPath(fileName));
const fixture = (rel: string) => readBytes(publicFixturePath(rel));
const enc = (text: string) => new TextEncoder().encode(text);

describe("official workbooks and public data", () => {
  it.each([2015, 2016])(
    "PCI_%i.xlsx: 63 provinces, computed totals = published within 0.01",
    async (year) => {
      const out = await readIndexResults({
        data: file(`PCI_${year}.xlsx`),
        fileName: `PCI_${year}.xlsx`,
      });
      expect(out.errors).toEqual([]);
      const r = out.results.find((x) => x.index === "PCI" && x.year === year);
      expect(r?.version).toBe("PCI-2013");
      expect(r?.errors).toEqual([]);
      expect(r?.provinces).toHaveLength(63);
      for (const p of r?.provinces ?? []) {
        expect(p.province).not.toBeNull();
        expect(p.components).toHaveLength(10);
        expect(p.publishedRank).not.toBeNull();
        expect(p.publishedTotal).not.toBeNull();
        expect(Math.abs((p.computedTotal as number) - (p.publishedTotal as number))).toBeLessThan(0.01);
      }
      // The English summary sheet of these workbooks holds PCI 2013 (its header says so): kept apart.
      expect(out.results.map((x) => x.year).sort()).toEqual([2013, year]);
    },
  );
  it("PCI 2015: the real spellings and figures", async () => {
    const out = await readIndexResults({ data: file("PCI_2015.xlsx"), fileName: "PCI_2015.xlsx" });
    const r = out.results.find((x) => x.year === 2015);
    const daNang = r?.provinces.find((p) => p.province === "Đà Nẵng");
    expect(daNang?.publishedRank).toBe(1);
    expect(daNang?.publishedTotal).toBeCloseTo(68.335, 3);
    expect(daNang?.publishedBand).toBe("Rất tốt");
    expect(r?.provinces.find((p) => p.input === "Tp.HCM")?.province).toBe("TP. Hồ Chí Minh");
    const en = out.results.find((x) => x.year === 2013);
    expect(en?.provinces.find((p) => p.input === "TT-Hue")?.province).toBe("Thừa Thiên Huế");
    expect(en?.provinces.find((p) => p.input === "BRVT")?.province).toBe("Bà Rịa - Vũng Tàu");
  });
  it("PAPI_2011-2016.xlsx: one result per year sheet, 63 provinces, totals = sum of dimensions", async () => {
    const out = await readIndexResults({
      data: file("PAPI_2011-2016.xlsx"),
      fileName: "PAPI_2011-2016.xlsx",
    });
    expect(out.results.map((r) => [r.year, r.version, r.provinces.length])).toEqual([
      [2011, "PAPI-2011", 63],
      [2012, "PAPI-2011", 63],
      [2013, "PAPI-2011", 63],
      [2014, "PAPI-2011", 63],
      [2015, "PAPI-2011", 63],
      [2016, "PAPI-2016", 63],
    ]);
    for (const r of out.results) {
      expect(r.errors).toEqual([]);
      for (const p of r.provinces) {
        if (p.publishedTotal !== null)
          expect(Math.abs((p.computedTotal as number) - p.publishedTotal)).toBeLessThan(0.01);
      }
    }
  });
  it("PAPI derived CSV: the year column splits 2011-2024, 63 provinces each", async () => {
    const out = await readIndexResults({
      data: file("papi_dimensions_2011_2024_derived.csv"),
      fileName: "papi_dimensions_2011_2024_derived.csv",
    });
    expect(out.results.map((r) => r.year)).toEqual(Array.from({ length: 14 }, (_, i) => 2011 + i));
    for (const r of out.results) {
      expect(r.provinces).toHaveLength(63);
      expect(r.errors).toEqual([]);
    }
    const hanoi2023 = out.results
      .find((r) => r.year === 2023)
      ?.provinces.find((p) => p.province === "Hà Nội");
    expect(hanoi2023?.publishedTotal).toBeCloseTo(43.96, 2);
  });
  it.each(Array.from({ length: 14 }, (_, i) => 2011 + i))(
    "PAPI sub-dimensions %i.csv (codes P01…)",
    async (year) => {
      const out = await readIndexResults({
        data: fixture(`papi_subdimensions_2011_2024/${year}.csv`),
        fileName: `${year}.csv`,
      });
      expect(out.results).toHaveLength(1);
      const r = out.results[0];
      expect([r.index, r.year]).toEqual(["PAPI", year]);
      expect(r.provinces).toHaveLength(63);
      expect(r.provinces.every((p) => p.province !== null)).toBe(true);
      expect(r.errors).toEqual([]);
    },
  );
  it("766 CSV: 34 current provinces with group scores", async () => {
    const name = "dvcqg_766_province_scores_2026-10-05.csv";
    const out = await readIndexResults({ data: file(name), fileName: name });
    const r = out.results[0];
    expect([r.index, r.year, r.provinces.length, r.errors.length]).toEqual(["INDEX_766", 2026, 34, 0]);
    for (const p of r.provinces)
      expect(Math.abs((p.computedTotal as number) - (p.publishedTotal as number))).toBeLessThan(0.02);
  });
  it("a file without index results is reported, not guessed", async () => {
    const out = await readIndexResults({
      data: fixture("provinces_2025_merger.csv"),
      fileName: "provinces_2025_merger.csv",
    });
    expect(out.results).toEqual([]);
    expect(out.errors).toHaveLength(1);
  });
});

describe("bands", () => {
  it("shows VCCI's English band names in Vietnamese", () => {
    expect(
      ["Excellent", "High", "Mid-high", "Average", "Relatively Low", "Low", "Khá"].map(bandInVietnamese),
    ).toEqual(["Rất tốt", "Tốt", "Khá", "Trung bình", "Tương đối thấp", "Thấp", "Khá"]);
  });
});

describe("indicator columns named by their full label", () => {
  it("keeps PCI 10.18, whose name contains 'băng nhóm', as a component and not a band column", async () => {
    const label =
      "Tỷ lệ doanh nghiệp phải trả tiền bảo kê cho các băng nhóm côn đồ, tổ chức xã hội đen để yên ổn làm ăn";
    const csv = [
      `Tỉnh,Chỉ số PCI 2024,"${label}",Tính minh bạch`,
      "Hà Nội,68.1,4.5,6.2",
      "Đà Nẵng,70.2,3.1,6.9",
      "Gia Lai,65.0,5.0,6.0",
    ].join("\n");
    const out = await readIndexResults({
      data: enc(csv),
      fileName: "pci-2024.csv",
      index: "PCI",
      year: 2024,
    });
    const hanoi = out.results[0].provinces.find((p) => p.province === "Hà Nội");
    expect(hanoi?.components.find((c) => c.code === "LEGAL.18")?.value).toBe(4.5);
  });
});

describe("bad input", () => {
  it("refuses empty, oversized, non-table and legacy files", async () => {
    expect((await readIndexResults({ data: new Uint8Array(), fileName: "a.csv" })).errors[0].message).toMatch(
      /rỗng/,
    );
    const big = new Uint8Array(MAX_FILE_BYTES + 1);
    expect((await readIndexResults({ data: big, fileName: "a.xlsx" })).errors[0].message).toMatch(/20 MB/);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3]);
    expect((await readIndexResults({ data: png, fileName: "a.csv" })).errors[0].message).toMatch(
      /không phải XLSX/,
    );
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect((await readIndexResults({ data: xls, fileName: "a.xlsx" })).errors[0].message).toMatch(/\.xls/);
    const fakeZip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]);
    expect((await readIndexResults({ data: fakeZip, fileName: "a.xlsx" })).errors[0].message).toMatch(/XLSX/);
  });
  it("reports text in number cells, out-of-range values, duplicates and unknown provinces precisely", async () => {
    const csv = [
      "Bảng xếp hạng PCI 2015",
      "",
      "STT;Tỉnh, thành phố;Tính minh bạch;Chi phí thời gian;Điểm PCI;Xếp hạng",
      "1;Đà Nẵng;7,3;abc;68,34;1",
      "2;Hà Nội;12;6,1;60,1;2",
      "3;Đà Nẵng;7;6;60;3",
      "4;Atlantis;7;6;60;4",
      "5;Cần Thơ;7;6;60;5",
    ].join("\n");
    const out = await readIndexResults({ data: enc(csv), fileName: "bang.csv" });
    const r = out.results[0];
    expect([r.index, r.year]).toEqual(["PCI", 2015]);
    const msg = (row: number, col: string) =>
      r.errors.find((e) => e.row === row && e.column === col)?.message;
    expect(msg(4, "D")).toMatch(/không phải là số/);
    expect(msg(5, "C")).toMatch(/ngoài khoảng 0–10/);
    expect(msg(6, "B")).toMatch(/hai lần/);
    expect(msg(7, "B")).toMatch(/Không nhận ra tên tỉnh/);
    expect(r.provinces.find((p) => p.input === "Atlantis")?.province).toBeNull();
    const dn = r.provinces.find((p) => p.province === "Đà Nẵng");
    expect(dn?.components).toEqual([{ code: "TRANSPARENCY", name: "Tính minh bạch", value: 7.3 }]);
    expect(dn?.computedTotal).toBeNull(); // missing sub-indices are not zeros
  });
  it("uses the caller's index and year when the file says nothing", async () => {
    const csv = "Province,Score,Rank\nHa Noi,60.5,3\nDa Nang,70.1,1\nHCMC,65,2\n";
    const none = await readIndexResults({ data: enc(csv), fileName: "x.csv" });
    expect(none.results).toEqual([]);
    const out = await readIndexResults({ data: enc(csv), fileName: "x.csv", index: "PCI", year: 2023 });
    expect(out.results[0].provinces.map((p) => [p.province, p.publishedTotal, p.publishedRank])).toEqual([
      ["Hà Nội", 60.5, 3],
      ["Đà Nẵng", 70.1, 1],
      ["TP. Hồ Chí Minh", 65, 2],
    ]);
    expect(out.results[0].version).toBe("PCI-2022");
  });
  it("never throws on random bytes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
        const out = await readIndexResults({ data: bytes, fileName: "random.xlsx" });
        expect(Array.isArray(out.results)).toBe(true);
      }),
      { numRuns: 200 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 500 }), async (text) => {
        const out = await readIndexResults({ data: enc(`Tỉnh;PCI 2020\n${text}`), fileName: "t.csv" });
        expect(Array.isArray(out.errors)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
