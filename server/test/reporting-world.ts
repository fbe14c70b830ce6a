import type { FastifyInstance } from "fastify";
import { periodContaining } from "../../core/src/reporting/periods";
import { provinceToday } from "../src/app/clock";
import type { Db } from "../src/app/db";
import { buildAssignedPlan, buildProvince, buildUnit, buildUser } from "./factories";
import { createClient } from "./http";

export type Client = ReturnType<typeof createClient>;

/**
 * One province with reporting under way, built through the API where it matters: a Sở Nội vụ that
 * receives the reports, communes A and B each with an open report of this month, and the people
 * around them — a coordinator of the whole province, one whose monitored area is commune A, the
 * officers and heads of A and B. `tag` keeps two provinces' names apart.
 */
export async function buildReportingProvince({
  db,
  app,
  tag = "",
  requiresApproval = false,
}: {
  db: Db;
  app: FastifyInstance;
  tag?: string;
  /** The units' heads approve the reports before they leave the unit. */
  requiresApproval?: boolean;
}) {
  const province = await buildProvince(db, { name: `Tỉnh Thử ${tag}`.trim() });
  const snv = await buildUnit(db, {
    kind: "department",
    name: `Sở Nội vụ ${tag}`.trim(),
    parentId: province.id,
  });
  const comA = await buildUnit(db, {
    kind: "commune",
    name: `Xã An Phú ${tag}`.trim(),
    parentId: province.id,
  });
  const comB = await buildUnit(db, {
    kind: "commune",
    name: `Xã Bình Minh ${tag}`.trim(),
    parentId: province.id,
  });
  const people = {
    coord: { unit: snv, roles: ["coordinator"] as const, scope: null },
    coordA: { unit: snv, roles: ["coordinator"] as const, scope: comA.id },
    headSnv: { unit: snv, roles: ["head"] as const, scope: null },
    officerA: { unit: comA, roles: ["officer"] as const, scope: null },
    headA: { unit: comA, roles: ["head"] as const, scope: null },
    officerB: { unit: comB, roles: ["officer"] as const, scope: null },
    headB: { unit: comB, roles: ["head"] as const, scope: null },
    viewer: { unit: province, roles: ["viewer"] as const, scope: null },
  };
  const users: Record<keyof typeof people, { id: string; username: string }> = {} as never;
  for (const [key, p] of Object.entries(people)) {
    const user = await buildUser(db, { unitId: p.unit.id, roles: [...p.roles], scopeUnitId: p.scope });
    users[key as keyof typeof people] = { id: user.id, username: user.username };
  }
  const { plan, task } = await buildAssignedPlan(db, {
    provinceId: province.id,
    units: [comA, comB],
    title: `Kế hoạch ${tag}`.trim(),
  });
  const clients = new Map<string, Client>();
  const as = async (key: keyof typeof people) => {
    const known = clients.get(key);
    if (known) return known;
    const c = createClient(app);
    await c.login(users[key].username);
    clients.set(key, c);
    return c;
  };
  const coord = await as("coord");
  const created = await coord.post(`/api/plans/${plan.id}/reporting-obligations`, {
    title: "Báo cáo hằng tháng",
    frequency: "monthly",
    dueRule: { kind: "daysAfterEnd", days: 15 },
    receivingUnitId: snv.id,
    requiresApproval,
  });
  if (created.statusCode !== 201) throw new Error(`obligation: ${created.statusCode} ${created.body}`);
  const obligationId: string = created.json().obligation.id;
  const periodKey = periodContaining("monthly", provinceToday()).key;
  const opened = await coord.post(`/api/reporting-obligations/${obligationId}/periods`, { periodKey });
  if (opened.statusCode !== 200) throw new Error(`period: ${opened.statusCode} ${opened.body}`);
  const reportOf = async (key: "officerA" | "officerB") => {
    const list = (await (await as(key)).get(`/api/reports?obligationId=${obligationId}`)).json().reports;
    return (await (await as(key)).get(`/api/reports/${list[0].id}`)).json().report as {
      id: string;
      version: number;
      entries: Array<{ id: string; taskId: string; assignmentId: string; version: number }>;
    };
  };
  return {
    province,
    units: { province, snv, comA, comB },
    users,
    as,
    plan,
    task,
    obligationId,
    periodKey,
    reportA: await reportOf("officerA"),
    reportB: await reportOf("officerB"),
  };
}
