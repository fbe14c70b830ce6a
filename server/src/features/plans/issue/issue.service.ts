/**
 * Issuing a plan (groups expanded to their members as of the plan's date, one assignment per task and
 * unit), amendments, closing, and resynchronising assignments after the task table changed.
 * Assignments are never deleted: they are ended.
 */
import type { z } from "zod";
import type {
  amendmentBody,
  issueBody,
  planStatusBody,
  resyncBody,
} from "../../../../../core/src/api/plans.schemas";
import type { Actor, AuditActor } from "../../../app/actor";
import type { Db, DbOrTx } from "../../../app/db";
import { badRequest, conflict, forbidden } from "../../../app/errors";
import { writeAudit } from "../../audit/audit.repository";
import {
  createOrgGroupsRepository,
  createOrgUnitsRepository,
  type OrgGroupRow,
} from "../../org-units/org-units.repository";
import { today } from "../../org-units/org-units.service";
import { createAssignmentsRepository } from "../assignments/assignments.repository";
import { rollUpTasks } from "../assignments/progress";
import { canAmendPlan, canIssuePlan, canReassign } from "../plans.policy";
import { createPlansRepository, type PlanWithOwner } from "../plans.repository";
import { getVisiblePlan, planSearchText } from "../plans.service";
import { applyTaskRows, getTaskGrid, type TaskProblem } from "../tasks/tasks.service";

type AssignmentInsert = Parameters<
  ReturnType<typeof createAssignmentsRepository>["insertAssignments"]
>[0][number];

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
    const assignmentRows = createAssignmentsRepository(tx);
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
    await assignmentRows.insertAssignments(assignments);
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
    const assignmentRows = createAssignmentsRepository(tx);
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
    const active = await assignmentRows.activeAssignmentsOf([...writtenIds, ...deletedIds]);
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
    await assignmentRows.endAssignments(
      toEnd.map((a) => a.id),
      reason,
    );
    await assignmentRows.insertAssignments(toAdd);
    await rollUpTasks(
      tx,
      [...toEnd, ...toAdd].map((a) => a.taskId),
    );
    for (const r of rows.filter((x) => written.has(x.id))) await assignmentRows.setDueDates(r.id, r.dueDate);
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
    const assignmentRows = createAssignmentsRepository(tx);
    const { rows } = await getTaskGrid({ db: tx, plan });
    const desired = await desiredAssignments({ db: tx, rows, at });
    const active = await assignmentRows.activeAssignmentsOf(rows.map((r) => r.id));
    const key = (a: { taskId: string; unitId: string }) => `${a.taskId}|${a.unitId}`;
    const wanted = new Set(desired.map(key));
    const have = new Set(active.map(key));
    const toEnd = active.filter((a) => a.viaGroupId && !a.previousId && !wanted.has(key(a)));
    const toAdd = desired.filter((d) => !have.has(key(d)));
    await assignmentRows.endAssignments(
      toEnd.map((a) => a.id),
      input.reason,
    );
    await assignmentRows.insertAssignments(toAdd);
    await rollUpTasks(
      tx,
      [...toEnd, ...toAdd].map((a) => a.taskId),
    );
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
