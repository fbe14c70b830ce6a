import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { deflatedZeros, excelBomb, wordBomb, zipOf } from "../../server/test/zip";
import { type LoadResult, runLoad } from "../load/run-load";
import { progress } from "../log";
import { meScenario } from "./me";
import { dashboardScenario } from "./reporting";
import { authHeaders, type LoadScenario, type Scenario, type ScenarioContext } from "./types";

const LOAD_SEC = 8;
const CONNECTIONS = 10;
/** The other users' p95 may grow at most this much while bombs are parsed, and the server stay under 1 GB. */
const MAX_SLOWDOWN = 1.5;
const MAX_RSS_MB = 1024;

/**
 * One person's unlucky uploads, one after another (the issue's case), until SIGTERM; prints how many
 * were answered and how many were not a 400 or 503. A flood from many clients is the per-address and
 * queue limits' business, not the parser's.
 */
const UPLOADER = `
import fs from "node:fs";
const files = JSON.parse(process.env.BOMB_FILES).map((f) => ({ ...f, body: fs.readFileSync(f.file) }));
const headers = JSON.parse(process.env.BOMB_HEADERS);
let uploads = 0, wrong = 0, stop = false;
process.on("SIGTERM", () => { stop = true; });
for (let i = 0; !stop; i++) {
  const f = files[i % files.length];
  try {
    const res = await fetch(process.env.BOMB_URL, { method: "POST", headers: { ...headers, "content-type": f.contentType }, body: f.body });
    await res.arrayBuffer();
    uploads++;
    if (res.status !== 400 && res.status !== 503) wrong++;
  } catch { wrong++; }
}
console.log(JSON.stringify({ uploads, wrong }));
`;

function multipart(fileName: string, data: Buffer) {
  const boundary = `----chisobomb${Date.now().toString(16)}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * Files that expand to 300 MB: an honest bomb (its directory says so: refused before parsing), and
 * one whose directory declares 100 kB per entry (the worker inflates up to the declared size).
 */
async function bombs() {
  const big = 300 * 1024 * 1024;
  const lying = zipOf([
    { name: "[Content_Types].xml", deflated: await deflatedZeros(8), uncompressedSize: 8 },
    { name: "xl/workbook.xml", deflated: await deflatedZeros(big), uncompressedSize: 100_000 },
  ]);
  return [
    multipart("bom.docx", await wordBomb(big)),
    multipart("bom.xlsx", await excelBomb(big)),
    multipart("bom-khai-sai.xlsx", lying),
  ];
}

async function loads(context: ScenarioContext) {
  const out: Array<LoadResult & { name: string }> = [];
  for (const scenario of [meScenario, dashboardScenario] as LoadScenario[]) {
    const result = await runLoad({
      baseUrl: context.baseUrl,
      requests: await scenario.requests(context),
      connections: CONNECTIONS,
      durationSec: LOAD_SEC,
    });
    out.push({ name: scenario.name, ...result });
  }
  return out;
}

/**
 * `upload-bomb`: `me` and `dashboard` under load, first alone, then while one uploader sends files
 * expanding to 300 MB to the plan import without pause. Prints both p95s and the server's peak RSS;
 * fails when a p95 grows past 1.5× or the server passes 1 GB.
 */
export const uploadBombScenario: Scenario = {
  kind: "timed",
  name: "upload-bomb",
  description: `me and dashboard p95 alone, then while 300 MB-expanding uploads are parsed (${CONNECTIONS} connections, ${LOAD_SEC} s each)`,
  async measure(context) {
    const files = await bombs();
    await loads(context); // warm-up
    const alone = await loads(context);
    let peakRss = context.serverRssMb() ?? 0;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, context.serverRssMb() ?? 0);
    }, 100);
    // The uploader is a process of its own, as a person on another computer would be: in the bench's
    // process its megabyte bodies delayed autocannon's own measurements.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chiso-bombs-"));
    const list = files.map((f, i) => {
      const file = path.join(dir, `bomb-${i}`);
      fs.writeFileSync(file, f.body);
      return { file, contentType: f.contentType };
    });
    const uploaderProcess = spawn(process.execPath, ["--input-type=module", "-e", UPLOADER], {
      env: {
        ...process.env,
        BOMB_URL: `${context.baseUrl}/api/plan-import/extract`,
        BOMB_HEADERS: JSON.stringify(authHeaders(context.sessions.coordinators[0])),
        BOMB_FILES: JSON.stringify(list),
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let answer = "";
    uploaderProcess.stdout?.on("data", (c: Buffer) => {
      answer += String(c);
    });
    const exited = new Promise<void>((resolve) => uploaderProcess.once("exit", () => resolve()));
    const withBombs = await loads(context);
    uploaderProcess.kill("SIGTERM");
    await exited;
    fs.rmSync(dir, { recursive: true, force: true });
    const counted = JSON.parse(answer.trim().split("\n").pop() || "{}") as {
      uploads?: number;
      wrong?: number;
    };
    const uploads = counted.uploads ?? 0;
    const wrong = counted.wrong ?? 0;
    clearInterval(sampler);
    peakRss = Math.max(peakRss, context.serverRssMb() ?? 0);
    const problems: string[] = [];
    for (let i = 0; i < alone.length; i++) {
      const ratio = withBombs[i].p95 / Math.max(1, alone[i].p95);
      progress(
        `upload-bomb: ${alone[i].name} p95 ${alone[i].p95} ms alone, ${withBombs[i].p95} ms with bombs (×${ratio.toFixed(2)}, at most ×${MAX_SLOWDOWN})`,
      );
      if (ratio > MAX_SLOWDOWN) problems.push(`${alone[i].name} p95 ×${ratio.toFixed(2)}`);
    }
    progress(
      `upload-bomb: ${uploads} uploads answered (${wrong} not 400/503); server peak RSS ${Math.round(peakRss)} MB (at most ${MAX_RSS_MB})`,
    );
    if (peakRss > MAX_RSS_MB) problems.push(`RSS ${Math.round(peakRss)} MB`);
    if (wrong) problems.push(`${wrong} uploads not refused`);
    if (problems.length) throw new Error(`upload-bomb: ${problems.join(", ")}`);
    // The figure kept in the report: `me` while the bombs were parsed.
    const { name: _name, ...me } = withBombs[0];
    return me;
  },
};
