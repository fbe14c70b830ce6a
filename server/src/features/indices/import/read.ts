/**
 * readIndexResults: an official results workbook or CSV → one neutral result per index and year.
 * General rules only (other editions use other sheet names and headers): the province column is
 * found by its content, columns by their header text, the index and the year from the sheet, its
 * headers, the caller, or the file name, in that order of trust.
 */
import { computeTotal, totalReadings } from "../../../../../core/src/indices/arithmetic/composite";
import { versionFor } from "../../../../../core/src/indices/definitions/catalog";
import type { Component, IndexCode, IndexVersion } from "../../../../../core/src/indices/definitions/types";
import { matchProvince, type ProvinceEra } from "../../../../../core/src/indices/provinces/match";
import { foldForMatch } from "../../../../../core/src/text/vietnamese";
import { AppError } from "../../../app/errors";
import { runParseJob } from "../../documents-in/parse-pool";
import { missingParts } from "./completeness";
import { type Cell, columnLetter, type Grid, parseCsv } from "./grid";
import {
  ComponentMatcher,
  indicesMentioned,
  isGenericScoreLabel,
  type LabelRole,
  roleOfLabel,
  totalKindOf,
  yearsIn,
} from "./labels";
import { decimalsOf, displayCell, formatVi, parseNumberCell, parseRankCell, sameFigure } from "./numbers";
import { decodeText, sniffKind } from "./sniff";
import { findTable, type Table } from "./table";
import { chooseRanks, chooseTotals, type FigureCell, type RankColumn, type TotalColumn } from "./totals";
import {
  type ImportError,
  type ImportedProvince,
  type IndexResult,
  MAX_FILE_BYTES,
  type ReadInput,
  type ReadOutcome,
} from "./types";

const INDEX_ORDER: IndexCode[] = ["PCI", "PAPI", "PGI", "PAR_INDEX", "SIPAS", "INDEX_766"];

/** Rows that summarise the provinces rather than being one: skipped without an error. */
const SUMMARY_ROW =
  /^(diem )?(cao nhat|thap nhat|trung binh|trung vi)|^(median|min|max|minimum|maximum|mean|average|highest|lowest|ca nuoc|toan quoc|national|tong|tong cong|total|viet nam|vietnam)( |$)/;

type Role = { kind: "component"; component: Component } | { kind: LabelRole };

/** A province as it is being read: figures per column until the published ones are chosen. */
type Reading = ImportedProvince & {
  values: Record<string, number>;
  totals: Map<string, FigureCell>;
  ranks: Map<string, FigureCell>;
};

interface Accumulator {
  result: IndexResult;
  byKey: Map<string, Reading>;
  totalColumns: Map<string, TotalColumn>;
  rankColumns: Map<string, RankColumn>;
}

export async function readIndexResults(input: ReadInput): Promise<ReadOutcome> {
  const fileErrors: ImportError[] = [];
  const fail = (message: string): ReadOutcome => ({
    results: [],
    errors: [...fileErrors, { sheet: null, row: null, column: null, message }],
  });
  try {
    const data = input.data;
    if (!data || data.length === 0) return fail("Tệp rỗng, không có dữ liệu.");
    if (data.length > MAX_FILE_BYTES) {
      return fail(`Tệp quá lớn (${Math.ceil(data.length / 1048576)} MB); giới hạn là 20 MB.`);
    }
    const grids = await loadGrids(input, fail);
    if ("errors" in grids) return grids;
    return readGrids(grids, input);
  } catch (error) {
    // Busy (503) is the server's state, not the file's: it is answered as such.
    if (error instanceof AppError && error.status !== 400) throw error;
    return fail(
      `Không đọc được tệp: ${error instanceof Error ? error.message.slice(0, 200) : "lỗi không xác định"}.`,
    );
  }
}

async function loadGrids(input: ReadInput, fail: (m: string) => ReadOutcome): Promise<Grid[] | ReadOutcome> {
  const kind = sniffKind(input.data);
  if (kind === "xls") return fail("Tệp Excel 97-2003 (.xls) chưa được hỗ trợ; hãy lưu lại dưới dạng .xlsx.");
  if (kind === "unknown") return fail("Tệp không phải XLSX hoặc CSV (nội dung không nhận dạng được).");
  if (kind === "xlsx") {
    try {
      // In a parse worker, with limits on expanded size, time and memory (features/documents-in).
      return await runParseJob("indexGrids", { data: input.data });
    } catch (error) {
      if (error instanceof AppError) {
        if (error.status !== 400) throw error;
        if (error.code !== "upload.damaged") return fail(error.message);
      }
      return fail("Tệp XLSX bị hỏng hoặc không phải bảng tính Excel hợp lệ.");
    }
  }
  const text = decodeText(input.data);
  if (text === null || text.trim() === "") return fail("Tệp CSV rỗng hoặc không đọc được.");
  return [parseCsv(text, input.fileName || "CSV")];
}

function readGrids(grids: Grid[], input: ReadInput): ReadOutcome {
  const errors: ImportError[] = [];
  const acc = new Map<string, Accumulator>();
  const fileYears = yearsIn(input.fileName ?? "");
  const fileIndex = indicesMentioned(input.fileName ?? "")[0] ?? null;
  const tables = grids.flatMap((grid) => {
    if (grid.rows.every((r) => r.every((c) => c === null))) return [];
    const table = findTable(grid);
    return table ? [{ grid, table }] : [];
  });
  // A sub-index sheet rarely says its year; the workbook's summary does. A workbook that also keeps
  // an earlier year for comparison (VCCI's English summary of PCI 2013) is the edition of its latest.
  const sheetYears = tables.flatMap(({ grid, table }) => sheetYear(grid, table) ?? []);
  const fileYear =
    fileYears.length === 1 ? fileYears[0] : sheetYears.length > 0 ? Math.max(...sheetYears) : null;

  for (const { grid, table } of tables) {
    if (table.headerRows.length === 0) {
      errors.push(at(grid, table.dataStart, null, "Không tìm thấy dòng tiêu đề phía trên dữ liệu các tỉnh."));
      continue;
    }
    readSheet(grid, table, input, fileYear, fileIndex, acc, errors);
  }
  const tablesSeen = tables.length;

  const results = [...acc.values()]
    .map((a) => finish(a))
    .filter((r) => r.provinces.length > 0)
    .sort((a, b) => INDEX_ORDER.indexOf(a.index) - INDEX_ORDER.indexOf(b.index) || a.year - b.year);
  if (results.length === 0) {
    const why =
      tablesSeen === 0
        ? "Không tìm thấy bảng có cột tên tỉnh, thành phố."
        : "Không tìm thấy cột điểm, thứ hạng hay chỉ số thành phần nào của một chỉ số đã biết.";
    return { results, errors: [...errors, { sheet: null, row: null, column: null, message: why }] };
  }
  return { results, errors };
}

function at(grid: Grid, row: number | null, col: number | null, message: string): ImportError {
  return {
    sheet: grid.name,
    row: row === null ? null : row + 1,
    column: col === null ? null : columnLetter(col),
    message,
  };
}

/** The index of a sheet: caller, then what the sheet says, then the file name, then its columns. */
function detectIndex(
  grid: Grid,
  table: Table,
  input: ReadInput,
  fileIndex: IndexCode | null,
  year: number | null,
) {
  if (input.index) return input.index;
  const sheetText = [grid.name, table.title, ...table.headers.flat()].join(" ");
  const said = indicesMentioned(sheetText)[0] ?? fileIndex;
  if (said) return said;
  let best: { index: IndexCode; n: number } | null = null;
  for (const index of INDEX_ORDER) {
    const version = year !== null ? versionFor(index, year) : latestVersions(index);
    if (!version) continue;
    const matcher = new ComponentMatcher(version);
    const n = table.headers.filter((texts) => texts.some((t) => matcher.match(t))).length;
    if (n >= 2 && (!best || n > best.n)) best = { index, n };
  }
  return best?.index ?? null;
}

function latestVersions(index: IndexCode): IndexVersion | null {
  for (let y = new Date().getFullYear() + 1; y >= 2006; y--) {
    const v = versionFor(index, y);
    if (v) return v;
  }
  return null;
}

/** The sheet's own year: sheet name, else the headers of total/rank columns, else the title. */
function sheetYear(grid: Grid, table: Table): number | null {
  const single = (ys: number[]) => (ys.length === 1 ? ys[0] : null);
  const fromName = single(yearsIn(grid.name));
  if (fromName) return fromName;
  const totalHeaders = table.headers
    .flat()
    .filter((t) => {
      const role = roleOfLabel(t);
      return role === "total" || role === "rank";
    })
    .join(" ");
  return single(yearsIn(totalHeaders)) ?? single(yearsIn(table.title));
}

function classify(texts: string[], matcher: ComponentMatcher): Role | null {
  let component: Component | null = null;
  const roles: LabelRole[] = [];
  for (const t of texts) {
    const exact = matcher.matchExact(t);
    component ??= exact ?? matcher.match(t);
    // Keywords inside a component's exact label are part of its name, not the column's role.
    const role = exact ? null : roleOfLabel(t);
    if (role) roles.push(role);
  }
  if (roles.includes("ignore")) return { kind: "ignore" };
  if (component) {
    // A component's own rank or band (merged "Tính minh bạch" over "Điểm | Xếp hạng") is not stored.
    return roles.includes("rank") || roles.includes("band")
      ? { kind: "ignore" }
      : { kind: "component", component };
  }
  const order: LabelRole[] = ["year", "band", "rank", "total"];
  const role = order.find((r) => roles.includes(r));
  return role ? { kind: role } : null;
}

function eraFor(year: number): ProvinceEra {
  return year < 2025 ? "pre2025" : year > 2025 ? "current" : "any";
}

function readSheet(
  grid: Grid,
  table: Table,
  input: ReadInput,
  fileYear: number | null,
  fileIndex: IndexCode | null,
  acc: Map<string, Accumulator>,
  errors: ImportError[],
) {
  const ownYear = sheetYear(grid, table);
  const yearColumn = table.headers.findIndex((texts) => texts.some((t) => roleOfLabel(t) === "year"));
  const defaultYear = ownYear ?? input.year ?? fileYear;
  const index = detectIndex(grid, table, input, fileIndex, defaultYear);
  if (!index) return; // Not an index table (e.g. a list of provinces): nothing to report per sheet.

  const rowsByYear = new Map<number, number[]>();
  for (let r = table.dataStart; r < table.dataEnd; r++) {
    let year = defaultYear;
    if (yearColumn >= 0) {
      const parsed = parseNumberCell(grid.rows[r]?.[yearColumn] ?? null);
      if (parsed.ok && parsed.value !== null && Number.isInteger(parsed.value)) year = parsed.value;
    }
    if (year === null) continue;
    rowsByYear.set(year, [...(rowsByYear.get(year) ?? []), r]);
  }
  if (rowsByYear.size === 0) {
    errors.push(at(grid, null, null, `Không xác định được năm của bảng ${index}: hãy chọn năm khi tải lên.`));
    return;
  }
  for (const [year, rows] of rowsByYear) {
    const version = versionFor(index, year);
    if (!version) {
      errors.push(at(grid, null, null, `Chưa có phương pháp tính ${index} cho năm ${year}.`));
      continue;
    }
    readBlock(grid, table, index, year, version, rows, acc);
  }
}

function accumulator(acc: Map<string, Accumulator>, index: IndexCode, year: number, version: IndexVersion) {
  const key = `${index}|${year}`;
  let a = acc.get(key);
  if (!a) {
    a = {
      result: { index, year, version: version.code, provinces: [], errors: [], notes: [] },
      byKey: new Map(),
      totalColumns: new Map(),
      rankColumns: new Map(),
    };
    acc.set(key, a);
  }
  return a;
}

/**
 * A sheet named after one top-level component ("Tính minh bạch", "Land Access") holds that
 * component: its column headed only "Điểm"/"Score" is the component's score, and its ranks and bands
 * are the component's, not the index's.
 */
function sheetRoles(grid: Grid, table: Table, matcher: ComponentMatcher): Array<Role | null> {
  const roles = table.headers.map((texts, c) =>
    table.provinceColumns.includes(c) ? null : classify(texts, matcher),
  );
  const own = matcher.matchSheet(grid.name);
  if (!own) return roles;
  const hasOwn = roles.some((r) => r?.kind === "component" && r.component.code === own.code);
  let claimed = hasOwn;
  return roles.map((role, c) => {
    if (role?.kind === "rank" || role?.kind === "band") return { kind: "ignore" };
    const texts = table.headers[c];
    if (
      !claimed &&
      (role === null || role.kind === "total") &&
      texts.length > 0 &&
      texts.every(isGenericScoreLabel)
    ) {
      claimed = true;
      return { kind: "component", component: own };
    }
    return role;
  });
}

function readBlock(
  grid: Grid,
  table: Table,
  index: IndexCode,
  year: number,
  version: IndexVersion,
  rows: number[],
  acc: Map<string, Accumulator>,
) {
  const matcher = new ComponentMatcher(version);
  const roles = sheetRoles(grid, table, matcher);
  // Each value column belongs to the nearest province column on its left (VCCI's ranked summary
  // sheets repeat a province column before every sub-index).
  const owner = (c: number) =>
    [...table.provinceColumns].reverse().find((p) => p < c) ?? table.provinceColumns[0];
  const groups = new Map<number, number[]>();
  roles.forEach((role, c) => {
    if (!role || role.kind === "ignore" || role.kind === "year") return;
    groups.set(owner(c), [...(groups.get(owner(c)) ?? []), c]);
  });
  if (groups.size === 0) return;
  const a = accumulator(acc, index, year, version);
  const errors = a.result.errors;
  const era = eraFor(year);
  const componentsBeside = new Set(
    roles.flatMap((r) =>
      r?.kind === "component" && r.component.parentCode === null ? [r.component.code] : [],
    ),
  ).size;
  roles.forEach((role, c) => {
    const id = `${grid.name}\u0000${c}`;
    const order = a.totalColumns.size + a.rankColumns.size;
    if (role?.kind === "total")
      a.totalColumns.set(id, {
        id,
        sheet: grid.name,
        col: c,
        order,
        hint: totalKindOf(table.headers[c]),
        componentsBeside,
      });
    if (role?.kind === "rank") a.rankColumns.set(id, { id, sheet: grid.name, order });
  });

  for (const [pc, columns] of groups) {
    const seen = new Map<string, number>();
    for (const r of rows) {
      const row = grid.rows[r] ?? [];
      const nameCell = row[pc] ?? null;
      if (nameCell === null) continue;
      const name = String(nameCell).trim();
      if (SUMMARY_ROW.test(foldForMatch(name))) continue;
      const match = matchProvince(name, { era });
      if (!match)
        errors.push(at(grid, r, pc, `Không nhận ra tên tỉnh, thành phố “${displayCell(nameCell)}”.`));
      const key = match?.code ?? `?${foldForMatch(name)}`;
      const previousRow = seen.get(key);
      if (previousRow !== undefined) {
        errors.push(
          at(
            grid,
            r,
            pc,
            `Tỉnh “${name}” xuất hiện hai lần trong bảng (dòng ${previousRow + 1} và ${r + 1}); bỏ qua dòng sau.`,
          ),
        );
        continue;
      }
      seen.set(key, r);
      let p = a.byKey.get(key);
      if (!p) {
        p = {
          input: name,
          province: match?.name ?? null,
          provinceCode: match?.code ?? null,
          publishedTotal: null,
          publishedRank: null,
          publishedBand: null,
          computedTotal: null,
          components: [],
          values: {},
          totals: new Map(),
          ranks: new Map(),
        };
        a.byKey.set(key, p);
      }
      for (const c of columns) readCell(grid, r, c, row[c] ?? null, roles[c] as Role, version, p, errors);
    }
  }
}

function readCell(
  grid: Grid,
  r: number,
  c: number,
  cell: Cell,
  role: Role,
  version: IndexVersion,
  p: Reading,
  errors: ImportError[],
) {
  if (role.kind === "band") {
    if (cell !== null) p.publishedBand ??= bandInVietnamese(String(cell).trim());
    return;
  }
  const parsed = role.kind === "rank" ? parseRankCell(cell) : parseNumberCell(cell);
  if (!parsed.ok) {
    errors.push(at(grid, r, c, `Giá trị “${displayCell(cell)}” không phải là số.`));
    return;
  }
  const value = parsed.value;
  if (value === null) return;
  const figure: FigureCell = { value, sheet: grid.name, row: r, col: c };
  const id = `${grid.name}\u0000${c}`;
  if (role.kind === "rank") {
    if (!Number.isInteger(value) || value < 1 || value > 100) {
      errors.push(at(grid, r, c, `Thứ hạng “${displayCell(cell)}” không hợp lệ (phải là số nguyên từ 1).`));
    } else p.ranks.set(id, figure);
    return;
  }
  if (role.kind === "total") {
    if (value < 0 || value > version.scaleMax) {
      errors.push(at(grid, r, c, `Tổng điểm ${formatVi(value)} nằm ngoài khoảng 0–${version.scaleMax}.`));
    } else p.totals.set(id, figure);
    return;
  }
  if (role.kind !== "component") return;
  const comp = role.component;
  if (value < comp.min - 1e-9 || value > comp.max + 1e-9) {
    errors.push(
      at(
        grid,
        r,
        c,
        `Giá trị ${formatVi(value)} của “${comp.nameVi}” nằm ngoài khoảng ${formatVi(comp.min)}–${formatVi(comp.max)}.`,
      ),
    );
    return;
  }
  const old = p.values[comp.code];
  if (old === undefined) {
    p.values[comp.code] = value;
    p.components.push({ code: comp.code, name: comp.nameVi, value });
  } else if (!sameFigure(old, value)) {
    errors.push(
      at(
        grid,
        r,
        c,
        `“${comp.nameVi}” của ${p.input} khác với giá trị đã đọc ở bảng khác (${formatVi(old)}).`,
      ),
    );
  } else if (decimalsOf(value) > decimalsOf(old)) {
    // The same figure at a finer precision (a summary's 7,23, a sub-index sheet's 7,2345): keep the finer.
    p.values[comp.code] = value;
    for (const x of p.components) if (x.code === comp.code) x.value = value;
  }
}

function finish(a: Accumulator): IndexResult {
  const version = versionFor(a.result.index, a.result.year) as IndexVersion;
  const order = new Map(version.components.map((c, i) => [c.code, i]));
  const readings = [...a.byKey.values()];
  const chosen = chooseTotals(
    [...a.totalColumns.values()],
    readings.map((p) => ({ input: p.input, cells: p.totals, readings: totalReadings(version, p.values) })),
    version,
  );
  const ranks = chooseRanks(
    [...a.rankColumns.values()],
    readings.map((p) => ({ input: p.input, cells: p.ranks })),
    chosen.column?.sheet ?? null,
  );
  const errors = [...a.result.errors];
  for (const { cell, message } of [...chosen.conflicts, ...ranks.conflicts])
    errors.push({ sheet: cell.sheet, row: cell.row + 1, column: columnLetter(cell.col), message });
  const provinces = readings.map((p, i) => {
    const { values, totals: _t, ranks: _r, ...rest } = p;
    return {
      ...rest,
      publishedTotal: chosen.totals[i],
      publishedRank: ranks.ranks[i],
      components: [...p.components].sort((x, y) => (order.get(x.code) ?? 0) - (order.get(y.code) ?? 0)),
      computedTotal: Object.keys(values).length > 0 ? computeTotal(version, values).value : null,
    };
  });
  const complete = missingParts(
    version,
    a.result.year,
    provinces.map((p, i) => ({ ...p, values: readings[i].values })),
  );
  return { ...a.result, provinces, errors: [...errors, ...complete], notes: totalNotes(chosen) };
}

/** Says where the published total was read and which total columns of another kind were set aside. */
function totalNotes({ column, setAside }: ReturnType<typeof chooseTotals>): string[] {
  if (!column || setAside.length === 0) return [];
  const where = (c: { sheet: string; col: number }) => `trang “${c.sheet}” cột ${columnLetter(c.col)}`;
  return (["unweighted", "weighted"] as const).flatMap((kind) => {
    const of = setAside.filter((s) => s.kind === kind).map((s) => s.column);
    if (of.length === 0) return [];
    const listed = of.slice(0, 4).map(where).join(", ") + (of.length > 4 ? `, … (${of.length} cột)` : "");
    return [
      `Tổng điểm công bố lấy ở ${where(column)}; tổng điểm ${kind === "unweighted" ? "không" : "có"} trọng số ` +
        `ở ${listed} là cách tính khác, không nhập.`,
    ];
  });
}

// VCCI's English workbooks name the PCI bands in English; the product shows them as published in
// Vietnamese so that imported and typed results read alike.
const ENGLISH_BANDS: Record<string, string> = {
  excellent: "Rất tốt",
  "very good": "Rất tốt",
  high: "Tốt",
  good: "Tốt",
  "mid high": "Khá",
  "mid-high": "Khá",
  fair: "Khá",
  average: "Trung bình",
  "mid low": "Trung bình",
  "mid-low": "Trung bình",
  "relatively low": "Tương đối thấp",
  low: "Thấp",
};

export function bandInVietnamese(text: string): string {
  return ENGLISH_BANDS[text.toLowerCase().replace(/\s+/g, " ")] ?? text;
}
