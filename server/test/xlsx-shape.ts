/** Asserts an exported sheet is a table as officials make it (app/xlsx.ts): read back with exceljs. */
import ExcelJS from "exceljs";
import { expect } from "vitest";

export async function firstSheet(data: Buffer | Uint8Array): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb.worksheets[0] as ExcelJS.Worksheet;
}

/**
 * The header row `headerRow` is bold, bordered, frozen and filtered; in the rows below, every filled
 * cell of `numbers` is a number with a format, of `dates` a Date shown dd/mm/yyyy; no cell holds "".
 * At least one number and one date (when asked for) must be present, so an empty export fails.
 */
export function expectOfficialTable(
  sheet: ExcelJS.Worksheet,
  { headerRow, numbers, dates = [] }: { headerRow: number; numbers: number[]; dates?: number[] },
) {
  expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: headerRow });
  const filter = sheet.autoFilter as unknown;
  const ref = typeof filter === "string" ? filter : JSON.stringify(filter);
  expect(ref, "autofilter over the table").toMatch(new RegExp(`^A${headerRow}:|"row":${headerRow}`));
  const header = sheet.getRow(headerRow);
  header.eachCell((cell) => {
    expect(cell.font?.bold).toBe(true);
    expect(cell.border?.bottom?.style).toBe("thin");
    expect(cell.alignment?.wrapText).toBe(true);
  });
  let seenNumbers = 0;
  let seenDates = 0;
  for (let n = headerRow + 1; n <= sheet.rowCount; n++) {
    const row = sheet.getRow(n);
    row.eachCell((cell, col) => {
      expect(cell.value, `cell ${cell.address}`).not.toBe("");
      if (numbers.includes(col)) {
        expect(typeof cell.value, `cell ${cell.address}`).toBe("number");
        expect(cell.numFmt, `format of ${cell.address}`).toBeTruthy();
        seenNumbers++;
      }
      if (dates.includes(col)) {
        expect(cell.value, `cell ${cell.address}`).toBeInstanceOf(Date);
        expect(cell.numFmt).toBe("dd/mm/yyyy");
        seenDates++;
      }
    });
  }
  if (numbers.length) expect(seenNumbers, "numbers in the table").toBeGreaterThan(0);
  if (dates.length) expect(seenDates, "dates in the table").toBeGreaterThan(0);
}
