/**
 * The publishers' workbooks in the layouts of their other years, made from the real ones in
 * server/data/published with exceljs: the figures stay the published ones, only the layout changes
 * the way VCCI and UNDP changed it between editions (see the per-year column guide of
 * mdtrinh/vietnamdata, data-raw/PCI/PCI_Import.csv: unweighted totals beside the weighted ones in
 * 2007, 2008 and 2010; English summary sheets; sub-index sheets named and headed differently).
 * The unweighted PCI total is, as there, the plain sum of the sub-indices.
 */
import ExcelJS from "exceljs";
import { foldForMatch } from "../../core/src/text/vietnamese";
import { publishedPath, readBytes } from "./fixtures";

async function load(fileName: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(readBytes(publishedPath(fileName))) as unknown as ExcelJS.Buffer);
  return wb;
}

async function bytes(wb: ExcelJS.Workbook) {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const num = (v: ExcelJS.CellValue) => {
  if (typeof v === "number") return v;
  if (v && typeof v === "object" && "result" in v && typeof v.result === "number") return v.result;
  return null;
};
const text = (v: ExcelJS.CellValue) => (typeof v === "string" ? v.trim() : null);

/** The ten sub-index sheets of VCCI's PCI 2015/2016 workbooks, in PCI order. */
export const PCI_SUB_SHEETS = [
  "Chi phí gia nhập thị trường",
  "Tiếp cận đất đai",
  "Tính minh bạch",
  "Chi phí thời gian",
  "Chi phí không chính thức",
  "Cạnh tranh bình đẳng",
  "Tính năng động",
  "Dịch vụ hỗ trợ DN",
  "Đào tạo lao động",
  "Thiết chế pháp lý",
];

/** Sum of the ten sub-indices per province (as written in the sub-index sheets), by province name. */
function unweightedSums(wb: ExcelJS.Workbook) {
  const sums = new Map<string, number>();
  for (const name of PCI_SUB_SHEETS) {
    const ws = wb.getWorksheet(name);
    ws?.eachRow((row) => {
      const province = text(row.getCell(2).value);
      const value = num(row.getCell(3).value);
      if (province && value !== null && typeof row.getCell(1).value === "number")
        sums.set(province, (sums.get(province) ?? 0) + value);
    });
  }
  return sums;
}

/** Each sub-index sheet also carries the unweighted PCI total (the PCI 2012 workbook's layout). */
export async function pciUnweightedInSubSheets(year: number) {
  const wb = await load(`PCI_${year}.xlsx`);
  const sums = unweightedSums(wb);
  for (const name of PCI_SUB_SHEETS) {
    const ws = wb.getWorksheet(name) as ExcelJS.Worksheet;
    const col = ws.columnCount + 1;
    ws.getRow(1).getCell(col).value = `PCI ${year} (chưa có trọng số)`;
    ws.getRow(3).getCell(col).value = "pci_unweighted";
    ws.eachRow((row, r) => {
      const province = text(row.getCell(2).value);
      if (r > 3 && province && sums.has(province)) row.getCell(col).value = sums.get(province) as number;
    });
  }
  return bytes(wb);
}

/** The summary sheet gives the unweighted total before the weighted one (2008, 2010 layouts). */
export async function pciBothTotals(year: number) {
  const wb = await load(`PCI_${year}.xlsx`);
  const sums = unweightedSums(wb);
  const ws = wb.getWorksheet("Summary_VN") as ExcelJS.Worksheet;
  // Column W holds the weighted total of the province named in V; the unweighted goes before it.
  const values: ExcelJS.CellValue[] = [`PCI ${year} chưa có trọng số`];
  for (let r = 2; r <= ws.rowCount; r++) {
    const province = text(ws.getRow(r).getCell(22).value);
    values.push(province && sums.has(province) ? (sums.get(province) as number) : null);
  }
  ws.spliceColumns(23, 0, values);
  ws.getRow(1).getCell(24).value = `PCI ${year} có trọng số`;
  return bytes(wb);
}

const ENGLISH_SHEETS = [
  "Entry Costs",
  "Land Access",
  "Transparency",
  "Time Costs",
  "Informal Charges",
  "Policy Bias",
  "Proactivity",
  "Business Support",
  "Labor Training",
  "Legal Institutions",
];

/** "Đà Nẵng" → "Da Nang", as the English sheets write names. */
const englishName = (vi: string) =>
  foldForMatch(vi)
    .split(" ")
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(" ");

/**
 * An English edition: one summary sheet "Summary" with totals, ranks and tiers only (province names
 * without diacritics), sub-index sheets named in English and their score column headed "Score"
 * (no variable code), so that the sheet's name is what says which sub-index it holds.
 */
export async function pciEnglishEdition(year: number, { drop = [] as string[] } = {}) {
  const wb = await load(`PCI_${year}.xlsx`);
  const vn = wb.getWorksheet("Summary_VN") as ExcelJS.Worksheet;
  const rows: ExcelJS.CellValue[][] = [];
  for (let r = 2; r <= vn.rowCount; r++) {
    const row = vn.getRow(r);
    const province = text(row.getCell(22).value);
    if (!province || num(row.getCell(23).value) === null) continue;
    rows.push([
      r - 1,
      englishName(province),
      num(row.getCell(23).value),
      row.getCell(24).value,
      row.getCell(27).value,
    ]);
  }
  for (const name of ["Summary_VN", "Summary"])
    wb.removeWorksheet((wb.getWorksheet(name) as ExcelJS.Worksheet).id);
  const summary = wb.addWorksheet("Summary");
  summary.addRow([`Provincial Competitiveness Index ${year}`]);
  summary.addRow(["No", "Province", `PCI ${year}`, `PCI ${year} ranking`, "PCI tier"]);
  for (const row of rows) summary.addRow(row);
  PCI_SUB_SHEETS.forEach((name, i) => {
    const ws = wb.getWorksheet(name) as ExcelJS.Worksheet;
    ws.getRow(1).getCell(3).value = "Score";
    ws.getRow(3).getCell(3).value = null;
    ws.getRow(3).getCell(2).value = null;
    ws.name = ENGLISH_SHEETS[i];
    // The sub-index's own rank beside its score: the sub-index's, not the PCI's.
    const col = ws.columnCount + 1;
    ws.getRow(1).getCell(col).value = "Rank";
    const scores: Array<{ row: ExcelJS.Row; value: number }> = [];
    ws.eachRow((row, r) => {
      const value = num(row.getCell(3).value);
      if (r > 3 && value !== null && text(row.getCell(2).value)) scores.push({ row, value });
    });
    for (const { row, value } of scores)
      row.getCell(col).value = 1 + scores.filter((x) => x.value > value).length;
  });
  for (const name of drop) wb.removeWorksheet((wb.getWorksheet(name) as ExcelJS.Worksheet).id);
  return bytes(wb);
}

/** Dimension columns of a PAPI year sheet (1-based, D..AE): a dimension then its sub-dimensions. */
const PAPI_DIMENSION_COLUMNS = [4, 9, 13, 17, 22, 27];

/** One year of UNDP's PAPI workbook as its own file, as the yearly downloads come. */
export async function papiYear(
  year: number,
  { relabel = false, dropDimension = null as number | null } = {},
) {
  const wb = await load("PAPI_2011-2016.xlsx");
  for (const ws of [...wb.worksheets]) if (!ws.name.startsWith(String(year))) wb.removeWorksheet(ws.id);
  const ws = wb.worksheets[0];
  if (relabel) {
    // The later editions' headers: "Dimension 1: …" / "Nội dung 1: …", "1.1 …", totals said in words.
    ws.name = `PAPI ${year}`;
    let dim = 0;
    let sub = 0;
    for (let c = 4; c <= 31; c++) {
      const isDim = PAPI_DIMENSION_COLUMNS.includes(c);
      if (isDim) {
        dim++;
        sub = 0;
      } else sub++;
      const en = ws.getRow(1).getCell(c);
      const vi = ws.getRow(2).getCell(c);
      en.value = isDim ? `Dimension ${dim}: ${en.value}` : `${dim}.${sub} ${en.value}`;
      vi.value = isDim ? `Nội dung ${dim}: ${vi.value}` : `${dim}.${sub}. ${vi.value}`;
    }
    ws.getRow(1).getCell(32).value = "Total (unweighted)";
    ws.getRow(2).getCell(32).value = "Tổng điểm (không trọng số)";
  }
  if (dropDimension !== null) {
    // exceljs cannot move shared formulas: the cells keep their cached results as plain values.
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) cell.value = num(cell.value);
      }),
    );
    const from = PAPI_DIMENSION_COLUMNS[dropDimension - 1];
    const to = PAPI_DIMENSION_COLUMNS[dropDimension] ?? 32;
    ws.spliceColumns(from, to - from);
  }
  return bytes(wb);
}
