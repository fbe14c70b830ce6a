import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { orgUnitCreateBody } from "../../core/src/api/org-units.schemas";
import type { Role } from "../../core/src/auth/roles";
import type { DueRule, ReportFrequency } from "../../core/src/reporting/periods";
import { type Actor, systemActor } from "../src/app/actor";
import type { Db } from "../src/app/db";
import { createOrgUnitsRepository, type OrgUnitRow } from "../src/features/org-units/org-units.repository";
import { insertUnit } from "../src/features/org-units/org-units.service";
import { createAssignmentsRepository } from "../src/features/plans/assignments/assignments.repository";
import { createPlansRepository } from "../src/features/plans/plans.repository";
import { plans, planTasks, taskAssignments } from "../src/features/plans/plans.table";
import { createTasksRepository } from "../src/features/plans/tasks/tasks.repository";
import {
  createObligationsRepository,
  type ObligationRow,
} from "../src/features/reporting/obligations/obligations.repository";
import { openObligationPeriod } from "../src/features/reporting/obligations/periods.service";
import { createReportsRepository } from "../src/features/reporting/reports/reports.repository";
import { insertUser } from "../src/features/users/users.service";

export const TEST_PASSWORD = "mat-khau-thu-nghiem-123";

/** A unit; a province is created for it when no parent is given (each test owns its data). */
export async function buildUnit(
  db: Db,
  overrides: Partial<z.infer<typeof orgUnitCreateBody>> = {},
): Promise<OrgUnitRow> {
  const parentId: string | null =
    overrides.parentId === undefined && overrides.kind !== "province"
      ? (await buildProvince(db)).id
      : (overrides.parentId ?? null);
  return db.transaction((tx) =>
    insertUnit({
      tx,
      input: {
        kind: "department",
        name: `Sở Thử nghiệm ${randomUUID().slice(0, 6)}`,
        ...overrides,
        parentId,
      },
    }),
  );
}

export const buildProvince = (
  db: Db,
  overrides: Partial<z.infer<typeof orgUnitCreateBody>> = {},
): Promise<OrgUnitRow> =>
  buildUnit(db, { kind: "province", name: `Tỉnh ${randomUUID().slice(0, 6)}`, parentId: null, ...overrides });

export async function buildUser(
  db: Db,
  overrides: {
    unitId?: string;
    roles?: Role[];
    username?: string;
    displayName?: string;
    scopeUnitId?: string | null;
  } = {},
) {
  const unitId = overrides.unitId ?? (await buildUnit(db)).id;
  const user = await db.transaction((tx) =>
    insertUser({
      tx,
      actor: systemActor("Kiểm thử"),
      input: {
        username: overrides.username ?? `u${randomUUID().slice(0, 8)}`,
        displayName: overrides.displayName ?? "Nguyễn Văn Thử",
        unitId,
        roles: overrides.roles ?? ["officer"],
        scopeUnitId: overrides.scopeUnitId ?? null,
        password: TEST_PASSWORD,
      },
    }),
  );
  return user;
}

/** A plan with one task led by each of `units`, written directly (no import, no API). */
export async function buildAssignedPlan(
  db: Db,
  {
    provinceId,
    units,
    status = "issued",
    title = "Kế hoạch",
  }: {
    provinceId: string;
    units: Array<{ id: string; path: string }>;
    status?: "draft" | "issued";
    title?: string;
  },
) {
  const [plan] = await db
    .insert(plans)
    .values({ provinceId, ownerUnitId: provinceId, title, status })
    .returning();
  const [task] = await db
    .insert(planTasks)
    .values({ planId: plan.id, provinceId, content: "Nhiệm vụ", deadline: { kind: "unknown", text: "" } })
    .returning();
  for (const unit of units)
    await db.insert(taskAssignments).values({
      taskId: task.id,
      planId: plan.id,
      provinceId,
      unitId: unit.id,
      unitPath: unit.path,
      role: "lead",
    });
  return { plan, task };
}

/** An actor as a request carries it (`actorFromSession`): a user built by `buildUser`, in its unit. */
export async function buildActor(db: Db, overrides: Parameters<typeof buildUser>[1] = {}): Promise<Actor> {
  const user = await buildUser(db, overrides);
  const units = createOrgUnitsRepository(db);
  const unit = (await units.findById(user.unitId)) as OrgUnitRow;
  const province = unit.provinceId ? await units.findById(unit.provinceId) : null;
  const scope = user.scopeUnitId ? await units.findById(user.scopeUnitId) : null;
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    unitId: unit.id,
    unitPath: unit.path,
    provinceId: unit.provinceId,
    roles: user.roles as Role[],
    scopePath: scope?.path ?? null,
    sessionId: randomUUID(),
    ip: null,
    profile: {
      email: user.email,
      mustChangePassword: false,
      unitName: unit.name,
      unitKind: unit.kind,
      provinceName: province?.name ?? null,
    },
  };
}

type Unit = { id: string; path: string };

export interface TaskSpec {
  content?: string;
  /** The number of the plan's section the task is in ("II"); tasks are numbered from 1 in each. */
  section?: string;
  /** The task's due day (its deadline is kept as "not understood": issuing is not run). */
  dueDate?: string | null;
  quantitativeTargets?: Array<{ measure: string; comparator: string; value: number; unit: string }>;
  /** Index components the task serves, as (version, component) codes. */
  components?: Array<{ versionCode: string; componentCode: string }>;
  /** The units that lead it: one assignment each, due on the task's day unless said. */
  leads?: Array<Unit | { unit: Unit; dueDate: string | null }>;
}

/**
 * A plan owned by its province with tasks and their lead assignments, written through the plans'
 * repositories (not issued through the service: the tasks' deadlines are given as due days).
 */
export async function buildIssuedPlan(
  db: Db,
  {
    provinceId,
    title = "Kế hoạch",
    status = "issued",
    tasks = [],
  }: { provinceId: string; title?: string; status?: "draft" | "issued"; tasks?: TaskSpec[] },
) {
  const plan = await createPlansRepository(db).insert({ provinceId, ownerUnitId: provinceId, title, status });
  // Sections as plans write them ("I", "II"), each numbering its tasks from 1 again.
  const sections = new Map<string, string>();
  for (const spec of tasks)
    if (spec.section && !sections.has(spec.section)) sections.set(spec.section, randomUUID());
  await createTasksRepository(db).insertTasks(
    [...sections].map(([number, id], i) => ({
      id,
      planId: plan.id,
      provinceId,
      kind: "section",
      number,
      sortOrder: -sections.size + i,
      content: `Phần ${number}`,
      deadline: { kind: "unknown" as const, text: "" },
    })),
  );
  const inSection = new Map<string, number>();
  const rows = tasks.map((spec, i) => ({
    id: randomUUID(),
    planId: plan.id,
    provinceId,
    parentId: spec.section ? sections.get(spec.section) : undefined,
    number: spec.section
      ? String(inSection.set(spec.section, (inSection.get(spec.section) ?? 0) + 1).get(spec.section))
      : String(i + 1),
    sortOrder: i,
    content: spec.content ?? `Nhiệm vụ ${i + 1}`,
    deadline: { kind: "unknown" as const, text: "" },
    dueDate: spec.dueDate ?? null,
    quantitativeTargets: spec.quantitativeTargets ?? [],
  }));
  await createTasksRepository(db).insertTasks(rows);
  const taskRows = createTasksRepository(db);
  for (const [i, spec] of tasks.entries())
    if (spec.components?.length)
      await taskRows.replaceComponents(
        [rows[i].id],
        spec.components.map((c) => ({ taskId: rows[i].id, ...c })),
      );
  await createAssignmentsRepository(db).insertAssignments(
    tasks.flatMap((spec, i) =>
      (spec.leads ?? []).map((lead) => ({
        taskId: rows[i].id,
        unitId: "unit" in lead ? lead.unit.id : lead.id,
        role: "lead",
        viaGroupId: null,
        dueDate: "unit" in lead ? lead.dueDate : (spec.dueDate ?? null),
      })),
    ),
  );
  return { plan, taskIds: rows.map((r) => r.id) };
}

/** A reporting obligation of a plan, received by `receivingUnitId`: monthly, due 15 days after. */
export async function buildObligation(
  db: Db,
  {
    plan,
    receivingUnitId,
    title = "Báo cáo tháng",
    frequency = "monthly",
    dueRule = { kind: "daysAfterEnd", days: 15 },
  }: {
    plan: { id: string; provinceId: string };
    receivingUnitId: string;
    title?: string;
    frequency?: ReportFrequency;
    dueRule?: DueRule;
  },
): Promise<ObligationRow> {
  return createObligationsRepository(db).insertObligation({
    planId: plan.id,
    provinceId: plan.provinceId,
    title,
    frequency,
    dueRule,
    receivingUnitId,
  });
}

/**
 * A unit's report of a period: the period is opened as the server opens it (one report per unit with
 * an open assignment, its entries carried forward), then the report is put in the state asked for
 * through the reports' repository, first sent at `firstSubmittedAt`.
 */
export async function buildReport(
  db: Db,
  {
    obligation,
    unitId,
    periodKey,
    state = "draft",
    firstSubmittedAt = null,
  }: {
    obligation: ObligationRow;
    unitId: string;
    periodKey: string;
    state?: "draft" | "submitted" | "returned" | "accepted";
    firstSubmittedAt?: Date | null;
  },
) {
  await openObligationPeriod({ db, actor: systemActor("Kiểm thử"), obligation, periodKey });
  const reports = createReportsRepository(db);
  const { rows } = await reports.pageReports({
    scope: { kind: "all" },
    obligationId: obligation.id,
    periodKey,
    unit: { id: unitId, path: "", subtree: false },
    limit: 1,
    offset: 0,
    cap: 1,
  });
  if (!rows[0]) throw new Error("buildReport: the unit has no open assignment on the plan");
  const report = (await reports.findReport(rows[0].id as string))!;
  if (state === "draft" && !firstSubmittedAt) return report;
  return (await reports.updateReport({
    id: report.id,
    version: report.version,
    set: { state, firstSubmittedAt, submittedAt: firstSubmittedAt },
  }))!;
}
