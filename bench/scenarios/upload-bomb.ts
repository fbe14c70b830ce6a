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
    let stop = false;
    let uploads = 0;
    let wrong = 0;
    let peakRss = context.serverRssMb() ?? 0;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, context.serverRssMb() ?? 0);
    }, 100);
    const uploader = async (offset: number) => {
      for (let i = offset; !stop; i++) {
        const file = files[i % files.length];
        const res = await fetch(`${context.baseUrl}/api/plan-import/extract`, {
          method: "POST",
          headers: { ...authHeaders(context.sessions.coordinators[0]), "content-type": file.contentType },
          body: file.body,
        });
        await res.arrayBuffer();
        uploads++;
        if (res.status !== 400 && res.status !== 503) wrong++;
      }
    };
    // One person's unlucky uploads, one after another (the case); a flood of uploads from many
    // clients is the per-address and queue limits' business, not the parser's.
    const uploaders = [uploader(0)];
    const withBombs = await loads(context);
    stop = true;
    await Promise.all(uploaders);
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
