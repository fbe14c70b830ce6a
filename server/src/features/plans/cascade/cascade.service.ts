/** The cascade: child plans of a plan, and frameworks instantiated per unit (tasks copied down). */
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { childPlanBody, instantiateBody } from "../../../../../core/src/api/plans.schemas";
import type { Actor } from "../../../app/actor";
import type { Db, DbOrTx } from "../../../app/db";
import { badRequest, forbidden } from "../../../app/errors";
import { writeAudit } from "../../audit/audit.repository";
import { createOrgGroupsRepository, createOrgUnitsRepository } from "../../org-units/org-units.repository";
import { getVisibleUnit, today } from "../../org-units/org-units.service";
import { createAssignmentsRepository } from "../assignments/assignments.repository";
import { canBeParentPlan, canCreateChildPlan, canCreatePlan, canInstantiateFramework } from "../plans.policy";
import { createPlansRepository, type NewTaskRow } from "../plans.repository";
import { getVisiblePlan, planSearchText } from "../plans.service";
import { createTasksRepository } from "../tasks/tasks.repository";

/** A unit's own plan implementing tasks of an issued plan (by default, those assigned to the unit). */
export async function createChildPlan({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: string;
  input: z.infer<typeof childPlanBody>;
}) {
  const parent = await getVisiblePlan({ db, actor, id });
  if (!canCreateChildPlan(actor, parent)) throw forbidden();
  const owner = await getVisibleUnit({ db, actor, id: input.ownerUnitId ?? actor.unitId });
  if (!canCreatePlan(actor, owner))
    throw forbidden("plan.forbidden", "Bạn không được lập kế hoạch cho đơn vị này.");
  if (!owner.provinceId || !canBeParentPlan({ provinceId: owner.provinceId }, parent))
    throw badRequest(
      "plan.parentProvince",
      `Đơn vị “${owner.name}” không thuộc tỉnh, thành phố của kế hoạch cấp trên.`,
    );
  const taskRows = createTasksRepository(db);
  const assignmentRows = createAssignmentsRepository(db);
  const all = await taskRows.listTasks(parent.id);
  let chosen: string[];
  if (input.taskIds) {
    const ids = new Set(all.map((t) => t.id));
    const stray = input.taskIds.find((t) => !ids.has(t));
    if (stray) throw badRequest("plan.task.parentTask", "Nhiệm vụ được chọn không thuộc kế hoạch cấp trên.");
    chosen = input.taskIds;
  } else {
    const mine = await assignmentRows.activeAssignmentsOf(all.map((t) => t.id));
    chosen = [...new Set(mine.filter((a) => a.unitId === owner.id).map((a) => a.taskId))];
  }
  return db.transaction(async (tx) => {
    const planId = randomUUID();
    const title = input.title ?? `Thực hiện ${parent.title.charAt(0).toLowerCase()}${parent.title.slice(1)}`;
    await createPlansRepository(tx).insert({
      id: planId,
      provinceId: parent.provinceId,
      ownerUnitId: owner.id,
      kind: "plan",
      title,
      issuerName: owner.name,
      place: parent.place,
      status: "draft",
      parentPlanId: parent.id,
      periodFrom: parent.periodFrom,
      periodTo: parent.periodTo,
      legalBases: [
        `${parent.kind === "plan" ? "Kế hoạch" : "Văn bản"} số ${parent.number}${parent.issuedDate ? ` ngày ${parent.issuedDate.split("-").reverse().join("/")}` : ""} của ${parent.issuerName}`,
      ],
      searchText: planSearchText({ number: "", title, issuerName: owner.name }),
      createdBy: actor.userId,
      updatedBy: actor.userId,
    });
    await copyTasks({
      tx,
      from: all,
      chosen: new Set(chosen),
      planId,
      provinceId: parent.provinceId,
      link: "parent",
    });
    await writeAudit({
      tx,
      actor,
      record: {
        entity: "plan",
        entityId: planId,
        action: "createChild",
        after: { parentPlanId: parent.id, tasks: chosen.length },
      },
    });
    return planId;
  });
}

/** Copies tasks (with their sections) into another plan: linked as children, or as framework copies. */
async function copyTasks({
  tx,
  from,
  chosen,
  planId,
  provinceId,
  link,
}: {
  tx: DbOrTx;
  from: Awaited<ReturnType<ReturnType<typeof createTasksRepository>["listTasks"]>>;
  chosen: Set<string>;
  planId: string;
  provinceId: string;
  link: "parent" | "source";
}) {
  const taskRows = createTasksRepository(tx);
  const byId = new Map(from.map((t) => [t.id, t]));
  const keep = new Set<string>();
  for (const id of chosen)
    for (let t = byId.get(id); t; t = t.parentId ? byId.get(t.parentId) : undefined) keep.add(t.id);
  const newId = new Map([...keep].map((id) => [id, randomUUID()]));
  const rows: NewTaskRow[] = from
    .filter((t) => keep.has(t.id))
    .map((t) => ({
      id: newId.get(t.id)!,
      planId,
      provinceId,
      parentId: t.parentId ? (newId.get(t.parentId) ?? null) : null,
      kind: t.kind,
      number: t.number,
      sortOrder: t.sortOrder,
      depth: t.depth,
      content: t.content,
      expectedOutput: t.expectedOutput,
      deadlineText: t.deadlineText,
      deadline: t.deadline,
      deadlineKind: t.deadlineKind,
      dueDate: t.dueDate,
      reportingNote: t.reportingNote,
      quantitativeTargets: t.quantitativeTargets,
      tags: t.tags,
      parentTaskId: link === "parent" && t.kind === "task" && chosen.has(t.id) ? t.id : null,
      sourceTaskId: link === "source" ? t.id : null,
      searchText: t.searchText,
    }));
  await taskRows.insertTasks(rows);
  const comps = await taskRows.componentsOf([...keep]);
  await taskRows.replaceComponents(
    [],
    comps.map((c) => ({ ...c, taskId: newId.get(c.taskId)! })),
  );
  if (link === "source") {
    const ps = await taskRows.participantsOf([...keep]);
    await taskRows.replaceParticipants(
      [],
      ps.map((p) => ({
        taskId: newId.get(p.taskId)!,
        role: p.role,
        unitId: null,
        groupId: null,
        rawName: p.unitName ?? p.groupName ?? p.rawName,
        sortOrder: p.sortOrder,
      })),
    );
  }
  return rows.length;
}

/** Instantiates an issued framework for many units at once: each gets its own editable draft copy. */
export async function instantiateFramework({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: string;
  input: z.infer<typeof instantiateBody>;
}) {
  const framework = await getVisiblePlan({ db, actor, id });
  if (!canInstantiateFramework(actor, framework))
    throw framework.isFramework
      ? forbidden()
      : badRequest("plan.notFramework", "Kế hoạch này không phải là khung nhiệm vụ.");
  const units = new Map<string, { id: string; name: string; provinceId: string | null }>();
  for (const u of await createOrgUnitsRepository(db).findByIds(input.unitIds)) units.set(u.id, u);
  const groups = createOrgGroupsRepository(db);
  for (const gid of input.groupIds) {
    const g = await groups.findById(gid);
    if (!g || g.provinceId !== framework.provinceId)
      throw badRequest("plan.task.groupNotFound", "Nhóm đơn vị không tồn tại trong tỉnh.");
    for (const u of await groups.expand({ group: g, at: today() })) units.set(u.id, u);
  }
  if (
    [...units.values()].some((u) => u.provinceId !== framework.provinceId) ||
    units.size < input.unitIds.length
  )
    throw badRequest("plan.task.leadNotUnit", "Có đơn vị không thuộc tỉnh của khung nhiệm vụ.");
  const repo = createPlansRepository(db);
  const taskRows = createTasksRepository(db);
  const tasks = await taskRows.listTasks(framework.id);
  const existing = new Set((await repo.frameworkCopies(framework.id)).map((p) => p.ownerUnitId));
  const skipped = [...units.keys()].filter((u) => existing.has(u));
  return db.transaction(async (tx) => {
    const planIds: string[] = [];
    for (const unit of units.values()) {
      if (existing.has(unit.id)) continue;
      const planId = randomUUID();
      await createPlansRepository(tx).insert({
        id: planId,
        provinceId: framework.provinceId,
        ownerUnitId: unit.id,
        kind: framework.kind,
        title: `${framework.title} – ${unit.name}`,
        issuerName: unit.name,
        place: framework.place,
        status: "draft",
        parentPlanId: framework.parentPlanId,
        frameworkSourceId: framework.id,
        periodFrom: framework.periodFrom,
        periodTo: framework.periodTo,
        legalBases: framework.legalBases,
        objectives: framework.objectives,
        implementation: framework.implementation,
        searchText: planSearchText({ number: "", title: framework.title, issuerName: unit.name }),
        createdBy: actor.userId,
        updatedBy: actor.userId,
      });
      await copyTasks({
        tx,
        from: tasks,
        chosen: new Set(tasks.map((t) => t.id)),
        planId,
        provinceId: framework.provinceId,
        link: "source",
      });
      planIds.push(planId);
    }
    await writeAudit({
      tx,
      actor,
      record: { entity: "plan", entityId: framework.id, action: "instantiate", after: { planIds } },
    });
    return { planIds, skipped };
  });
}
