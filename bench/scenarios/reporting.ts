import { SCENARIO_PLAN_PREFIX } from "../generate/dataset";
import { createRandom } from "../generate/random";
import { CURRENT_PERIOD, REPORTING_PERIODS } from "../generate/reporting";
import { TASK_ACTIONS, TASK_OUTPUTS, TASK_SECTIONS } from "../generate/task-phrases";
import { progress } from "../log";
import type { Session } from "../server/session";
import { firstReadsScenario } from "./first-reads";
import { provinceDirectory, provinceOfCoordinator } from "./plans-common";
import { timeRuns } from "./timed";
import {
  authHeaders,
  rotate,
  rotating,
  type Scenario,
  type ScenarioContext,
  type TimedScenario,
} from "./types";

/** Officers signed in for report-open and entry-save: each reads and writes its own unit's reports. */
const OFFICERS = 24;
/** Entries saved in turn: ten times the requests in flight, so an entry's last save has answered. */
const MIN_ENTRIES = 500;

interface ReportSummary {
  id: string;
  unitId: string;
  periodKey: string;
  state: string;
}
interface ReportDetail {
  id: string;
  can: { edit: boolean };
  entries: Array<{ id: string; status: string; version: number }>;
}

async function getJson<T>({ baseUrl, session, path }: { baseUrl: string; session: Session; path: string }) {
  const res = await fetch(`${baseUrl}${path}`, { headers: authHeaders(session) });
  const text = await res.text();
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

/**
 * The generated obligations (one monthly obligation per plan of the coordinator's province) and, per
 * unit, its reports; officers of units that report, signed in. Read through the API once per run.
 */
let fixture: Promise<{
  coordinator: Session;
  obligations: string[];
  officers: Array<{ session: Session; reports: ReportSummary[] }>;
}> | null = null;

function reportingFixture(context: ScenarioContext) {
  fixture ??= (async () => {
    const { baseUrl, plan } = context;
    const coordinator = context.sessions.coordinators[0];
    const province = provinceOfCoordinator({ plan, session: coordinator });
    const plans = await getJson<{ plans: Array<{ id: string; title: string }> }>({
      baseUrl,
      session: coordinator,
      path: "/api/plans?pageSize=200",
    });
    const obligations: string[] = [];
    for (const p of plans.plans) {
      if (p.title.startsWith(SCENARIO_PLAN_PREFIX)) continue;
      const list = await getJson<{ obligations: Array<{ id: string }> }>({
        baseUrl,
        session: coordinator,
        path: `/api/plans/${p.id}/reporting-obligations`,
      });
      obligations.push(...list.obligations.map((o) => o.id));
    }
    if (!obligations.length) throw new Error("no reporting obligations: the data set has no reporting data");
    // Reports by unit, over every obligation and period.
    const byUnit = new Map<string, ReportSummary[]>();
    for (const obligationId of obligations) {
      const list = await getJson<{ reports: ReportSummary[] }>({
        baseUrl,
        session: coordinator,
        path: `/api/reports?obligationId=${obligationId}`,
      });
      for (const r of list.reports) byUnit.set(r.unitId, [...(byUnit.get(r.unitId) ?? []), r]);
    }
    // One officer per reporting unit, communes and departments alike, up to OFFICERS.
    const seen = new Set<string>();
    const picked = plan.users.filter((u) => {
      if (!u.roles.includes("officer") || !byUnit.has(u.unitId) || seen.has(u.unitId)) return false;
      const unit = plan.units.find((x) => x.id === u.unitId);
      if (unit?.provinceId !== province.id) return false;
      seen.add(u.unitId);
      return true;
    });
    const officers = [];
    for (const u of picked.slice(0, OFFICERS))
      officers.push({ session: await context.login(u.username), reports: byUnit.get(u.unitId) ?? [] });
    progress(
      `reporting: ${obligations.length} obligations, ${[...byUnit.values()].reduce((n, r) => n + r.length, 0)} reports of ${byUnit.size} units; ${officers.length} officers signed in`,
    );
    return { coordinator, obligations, officers };
  })();
  return fixture;
}

/** GET /api/reporting/dashboard as coordinators: every obligation, current and past periods. */
export const dashboardScenario: Scenario = {
  name: "dashboard",
  description:
    "GET /api/reporting/dashboard?obligationId&periodKey as coordinators (20 obligations × 4 periods)",
  requests: async (context) => rotating(await dashboardReads(context)),
  // Answers are kept per reports revision: bumped before each cold request.
  cold: { revisions: ["reports"], reads: dashboardReads },
};

async function dashboardReads(context: ScenarioContext) {
  const { obligations } = await reportingFixture(context);
  const periods = [CURRENT_PERIOD, REPORTING_PERIODS[10], REPORTING_PERIODS[6], REPORTING_PERIODS[0]];
  const sessions = context.sessions.coordinators.filter(
    (s) => provinceOfCoordinator({ plan: context.plan, session: s }).id === context.plan.provinces[0].id,
  );
  return obligations.flatMap((o, i) =>
    periods.map((p, k) => ({
      session: sessions[(i + k) % sessions.length],
      path: `/api/reporting/dashboard?obligationId=${o}&periodKey=${p}`,
    })),
  );
}

/** GET /api/reporting/dashboard/task: from the dashboard's overdue list to a task across its units. */
export const dashboardTaskScenario: Scenario = {
  name: "dashboard-task",
  description:
    "GET /api/reporting/dashboard/task as coordinators (overdue tasks of the current period, first page)",
  requests: async (context) => rotating(await dashboardTaskReads(context)),
  // Not kept in memory: every request is cold.
  cold: { revisions: [], reads: dashboardTaskReads },
};

async function dashboardTaskReads(context: ScenarioContext) {
  const { obligations, coordinator } = await reportingFixture(context);
  const pairs: Array<{ session: Session; path: string }> = [];
  for (const o of obligations) {
    const d = await getJson<{ items: Array<{ taskId: string }> }>({
      baseUrl: context.baseUrl,
      session: coordinator,
      path: `/api/reporting/dashboard/overdue-tasks?obligationId=${o}&periodKey=${CURRENT_PERIOD}&pageSize=50`,
    });
    for (const taskId of [...new Set(d.items.map((t) => t.taskId))].slice(0, 10))
      pairs.push({
        session: coordinator,
        path: `/api/reporting/dashboard/task?obligationId=${o}&periodKey=${CURRENT_PERIOD}&taskId=${taskId}&pageSize=20`,
      });
  }
  if (!pairs.length) throw new Error("dashboard-task: no overdue task in the current period");
  return pairs;
}

/** The dashboard for obligations and periods the load scenario leaves out. */
export const dashboardFirstScenario = firstReadsScenario({
  name: "dashboard-first",
  description: "GET /api/reporting/dashboard",
  async reads(context) {
    const { obligations, coordinator } = await reportingFixture(context);
    const periods = REPORTING_PERIODS.filter((_, i) => i >= 1 && i <= 5);
    return periods.flatMap((p) =>
      obligations.map((o) => ({
        session: coordinator,
        path: `/api/reporting/dashboard?obligationId=${o}&periodKey=${p}`,
      })),
    );
  },
});

/** GET /api/reports/:id as unit officers, rotating over their reports of every period. */
export const reportOpenScenario: Scenario = {
  name: "report-open",
  description: "GET /api/reports/:id as unit officers (own unit's reports, all obligations and periods)",
  requests: async (context) => rotating(await reportReads(context)),
  // Not kept in memory: every request is cold.
  cold: { revisions: [], reads: reportReads },
};

async function reportReads(context: ScenarioContext) {
  const { officers } = await reportingFixture(context);
  const pairs = officers.flatMap(({ session, reports }) =>
    reports.map((r) => ({ session, path: `/api/reports/${r.id}` })),
  );
  // Interleave the officers rather than one unit's reports in a row.
  const random = createRandom(20_261_122);
  for (let i = pairs.length - 1; i > 0; i--) {
    const j = random.int({ min: 0, max: i });
    [pairs[i], pairs[j]] = [pairs[j], pairs[i]];
  }
  return pairs;
}

/**
 * PATCH /api/report-entries/:id as unit officers on their current drafts, with the entry's current
 * version: read once, then taken from each response. Entries are saved in turn over a pool far larger
 * than the requests in flight, so no request races another on the same entry; a 409 is an error.
 */
export const entrySaveScenario: Scenario = {
  name: "entry-save",
  description:
    "PATCH /api/report-entries/:id (progress, narrative) with the current version, as unit officers",
  async requests(context) {
    const { officers } = await reportingFixture(context);
    const entries: Array<{ session: Session; id: string }> = [];
    const versions = new Map<string, number>();
    for (const { session, reports } of officers) {
      for (const r of reports.filter((x) => x.periodKey === CURRENT_PERIOD && x.state === "draft")) {
        const { report } = await getJson<{ report: ReportDetail }>({
          baseUrl: context.baseUrl,
          session,
          path: `/api/reports/${r.id}`,
        });
        if (!report.can.edit) continue;
        for (const e of report.entries) {
          if (e.status.startsWith("completed")) continue;
          entries.push({ session, id: e.id });
          versions.set(e.id, e.version);
        }
      }
    }
    progress(`entry-save: ${entries.length} editable entries of ${officers.length} officers`);
    if (entries.length < MIN_ENTRIES)
      progress(
        `entry-save: fewer than ${MIN_ENTRIES} entries; an entry may be saved again before its answer`,
      );
    const random = createRandom(20_261_123);
    for (let i = entries.length - 1; i > 0; i--) {
      const j = random.int({ min: 0, max: i });
      [entries[i], entries[j]] = [entries[j], entries[i]];
    }
    const next = rotate(entries);
    // Entries whose last save has not been answered: autocannon drops the answers in flight when a
    // run (the warm-up) ends, and saving such an entry again would send a stale version.
    const unanswered = new Set<string>();
    let n = 0;
    return [
      {
        method: "PATCH",
        path: `/api/report-entries/${entries[0].id}`,
        setupRequest: (request, context) => {
          let entry = next();
          for (let k = 0; unanswered.has(entry.id) && k < entries.length; k++) entry = next();
          unanswered.add(entry.id);
          (context as { entryId?: string }).entryId = entry.id;
          n++;
          return {
            ...request,
            path: `/api/report-entries/${entry.id}`,
            headers: { ...authHeaders(entry.session), "content-type": "application/json" },
            body: JSON.stringify({
              version: versions.get(entry.id),
              progress: n % 100,
              narrative: `Đã triển khai, cập nhật lần ${n}: hoàn thành ${n % 100}% khối lượng công việc.`,
            }),
          };
        },
        onResponse: (status, body, context) => {
          unanswered.delete((context as { entryId?: string }).entryId ?? "");
          if (status !== 200) return;
          const { entry } = JSON.parse(body) as { entry: { id: string; version: number } };
          versions.set(entry.id, entry.version);
        },
      },
    ];
  },
};

const DOCX_TASKS = 500;
const DOCX_SECTIONS = 5;
const DOCX_ISSUED = "2026-11-02";
const DOCX_TIMED_RUNS = 3;

/**
 * POST /api/reporting/consolidated.docx of a 500-task plan led by the ~250-unit group, for its open
 * month. Untimed first, through the API: the draft (POST /api/plans, PUT …/tasks), its issue, a
 * monthly obligation and the period opened (~125,000 entries). The plan stays until the next run
 * (dataset.ts removes [bench] plans, their obligations and reports with them).
 */
export const consolidatedDocxScenario: TimedScenario = {
  kind: "timed",
  name: "consolidated-docx",
  description: `POST /api/reporting/consolidated.docx of a ${DOCX_TASKS}-task, ~250-unit plan for one month, ${DOCX_TIMED_RUNS} times`,
  async measure({ baseUrl, plan, sessions, serverCpuMs }) {
    const session = sessions.coordinators[0];
    const province = provinceOfCoordinator({ plan, session });
    const dir = provinceDirectory({ plan, provinceId: province.id });
    const headers = { ...authHeaders(session), "content-type": "application/json" };
    const call = async <T>(method: string, path: string, body: unknown) => {
      const res = await fetch(`${baseUrl}${path}`, { method, headers, body: JSON.stringify(body) });
      const payload = (await res.json()) as T;
      if (!res.ok)
        throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(payload).slice(0, 400)}`);
      return payload;
    };
    const started = performance.now();
    const created = await call<{ plan: { id: string } }>("POST", "/api/plans", {
      title: `${SCENARIO_PLAN_PREFIX}Kế hoạch thực hiện nhiệm vụ cải cách hành chính tháng 11/2026`,
      number: "950/KH-UBND",
      issuedDate: DOCX_ISSUED,
      ownerUnitId: dir.root.id,
      periodFrom: 2026,
      periodTo: 2027,
    });
    const planId = created.plan.id;
    const random = createRandom(20_261_124);
    const rows: Array<Record<string, unknown>> = [];
    for (let s = 0; s < DOCX_SECTIONS; s++) {
      const section = TASK_SECTIONS[s];
      rows.push({ key: `s${s}`, kind: "section", content: section.title });
      for (let i = 0; i < DOCX_TASKS / DOCX_SECTIONS; i++)
        rows.push({
          key: `t${s}.${i}`,
          parentKey: `s${s}`,
          kind: "task",
          content: `${random.pick(TASK_ACTIONS)} ${random.pick(section.objects)} (nhiệm vụ ${s + 1}.${i + 1}).`,
          expectedOutput: random.pick(TASK_OUTPUTS),
          deadlineText: "Trước ngày 31/12/2026",
          leads: [{ groupId: dir.wideGroup.id }],
          coordinators: [{ unitId: dir.snv.id }],
        });
    }
    const grid = await call<{ problems: unknown[] }>("PUT", `/api/plans/${planId}/tasks`, { rows });
    if (grid.problems.length)
      throw new Error(`the draft has problems: ${JSON.stringify(grid.problems).slice(0, 400)}`);
    const issued = await call<{ assignmentsCreated: number }>("POST", `/api/plans/${planId}/issue`, {});
    const { obligation } = await call<{ obligation: { id: string } }>(
      "POST",
      `/api/plans/${planId}/reporting-obligations`,
      {
        title: "Báo cáo tháng tình hình thực hiện kế hoạch",
        frequency: "monthly",
        dueRule: { kind: "dayOfLastMonth", day: 25 },
        receivingUnitId: dir.snv.id,
      },
    );
    const opened = await call<{ reportsCreated: number; entriesCreated: number }>(
      "POST",
      `/api/reporting-obligations/${obligation.id}/periods`,
      { periodKey: CURRENT_PERIOD },
    );
    progress(
      `consolidated-docx: plan issued (${issued.assignmentsCreated} assignments), ${CURRENT_PERIOD} opened: ${opened.reportsCreated} reports, ${opened.entriesCreated} entries, in ${Math.round(performance.now() - started)} ms (untimed)`,
    );
    const body = JSON.stringify({ obligationId: obligation.id, periodKey: CURRENT_PERIOD });
    return timeRuns({
      name: "consolidated-docx",
      warmups: 1,
      runs: DOCX_TIMED_RUNS,
      serverCpuMs,
      prepare: async () => null,
      request: async () => {
        const res = await fetch(`${baseUrl}/api/reporting/consolidated.docx`, {
          method: "POST",
          headers,
          body,
        });
        const data = Buffer.from(await res.arrayBuffer());
        if (!res.ok) return `${res.status} ${data.toString("utf8").slice(0, 300)}`;
        if (data.length < 1000 || data[0] !== 0x50 || data[1] !== 0x4b)
          return `not a document (${data.length} bytes)`;
        progress(`consolidated-docx: ${Math.round(data.length / 1024)} KB`);
        return null;
      },
    });
  },
};
