/**
 * Entry of a parse worker, a child process (features/documents-in/parse-pool.ts forks it). Bundled by
 * scripts/build-server.mjs as server/dist/parse-worker.js; run from sources through tsx.
 */
import { AppError } from "../../app/errors";
import { documentKind, type JobName, jobBytes, jobs } from "./jobs";
import { isZip, readCentralDirectory, verifyZipEntries } from "./zip-limits";

export interface JobRequest {
  id: number;
  name: JobName;
  input: unknown;
}

export type JobMessage =
  | { id: number; type: "progress"; done: number; total: number }
  | { id: number; type: "done"; result: unknown }
  | { id: number; type: "failed"; status: number; code: string; message: string };

/** What went wrong, in words a person can act on; library messages are English and internal. */
function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof RangeError && /code point/i.test(message))
    return "có tham chiếu ký tự nằm ngoài bảng mã Unicode";
  if (/zip|inflate|deflate|compress|crc|end of data|corrupt/i.test(message)) return "nội dung nén bị hỏng";
  if (/xml|sax|tag|attribute|entity|unexpected/i.test(message)) return "nội dung XML không hợp lệ";
  if (/pdf|xref|stream|page|font|dictionary|object/i.test(message)) return "cấu trúc PDF không hợp lệ";
  return "không đọc được nội dung";
}

const send = process.send?.bind(process);
if (send) {
  // The server ended (or was killed): nothing is left to parse for.
  process.on("disconnect", () => process.exit(0));
  process.on("message", async ({ id, name, input }: JobRequest) => {
    const reply = (message: JobMessage) => send(message);
    const data = jobBytes(name, input);
    try {
      if (data && isZip(data)) verifyZipEntries(data, readCentralDirectory(data));
      const job = jobs[name] as (
        input: unknown,
        report: (done: number, total: number) => void,
      ) => Promise<unknown>;
      const result = await job(input, (done, total) => reply({ id, type: "progress", done, total }));
      reply({ id, type: "done", result });
    } catch (error) {
      if (error instanceof AppError)
        reply({ id, type: "failed", status: error.status, code: error.code, message: error.message });
      else
        reply({
          id,
          type: "failed",
          status: 400,
          code: "upload.damaged",
          message: `Tệp ${documentKind(name, data)} bị hỏng: ${reason(error)}.`,
        });
    }
  });
}
