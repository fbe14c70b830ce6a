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
 * One person's unlucky uploads, one after another (the case), until SIGTERM; prints how many
 * were answered, by status, and how many were not a 400, 429 (the per-account upload limit) or 503.
 * BOMB_FLOOD=1: a script that ignores 429 and sends again at once, as no person or browser does.
 * Otherwise a refusal for the limit is honoured for the seconds its Retry-After says.
 */
const UPLOADER = `
import fs from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
const files = JSON.parse(process.env.BOMB_FILES).map((f) => ({ ...f, body: fs.readFileSync(f.file) }));
const headers = JSON.parse(process.env.BOMB_HEADERS);
const flood = process.env.BOMB_FLOOD === "1";
let uploads = 0, wrong = 0, stop = false;
const statuses = {};
const stopped = new AbortController();
process.on("SIGTERM", () => { stop = true; stopped.abort(); });
for (let i = 0; !stop; i++) {
  const f = files[i % files.length];
  let wait = 0;
  try {
    const res = await fetch(process.env.BOMB_URL, { method: "POST", headers: { ...headers, "content-type": f.contentType }, body: f.body });
    await res.arrayBuffer();
    uploads++;
    statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    if (![400, 429, 503].includes(res.status)) wrong++;
    if (res.status === 429 && !flood) wait = Number(res.headers.get("retry-after") ?? 1) * 1000;
  } catch (error) {
    const key = String(error.cause?.code ?? error.message);
    wrong++;
    statuses[key] = (statuses[key] ?? 0) + 1;
  }
  if (wait) await sleep(wait, null, { signal: stopped.signal }).catch(() => {});
}
const cpu = process.cpuUsage();
console.log(JSON.stringify({ uploads, wrong, statuses, cpuMs: Math.round((cpu.user + cpu.system) / 1000) }));
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

interface UploaderCount {
  uploads?: number;
  wrong?: number;
  statuses?: Record<string, number>;
  cpuMs?: number;
}

/**
 * `me` and `dashboard` under load while an uploader process sends the bombs to plan import. The
 * uploader is a process of its own, as a person on another computer would be: in the bench's
 * process its megabyte bodies delayed autocannon's own measurements.
 */
async function loadsWhileUploading(
  context: ScenarioContext,
  files: Array<{ file: string; contentType: string }>,
  flood: boolean,
) {
  const uploaderProcess = spawn(process.execPath, ["--input-type=module", "-e", UPLOADER], {
    env: {
      ...process.env,
      BOMB_URL: `${context.baseUrl}/api/plan-import/extract`,
      BOMB_HEADERS: JSON.stringify(authHeaders(context.sessions.coordinators[0])),
      BOMB_FILES: JSON.stringify(files),
      BOMB_FLOOD: flood ? "1" : "0",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let answer = "";
  uploaderProcess.stdout?.on("data", (c: Buffer) => {
    answer += String(c);
  });
  const exited = new Promise<void>((resolve) => uploaderProcess.once("exit", () => resolve()));
  const cpu0 = context.serverCpuMs();
  const results = await loads(context);
  const serverCpuMs = context.serverCpuMs() - cpu0;
  uploaderProcess.kill("SIGTERM");
  await exited;
  const counted = JSON.parse(answer.trim().split("\n").pop() || "{}") as UploaderCount;
  return { results, serverCpuMs, counted };
}

/**
 * `upload-bomb`: `me` and `dashboard` under load, first alone, then while one person sends files
 * expanding to 300 MB to the plan import one after another (honouring the upload limit's 429), then
 * while a script floods them ignoring 429. Prints the p95s and the server's peak RSS; fails when a
 * p95 with the person's uploads grows past 1.5×, an upload is answered other than 400/429/503, or the
 * server passes 1 GB.
 */
export const uploadBombScenario: Scenario = {
  kind: "timed",
  name: "upload-bomb",
  description: `me and dashboard p95 alone, then while 300 MB-expanding uploads are parsed, then under an upload flood (${CONNECTIONS} connections, ${LOAD_SEC} s each)`,
  async measure(context) {
    const bodies = await bombs();
    await loads(context); // warm-up
    const cpu0 = context.serverCpuMs();
    const alone = await loads(context);
    const serverCpuAlone = context.serverCpuMs() - cpu0;
    let peakRss = context.serverRssMb() ?? 0;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, context.serverRssMb() ?? 0);
    }, 100);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chiso-bombs-"));
    const files = bodies.map((f, i) => {
      const file = path.join(dir, `bomb-${i}`);
      fs.writeFileSync(file, f.body);
      return { file, contentType: f.contentType };
    });
    const person = await loadsWhileUploading(context, files, false);
    // The same without honouring the limit: reported, not judged. What remains of its cost is
    // receiving megabyte bodies that are refused at once, as on any route, and the uploader's own
    // CPU on the same machine; a flood is for the per-address limits and a proxy in front.
    const flood = await loadsWhileUploading(context, files, true);
    fs.rmSync(dir, { recursive: true, force: true });
    clearInterval(sampler);
    peakRss = Math.max(peakRss, context.serverRssMb() ?? 0);
    const problems: string[] = [];
    for (let i = 0; i < alone.length; i++) {
      const ratio = person.results[i].p95 / Math.max(1, alone[i].p95);
      const floodRatio = flood.results[i].p95 / Math.max(1, alone[i].p95);
      progress(
        `upload-bomb: ${alone[i].name} p95 ${alone[i].p95} ms alone, ${person.results[i].p95} ms with bombs (×${ratio.toFixed(2)}, at most ×${MAX_SLOWDOWN}); ${flood.results[i].p95} ms with a flood ignoring 429 (×${floodRatio.toFixed(2)}, not judged)`,
      );
      if (ratio > MAX_SLOWDOWN) problems.push(`${alone[i].name} p95 ×${ratio.toFixed(2)}`);
    }
    for (const [label, run] of [
      ["with bombs", person],
      ["flood", flood],
    ] as const) {
      const { uploads = 0, wrong = 0, statuses = {}, cpuMs } = run.counted;
      progress(
        `upload-bomb (${label}): ${uploads} uploads answered (${wrong} not 400/429/503; by answer ${JSON.stringify(statuses)}); CPU ms: server ${run.serverCpuMs} (${serverCpuAlone} alone), uploader ${cpuMs}`,
      );
      if (wrong) problems.push(`${label}: ${wrong} uploads not refused`);
    }
    progress(`upload-bomb: server peak RSS ${Math.round(peakRss)} MB (at most ${MAX_RSS_MB})`);
    if (peakRss > MAX_RSS_MB) problems.push(`RSS ${Math.round(peakRss)} MB`);
    if (problems.length) throw new Error(`upload-bomb: ${problems.join(", ")}`);
    // The figure kept in the report: `me` while the bombs were parsed.
    const { name: _name, ...me } = person.results[0];
    return me;
  },
};
