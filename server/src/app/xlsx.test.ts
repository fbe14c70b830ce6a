import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";
import { expectOfficialTable, firstSheet } from "../../test/xlsx-shape";
import { setProvinceTimeZone } from "./clock";
import { excelDate, tableSheet, workbookBuffer } from "./xlsx";

type Row = { name: string; score: number | null; rate: number | null; progress: number; due: string | null };

async function roundTrip(rows: Row[]) {
  const wb = new ExcelJS.Workbook();
  tableSheet(wb, {
    name: "Bảng: thử/nghiệm",
    title: "Tiêu đề",
    note: "Ghi chú",
    rows,
    columns: [
      { header: "Tên", width: 20, value: (r) => r.name },
      { header: "Điểm", width: 10, kind: "decimal", value: (r) => r.score },
      { header: "Tỷ lệ", width: 10, kind: "rate", value: (r) => r.rate },
      { header: "Tiến độ", width: 10, kind: "percent", value: (r) => r.progress },
      { header: "Thời hạn", width: 12, kind: "date", value: (r) => r.due },
    ],
  });
  return firstSheet(await workbookBuffer(wb));
}

describe("Excel tables as officials make them", () => {
  afterEach(() => setProvinceTimeZone("Asia/Ho_Chi_Minh"));

  it("stores numbers with formats, rates as fractions, days as dates, nothing as an empty cell", async () => {
    const sheet = await roundTrip([
      { name: "Xã An Phú", score: 57.417110443115234, rate: 0.6, progress: 45, due: "2026-12-07" },
      { name: "", score: null, rate: null, progress: 100, due: null },
    ]);
    expect(sheet.name).toBe("Bảng  thử nghiệm");
    expectOfficialTable(sheet, { headerRow: 3, numbers: [2, 3, 4], dates: [5] });
    const first = sheet.getRow(4);
    expect(first.getCell(2).value).toBe(57.417110443115234);
    expect(first.getCell(2).numFmt).toBe("#,##0.00");
    expect(first.getCell(3).value).toBeCloseTo(0.006, 12);
    expect(first.getCell(3).numFmt).toBe("0.0%");
    expect(first.getCell(4).value).toBe(0.45);
    expect(first.getCell(4).numFmt).toBe("0%");
    expect((first.getCell(5).value as Date).toISOString()).toBe("2026-12-07T00:00:00.000Z");
    const empty = sheet.getRow(5);
    for (const col of [1, 2, 3, 5]) expect(empty.getCell(col).type).toBe(ExcelJS.ValueType.Null);
    expect(sheet.autoFilter).toBe("A3:E5");
  });

  it("a day never shifts: an ISO day is UTC midnight whatever the zone; an instant is the province's day", () => {
    setProvinceTimeZone("America/Los_Angeles");
    expect(excelDate("2026-12-07")?.toISOString()).toBe("2026-12-07T00:00:00.000Z");
    setProvinceTimeZone("Asia/Ho_Chi_Minh");
    // 18:30 UTC on the 6th is 01:30 on the 7th in Gia Lai.
    expect(excelDate("2026-12-06T18:30:00Z")?.toISOString()).toBe("2026-12-07T00:00:00.000Z");
    expect(excelDate(new Date("2026-12-06T16:59:00Z"))?.toISOString()).toBe("2026-12-06T00:00:00.000Z");
    expect(excelDate("không phải ngày")).toBeNull();
  });
});
