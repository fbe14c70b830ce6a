/**
 * A plan of the measuring set as a neutral document (plans/<id>/document.json): the Decree 30
 * header, paragraphs, tables and task tables. render.ts writes it in the four forms officials hold.
 */
import fs from "node:fs";
import path from "node:path";

export interface TaskRow {
  /** The appendix section the row sits in ("II. CHỈ SỐ NĂNG LỰC CẠNH TRANH CẤP TỈNH (PCI)"). */
  section: string | null;
  /** STT of the component group, on the group's first row only. */
  stt: string;
  /** The component cell, merged over its group's rows in Word. */
  comp: string;
  task: string;
  lead: string;
  coord: string;
  result: string;
  deadline: string;
}

export type DocBlock =
  | { p: string; center?: boolean; bold?: boolean }
  | { table: string[][]; headerRows: number }
  | { tasks: TaskRow[] }
  | { closing: { left: string[]; right: string[] } }
  | { pageBreak: true };

export interface PlanDocument {
  header: { authority: string[]; number: string; placeDate: string };
  blocks: DocBlock[];
}

export const BENCH_DIR = path.dirname(new URL(import.meta.url).pathname);
export const PLANS_DIR = path.join(BENCH_DIR, "plans");

export function planIds(): string[] {
  return fs
    .readdirSync(PLANS_DIR)
    .filter((d) => fs.existsSync(path.join(PLANS_DIR, d, "truth.json")))
    .sort();
}

export function readDocument(id: string): PlanDocument {
  return JSON.parse(fs.readFileSync(path.join(PLANS_DIR, id, "document.json"), "utf8"));
}

/** Task tables have seven columns: the component column stays empty where the section has none. */
export const TASK_HEADER = [
  "STT",
  "Tiêu chí",
  "NHIỆM VỤ THỰC HIỆN",
  "CHỦ TRÌ",
  "PHỐI HỢP",
  "KẾT QUẢ ĐẠT ĐƯỢC",
  "THỜI GIAN HOÀN THÀNH",
];

export const taskCells = (r: TaskRow) => [r.stt, r.comp, r.task, r.lead, r.coord, r.result, r.deadline];

/** The section rows a task table shows between its rows ("II | CHỈ SỐ … (PCI)"). */
export function taskTableRows(rows: TaskRow[]): Array<{ section: string } | { row: TaskRow }> {
  const out: Array<{ section: string } | { row: TaskRow }> = [];
  let section: string | null = null;
  for (const row of rows) {
    if (row.section && row.section !== section) out.push({ section: row.section });
    section = row.section;
    out.push({ row });
  }
  return out;
}
