/** XLSX exports of the analysis tables (exceljs): what the screen shows, one sheet each. */
import ExcelJS from "exceljs";
import { indexAbbreviation } from "../../../../core/src/words/indices";
import { excelNumberFormat } from "../../../../core/src/words/numbers";
import type { componentTable, provinceProfile } from "./indices.analysis.service";
import type { ranking } from "./indices.ranking.service";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

type Table = Awaited<ReturnType<typeof componentTable>>;
type Profile = Awaited<ReturnType<typeof provinceProfile>>;

function sheetWith(workbook: ExcelJS.Workbook, name: string, title: string, headers: string[]) {
  const sheet = workbook.addWorksheet(name.slice(0, 31));
  sheet.addRow([title]).font = { bold: true, size: 13 };
  sheet.addRow([]);
  const header = sheet.addRow(headers);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: "middle" };
  sheet.columns.forEach((c, i) => {
    c.width = i === 1 ? 48 : 14;
  });
  return sheet;
}

/** Scores keep the publisher's two decimals (core/src/words/numbers.ts); the cell stays a number. */
const SCORE_FORMAT = excelNumberFormat(2);
function formatColumns(sheet: ExcelJS.Worksheet, columns: number[], numFmt = SCORE_FORMAT) {
  for (const c of columns) sheet.getColumn(c).numFmt = numFmt;
}

const DIRECTION = { better: "Tốt lên", worse: "Giảm", same: "Không đổi" } as const;

export async function componentTableXlsx(table: Table): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const peers = table.peers.map((p) => p.name);
  const sheet = sheetWith(
    workbook,
    `${indexAbbreviation(table.index.code)} ${table.year}`,
    `${table.index.nameVi} ${table.year} – ${table.province.name}`,
    [
      "Mã",
      "Chỉ số thành phần",
      "Chiều tốt",
      "Trọng số",
      `Điểm ${table.year}`,
      "Xếp hạng",
      table.previousYear ? `Điểm ${table.previousYear}` : "Điểm năm trước",
      "Thay đổi điểm",
      "Thay đổi hạng",
      "Xu hướng",
      "Yếu nhất",
      "Giảm",
      ...peers,
      "Trung vị cả nước",
      "Trung vị vùng",
    ],
  );
  for (const r of table.rows) {
    sheet.addRow([
      r.number,
      `${"  ".repeat(r.level)}${r.nameVi}`,
      r.polarity === "lowerIsBetter" ? "Càng thấp càng tốt" : "Càng cao càng tốt",
      r.weight,
      r.value,
      r.rankText,
      r.previousValue,
      r.valueChange,
      r.rankChange,
      r.direction ? DIRECTION[r.direction] : null,
      r.weakest ? "x" : null,
      r.falling ? "x" : null,
      ...table.peers.map((p) => r.peers[p.code] ?? null),
      r.nationalMedian,
      r.regionMedian,
    ]);
  }
  // Weight, scores, change and the peers' and medians' scores: numbers with two decimals.
  formatColumns(sheet, [
    4,
    5,
    7,
    8,
    ...table.peers.map((_, i) => 13 + i),
    13 + peers.length,
    14 + peers.length,
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function profileXlsx(profile: Profile): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = sheetWith(workbook, "Hồ sơ chỉ số", `Kết quả các chỉ số – ${profile.province.name}`, [
    "Tỉnh, thành phố",
    "Chỉ số",
    "Năm",
    "Điểm",
    "Xếp hạng",
    "Nhóm",
    "Thay đổi điểm",
    "Thay đổi hạng",
    "Hạng trong vùng",
  ]);
  for (const s of profile.series)
    for (const index of s.indices)
      for (const p of index.points)
        sheet.addRow([
          s.provinceName,
          index.indexName,
          p.year,
          p.score,
          p.rankText,
          p.band,
          p.scoreChange,
          p.placesChange,
          p.regionalRank === null
            ? null
            : `${p.regionalRank}${p.regionalRankOf ? `/${p.regionalRankOf}` : ""}`,
        ]);
  formatColumns(sheet, [4, 7]);
  sheet.getColumn(1).width = 24;
  sheet.getColumn(2).width = 40;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

type RankingAnswer = Awaited<ReturnType<typeof ranking>>;

/** A column of a sheet officials filter and sort: numbers stay numbers, shown with the screen's decimals. */
type Column<R> = { header: string; width: number; value: (r: R) => string | number | null; numFmt?: string };

/** A titled table with a frozen header and an autofilter, one row per item. */
function filterableSheet<R>(
  workbook: ExcelJS.Workbook,
  {
    name,
    title,
    note,
    columns,
    rows,
  }: { name: string; title: string; note: string; columns: Column<R>[]; rows: R[] },
) {
  const sheet = workbook.addWorksheet(name.slice(0, 31));
  sheet.addRow([title]).font = { bold: true, size: 13 };
  sheet.addRow([note]).font = { italic: true };
  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: "middle" };
  columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = c.width;
    if (c.numFmt) column.numFmt = c.numFmt;
  });
  for (const r of rows) sheet.addRow(columns.map((c) => c.value(r)));
  sheet.views = [{ state: "frozen", ySplit: header.number }];
  sheet.autoFilter = {
    from: { row: header.number, column: 1 },
    to: { row: header.number + rows.length, column: columns.length },
  };
  return sheet;
}

const SIGNED_2 = "+0.00;-0.00;0.00";
const SIGNED_0 = "+0;-0;0";

/** The ranking screen's table: every province (or a region's), as filtered and sorted there. */
export async function rankingXlsx(r: RankingAnswer): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const since = r.previousYear ? `so với ${r.previousYear}` : "so với năm trước";
  filterableSheet(workbook, {
    name: `${r.index.code.replace("_", " ")} ${r.year}`,
    title: `Xếp hạng ${r.index.nameVi} năm ${r.year}${r.region ? ` – ${r.region}` : ""}`,
    note: [
      `${r.total} tỉnh, thành phố; hạng trên tổng số ${r.ranked} cả nước; thang điểm ${r.scaleMax}.`,
      r.methodBreak
        ? `Năm ${r.methodBreak.previousYear} tính theo thang điểm ${r.methodBreak.fromScaleMax}: không so sánh thay đổi.`
        : "",
    ]
      .filter(Boolean)
      .join(" "),
    rows: r.rows,
    columns: [
      { header: "Hạng", width: 8, value: (x) => x.rank, numFmt: "0" },
      { header: "Trên tổng số", width: 10, value: (x) => (x.rank === null ? null : x.rankOf), numFmt: "0" },
      { header: "Tỉnh, thành phố", width: 24, value: (x) => x.provinceName },
      { header: "Vùng", width: 30, value: (x) => x.region || null },
      { header: `Điểm ${r.year}`, width: 11, value: (x) => x.score, numFmt: "0.00" },
      { header: "Nhóm", width: 22, value: (x) => x.band },
      {
        header: r.previousYear ? `Điểm ${r.previousYear}` : "Điểm năm trước",
        width: 11,
        value: (x) => x.previousScore,
        numFmt: "0.00",
      },
      { header: `Thay đổi điểm ${since}`, width: 14, value: (x) => x.scoreChange, numFmt: SIGNED_2 },
      {
        header: r.previousYear ? `Hạng ${r.previousYear}` : "Hạng năm trước",
        width: 10,
        value: (x) => x.previousRank,
        numFmt: "0",
      },
      { header: `Thay đổi hạng ${since}`, width: 14, value: (x) => x.placesChange, numFmt: SIGNED_0 },
    ],
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
