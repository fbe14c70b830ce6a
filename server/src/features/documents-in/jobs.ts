/**
 * What a parse worker can do: each job reads bytes with an existing reader and returns plain data
 * (structured-cloneable) to the request's thread. Loaded only inside the worker.
 */
import type { DirectorySnapshot } from "../../../../core/src/plan-import/units";
import { readXlsxGrids } from "../indices/import/grid";
import { readXlsx as readUnitListXlsx } from "../org-units/import/unit-list.xlsx";
import { extractFromInput } from "../plan-import/plan-import.extract";
import { sniff } from "../plan-import/plan-import.readers";
import { workbookData } from "./workbook-snapshot";

export type Report = (done: number, total: number) => void;

export const jobs = {
  /** Plan import: a document (or pasted text) to the extracted plan. */
  planExtract: (
    input: { file?: { fileName: string; data: Uint8Array }; text?: string; snapshot: DirectorySnapshot },
    report: Report,
  ) => extractFromInput({ ...input, onProgress: report }),
  /** Index results import: every worksheet as a grid of plain cells. */
  indexGrids: (input: { data: Uint8Array }) => readXlsxGrids(input.data),
  /** Unit list import: every worksheet as plain rows. */
  unitListSheets: (input: { data: Uint8Array }) => readUnitListXlsx(input.data),
  /** Task table import: cell values and merged ranges of every worksheet. */
  taskWorkbook: (input: { data: Uint8Array }) => workbookData(input.data),
};

export type Jobs = typeof jobs;
export type JobName = keyof Jobs;
export type JobInput<K extends JobName> = Parameters<Jobs[K]>[0];
export type JobOutput<K extends JobName> = Awaited<ReturnType<Jobs[K]>>;

/** The bytes a job reads, for the zip checks and for naming the format in an error. */
export function jobBytes(name: JobName, input: unknown): Uint8Array | undefined {
  const i = input as { data?: Uint8Array; file?: { data: Uint8Array } };
  return name === "planExtract" ? i.file?.data : i.data;
}

/** The kind of document, in Vietnamese, for "Tệp … bị hỏng". */
export function documentKind(name: JobName, data: Uint8Array | undefined): string {
  if (name !== "planExtract") return "Excel";
  if (!data) return "văn bản";
  const kind = sniff(data);
  if (kind === "pdf") return "PDF";
  if (kind === "zip") {
    // Word's main part is named in the central directory near the end; Excel's workbook likewise.
    const tail = new TextDecoder("latin1").decode(data.subarray(Math.max(0, data.length - 65_536)));
    if (tail.includes("word/")) return "Word";
    if (tail.includes("xl/")) return "Excel";
    return "nén";
  }
  return "văn bản";
}
