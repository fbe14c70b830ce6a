/** The task table import's workbook, read in a parse worker (see parse-pool.ts). */
import { AppError } from "../../app/errors";
import { runParseJob } from "./parse-pool";
import { WorkbookSnapshot } from "./workbook-snapshot";

/**
 * The workbook, or `{ fatal }` with the Vietnamese reason when the file cannot be read: a damaged
 * file keeps the import's own message, a limit (size, time, memory) names itself. Busy is thrown (503).
 */
export async function readTaskWorkbook(data: Uint8Array): Promise<WorkbookSnapshot | { fatal: string }> {
  try {
    return new WorkbookSnapshot(await runParseJob("taskWorkbook", { data }));
  } catch (error) {
    if (!(error instanceof AppError) || error.status !== 400) throw error;
    return {
      fatal: error.code === "upload.damaged" ? "Tệp không phải là bảng tính XLSX hợp lệ." : error.message,
    };
  }
}
