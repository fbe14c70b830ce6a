/**
 * A workbook read in the parse worker crosses to the request's thread as plain data (cell values
 * and merged ranges), and is read there through the few members of exceljs's API that the task
 * table import uses: worksheets by name, row and column counts, cells with value, address and merge
 * master. A merged cell other than its master shows the master's value, as in exceljs.
 */
import ExcelJS from "exceljs";

export interface SheetData {
  name: string;
  rowCount: number;
  columnCount: number;
  /** [row, column, value] of every non-empty cell that is not covered by a merge, 1-based. */
  cells: Array<[number, number, unknown]>;
  merges: string[];
}

/** In the worker: the workbook as plain data. */
export async function workbookData(data: Uint8Array): Promise<SheetData[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(data.buffer, data.byteOffset, data.byteLength) as never);
  return workbook.worksheets.map((ws) => {
    const cells: SheetData["cells"] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        if (cell.value !== null && cell.value !== undefined) cells.push([r, c, cell.value]);
      });
    });
    return {
      name: ws.name,
      rowCount: ws.rowCount,
      columnCount: ws.columnCount,
      cells,
      merges: (ws.model as unknown as { merges?: string[] }).merges ?? [],
    };
  });
}

export interface SnapshotCell {
  readonly address: string;
  readonly row: number;
  readonly col: number;
  readonly value: unknown;
  readonly isMerged: boolean;
  readonly master: SnapshotCell;
}

const letters = (n: number) => {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};
const position = (ref: string) => {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref.toUpperCase()) ?? ["", "A", "1"];
  return { row: Number(m[2]), col: [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) };
};

export class SheetSnapshot {
  readonly name: string;
  readonly rowCount: number;
  readonly columnCount: number;
  private readonly values = new Map<string, unknown>();
  /** For each cell inside a merged range: its master's row and column. */
  private readonly masters = new Map<string, { row: number; col: number }>();

  constructor(data: SheetData) {
    this.name = data.name;
    this.rowCount = data.rowCount;
    this.columnCount = data.columnCount;
    for (const [r, c, v] of data.cells) this.values.set(`${r},${c}`, v);
    for (const range of data.merges) {
      const [a, b = a] = range.split(":");
      const s = position(a);
      const e = position(b);
      // A damaged file can declare any range: past 100,000 cells, the rest is not marked merged.
      if ((e.row - s.row + 1) * (e.col - s.col + 1) > 100_000) continue;
      for (let y = s.row; y <= e.row; y++)
        for (let x = s.col; x <= e.col; x++) this.masters.set(`${y},${x}`, { row: s.row, col: s.col });
    }
  }

  getCell(row: number, col: number): SnapshotCell {
    const master = this.masters.get(`${row},${col}`);
    const sheet = this;
    const isMaster = !master || (master.row === row && master.col === col);
    return {
      address: `${letters(col)}${row}`,
      row,
      col,
      isMerged: !!master,
      get value() {
        return isMaster
          ? (sheet.values.get(`${row},${col}`) ?? null)
          : sheet.getCell(master.row, master.col).value;
      },
      get master() {
        return isMaster ? this : sheet.getCell(master!.row, master!.col);
      },
    };
  }

  getRow(row: number) {
    return { getCell: (col: number) => this.getCell(row, col) };
  }
}

export class WorkbookSnapshot {
  readonly worksheets: SheetSnapshot[];
  constructor(sheets: SheetData[]) {
    this.worksheets = sheets.map((s) => new SheetSnapshot(s));
  }
  getWorksheet(name: string): SheetSnapshot | undefined {
    return this.worksheets.find((w) => w.name === name);
  }
}
