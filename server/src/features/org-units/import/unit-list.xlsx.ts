import ExcelJS from "exceljs";
import type { SheetCell, SheetRow } from "./unit-list.types";

/** Reads every worksheet into plain rows; throws when the zip is not a workbook. */
export async function readXlsx(data: Uint8Array): Promise<SheetRow[][]> {
  const workbook = new ExcelJS.Workbook();
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return workbook.worksheets.map((sheet) => {
    const rows: SheetRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: SheetCell[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = toSheetCell(cell.value);
      });
      rows.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? null) });
    });
    return rows;
  });
}

function toSheetCell(value: ExcelJS.CellValue): SheetCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || value instanceof Date) return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result instanceof Date || typeof result === "string" || typeof result === "number") return result;
    return typeof result === "boolean" ? String(result).toUpperCase() : null;
  }
  if ("text" in value) return String(value.text);
  // Error cells (#N/A, #REF!) carry no usable value.
  return null;
}
