/**
 * Read views: the filtered task list, "my unit's tasks", a task's detail with its assignments and
 * cascade, the deadlines timeline, and the coverage of an index's components by tasks (gaps).
 * The SQL lives in views.repository.ts; this file decides scope and presents.
 */
import type { z } from "zod";
import type {
  coverageQuery,
  myTasksQuery,
  taskListQuery,
  timelineQuery,
} from "../../../../../core/src/api/plans.schemas";
import { type Deadline, periodOf, renderDeadline } from "../../../../../core/src/deadlines";
import { ASSIGNMENT_STATUSES, type AssignmentStatus, workStatus } from "../../../../../core/src/plans/status";
import type { Actor } from "../../../app/actor";
import { defineAnswerCache } from "../../../app/cached";
import type { Db } from "../../../app/db";
import { notFound } from "../../../app/errors";
import { followUpByComponent } from "../../follow-up/follow-up.coverage";
import { loadVersion, versionForYear } from "../../indices/indices.versions";
import { getVisibleUnit, today } from "../../org-units/org-units.service";
import { createAssignmentsRepository } from "../assignments/assignments.repository";
import {
  canCreateChildPlan,
  canReadPlan,
  canReassign,
  canUpdateAssignment,
  taskScope,
} from "../plans.policy";
import { createPlansRepository } from "../plans.repository";
import { getVisiblePlan, planYear, presentPlanSummary } from "../plans.service";
import { createTasksRepository } from "../tasks/tasks.repository";
import { getTaskGrid } from "../tasks/tasks.service";
import { createPlanViewsRepository, TOTAL_CAP } from "./views.repository";

const offsetOf = (page: number, pageSize: number) => Math.min((page - 1) * pageSize, TOTAL_CAP);

/**
 * Answers of the two task lists, kept per (data revision, what the actor may see, day, query). The
 * revision is read before the data, so an answer is never filed under a revision newer than what it
 * read: any change from any process (a trigger bumps the revision) makes the next request compute
 * afresh. Lists are opened far more often than tasks change, and an autosaved report entry that does
 * not change an assignment's progress leaves the revision alone (migration 0006). The time to live
 * only bounds memory held by answers nobody asks for again.
 */
const listAnswers = defineAnswerCache({
  name: "taskLists",
  revisions: ["plans", "org_units", "org_groups"],
  ttlMs: 10 * 60_000,
  max: 2_000,
});

/** Everything the lists' scope and `can` flags depend on: two actors with the same key see the same. */
interface ViewArgs<Q extends object> {
  db: Db;
  actor: Actor;
  query: Q;
}

/** The answer as JSON text (see app/json-answers.ts). */
async function remembered<Q extends object>(
  list: string,
  args: ViewArgs<Q>,
  compute: (args: ViewArgs<Q>) => Promise<unknown>,
): Promise<string> {
  return listAnswers.get(list, args, () => compute(args));
}

/** Tasks matching the filters inside what the actor may see. */
export const listTasks = (args: ViewArgs<z.infer<typeof taskListQuery>>) =>
  remembered("tasks", args, computeTaskList);

async function computeTaskList({ db, actor, query }: ViewArgs<z.infer<typeof taskListQuery>>) {
  if (query.planId) await getVisiblePlan({ db, actor, id: query.planId });
  const unit = query.unitId ? await getVisibleUnit({ db, actor, id: query.unitId }) : null;
  const { rows, total } = await createPlanViewsRepository(db).listTasks({
    scope: taskScope(actor),
    day: today(),
    planId: query.planId,
    unit: unit ? { id: unit.id, path: unit.path, subtree: query.subtree === "true" } : undefined,
    groupId: query.groupId,
    indexCode: query.indexCode,
    versionCode: query.versionCode,
    componentCode: query.componentCode,
    dueFrom: query.dueFrom,
    dueTo: query.dueTo,
    status: query.status,
    role: query.role,
    q: query.q,
    sort: query.sort,
    limit: query.pageSize,
    offset: offsetOf(query.page, query.pageSize),
  });
  const ids = rows.map((r) => r.id);
  const taskRows = createTasksRepository(db);
  const [participants, components] = await Promise.all([
    taskRows.participantsOf(ids),
    taskRows.componentsOf(ids),
  ]);
  return {
    tasks: rows.map((r) => {
      const ps = participants.filter((p) => p.taskId === r.id);
      const name = (p: (typeof ps)[number]) => p.unitName ?? p.groupName ?? p.rawName;
      return {
        id: r.id,
        planId: r.plan_id,
        planNumber: r.plan_number,
        planTitle: r.plan_title,
        number: r.number,
        content: r.content,
        expectedOutput: r.expected_output,
        deadlineText: r.deadline_text,
        deadlineRendered: renderDeadline(r.deadline as Deadline),
        dueDate: r.due_date,
        leads: ps.filter((p) => p.role === "lead").map(name),
        coordinators: ps.filter((p) => p.role === "coordinating").map(name),
        // "PCI-2022|ENTRY": a key the screen names (core's componentLabel), never shows as it is.
        components: components
          .filter((c) => c.taskId === r.id)
          .map((c) => `${c.versionCode}|${c.componentCode}`),
        progress: Number(r.progress),
        assignmentCount: Number(r.assignment_count),
      };
    }),
    total: Math.min(total, TOTAL_CAP),
    totalExact: total <= TOTAL_CAP,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The assignments of the actor's unit and its subtree (or its unit only), with counts per status. */
export const listMyTasks = (args: ViewArgs<z.infer<typeof myTasksQuery>>) =>
  remembered("mine", args, computeMyTasks);

async function computeMyTasks({ db, actor, query }: ViewArgs<z.infer<typeof myTasksQuery>>) {
  const { rows, counts: countRows } = await createPlanViewsRepository(db).listMyTasks({
    day: today(),
    unitPath: actor.unitPath,
    ownOnly: query.ownOnly === "true",
    planId: query.planId,
    role: query.role,
    dueFrom: query.dueFrom,
    dueTo: query.dueTo,
    q: query.q,
    status: query.status,
    sort: query.sort,
    limit: query.pageSize,
    offset: offsetOf(query.page, query.pageSize),
  });
  const counts = Object.fromEntries(ASSIGNMENT_STATUSES.map((s) => [s, 0])) as Record<
    AssignmentStatus,
    number
  >;
  for (const c of countRows) counts[c.status] = Number(c.n);
  const all = Object.values(counts).reduce((a, b) => a + b, 0);
  const total = query.status ? counts[query.status] : all;
  const childPlanAllowed = canCreateChildPlan(actor, {
    provinceId: actor.provinceId ?? "",
    ownerUnitId: "",
    ownerUnitKind: "province",
    ownerUnitPath: "/",
    status: "issued",
    isFramework: false,
  });
  return {
    items: rows.map((r) => ({
      assignmentId: r.id as string,
      taskId: r.task_id as string,
      planId: r.plan_id as string,
      planNumber: r.plan_number as string,
      planTitle: r.plan_title as string,
      number: r.number as string,
      content: r.content as string,
      expectedOutput: r.expected_output as string,
      deadlineRendered: renderDeadline(r.deadline as Deadline),
      dueDate: (r.due_date as string | null) ?? null,
      unitId: r.unit_id as string,
      unitName: r.unit_name as string,
      role: r.role as "lead",
      status: r.status as AssignmentStatus,
      progress: Number(r.progress),
      can: {
        update: canUpdateAssignment(actor, {
          unitId: r.unit_id as string,
          unitPath: r.unit_path as string,
          provinceId: r.province_id as string,
        }),
        createChildPlan: childPlanAllowed && r.unit_id === actor.unitId,
      },
    })),
    total: Math.min(total, TOTAL_CAP),
    // Counts stop at the cap: a subtree with more open assignments gets "at least".
    totalExact: all <= TOTAL_CAP,
    counts,
    page: query.page,
    pageSize: query.pageSize,
  };
}

type AssignmentJoined = Awaited<
  ReturnType<ReturnType<typeof createAssignmentsRepository>["assignmentsOfTask"]>
>[number];

/** One task with its assignments (current and history), its parent task and the tasks implementing it. */
export async function getTaskDetail({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  const repo = createPlansRepository(db);
  const taskRows = createTasksRepository(db);
  const assignmentRows = createAssignmentsRepository(db);
  const [task] = await taskRows.findTasks([id]);
  const plan = task ? await repo.findById(task.planId) : null;
  const scope = taskScope(actor);
  const all = task ? await assignmentRows.assignmentsOfTask(id) : [];
  const visible =
    plan &&
    (canReadPlan(actor, plan) ||
      (scope.kind === "subtree" && all.some((x) => !x.a.endedAt && x.a.unitPath.startsWith(scope.unitPath))));
  if (!task || !plan || !visible) throw notFound("task.notFound", "Không tìm thấy nhiệm vụ.");
  const { rows } = await getTaskGrid({ db, plan, taskIds: [id] });
  const row = rows[0];
  if (!row) throw notFound("task.notFound", "Không tìm thấy nhiệm vụ.");
  const day = today();
  const reassign = canReassign(actor, plan);
  const present = (x: AssignmentJoined) => ({
    id: x.a.id,
    taskId: x.a.taskId,
    planId: x.a.planId,
    unitId: x.a.unitId,
    unitName: x.unitName,
    role: x.a.role as "lead",
    status: workStatus({
      due: x.a.dueDate,
      recurring: false,
      completedAt: x.a.completedAt,
      progress: x.a.progress,
      today: day,
    }),
    progress: x.a.progress,
    completedAt: x.a.completedAt,
    dueDate: x.a.dueDate,
    note: x.a.note,
    endedAt: x.a.endedAt?.toISOString() ?? null,
    endedReason: x.a.endedReason,
    previousId: x.a.previousId,
    viaGroupName: x.groupName,
    can: { update: !x.a.endedAt && canUpdateAssignment(actor, x.a), reassign: !x.a.endedAt && reassign },
  });
  const children = await taskRows.childTasksOf([id]);
  const parentTask = task.parentTaskId ? (await taskRows.findTasks([task.parentTaskId]))[0] : null;
  return {
    task: row,
    plan: presentPlanSummary({ ...plan, ...(await repo.taskFigures(plan.id)) }),
    assignments: all.filter((x) => !x.a.endedAt).map(present),
    history: all.filter((x) => x.a.endedAt).map(present),
    childTasks: children.map((c) => ({
      id: c.id,
      planId: c.planId,
      planNumber: c.planNumber,
      ownerUnitName: c.ownerUnitName,
      number: c.number,
      content: c.content,
      progress: c.progress,
    })),
    parentTask: parentTask
      ? {
          id: parentTask.id,
          planId: parentTask.planId,
          number: parentTask.number,
          content: parentTask.content,
        }
      : null,
    progress: task.progress,
  };
}

/** Deadlines (and named milestones) falling in a window, in date order. */

/** Deadlines (and named milestones) falling in a window, in date order. */
export async function timeline({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: z.infer<typeof timelineQuery>;
}) {
  const year = today().slice(0, 4);
  const from = query.from ?? `${year}-01-01`;
  const to = query.to ?? `${year}-12-31`;
  if (query.planId) await getVisiblePlan({ db, actor, id: query.planId });
  const rows = await createPlanViewsRepository(db).timelineTasks({
    scope: taskScope(actor),
    from,
    to,
    planId: query.planId,
    unitId: query.unitId,
    limit: query.limit,
  });
  const participants = await createTasksRepository(db).participantsOf(rows.map((r) => r.id));
  const items = rows.flatMap((r) => {
    const d = r.deadline as Deadline;
    const base = {
      taskId: r.id,
      planId: r.plan_id,
      planNumber: r.plan_number,
      number: r.number,
      content: r.content,
      deadlineRendered: renderDeadline(d),
      leads: participants
        .filter((p) => p.taskId === r.id && p.role === "lead")
        .map((p) => p.unitName ?? p.groupName ?? p.rawName),
    };
    const dates =
      d.kind === "milestones"
        ? d.milestones.map((m) => ({ date: periodOf(m.deadline).end, label: m.label as string | null }))
        : [{ date: r.due_date ?? "", label: null }];
    return dates.filter((x) => x.date && x.date >= from && x.date <= to).map((x) => ({ ...base, ...x }));
  });
  return {
    items: items.sort((a, b) => a.date.localeCompare(b.date)),
    tasksShown: rows.length,
    tasksTotal: Number(rows[0]?.full_count ?? 0),
  };
}

/**
 * Per component of an index: the tasks aimed at it and whether a target has no task (a gap); beside
 * them the follow-up items linked to it (open, overdue, done) and the year's initiatives aimed at it.
 */
export async function coverage({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: z.infer<typeof coverageQuery>;
}) {
  const plan = query.planId ? await getVisiblePlan({ db, actor, id: query.planId }) : null;
  const year = query.year ?? (plan ? planYear(plan) : Number(today().slice(0, 4)));
  const version = await versionForYear(db, query.indexCode, year);
  if (!version)
    throw notFound("index.notFound", `Không có phương pháp của chỉ số “${query.indexCode}” cho năm ${year}.`);
  const scope = taskScope(actor);
  const views = createPlanViewsRepository(db);
  const tasks = await views.coverageTasks({
    versionCode: version.code,
    planId: plan?.id,
    scope,
    perComponent: 50,
  });
  const targets: Array<Record<string, unknown>> = plan
    ? await createPlansRepository(db).listTargets(plan.id)
    : await views.coverageTargets({ versionCode: version.code, scope });
  const [full, followUp] = await Promise.all([
    loadVersion(db, version.code),
    followUpByComponent({ db, actor, versionCode: version.code, year, today: today() }),
  ]);
  const none = { items: { open: 0, overdue: 0, done: 0 }, initiatives: { total: 0, recognised: 0 } };
  const num = (v: unknown) => (v == null ? null : Number(v));
  return {
    indexCode: query.indexCode,
    versionCode: version.code,
    year,
    components: (full?.components ?? []).map((c) => {
      const mine = tasks.filter((t) => t.component_code === c.code);
      const t = targets.find((x) => x.componentCode === c.code);
      return {
        code: c.code,
        parentCode: c.parentCode,
        number: c.number,
        name: c.nameVi,
        taskCount: Number(mine[0]?.component_total ?? 0),
        tasks: mine.map((x) => ({ id: x.id, planId: x.plan_id, number: x.number, content: x.content })),
        target: t
          ? {
              id: String(t.id),
              indexCode: String(t.indexCode),
              versionCode: String(t.versionCode),
              componentCode: c.code,
              componentName: c.nameVi,
              baselineYear: num(t.baselineYear),
              baselineValue: num(t.baselineValue),
              baselineRank: num(t.baselineRank),
              baselineRankOf: num(t.baselineRankOf),
              targetValue: num(t.targetValue),
              rankFrom: num(t.rankFrom),
              rankTo: num(t.rankTo),
              band: (t.band as string | null) ?? null,
              note: String(t.note ?? ""),
            }
          : null,
        gap: !!t && mine.length === 0,
        followUp: followUp.get(c.code) ?? none,
      };
    }),
  };
}
