import fs from "node:fs";
import { planDocumentPath } from "../../server/test/fixtures";
import { buildPlanPdf } from "../../server/test/pdf";
import { timeRuns } from "./timed";
import { authHeaders, type Scenario } from "./types";

const SEED_003 = planDocumentPath("003_384f955878bb2b4b.txt");

/** One multipart/form-data body with the file in the "file" field, as the browser sends it. */
function multipart({ fileName, data, type }: { fileName: string; data: Buffer; type: string }) {
  const boundary = `----chisobench${Date.now().toString(16)}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

function extractScenario({
  name,
  description,
  file,
  minTasks,
}: {
  name: string;
  description: string;
  file: () => { fileName: string; data: Buffer; type: string } | null;
  minTasks: number;
}): Scenario {
  return {
    kind: "timed",
    name,
    description,
    async measure({ baseUrl, sessions, serverCpuMs }) {
      const input = file();
      if (!input) throw new Error(`${name}: the input file is missing (${SEED_003})`);
      const { body, contentType } = multipart(input);
      return timeRuns({
        name,
        warmups: 1,
        runs: 3,
        serverCpuMs,
        prepare: async () => null,
        request: async () => {
          const res = await fetch(`${baseUrl}/api/plan-import/extract`, {
            method: "POST",
            headers: { ...authHeaders(sessions.coordinators[0]), "content-type": contentType },
            body,
          });
          const payload = (await res.json()) as { tasks?: unknown[] };
          const tasks = payload.tasks?.length ?? 0;
          return res.ok && tasks >= minTasks ? null : `${res.status}: ${tasks} tasks`;
        },
      });
    },
  };
}

/** Seed 003 (a real 150 KB plan with its task tables): read, extracted, resolved; nothing created. */
export const planExtractSeedScenario = extractScenario({
  name: "plan-extract",
  description: "POST /api/plan-import/extract of seed 003 (151 KB, 185 tasks), 3 times",
  file: () =>
    fs.existsSync(SEED_003)
      ? { fileName: "ke-hoach-107.txt", data: fs.readFileSync(SEED_003), type: "text/plain" }
      : null,
  minTasks: 150,
});

/** Seed 003 as officials hold it in Word (real tables, the Decree 30 letterhead; the measuring set's). */
const SEED_003_DOCX = new URL("../plan-import/forms/003.docx", import.meta.url);
export const planExtractDocxScenario = extractScenario({
  name: "plan-extract-docx",
  description: "POST /api/plan-import/extract of seed 003 as a Word file (real tables, 182 tasks), 3 times",
  file: () =>
    fs.existsSync(SEED_003_DOCX)
      ? {
          fileName: "ke-hoach-107.docx",
          data: fs.readFileSync(SEED_003_DOCX),
          type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        }
      : null,
  minTasks: 150,
});

/** A 100-page PDF whose pages are task tables (2,500 rows): issue 16's "100-page PDF plan". */
export const planExtractPdfScenario = extractScenario({
  name: "plan-extract-pdf",
  description: "POST /api/plan-import/extract of a 100-page PDF task table (2,500 rows), 3 times",
  file: () => ({
    fileName: "ke-hoach-100-trang.pdf",
    data: buildPlanPdf({ pages: 100 }),
    type: "application/pdf",
  }),
  minTasks: 2_000,
});
