import { SCENARIO_PLAN_PREFIX } from "../generate/dataset";
import { FIXTURE_TASKS, fixtureGridRows } from "../generate/tasks";
import { progress } from "../log";
import { provinceDirectory, provinceOfCoordinator } from "./plans-common";
import { timeRuns } from "./timed";
import { authHeaders, type ScenarioContext, type TimedScenario } from "./types";

const WARMUP_RUNS = 1;
const TIMED_RUNS = 3;

const ISSUED = "2026-09-01";
/** Rows per PUT: under the server's request body limit. */
const BATCH_ROWS = 1_000;

/**
 * A draft plan of the coordinator's province with `tasks` generated tasks, made through the API
 * (POST /api/plans, PUT …/tasks), untimed; deleted again after the runs (and, if a run was cut short,
 * by dataset.ts before the next one).
 */
async function createDraft({
  context,
  tasks,
  title,
}: {
  context: ScenarioContext;
  tasks: number;
  title: string;
}) {
  const session = context.sessions.coordinators[0];
  const province = provinceOfCoordinator({ plan: context.plan, session });
  const dir = provinceDirectory({ plan: context.plan, provinceId: province.id });
  const headers = { ...authHeaders(session), "content-type": "application/json" };
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${context.baseUrl}${path}`, {
      method,
      headers: body === undefined ? authHeaders(session) : headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const payload = (await res.json()) as Record<string, unknown>;
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(payload).slice(0, 400)}`);
    return payload;
  };
  const created = (await call("POST", "/api/plans", {
    title: `${SCENARIO_PLAN_PREFIX}${title}`,
    number: "999/KH-UBND",
    issuedDate: ISSUED,
    ownerUnitId: dir.root.id,
    periodFrom: 2026,
    periodTo: 2030,
    place: dir.root.shortName ?? "",
    signerName: "Nguyễn Văn An",
    signerTitle: "CHỦ TỊCH",
    signerAuthority: "TM. ỦY BAN NHÂN DÂN",
    legalBases: ["Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ"],
    objectives: "Nâng cao các chỉ số cải cách hành chính của tỉnh.",
    implementation: "Các cơ quan, đơn vị, địa phương triển khai thực hiện.",
  })) as { plan: { id: string } };
  const id = created.plan.id;
  const rows = fixtureGridRows({ plan: context.plan, tasks, issuedDate: ISSUED });
  // Batches under the server's body limit; a task whose section went in an earlier batch names it by id.
  const sectionIds = new Map<string, string>();
  const titleOf = new Map(rows.filter((r) => r.kind === "section").map((r) => [r.key, r.content]));
  for (let i = 0; i < rows.length; i += BATCH_ROWS) {
    const batch = rows.slice(i, i + BATCH_ROWS);
    const keys = new Set(batch.map((r) => r.key));
    const body = batch.map((r) => {
      if (r.kind === "section" || !r.parentKey || keys.has(r.parentKey)) return r;
      const { parentKey, ...rest } = r;
      return { ...rest, parentId: sectionIds.get(titleOf.get(parentKey) ?? "") };
    });
    const grid = (await call("PUT", `/api/plans/${id}/tasks`, { rows: body })) as {
      rows: Array<{ id: string; kind: string; content: string }>;
    };
    for (const r of grid.rows) if (r.kind === "section") sectionIds.set(r.content, r.id);
  }
  return { id, remove: () => call("DELETE", `/api/plans/${id}`) };
}

/** GET of an exported document of a draft plan made for it, one request at a time. */
function exportScenario({
  name,
  file,
  tasks,
  title,
  contentType,
}: {
  name: string;
  file: string;
  tasks: number;
  title: string;
  contentType: string;
}): TimedScenario {
  return {
    kind: "timed",
    name,
    description: `GET /api/plans/:id/${file} of a ${tasks}-task plan, ${TIMED_RUNS} times`,
    async measure(context) {
      const { baseUrl, sessions, serverCpuMs } = context;
      const headers = authHeaders(sessions.coordinators[0]);
      const started = performance.now();
      const draft = await createDraft({ context, tasks, title });
      progress(
        `${name}: draft of ${tasks} tasks made through the API in ${Math.round(performance.now() - started)} ms`,
      );
      const planId = draft.id;
      try {
        return await timeRuns({
          name,
          warmups: WARMUP_RUNS,
          runs: TIMED_RUNS,
          serverCpuMs,
          prepare: async () => null,
          request: async () => {
            const res = await fetch(`${baseUrl}/api/plans/${planId}/${file}`, { headers });
            const body = Buffer.from(await res.arrayBuffer());
            if (!res.ok) return `${res.status} ${body.toString("utf8").slice(0, 300)}`;
            if (!res.headers.get("content-type")?.startsWith(contentType))
              return `content-type ${res.headers.get("content-type")}`;
            // Both are zip containers: "PK".
            if (body.length < 1000 || body[0] !== 0x50 || body[1] !== 0x4b)
              return `not a document (${body.length} bytes)`;
            progress(`${name}: ${Math.round(body.length / 1024)} KB`);
            return null;
          },
        });
      } finally {
        await draft.remove();
      }
    },
  };
}

export const tasksXlsxScenario = exportScenario({
  name: "tasks-xlsx",
  file: "tasks.xlsx",
  tasks: FIXTURE_TASKS.xlsx,
  title: "Kế hoạch tổng hợp nhiệm vụ cải cách hành chính giai đoạn 2026-2030",
  contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
});

export const planDocxScenario = exportScenario({
  name: "plan-docx",
  file: "plan.docx",
  tasks: FIXTURE_TASKS.docx,
  title: "Kế hoạch cải thiện, nâng cao các chỉ số cải cách hành chính năm 2026",
  contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
});
