import { usernameOf } from "../accounts";
import { SCENARIO_PLAN_PREFIX } from "../generate/dataset";
import { createRandom } from "../generate/random";
import { TASK_ACTIONS, TASK_OUTPUTS, TASK_SECTIONS } from "../generate/task-phrases";
import { parsedDeadline } from "../generate/tasks";
import { progress } from "../log";
import { provinceDirectory } from "./plans-common";
import { timeRuns } from "./timed";
import { authHeaders, type TimedScenario } from "./types";

const TASKS = 300;
const SECTIONS = 3;
const WARMUP_RUNS = 1;
const TIMED_RUNS = 3;
const ISSUED = "2026-11-02";
const DEADLINES = ["Trước ngày 31/12/2026", "Thường xuyên", "Quý I/2027", "Tháng 06/2027 và Tháng 12/2027"];

/** The grid rows of a fresh draft: 3 sections of 100 tasks, each led by the ~250-unit group. */
function taskRows({ wideGroupId, snvId }: { wideGroupId: string; snvId: string }) {
  const random = createRandom(20_250_900);
  const rows: Array<Record<string, unknown>> = [];
  for (let s = 0; s < SECTIONS; s++) {
    const section = TASK_SECTIONS[s];
    rows.push({ key: `s${s}`, kind: "section", content: section.title });
    for (let i = 0; i < TASKS / SECTIONS; i++) {
      const deadlineText = DEADLINES[(s + i) % DEADLINES.length];
      parsedDeadline(deadlineText, ISSUED); // refused at issue if not understood: fail early here
      rows.push({
        key: `t${s}.${i}`,
        parentKey: `s${s}`,
        kind: "task",
        content: `${random.pick(TASK_ACTIONS)} ${random.pick(section.objects)} (nhiệm vụ ${s + 1}.${i + 1}).`,
        expectedOutput: random.pick(TASK_OUTPUTS),
        deadlineText,
        leads: [{ groupId: wideGroupId }],
        coordinators: [{ unitId: snvId }],
      });
    }
  }
  return rows;
}

/**
 * POST /api/plans/:id/issue of a fresh 300-task draft whose tasks are led by a group that expands to
 * about 250 units (departments with their divisions, central agencies, communes): ~75,000 assignments.
 * Each run first creates the draft through the API (POST /api/plans, PUT …/tasks), untimed.
 * The plans stay until the next run starts (dataset.ts removes them before the server starts).
 */
export const planIssueScenario: TimedScenario = {
  kind: "timed",
  name: "plan-issue",
  description: `POST /api/plans/:id/issue of a fresh ${TASKS}-task draft assigned to a ~250-unit group, ${TIMED_RUNS} times`,
  async measure({ baseUrl, plan, login, serverCpuMs }) {
    // The province with the most units in the wide group (at national scale no province has 250).
    const kinds = new Set(["department", "internalUnit", "centralAgency", "commune"]);
    const sizes = plan.provinces.map(
      (p) => plan.units.filter((u) => u.provinceId === p.id && kinds.has(u.kind) && !u.validTo).length,
    );
    const index = sizes.indexOf(Math.max(...sizes));
    const dir = provinceDirectory({ plan, provinceId: plan.provinces[index].id });
    // Users 1..P coordinate provinces 0..P-1.
    const session = await login(usernameOf(index + 1));
    progress(
      `plan-issue: as the coordinator of ${plan.provinces[index].name} (wide group: ${sizes[index]} units)`,
    );
    const rows = taskRows({ wideGroupId: dir.wideGroup.id, snvId: dir.snv.id });
    const headers = { ...authHeaders(session), "content-type": "application/json" };
    const call = async (method: string, path: string, body: unknown) => {
      const res = await fetch(`${baseUrl}${path}`, { method, headers, body: JSON.stringify(body) });
      const payload = (await res.json()) as Record<string, unknown>;
      if (!res.ok)
        throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(payload).slice(0, 400)}`);
      return payload;
    };
    return timeRuns({
      name: "plan-issue",
      warmups: WARMUP_RUNS,
      runs: TIMED_RUNS,
      serverCpuMs,
      prepare: async (run) => {
        const created = (await call("POST", "/api/plans", {
          title: `${SCENARIO_PLAN_PREFIX}Kế hoạch cải thiện các chỉ số năm 2027 (lần ${run + 1})`,
          number: `${900 + run}/KH-UBND`,
          issuedDate: ISSUED,
          ownerUnitId: dir.root.id,
          periodFrom: 2026,
          periodTo: 2027,
        })) as { plan: { id: string } };
        const grid = (await call("PUT", `/api/plans/${created.plan.id}/tasks`, { rows })) as {
          rows: unknown[];
          problems: unknown[];
        };
        if (grid.problems.length)
          throw new Error(`the draft has problems: ${JSON.stringify(grid.problems).slice(0, 400)}`);
        return created.plan.id;
      },
      request: async (id) => {
        const res = await fetch(`${baseUrl}/api/plans/${id}/issue`, { method: "POST", headers, body: "{}" });
        const payload = (await res.json()) as { assignmentsCreated?: number };
        if (!res.ok) return `${res.status} ${JSON.stringify(payload).slice(0, 300)}`;
        progress(`plan-issue: ${payload.assignmentsCreated} assignments created`);
        return (payload.assignmentsCreated ?? 0) >= TASKS
          ? null
          : `only ${payload.assignmentsCreated} assignments`;
      },
    });
  },
};
