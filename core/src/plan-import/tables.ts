/**
 * Tables: spans expanded to a grid, header rows found and their columns given roles by their words
 * (STT, nhiệm vụ, chủ trì, phối hợp, kết quả, thời hạn, ghi chú; or the columns of a targets table),
 * tables continued on the next page (repeated header) joined back.
 */
import { foldForMatch } from "../text/vietnamese";
import type { SourceRef, TableBlock } from "./model";

export const MAX_COLUMNS = 64;
export const MAX_ROWS = 20_000;
const MAX_SPAN = 2_000;

export interface GridCell {
  text: string;
  /** The cell is covered by a merge from the row above (its text is the origin's). */
  fromAbove: boolean;
  /** The cell is covered by a merge from the left (its text is the origin's). */
  fromLeft: boolean;
}

export interface GridRow {
  cells: GridCell[];
  source: SourceRef;
}

/** Expands row and column spans; bounded in rows, columns and spans whatever the input claims. */
export function toGrid(table: TableBlock): { rows: GridRow[]; truncated: boolean } {
  const rows: GridRow[] = [];
  const pending: Array<{ col: number; text: string; left: number; width: number }> = [];
  let truncated = false;
  for (let r = 0; r < table.rows.length; r++) {
    if (rows.length >= MAX_ROWS) {
      truncated = true;
      break;
    }
    const out: GridCell[] = [];
    const carried = pending.filter((p) => p.left > 0);
    let col = 0;
    const fillCarried = () => {
      for (;;) {
        const c = carried.find((p) => p.col === col);
        if (!c) return;
        for (let k = 0; k < c.width && out.length < MAX_COLUMNS; k++) {
          out.push({ text: c.text, fromAbove: true, fromLeft: k > 0 });
        }
        c.left--;
        col += c.width;
      }
    };
    for (const cell of table.rows[r]) {
      fillCarried();
      const width = clamp(cell.colSpan, 1, MAX_COLUMNS);
      const height = clamp(cell.rowSpan, 1, MAX_SPAN);
      if (out.length >= MAX_COLUMNS) {
        truncated = true;
        break;
      }
      for (let k = 0; k < width && out.length < MAX_COLUMNS; k++) {
        out.push({ text: cell.text ?? "", fromAbove: false, fromLeft: k > 0 });
      }
      if (height > 1) pending.push({ col, text: cell.text ?? "", left: height - 1, width });
      col += width;
    }
    fillCarried();
    // Spans that end at the right edge still cover cells the row did not list.
    for (const c of carried) {
      if (c.left > 0 && c.col >= col) {
        while (out.length < c.col && out.length < MAX_COLUMNS)
          out.push({ text: "", fromAbove: false, fromLeft: false });
        for (let k = 0; k < c.width && out.length < MAX_COLUMNS; k++) {
          out.push({ text: c.text, fromAbove: true, fromLeft: k > 0 });
        }
        c.left--;
      }
    }
    for (let i = pending.length - 1; i >= 0; i--) if (pending[i].left <= 0) pending.splice(i, 1);
    rows.push({ cells: out, source: table.rowSources?.[r] ?? table.source });
  }
  return { rows, truncated };
}

function clamp(n: number, min: number, max: number): number {
  return Number.isFinite(n) ? Math.max(min, Math.min(max, Math.floor(n))) : min;
}

export type ColumnRole =
  | "number"
  | "content"
  | "subsection"
  | "lead"
  | "coordinator"
  | "result"
  | "deadline"
  | "note"
  | "name"
  | "baseline"
  | "target"
  | "baselineRank"
  | "targetRank"
  | "unknown";

export interface TableLayout {
  kind: "tasks" | "targets" | "other";
  headerRows: number;
  roles: ColumnRole[];
  /** Words of the header, folded and joined, to recognise the same header repeated on the next page. */
  signature: string;
}

const has = (folded: string, ...words: string[]) =>
  words.some((w) => new RegExp(`(^| )${w}( |$)`).test(folded));

function roleOfTaskColumn(parent: string, sub: string): ColumnRole {
  const both = `${parent} ${sub}`.trim();
  if (has(sub, "chu tri")) return "lead";
  if (has(sub, "phoi hop")) return "coordinator";
  if (/^(stt|tt|so tt|so thu tu|thu tu)$/.test(both)) return "number";
  if (has(both, "phoi hop", "co quan phoi hop", "don vi phoi hop")) return "coordinator";
  if (
    has(
      both,
      "chu tri",
      "don vi thuc hien",
      "co quan thuc hien",
      "don vi chu tri",
      "trach nhiem thuc hien",
      "phan cong thuc hien",
      "phan cong",
      "co quan chu tri",
      "don vi",
      "trach nhiem",
    )
  )
    return "lead";
  if (has(both, "ket qua", "san pham", "ket qua dat duoc", "du kien san pham")) return "result";
  if (has(both, "thoi gian", "thoi han", "tien do", "han hoan thanh", "thoi diem")) return "deadline";
  if (has(both, "ghi chu")) return "note";
  if (has(both, "nhiem vu", "noi dung", "giai phap", "cong viec", "hoat dong", "ten nhiem vu"))
    return "content";
  return "unknown";
}

const YEAR = /(^| )(19|20)\d{2}( |$)/;

function roleOfTargetColumn(parent: string, sub: string): ColumnRole {
  const both = `${parent} ${sub}`.trim();
  if (/^(stt|tt|so tt)$/.test(both)) return "number";
  if (!YEAR.test(both) && has(both, "tieu chi", "linh vuc", "thanh phan", "ten chi so", "noi dung"))
    return "name";
  const isTarget = has(parent, "chi tieu", "muc tieu", "phan dau", "ke hoach", "du kien");
  const isRank = has(sub, "vi tri", "xep hang", "thu hang", "hang");
  if (isTarget) return isRank ? "targetRank" : "target";
  if (YEAR.test(parent) || has(parent, "hien trang", "thuc hien", "ket qua", "diem so", "nam truoc")) {
    return isRank ? "baselineRank" : "baseline";
  }
  if (
    has(both, "tieu chi", "chi so", "linh vuc", "noi dung", "thanh phan", "ten chi so", "chi tieu thanh phan")
  )
    return "name";
  return "unknown";
}

const HEADER_WORDS =
  /(^| )(stt|tt|nhiem vu|noi dung|chu tri|phoi hop|ket qua|san pham|thoi gian|thoi han|tien do|ghi chu|tieu chi|chi so|chi tieu|vi tri|diem|nam (19|20)\d\d|phan cong|don vi thuc hien|linh vuc|giai phap)( |$)/;

export function isHeaderLike(cells: string[]): boolean {
  const filled = cells.filter((c) => c.trim());
  if (!filled.length) return false;
  if (filled.some((c) => c.length > 80)) return false;
  // A numbered row is data ("1 Chi phí gia nhập thị trường 7,25 (Vị trí 11)"), even with header-like words.
  if (/^(\d{1,3}(\.\d{1,3})*\.?|[IVXLC]{1,6}\.?)$/.test((cells[0] ?? "").trim())) return false;
  return filled.some((c) => HEADER_WORDS.test(foldForMatch(c)));
}

/** Finds the header rows and the role of each column; "other" when the table is neither tasks nor targets. */
export function detectLayout(rows: GridRow[]): TableLayout {
  // A merged header cell (Word's gridSpan, vMerge) names its first column and row only; the cells it
  // covers read as empty, as a PDF or pasted table shows them: "NHIỆM VỤ" over two columns keeps its
  // sub-heading column, "STT" merged down two header rows stays "STT".
  const texts = rows.map((r) => r.cells.map((c) => (c.fromLeft || c.fromAbove ? "" : c.text)));
  let headerRows = 0;
  while (headerRows < Math.min(3, texts.length) && isHeaderLike(texts[headerRows])) headerRows++;
  if (headerRows === 0) return { kind: "other", headerRows: 0, roles: [], signature: "" };
  const width = Math.max(...texts.slice(0, headerRows).map((r) => r.length));
  const top = texts[0];
  const subs = texts.slice(1, headerRows);
  // A parent label spans the empty cells to its right that have sub-labels below them.
  const parents: string[] = [];
  for (let c = 0; c < width; c++) {
    const own = foldForMatch(top[c] ?? "");
    const sub = subs
      .map((r) => foldForMatch(r[c] ?? ""))
      .filter(Boolean)
      .join(" ");
    if (own) parents.push(own);
    else if (sub && c > 0) parents.push(parents[c - 1] ?? "");
    else parents.push("");
  }
  const subLabels = Array.from({ length: width }, (_, c) =>
    subs
      .map((r) => foldForMatch(r[c] ?? ""))
      .filter(Boolean)
      .join(" "),
  );
  const taskRoles = parents.map((p, c) => roleOfTaskColumn(p, subLabels[c]));
  const targetRoles = parents.map((p, c) => roleOfTargetColumn(p, subLabels[c]));
  const signature = [...top, ...subs.flat()].map((t) => foldForMatch(t)).join("|");
  const isTasks =
    taskRoles.includes("content") &&
    taskRoles.some((r) => r === "lead" || r === "deadline" || r === "result");
  const isTargets =
    !taskRoles.includes("lead") &&
    targetRoles.includes("target") &&
    (targetRoles.includes("name") || targetRoles.includes("baseline"));
  if (isTasks) {
    // An empty header column right after "nhiệm vụ" is the second half of a merged header cell: the
    // first half then holds the sub-heading (index component) merged down over its rows.
    const roles = [...taskRoles];
    for (let c = 1; c < roles.length; c++) {
      if (roles[c] === "unknown" && !parents[c] && !subLabels[c] && roles[c - 1] === "content") {
        roles[c - 1] = "subsection";
        roles[c] = "content";
      }
    }
    return { kind: "tasks", headerRows, roles: trimUnknownTail(roles), signature };
  }
  if (isTargets) {
    const roles = [...targetRoles];
    if (!roles.includes("name")) {
      const i = roles.indexOf("unknown");
      if (i >= 0) roles[i] = "name";
    }
    return { kind: "targets", headerRows, roles: trimUnknownTail(roles), signature };
  }
  return { kind: "other", headerRows, roles: [], signature };
}

function trimUnknownTail(roles: ColumnRole[]): ColumnRole[] {
  let end = roles.length;
  while (end > 0 && roles[end - 1] === "unknown") end--;
  return roles.slice(0, end);
}

/**
 * Places a row's cells under the header's roles. Text copied from PDF or Word sometimes has one
 * column more (a merged sub-heading split off) or a trailing empty cell; extra cells after the number
 * are sub-heading cells, trailing empty ones are dropped.
 */
export function alignRow(cells: GridCell[], roles: ColumnRole[]): Map<ColumnRole, GridCell[]> {
  let row = cells;
  const width = roles.length;
  if (row.length > width) {
    let end = row.length;
    while (end > width && !row[end - 1].text.trim()) end--;
    row = row.slice(0, end);
  }
  const out = new Map<ColumnRole, GridCell[]>();
  const add = (role: ColumnRole, cell: GridCell | undefined) => {
    if (!cell) return;
    const list = out.get(role) ?? [];
    list.push(cell);
    out.set(role, list);
  };
  if (row.length > width && roles[0] === "number") {
    const extra = row.length - width;
    add("number", row[0]);
    for (let k = 1; k <= extra; k++) add("subsection", row[k]);
    for (let c = 1; c < width; c++) add(roles[c], row[c + extra]);
    return out;
  }
  for (let c = 0; c < width; c++) add(roles[c], row[c]);
  return out;
}
