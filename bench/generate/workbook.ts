/**
 * A PCI results workbook as VCCI publishes one: a title, one header row with the total, the rank,
 * the ten sub-indices and the 142 indicators of 2022 (numbered, named as in the methodology), the
 * 63 provinces spelled the way VCCI spells them, and a median row below a blank row. Its values are
 * those the generator stored for the same year, so committing it replaces the year with itself.
 */
import ExcelJS from "exceljs";
import { versionFor } from "../../core/src/indices/definitions/catalog";
import { indexYearValues, totalOf } from "./indices";

/** VCCI's spellings where they differ from the official names (old tone placement, abbreviations). */
const VCCI_NAMES: Record<string, string> = {
  "TP. Hồ Chí Minh": "TP.HCM",
  "Thừa Thiên Huế": "TT-Huế",
  "Bà Rịa - Vũng Tàu": "BR-VT",
  "Hòa Bình": "Hoà Bình",
  "Thanh Hóa": "Thanh Hoá",
  "Khánh Hòa": "Khánh Hoà",
};

export const IMPORT_YEAR = 2024;

export async function buildPciWorkbook(year = IMPORT_YEAR): Promise<{ fileName: string; data: Buffer }> {
  const version = versionFor("PCI", year);
  if (!version) throw new Error(`no PCI version for ${year}`);
  const provinces = indexYearValues(version, year);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(`PCI ${year}`);
  sheet.addRow([`Kết quả Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) năm ${year}`]);
  sheet.addRow([]);
  sheet.addRow([
    "STT",
    "Tỉnh, thành phố",
    `Điểm PCI ${year}`,
    "Xếp hạng",
    ...version.components.map((c) => (c.parentCode ? `${c.number} ${c.nameVi}` : c.nameVi)),
  ]);
  const totals = provinces.map((p) => totalOf(version, p.values) ?? 0);
  const order = [...totals].sort((a, b) => b - a);
  provinces.forEach((p, i) => {
    sheet.addRow([
      i + 1,
      VCCI_NAMES[p.province.name] ?? p.province.name,
      totals[i],
      order.indexOf(totals[i]) + 1,
      ...version.components.map((c) => p.values[c.code]),
    ]);
  });
  sheet.addRow([]);
  const median = (code: string) => {
    const sorted = provinces.map((p) => p.values[code]).sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
  };
  sheet.addRow(["", "Trung vị", null, null, ...version.components.map((c) => median(c.code))]);
  const data = Buffer.from(await workbook.xlsx.writeBuffer());
  return { fileName: `PCI_${year}.xlsx`, data };
}
