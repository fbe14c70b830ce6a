/**
 * Issuing a plan (groups expanded to their members as of the plan's date, one assignment per task and
 * unit), amendments, reassignment (single, and after a merge), the cascade (child plans, frameworks
 * instantiated per unit) and the progress roll-up. Assignments are never deleted: they are ended.
 */
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type {
  amendmentBody,
  assignmentUpdateBody,
  childPlanBody,
  instantiateBody,
  issueBody,
  planStatusBody,
  reassignBody,
  reassignMergedBody,
  resyncBody,
} from "../../../../../core/src/api/plans.schemas";
import type { Deadline } from "../../../../../core/src/deadlines/deadline.types";
import type { Actor, AuditActor } from "../../../app/actor";
import type { Db, DbOrTx } from "../../../app/db";
import { badRequest, conflict, forbidden, notFound } from "../../../app/errors";
import { writeAudit } from "../../audit/audit.repository";
import {
  createOrgGroupsRepository,
  createOrgUnitsRepository,
  type OrgGroupRow,
} from "../../org-units/org-units.repository";
import { getVisibleUnit, today } from "../../org-units/org-units.service";
import { assignmentEnded, checkStatement, writeProgress } from "../assignments/progress";
import {
  canAmendPlan,
  canCreateChildPlan,
  canCreatePlan,
  canInstantiateFramework,
  canIssuePlan,
  canReassign,
  canReassignMerged,
  canUpdateAssignment,
} from "../plans.policy";
import {
  type AssignmentRow,
  createPlansRepository,
  type NewTaskRow,
  type PlanWithOwner,
} from "../plans.repository";
import { getVisiblePlan, planSearchText } from "../plans.service";
import { applyTaskRows, getTaskGrid, type TaskProblem } from "../tasks/tasks.service";

type AssignmentInsert = Parameters<ReturnType<typeof createPlansRepository>["insertAssignments"]>[0][number];

/** What blocks issuing: plan header gaps, deadlines not understood, participants not matched, no lead. */
export async function readiness({
  db,
  plan,
  overrides = {},
}: {
  db: DbOrTx;
  plan: PlanWithOwner;
  overrides?: { number?: string; issuedDate?: string };
}) {
  const { rows, problems } = await getTaskGrid({ db, plan });
  const all: TaskProblem[] = [];
  if (!(overrides.number ?? plan.number).trim())
    all.push({ taskId: null, number: "", field: "number", message: "Kế hoạch chưa có số, ký hiệu." });
  if (!(overrides.issuedDate ?? plan.issuedDate))
    all.push({ taskId: null, number: "", field: "issuedDate", message: "Kế hoạch chưa có ngày ban hành." });
  if (!rows.some((r) => r.kind === "task"))
    all.push({ taskId: null, number: "", field: "tasks", message: "Kế hoạch chưa có nhiệm vụ nào." });
  // A framework is a model for others to adapt: its units are named in words, not matched.
  return {
    rows,
    problems: [...all, ...(plan.isFramework ? problems.filter((p) => p.field === "deadline") : problems)],
  };
}

/** Expands participants to (unit, role, via group) as of a date; groups are expanded once each. */
async function desiredAssignments({
  db,
  rows,
  at,
}: {
  db: DbOrTx;
  rows: Awaited<ReturnType<typeof getTaskGrid>>["rows"];
  at: string;
}) {
  const groupsRepo = createOrgGroupsRepository(db);
  const expanded = new Map<string, Array<{ id: string; path: string; kind: string }>>();
  const unitIds = new Set<string>();
  for (const r of rows) for (const p of [...r.leads, ...r.coordinators]) if (p.unitId) unitIds.add(p.unitId);
  const units = new Map(
    (await createOrgUnitsRepository(db).findByIds([...unitIds])).map((u) => [
      u.id,
      {
        id: u.id,
        path: u.path,
        kind: u.kind,
        active: (!u.validFrom || u.validFrom <= at) && (!u.validTo || u.validTo >= at),
      },
    ]),
  );
  const out: AssignmentInsert[] = [];
  for (const r of rows) {
    if (r.kind !== "task") continue;
    const chosen = new Map<string, AssignmentInsert>();
    for (const p of [...r.leads, ...r.coordinators]) {
      let members: Array<{ id: string; path: string; kind: string }> = [];
      // A unit named directly is assigned if it exists at the date (a later merge moves its work).
      if (p.unitId) members = units.get(p.unitId)?.active ? [units.get(p.unitId)!] : [];
      else if (p.groupId) {
        if (!expanded.has(p.groupId)) {
          const group = (await groupsRepo.findById(p.groupId)) as OrgGroupRow;
          expanded.set(
            p.groupId,
            (await groupsRepo.expand({ group, at })).map((u) => ({ id: u.id, path: u.path, kind: u.kind })),
          );
        }
        members = expanded.get(p.groupId)!;
      }
      for (const u of members) {
        const role = u.kind === "partnerOrg" ? "requested" : p.role;
        const prev = chosen.get(u.id);
        // A unit named as lead and (through a group) as coordinator leads.
        if (prev && (prev.role === "lead" || role !== "lead")) continue;
        chosen.set(u.id, {
          taskId: r.id,
          unitId: u.id,
          role,
          viaGroupId: p.groupId,
          dueDate: r.dueDate,
        });
      }
    }
    out.push(...chosen.values());
  }
  return out;
}

/** Issues a draft plan: refused with the list of what to fix; else assignments for every named unit. */
export async function issuePlan({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: string;
  input: z.infer<typeof issueBody>;
}) {
  const plan = await getVisiblePlan({ db, actor, id });
  if (!canIssuePlan(actor, plan))
    throw plan.status === "draft"
      ? forbidden()
      : badRequest("plan.notDraft", "Kế hoạch này đã được ban hành.");
  return issueLoaded({ db, actor, plan, input });
}

export async function issueLoaded({
  db,
  actor,
  plan,
  input,
}: {
  db: Db;
  actor: AuditActor;
  plan: PlanWithOwner;
  input: z.infer<typeof issueBody>;
}) {
  const issuedDate = input.issuedDate ?? plan.issuedDate ?? today();
  const { rows, problems } = await readiness({ db, plan, overrides: { ...input, issuedDate } });
  if (problems.length)
    throw badRequest(
      "plan.notReady",
      `Chưa ban hành được: còn ${problems.length} điểm cần xử lý (${problems
        .slice(0, 3)
        .map((p) => `${p.number ? `${p.number}: ` : ""}${p.message}`)
        .join("; ")}${problems.length > 3 ? "; …" : ""}).`,
      { problems },
    );
  return db.transaction(async (tx) => {
    const repo = createPlansRepository(tx);
    const number = input.number ?? plan.number;
    // Claimed first, conditionally: of two simultaneous issues, the second finds no draft and stops.
    const claimed = await repo.updateIfStatus(plan.id, "draft", {
      status: "issued",
      issuedAt: new Date(),
      issuedDate,
      number,
      searchText: planSearchText({ ...plan, number }),
      updatedBy: actor.userId,
    });
    if (!claimed) throw conflict("plan.notDraft", "Kế hoạch này vừa được ban hành bởi người khác.");
    const assignments = plan.isFramework ? [] : await desiredAssignments({ db: tx, rows, at: issuedDate });
    await repo.insertAssignments(assignments);
    await writeAudit({
      tx,
      actor,
      record: {
        entity: "plan",
        entityId: plan.id,
        action: "issue",
        before: { status: plan.status },
        after: { status: "issued", number, issuedDate, assignments: assignments.length },
      },
    });
    return { assignmentsCreated: assignments.length };
  });
}

/**
 * Amends an issued plan: the header and task rows change as the amending document says; assignments
 * follow (new units get theirs, units no longer named have theirs ended, not deleted).
 */
export async function amendPlan({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: string;
  input: z.infer<typeof amendmentBody>;
}) {
  const plan = await getVisiblePlan({ db, actor, id });
  if (!canAmendPlan(actor, plan))
    throw plan.status === "draft"
      ? badRequest("plan.draft", "Kế hoạch dự thảo được sửa trực tiếp, không cần văn bản sửa đổi.")
      : forbidden();
  return db.transaction(async (tx) => {
    const repo = createPlansRepository(tx);
    if (input.header)
      await repo.update(id, {
        ...input.header,
        searchText: planSearchText({ ...plan, ...input.header }),
        updatedBy: actor.userId,
      });
    const { writtenIds, deletedIds } = await applyTaskRows({
      tx,
      plan,
      rows: input.rows,
      deleteIds: input.deleteIds,
      softDelete: true,
    });
    const reason = `Sửa đổi theo ${input.documentNumber}`;
    const active = await repo.activeAssignmentsOf([...writtenIds, ...deletedIds]);
    const { rows } = await getTaskGrid({ db: tx, plan });
    const written = new Set(writtenIds);
    const desired = await desiredAssignments({
      db: tx,
      rows: rows.filter((r) => written.has(r.id)),
      at: plan.issuedDate ?? today(),
    });
    const key = (a: { taskId: string; unitId: string; role: string }) => `${a.taskId}|${a.unitId}|${a.role}`;
    const wanted = new Set(desired.map(key));
    const have = new Set(active.map(key));
    const toEnd = active.filter((a) => !wanted.has(key(a)));
    const toAdd = desired.filter((a) => !have.has(key(a)));
    await repo.endAssignments(
      toEnd.map((a) => a.id),
      reason,
    );
    await repo.insertAssignments(toAdd);
    for (const r of rows.filter((x) => written.has(x.id))) await repo.setDueDates(r.id, r.dueDate);
    const amendment = await repo.insertAmendment({
      planId: id,
      documentNumber: input.documentNumber,
      documentDate: input.documentDate,
      summary: input.summary,
      changes: {
        header: input.header ?? null,
        rows: input.rows.length,
        deleted: deletedIds,
        assignmentsCreated: toAdd.length,
        assignmentsEnded: toEnd.length,
      } as never,
      createdBy: actor.userId,
      createdByName: actor.displayName,
    });
    await writeAudit({
      tx,
      actor,
      record: { entity: "plan", entityId: id, action: "amend", after: { amendment, rows: input.rows } },
    });
    return { assignmentsCreated: toAdd.length, assignmentsEnded: toEnd.length };
  });
}

/** Ends assignments and gives the same duty to other units, linking old and new rows. */
async function moveAssignments({
  tx,
  assignments,
  toUnit,
  reason,
}: {
  tx: DbOrTx;
  assignments: AssignmentRow[];
  toUnit: { id: string; path: string };
  reason: string;
}) {
  const repo = createPlansRepository(tx);
  const already = new Set(
    (await repo.activeAssignmentsOf([...new Set(assignments.map((a) => a.taskId))]))
      .filter((a) => a.unitId === toUnit.id)
      .map((a) => a.taskId),
  );
  await repo.endAssignments(
    assignments.map((a) => a.id),
    reason,
  );
  const created: AssignmentInsert[] = [];
  for (const a of assignments) {
    if (already.has(a.taskId)) continue;
    already.add(a.taskId);
    created.push({ ...a, unitId: toUnit.id, previousId: a.id });
  }
  await repo.insertAssignments(created);
  await repo.linkReplacements(created.map((c) => c.previousId!));
  return created.length;
}

/**
 * Closes an issued plan: completed, or superseded by another of the same province. Its assignments
 * stay as they are (history); a superseded plan's open work continues only where the new plan says.
 */
export async function closePlan({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: string;
  input: z.infer<typeof planStatusBody>;
}) {
  const plan = await getVisiblePlan({ db, actor, id });
  if (!canAmendPlan(actor, plan))
    throw plan.status === "issued"
      ? forbidden()
      : badRequest("plan.notIssued", "Chỉ kết thúc được kế hoạch đang có hiệu lực (đã ban hành).");
  if (input.status === "superseded") {
    if (!input.supersededById) throw badRequest("plan.supersededBy", "Hãy chọn kế hoạch thay thế.");
    const next = await getVisiblePlan({ db, actor, id: input.supersededById }).catch(() => null);
    if (!next || next.id === id || next.provinceId !== plan.provinceId)
      throw badRequest("plan.supersededBy", "Kế hoạch thay thế không hợp lệ.");
  }
  await db.transaction(async (tx) => {
    const claimed = await createPlansRepository(tx).updateIfStatus(id, "issued", {
      status: input.status,
      updatedBy: actor.userId,
    });
    if (!claimed) throw conflict("plan.notIssued", "Kế hoạch vừa được thay đổi bởi người khác.");
    await writeAudit({
      tx,
      actor,
      record: {
        entity: "plan",
        entityId: id,
        action: input.status,
        before: { status: plan.status },
        after: input,
      },
    });
  });
}

/**
 * After a group's membership changed: re-expands the plan's groups at a date; units that joined get
 * the tasks, units that left have their group-given assignments ended. Explicit reassignments stay.
 */
export async function resyncAssignments({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: string;
  input: z.infer<typeof resyncBody>;
}) {
  const plan = await getVisiblePlan({ db, actor, id });
  if (!canReassign(actor, plan))
    throw plan.status === "issued"
      ? forbidden()
      : badRequest("plan.notIssued", "Chỉ cập nhật phân công của kế hoạch đã ban hành.");
  const at = input.at ?? today();
  return db.transaction(async (tx) => {
    const repo = createPlansRepository(tx);
    const { rows } = await getTaskGrid({ db: tx, plan });
    const desired = await desiredAssignments({ db: tx, rows, at });
    const active = await repo.activeAssignmentsOf(rows.map((r) => r.id));
    const key = (a: { taskId: string; unitId: string }) => `${a.taskId}|${a.unitId}`;
    const wanted = new Set(desired.map(key));
    const have = new Set(active.map(key));
    const toEnd = active.filter((a) => a.viaGroupId && !a.previousId && !wanted.has(key(a)));
    const toAdd = desired.filter((d) => !have.has(key(d)));
    await repo.endAssignments(
      toEnd.map((a) => a.id),
      input.reason,
    );
    await repo.insertAssignments(toAdd);
    await writeAudit({
      tx,
      actor,
      record: {
        entity: "plan",
        entityId: id,
        action: "resyncAssignments",
        after: { at, reason: input.reason, created: toAdd.length, ended: toEnd.length },
      },
    });
    return { assignmentsCreated: toAdd.length, assignmentsEnded: toEnd.length };
  });
}

/** Gives one assignment to another unit, with a reason; the old row is ended, not deleted. */
export async function reassignAssignment({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: string;
  input: z.infer<typeof reassignBody>;
}) {
  const repo = createPlansRepository(db);
  const a = await repo.findAssignment(id);
  if (!a || a.endedAt) throw notFound("assignment.notFound", "Không tìm thấy phân công.");
  const plan = await getVisiblePlan({ db, actor, id: a.planId });
  if (!canReassign(actor, plan)) throw forbidden();
  const to = await getVisibleUnit({ db, actor, id: input.toUnitId });
  if (to.provinceId !== plan.provinceId)
    throw badRequest("plan.task.leadNotUnit", "Đơn vị nhận không thuộc tỉnh của kế hoạch.");
  return db.transaction(async (tx) => {
    const moved = await moveAssignments({ tx, assignments: [a], toUnit: to, reason: input.reason });
    await writeAudit({
      tx,
      actor,
      record: {
        entity: "assignment",
        entityId: id,
        action: "reassign",
        before: a,
        after: { toUnitId: to.id, reason: input.reason },
      },
    });
    return { moved, toUnitIds: [to.id] };
  });
}

/** After a merge: the predecessor's open assignments move to its successor, history kept. */
export async function reassignMerged({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor | AuditActor;
  input: z.infer<typeof reassignMergedBody>;
}) {
  const from =
    "roles" in actor
      ? await getVisibleUnit({ db, actor, id: input.fromUnitId })
      : await createOrgUnitsRepository(db).findById(input.fromUnitId);
  if (!from) throw notFound("orgUnit.notFound", "Không tìm thấy đơn vị.");
  if ("roles" in actor && !canReassignMerged(actor, from)) throw forbidden();
  let toId = input.toUnitId;
  if (!toId) {
    const successors = await createPlansRepository(db).successorsOf(from.id);
    const ids = successors.filter((x) => x !== from.id);
    if (ids.length === 0)
      throw badRequest(
        "assignment.noSuccessor",
        `“${from.name}” chưa có đơn vị kế thừa; hãy chọn đơn vị nhận.`,
      );
    if (ids.length > 1)
      throw badRequest(
        "assignment.manySuccessors",
        `“${from.name}” có ${ids.length} đơn vị kế thừa; hãy chọn đơn vị nhận.`,
      );
    toId = ids[0];
  }
  const to = await createOrgUnitsRepository(db).findById(toId);
  if (!to || to.provinceId !== from.provinceId)
    throw badRequest("orgUnit.notFound", "Đơn vị nhận không hợp lệ.");
  return db.transaction(async (tx) => {
    const open = await createPlansRepository(tx).activeAssignmentsOfUnit(from);
    const reason = input.reason || `Sáp nhập: ${from.name} → ${to.name}`;
    const moved = open.length ? await moveAssignments({ tx, assignments: open, toUnit: to, reason }) : 0;
    await writeAudit({
      tx,
      actor,
      record: {
        entity: "assignment",
        entityId: null,
        action: "reassignMerged",
        after: { fromUnitId: from.id, toUnitId: to.id, ended: open.length, moved },
      },
    });
    return { moved, toUnitIds: [to.id] };
  });
}

/**
 * A unit states progress on its assignment ("Nhiệm vụ của đơn vị"): through the one write path
 * (assignments/progress.ts), which also writes the unit's open report entry and rolls up.
 */
export async function updateAssignment({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: string;
  input: z.infer<typeof assignmentUpdateBody>;
}) {
  const repo = createPlansRepository(db);
  const a = await repo.findAssignment(id);
  if (!a) throw notFound("assignment.notFound", "Không tìm thấy phân công.");
  const plan = await getVisiblePlan({ db, actor, id: a.planId }).catch(() => null);
  if (!plan && !a.unitPath.startsWith(actor.unitPath))
    throw notFound("assignment.notFound", "Không tìm thấy phân công.");
  if (!canUpdateAssignment(actor, a)) throw forbidden();
  if (a.endedAt) throw assignmentEnded();
  const [task] = await repo.findTasks([a.taskId]);
  const issued = plan?.issuedDate ?? (await repo.findById(a.planId))?.issuedDate ?? null;
  const statement = checkStatement({
    before: { progress: a.progress, completedAt: a.completedAt },
    progress: input.progress,
    completedAt: input.completedAt,
    today: today(),
    planIssued: issued,
  });
  return db.transaction(async (tx) => {
    await writeProgress(tx, {
      assignmentId: id,
      statement,
      recurring: (task?.deadline as Deadline | null)?.kind === "recurring",
      openEntries: true,
    });
    const after =
      input.note !== undefined
        ? await createPlansRepository(tx).updateAssignment(id, { note: input.note })
        : await createPlansRepository(tx).findAssignment(id);
    await writeAudit({
      tx,
      actor,
      record: { entity: "assignment", entityId: id, action: "update", before: a, after },
    });
    return after;
  });
}

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
  const repo = createPlansRepository(db);
  const all = await repo.listTasks(parent.id);
  let chosen: string[];
  if (input.taskIds) {
    const ids = new Set(all.map((t) => t.id));
    const stray = input.taskIds.find((t) => !ids.has(t));
    if (stray) throw badRequest("plan.task.parentTask", "Nhiệm vụ được chọn không thuộc kế hoạch cấp trên.");
    chosen = input.taskIds;
  } else {
    const mine = await repo.activeAssignmentsOf(all.map((t) => t.id));
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
  from: Awaited<ReturnType<ReturnType<typeof createPlansRepository>["listTasks"]>>;
  chosen: Set<string>;
  planId: string;
  provinceId: string;
  link: "parent" | "source";
}) {
  const repo = createPlansRepository(tx);
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
  await repo.insertTasks(rows);
  const comps = await repo.componentsOf([...keep]);
  await repo.replaceComponents(
    [],
    comps.map((c) => ({ ...c, taskId: newId.get(c.taskId)! })),
  );
  if (link === "source") {
    const ps = await repo.participantsOf([...keep]);
    await repo.replaceParticipants(
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
  const tasks = await repo.listTasks(framework.id);
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
