/** XLSX exports of the analysis tables: what the screen shows, one sheet each, written by app/xlsx.ts. */
import ExcelJS from "exceljs";
import { indexAbbreviation } from "../../../../core/src/words/indices";
import { tableSheet, workbookBuffer, type XlsxColumn, type XlsxKind } from "../../app/xlsx";
import type { componentTable, provinceProfile } from "./indices.analysis.service";
import type { ranking } from "./indices.ranking.service";

export { XLSX_TYPE } from "../../app/xlsx";

type Table = Awaited<ReturnType<typeof componentTable>>;
type Profile = Awaited<ReturnType<typeof provinceProfile>>;
type RankingAnswer = Awaited<ReturnType<typeof ranking>>;
type RankingRow = RankingAnswer["rows"][number];

/** A column of the previous year's figure, headed by that year ("Điểm 2015") when there is one. */
function previousYearColumn<R>(
  what: string,
  year: number | null | undefined,
  kind: XlsxKind,
  value: (r: R) => number | null,
): XlsxColumn<R> {
  return { header: year ? `${what} ${year}` : `${what} năm trước`, width: 11, kind, value };
}

const DIRECTION = { better: "Tốt lên", worse: "Giảm", same: "Không đổi" } as const;

export async function componentTableXlsx(table: Table): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  type Row = Table["rows"][number];
  const columns: XlsxColumn<Row>[] = [
    { header: "Mã", width: 8, value: (r) => r.number },
    { header: "Chỉ số thành phần", width: 48, value: (r) => `${"  ".repeat(r.level)}${r.nameVi}` },
    {
      header: "Chiều tốt",
      width: 14,
      value: (r) => (r.polarity === "lowerIsBetter" ? "Càng thấp càng tốt" : "Càng cao càng tốt"),
    },
    { header: "Trọng số", width: 10, kind: "decimal", value: (r) => r.weight },
    { header: `Điểm ${table.year}`, width: 10, kind: "decimal", value: (r) => r.value },
    { header: "Xếp hạng", width: 10, value: (r) => r.rankText },
    previousYearColumn("Điểm", table.previousYear, "decimal", (r) => r.previousValue),
    { header: "Thay đổi điểm", width: 10, kind: "signed", value: (r) => r.valueChange },
    { header: "Thay đổi hạng", width: 10, kind: "signedInteger", value: (r) => r.rankChange },
    { header: "Xu hướng", width: 12, value: (r) => (r.direction ? DIRECTION[r.direction] : null) },
    { header: "Yếu nhất", width: 8, value: (r) => (r.weakest ? "x" : null) },
    { header: "Giảm", width: 8, value: (r) => (r.falling ? "x" : null) },
    ...table.peers.map(
      (p): XlsxColumn<Row> => ({
        header: p.name,
        width: 12,
        kind: "decimal",
        value: (r) => r.peers[p.code] ?? null,
      }),
    ),
    { header: "Trung vị cả nước", width: 10, kind: "decimal", value: (r) => r.nationalMedian },
    { header: "Trung vị vùng", width: 10, kind: "decimal", value: (r) => r.regionMedian },
  ];
  tableSheet(workbook, {
    name: `${indexAbbreviation(table.index.code)} ${table.year}`,
    title: `${table.index.nameVi} ${table.year} – ${table.province.name}`,
    columns,
    rows: table.rows,
  });
  return workbookBuffer(workbook);
}

export async function profileXlsx(profile: Profile): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const rows = profile.series.flatMap((s) =>
    s.indices.flatMap((index) =>
      index.points.map((p) => ({ provinceName: s.provinceName, indexName: index.indexName, ...p })),
    ),
  );
  tableSheet(workbook, {
    name: "Hồ sơ chỉ số",
    title: `Kết quả các chỉ số – ${profile.province.name}`,
    rows,
    columns: [
      { header: "Tỉnh, thành phố", width: 24, value: (p) => p.provinceName },
      { header: "Chỉ số", width: 40, value: (p) => p.indexName },
      { header: "Năm", width: 8, kind: "year", value: (p) => p.year },
      { header: "Điểm", width: 10, kind: "decimal", value: (p) => p.score },
      { header: "Xếp hạng", width: 10, value: (p) => p.rankText },
      { header: "Nhóm", width: 22, value: (p) => p.band },
      { header: "Thay đổi điểm", width: 10, kind: "signed", value: (p) => p.scoreChange },
      { header: "Thay đổi hạng", width: 10, kind: "signedInteger", value: (p) => p.placesChange },
      {
        header: "Hạng trong vùng",
        width: 10,
        value: (p) =>
          p.regionalRank === null
            ? null
            : `${p.regionalRank}${p.regionalRankOf ? `/${p.regionalRankOf}` : ""}`,
      },
    ],
  });
  return workbookBuffer(workbook);
}

/** The ranking screen's table: every province (or a region's), as filtered and sorted there. */
export async function rankingXlsx(r: RankingAnswer): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const since = r.previousYear ? `so với ${r.previousYear}` : "so với năm trước";
  tableSheet(workbook, {
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
      { header: "Hạng", width: 8, kind: "integer", value: (x) => x.rank },
      {
        header: "Trên tổng số",
        width: 10,
        kind: "integer",
        value: (x) => (x.rank === null ? null : x.rankOf),
      },
      { header: "Tỉnh, thành phố", width: 24, value: (x) => x.provinceName },
      { header: "Vùng", width: 30, value: (x) => x.region || null },
      { header: `Điểm ${r.year}`, width: 11, kind: "decimal", value: (x) => x.score },
      { header: "Nhóm", width: 22, value: (x) => x.band },
      previousYearColumn<RankingRow>("Điểm", r.previousYear, "decimal", (x) => x.previousScore),
      { header: `Thay đổi điểm ${since}`, width: 14, kind: "signed", value: (x) => x.scoreChange },
      previousYearColumn<RankingRow>("Hạng", r.previousYear, "integer", (x) => x.previousRank),
      { header: `Thay đổi hạng ${since}`, width: 14, kind: "signedInteger", value: (x) => x.placesChange },
    ],
  });
  return workbookBuffer(workbook);
}
