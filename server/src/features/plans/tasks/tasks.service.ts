/**
 * The task table of a plan, edited as a grid: bulk upsert of rows, reorder, bulk-assign, bulk-link.
 * Deadlines are parsed on save and kept as written; what cannot be understood or matched is flagged
 * (the plan cannot be issued until it is settled), while what is plainly wrong is refused with 400.
 */

import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type {
  bulkAssignBody,
  bulkLinkBody,
  participantRef,
  taskReorderBody,
  taskRowInput,
  taskUpsertBody,
} from "../../../../../core/src/api/plans.schemas";
import {
  type Deadline,
  deadlineToJson,
  dueDate,
  parseDeadline,
  renderDeadline,
} from "../../../../../core/src/deadlines";
import { numberTree } from "../../../../../core/src/plans/numbering";
import { searchQueryForms } from "../../../../../core/src/text/unit-search";
import { foldForMatch } from "../../../../../core/src/text/vietnamese";
import type { AuditAction } from "../../../../../core/src/words/audit";
import type { Actor, AuditActor } from "../../../app/actor";
import type { Db, DbOrTx } from "../../../app/db";
import { badRequest, forbidden } from "../../../app/errors";
import { writeAudit } from "../../audit/audit.repository";
import { loadVersion, versionForYear } from "../../indices/indices.versions";
import { createOrgGroupsRepository, createOrgUnitsRepository } from "../../org-units/org-units.repository";
import { canUpdatePlan } from "../plans.policy";
import {
  createPlansRepository,
  type NewTaskRow,
  type PlanWithOwner,
  type TaskRowDb,
} from "../plans.repository";
import { getVisiblePlan, planIssued, planYear } from "../plans.service";
import { createTasksRepository } from "./tasks.repository";

type RowInput = z.input<typeof taskRowInput>;
type ParticipantRef = z.infer<typeof participantRef>;
type ResolvedParticipant = { unitId: string | null; groupId: string | null; rawName: string };

export interface TaskProblem {
  taskId: string | null;
  number: string;
  field: string;
  message: string;
}

/** Matches names as written ("Sở Nội vụ", "Các sở, ban, ngành") to groups, then units, of a province. */
export async function matchParticipantNames({
  db,
  provinceId,
  names,
  at,
}: {
  db: DbOrTx;
  provinceId: string;
  names: string[];
  at: string;
}) {
  const out = new Map<
    string,
    { unitId: string | null; groupId: string | null; name: string; kind: string | null }
  >();
  const unique = [...new Set(names.map((n) => n.trim()).filter(Boolean))];
  if (!unique.length) return out;
  const groups = await createOrgGroupsRepository(db).list(provinceId);
  const units = createOrgUnitsRepository(db);
  for (const name of unique) {
    const folded = foldForMatch(name);
    const group = groups.find(
      (g) => g.searchText === folded || foldForMatch(g.name.replace(/,/g, " ")) === folded,
    );
    if (group) {
      out.set(name, { unitId: null, groupId: group.id, name: group.name, kind: null });
      continue;
    }
    const forms = searchQueryForms(name);
    const hits = forms.length ? await units.search({ forms, provinceId, activeOn: null, limit: 10 }) : [];
    // Only a whole-token match counts: a substring hit is a guess, and guesses are flagged instead.
    // Of several ("Sở Nội vụ" of the former and of the current province), the one existing at the
    // plan's date: a 2023 plan names the departments of 2023.
    const exact = hits.filter((u) => forms.some((f) => u.searchText.includes(`|${f}|`)));
    const chosen =
      exact.find((u) => (!u.validFrom || u.validFrom <= at) && (!u.validTo || u.validTo >= at)) ?? exact[0];
    if (chosen) out.set(name, { unitId: chosen.id, groupId: null, name: chosen.name, kind: chosen.kind });
  }
  return out;
}

/** Resolves the grid's participant references; ids that are not a unit or group of the province → 400. */
async function resolveParticipants({
  db,
  provinceId,
  refs,
  at,
}: {
  db: DbOrTx;
  provinceId: string;
  refs: ParticipantRef[];
  at: string;
}) {
  const unitIds = [...new Set(refs.flatMap((r) => ("unitId" in r ? [r.unitId] : [])))];
  const groupIds = [...new Set(refs.flatMap((r) => ("groupId" in r ? [r.groupId] : [])))];
  const names = refs.flatMap((r) => ("name" in r ? [r.name] : []));
  const units = await createOrgUnitsRepository(db).findByIds(unitIds);
  const okUnits = new Set(units.filter((u) => u.provinceId === provinceId).map((u) => u.id));
  const missingUnit = unitIds.find((id) => !okUnits.has(id));
  if (missingUnit)
    throw badRequest(
      "plan.task.leadNotUnit",
      `Đơn vị chủ trì/phối hợp “${missingUnit}” không phải là một đơn vị của tỉnh.`,
    );
  const groupsRepo = createOrgGroupsRepository(db);
  for (const gid of groupIds) {
    const g = await groupsRepo.findById(gid);
    if (!g || g.provinceId !== provinceId)
      throw badRequest("plan.task.groupNotFound", `Nhóm đơn vị “${gid}” không tồn tại trong tỉnh.`);
  }
  const matched = await matchParticipantNames({ db, provinceId, names, at });
  return (ref: ParticipantRef): ResolvedParticipant => {
    if ("unitId" in ref) return { unitId: ref.unitId, groupId: null, rawName: "" };
    if ("groupId" in ref) return { unitId: null, groupId: ref.groupId, rawName: "" };
    const m = matched.get(ref.name.trim());
    return { unitId: m?.unitId ?? null, groupId: m?.groupId ?? null, rawName: ref.name.trim() };
  };
}

/** Checks component links: each must be a component of the index version valid in the plan's year. */
async function validateComponents({
  db,
  plan,
  refs,
}: {
  db: DbOrTx;
  plan: PlanWithOwner;
  refs: Array<{ versionCode: string; componentCode: string }>;
}) {
  const year = planYear(plan);
  const seen = new Set<string>();
  for (const ref of refs) {
    const key = `${ref.versionCode}|${ref.componentCode}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const version = await loadVersion(db, ref.versionCode);
    if (!version)
      throw badRequest("plan.task.componentVersion", `Không có phiên bản chỉ số “${ref.versionCode}”.`);
    const current = await versionForYear(db, version.indexCode, year);
    if (current && current.code !== version.code)
      throw badRequest(
        "plan.task.componentVersion",
        `Chỉ số thành phần “${ref.componentCode}” thuộc phiên bản ${version.code}, không phải phiên bản ${current.code} áp dụng cho năm ${year} của kế hoạch.`,
      );
    if (!version.components.some((c) => c.code === ref.componentCode))
      throw badRequest(
        "plan.task.component",
        `Không có chỉ số thành phần “${ref.componentCode}” trong ${version.code}.`,
      );
  }
}

export function parseTaskDeadline(text: string, issued: string) {
  const deadline: Deadline = text.trim()
    ? parseDeadline(text, { issued })
    : { kind: "unknown", text: "", problem: "Chưa có thời hạn" };
  return { deadline, due: dueDate(deadline) };
}

/**
 * Applies grid rows to a plan inside a transaction (drafts, and issued plans through an amendment).
 * Returns the ids of the rows written and of the rows deleted or removed.
 */
export async function applyTaskRows({
  tx,
  plan,
  rows,
  deleteIds,
  softDelete,
}: {
  tx: DbOrTx;
  plan: PlanWithOwner;
  rows: RowInput[];
  deleteIds: string[];
  softDelete: boolean;
}) {
  const taskRows = createTasksRepository(tx);
  const existing = await taskRows.listTasks(plan.id);
  const byId = new Map(existing.map((t) => [t.id, t]));
  const keyToId = new Map<string, string>();
  const ids = rows.map((r) => {
    if (r.id && !byId.has(r.id))
      throw badRequest("plan.task.notFound", `Dòng “${r.id}” không thuộc kế hoạch này.`);
    const id = r.id ?? randomUUID();
    if (r.key) keyToId.set(r.key, id);
    return id;
  });
  const deleting = new Set(deleteIds);
  for (const id of deleteIds)
    if (!byId.has(id)) throw badRequest("plan.task.notFound", `Dòng “${id}” không thuộc kế hoạch này.`);
  // Deleting a section deletes what is under it.
  let grew = true;
  while (grew) {
    grew = false;
    for (const t of existing)
      if (t.parentId && deleting.has(t.parentId) && !deleting.has(t.id)) {
        deleting.add(t.id);
        grew = true;
      }
  }
  const parentOf = new Map(existing.map((t) => [t.id, t.parentId]));
  const kindOf = new Map(existing.map((t) => [t.id, t.kind]));
  rows.forEach((r, i) => {
    const parent = r.parentKey
      ? keyToId.get(r.parentKey)
      : r.parentId !== undefined
        ? r.parentId
        : byId.get(ids[i])?.parentId;
    if (r.parentKey && !parent)
      throw badRequest("plan.task.parent", `Không tìm thấy dòng cha “${r.parentKey}”.`);
    parentOf.set(ids[i], parent ?? null);
    kindOf.set(ids[i], r.kind ?? byId.get(ids[i])?.kind ?? "task");
  });
  for (const id of ids) {
    const seen = new Set<string>();
    let p = parentOf.get(id) ?? null;
    while (p) {
      if (p === id || seen.has(p))
        throw badRequest("plan.task.cycle", "Một dòng không thể nằm dưới chính nó.");
      if (!parentOf.has(p) || deleting.has(p))
        throw badRequest("plan.task.parent", "Dòng cha không thuộc kế hoạch này.");
      seen.add(p);
      p = parentOf.get(p) ?? null;
    }
  }
  const at = planIssued(plan);
  const resolve = await resolveParticipants({
    db: tx,
    provinceId: plan.provinceId,
    refs: rows.flatMap((r) => [...(r.leads ?? []), ...(r.coordinators ?? [])]),
    at,
  });
  await validateComponents({ db: tx, plan, refs: rows.flatMap((r) => r.components ?? []) });
  const parentTaskIds = [...new Set(rows.flatMap((r) => (r.parentTaskId ? [r.parentTaskId] : [])))];
  if (parentTaskIds.length) {
    const parents = await taskRows.findTasks(parentTaskIds);
    if (parents.length !== parentTaskIds.length || parents.some((p) => p.planId !== plan.parentPlanId))
      throw badRequest(
        "plan.task.parentTask",
        "Nhiệm vụ cấp trên phải là một nhiệm vụ của kế hoạch cấp trên.",
      );
  }

  const depthOf = (id: string) => {
    let d = 0;
    for (let p = parentOf.get(id) ?? null; p; p = parentOf.get(p) ?? null) d++;
    return d;
  };
  const maxOrder = existing.reduce((m, t) => Math.max(m, t.sortOrder), 0);
  // Existing rows keep what the request leaves out, participants and components included.
  const updatedIds = ids.filter((id) => byId.has(id));
  const [prevParticipants, prevComponents] = await Promise.all([
    taskRows.participantsOf(updatedIds),
    taskRows.componentsOf(updatedIds),
  ]);
  const prevRefs = (id: string, role: string): ParticipantRef[] =>
    prevParticipants
      .filter((p) => p.taskId === id && p.role === role)
      .map((p) =>
        p.unitId ? { unitId: p.unitId } : p.groupId ? { groupId: p.groupId } : { name: p.rawName },
      );
  const inserts: NewTaskRow[] = [];
  const updates: Array<{ id: string; values: Partial<NewTaskRow> }> = [];
  const participants: Array<{
    taskId: string;
    role: string;
    unitId: string | null;
    groupId: string | null;
    rawName: string;
    sortOrder: number;
  }> = [];
  const components: Array<{ taskId: string; versionCode: string; componentCode: string }> = [];
  const fullRows = rows.map((r, i) => {
    const prev = byId.get(ids[i]);
    return {
      ...r,
      kind: r.kind ?? (prev?.kind as "task" | "section" | undefined) ?? "task",
      number: r.number ?? prev?.number ?? "",
      expectedOutput: r.expectedOutput ?? prev?.expectedOutput ?? "",
      deadlineText: r.deadlineText ?? prev?.deadlineText ?? "",
      reportingNote: r.reportingNote ?? prev?.reportingNote ?? "",
      quantitativeTargets:
        r.quantitativeTargets ?? (prev?.quantitativeTargets as RowInput["quantitativeTargets"]) ?? [],
      tags: r.tags ?? prev?.tags ?? [],
      parentTaskId: r.parentTaskId !== undefined ? r.parentTaskId : (prev?.parentTaskId ?? null),
      leads: r.leads ?? (prev ? prevRefs(prev.id, "lead") : []),
      coordinators: r.coordinators ?? (prev ? prevRefs(prev.id, "coordinating") : []),
      components:
        r.components ??
        prevComponents
          .filter((c) => c.taskId === ids[i])
          .map((c) => ({ versionCode: c.versionCode, componentCode: c.componentCode })),
    };
  });
  fullRows.forEach((r, i) => {
    const id = ids[i];
    const { deadline, due } = parseTaskDeadline(r.deadlineText, at);
    const resolvedLeads = r.leads.map(resolve);
    const resolvedCoord = r.coordinators.map(resolve);
    for (const [role, list] of [
      ["lead", resolvedLeads],
      ["coordinating", resolvedCoord],
    ] as const)
      for (const [j, p] of list.entries())
        participants.push({
          taskId: id,
          role,
          unitId: p.unitId,
          groupId: p.groupId,
          rawName: p.rawName,
          sortOrder: j,
        });
    for (const c of r.components)
      components.push({ taskId: id, versionCode: c.versionCode, componentCode: c.componentCode });
    const values = {
      parentId: parentOf.get(id) ?? null,
      depth: depthOf(id),
      kind: r.kind,
      number: r.number,
      content: r.content,
      expectedOutput: r.expectedOutput,
      deadlineText: r.deadlineText,
      deadline: deadline as never,
      deadlineKind: deadline.kind,
      dueDate: due,
      reportingNote: r.reportingNote,
      quantitativeTargets: r.quantitativeTargets as never,
      tags: r.tags,
      parentTaskId: r.parentTaskId,
      searchText: foldForMatch(`${r.number} ${r.content} ${r.expectedOutput} ${r.tags.join(" ")}`),
      ...(r.sortOrder !== undefined ? { sortOrder: r.sortOrder } : {}),
    };
    if (byId.has(id)) updates.push({ id, values });
    else
      inserts.push({
        ...values,
        id,
        planId: plan.id,
        provinceId: plan.provinceId,
        sortOrder: r.sortOrder ?? maxOrder + (i + 1) * 10,
      });
  });
  if (deleting.size) {
    if (softDelete) await taskRows.removeTasks([...deleting]);
    else await taskRows.deleteTasks([...deleting]);
  }
  await taskRows.insertTasks(inserts);
  for (const u of updates) await taskRows.updateTask(u.id, u.values);
  await taskRows.replaceParticipants(ids, participants);
  await taskRows.replaceComponents(ids, components);
  await normaliseTree(tx, plan.id);
  return { writtenIds: ids, deletedIds: [...deleting] };
}

/**
 * Recomputes depth and a plan-wide sort order in document order (depth first), and numbers rows left
 * without a number, so that one ORDER BY gives the document.
 */
export async function normaliseTree(tx: DbOrTx, planId: string, renumber = false) {
  const taskRows = createTasksRepository(tx);
  const tasks = await taskRows.listTasks(planId);
  const ordered = documentOrder(tasks);
  const numbers = numberTree(
    ordered.map((t) => ({ id: t.id, parentId: t.parentId, kind: t.kind as "section" | "task" })),
  );
  const depthOf = new Map<string, number>();
  const changed: Array<{ id: string; depth: number; sortOrder: number; number: string }> = [];
  for (const [i, t] of ordered.entries()) {
    const depth = t.parentId ? (depthOf.get(t.parentId) ?? 0) + 1 : 0;
    depthOf.set(t.id, depth);
    const sortOrder = (i + 1) * 10;
    const number = renumber || !t.number ? (numbers.get(t.id) ?? "") : t.number;
    if (t.depth !== depth || t.sortOrder !== sortOrder || t.number !== number)
      changed.push({ id: t.id, depth, sortOrder, number });
  }
  await taskRows.updateTreePositions(changed);
}

/** Rows in the order of the document: each row followed by its children, siblings by sort order. */
export function documentOrder<T extends { id: string; parentId: string | null; sortOrder: number }>(
  rows: T[],
): T[] {
  const children = new Map<string | null, T[]>();
  const ids = new Set(rows.map((r) => r.id));
  for (const r of rows) {
    const key = r.parentId && ids.has(r.parentId) ? r.parentId : null;
    children.set(key, [...(children.get(key) ?? []), r]);
  }
  for (const list of children.values()) list.sort((a, b) => a.sortOrder - b.sortOrder);
  const out: T[] = [];
  const visit = (parent: string | null) => {
    for (const r of children.get(parent) ?? []) {
      out.push(r);
      visit(r.id);
    }
  };
  visit(null);
  return out;
}

async function loadWritablePlan({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  const plan = await getVisiblePlan({ db, actor, id });
  if (!canUpdatePlan(actor, plan))
    throw plan.status === "draft"
      ? forbidden()
      : badRequest("plan.notDraft", "Kế hoạch đã ban hành chỉ được sửa đổi bằng văn bản sửa đổi, bổ sung.");
  return plan;
}

/** The grid's rows with participants, components, deadline models and the problems to settle. */
export async function getTaskGrid({
  db,
  plan,
  taskIds,
}: {
  db: DbOrTx;
  plan: PlanWithOwner;
  taskIds?: string[];
}) {
  const taskRows = createTasksRepository(db);
  const tasks = taskIds
    ? (await taskRows.findTasks(taskIds)).filter((t) => t.planId === plan.id && !t.removedAt)
    : documentOrder(await taskRows.listTasks(plan.id));
  const ids = tasks.map((t) => t.id);
  const [participants, components] = await Promise.all([
    taskRows.participantsOf(ids),
    taskRows.componentsOf(ids),
  ]);
  const names = new Map<string, string | null>();
  for (const c of components) {
    const key = `${c.versionCode}|${c.componentCode}`;
    if (!names.has(key))
      names.set(
        key,
        (await loadVersion(db, c.versionCode))?.components.find((x) => x.code === c.componentCode)?.nameVi ??
          null,
      );
  }
  const byTask = <T extends { taskId: string }>(list: T[]) => {
    const m = new Map<string, T[]>();
    for (const x of list) m.set(x.taskId, [...(m.get(x.taskId) ?? []), x]);
    return m;
  };
  const pByTask = byTask(participants);
  const cByTask = byTask(components);
  const problems: TaskProblem[] = [];
  const rows = tasks.map((t) => {
    const deadline = t.deadline as Deadline;
    const ps = (pByTask.get(t.id) ?? []).map((p) => ({
      role: p.role as "lead" | "coordinating",
      unitId: p.unitId,
      groupId: p.groupId,
      name: p.unitName ?? p.groupName ?? p.rawName,
      matched: !!(p.unitId || p.groupId),
      partner: p.unitKind === "partnerOrg",
    }));
    if (t.kind === "task") {
      if (deadline.kind === "unknown")
        problems.push({
          taskId: t.id,
          number: t.number,
          field: "deadline",
          message: `Thời hạn “${t.deadlineText}” chưa hiểu được: ${deadline.problem}`,
        });
      for (const p of ps.filter((x) => !x.matched))
        problems.push({
          taskId: t.id,
          number: t.number,
          field: p.role === "lead" ? "leads" : "coordinators",
          message: `Chưa khớp “${p.name}” với đơn vị hoặc nhóm nào trong danh bạ.`,
        });
      if (!ps.some((p) => p.role === "lead"))
        problems.push({
          taskId: t.id,
          number: t.number,
          field: "leads",
          message: "Nhiệm vụ chưa có đơn vị chủ trì.",
        });
    }
    return presentTaskRow(
      t,
      ps,
      (cByTask.get(t.id) ?? []).map((c) => ({
        versionCode: c.versionCode,
        componentCode: c.componentCode,
        name: names.get(`${c.versionCode}|${c.componentCode}`) ?? null,
      })),
    );
  });
  return { rows, problems };
}

export function presentTaskRow(
  t: TaskRowDb,
  ps: Array<{
    role: "lead" | "coordinating";
    unitId: string | null;
    groupId: string | null;
    name: string;
    matched: boolean;
    partner: boolean;
  }>,
  components: Array<{ versionCode: string; componentCode: string; name: string | null }>,
) {
  const deadline = t.deadline as Deadline;
  return {
    id: t.id,
    planId: t.planId,
    parentId: t.parentId,
    kind: t.kind as "section" | "task",
    number: t.number,
    sortOrder: t.sortOrder,
    depth: t.depth,
    content: t.content,
    expectedOutput: t.expectedOutput,
    deadlineText: t.deadlineText,
    deadline: deadlineToJson(deadline),
    deadlineRendered: renderDeadline(deadline),
    deadlineProblem: deadline.kind === "unknown" ? deadline.problem : null,
    dueDate: t.dueDate,
    reportingNote: t.reportingNote,
    quantitativeTargets: t.quantitativeTargets as never,
    components,
    tags: t.tags,
    parentTaskId: t.parentTaskId,
    leads: ps.filter((p) => p.role === "lead"),
    coordinators: ps.filter((p) => p.role === "coordinating"),
    progress: t.progress,
  };
}

export async function readTaskGrid({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  const plan = await getVisiblePlan({ db, actor, id });
  return { ...(await getTaskGrid({ db, plan })), can: { update: canUpdatePlan(actor, plan) } };
}

async function writeGrid({
  db,
  actor,
  plan,
  action,
  change,
}: {
  db: Db;
  actor: AuditActor;
  plan: PlanWithOwner;
  action: AuditAction;
  change: (tx: DbOrTx) => Promise<unknown>;
}) {
  await db.transaction(async (tx) => {
    const summary = await change(tx);
    await createPlansRepository(tx).update(plan.id, {});
    await writeAudit({ tx, actor, record: { entity: "plan", entityId: plan.id, action, after: summary } });
  });
  return getTaskGrid({ db, plan });
}

/** Bulk upsert of grid rows (and deletions) of a draft plan. */
export async function upsertTasks({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: string;
  input: z.infer<typeof taskUpsertBody>;
}) {
  const plan = await loadWritablePlan({ db, actor, id });
  const grid = await writeGrid({
    db,
    actor,
    plan,
    action: "tasks.upsert",
    change: async (tx) => {
      const r = await applyTaskRows({
        tx,
        plan,
        rows: input.rows,
        deleteIds: input.deleteIds,
        softDelete: false,
      });
      return {
        written: r.writtenIds.length,
        deleted: r.deletedIds,
        rows: input.rows.length <= 50 ? input.rows : undefined,
      };
    },
  });
  return { ...grid, can: { update: true } };
}

/** Moves rows (new parent and position), then renumbers the table as the document would. */
export async function reorderTasks({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: string;
  input: z.infer<typeof taskReorderBody>;
}) {
  const plan = await loadWritablePlan({ db, actor, id });
  const grid = await writeGrid({
    db,
    actor,
    plan,
    action: "tasks.reorder",
    change: async (tx) => {
      const taskRows = createTasksRepository(tx);
      const tasks = await taskRows.listTasks(plan.id);
      const parentOf = new Map(tasks.map((t) => [t.id, t.parentId]));
      for (const item of input.items) {
        if (!parentOf.has(item.id) || (item.parentId && !parentOf.has(item.parentId)))
          throw badRequest("plan.task.notFound", "Có dòng không thuộc kế hoạch này.");
        parentOf.set(item.id, item.parentId);
      }
      for (const item of input.items) {
        let p = item.parentId;
        let n = 0;
        while (p) {
          if (p === item.id || n++ > 100)
            throw badRequest("plan.task.cycle", "Một dòng không thể nằm dưới chính nó.");
          p = parentOf.get(p) ?? null;
        }
      }
      for (const item of input.items)
        await taskRows.updateTask(item.id, { parentId: item.parentId, sortOrder: item.sortOrder });
      await normaliseTree(tx, plan.id, input.renumber);
      return { items: input.items };
    },
  });
  return { ...grid, can: { update: true } };
}

/** Adds (or sets) leads or coordinators on many rows at once. */
export async function bulkAssign({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: string;
  input: z.infer<typeof bulkAssignBody>;
}) {
  const plan = await loadWritablePlan({ db, actor, id });
  const current = await getTaskGrid({ db, plan });
  const byId = new Map(current.rows.map((r) => [r.id, r]));
  const rows = input.taskIds.map((taskId) => {
    const row = byId.get(taskId);
    if (!row) throw badRequest("plan.task.notFound", `Dòng “${taskId}” không thuộc kế hoạch này.`);
    return toRowInput(row, input.role === "lead" ? "leads" : "coordinators", input.participants, input.mode);
  });
  const grid = await writeGrid({
    db,
    actor,
    plan,
    action: "tasks.bulkAssign",
    change: async (tx) => {
      await applyTaskRows({ tx, plan, rows, deleteIds: [], softDelete: false });
      return input;
    },
  });
  return { ...grid, can: { update: true } };
}

/** Links (or sets) index components on many rows at once. */
export async function bulkLink({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: string;
  input: z.infer<typeof bulkLinkBody>;
}) {
  const plan = await loadWritablePlan({ db, actor, id });
  const current = await getTaskGrid({ db, plan });
  const byId = new Map(current.rows.map((r) => [r.id, r]));
  const rows = input.taskIds.map((taskId) => {
    const row = byId.get(taskId);
    if (!row) throw badRequest("plan.task.notFound", `Dòng “${taskId}” không thuộc kế hoạch này.`);
    const base = toRowInput(row, null, [], "add");
    const existing = input.mode === "replace" ? [] : (base.components ?? []);
    const merged = [...existing, ...input.components].filter(
      (c, i, all) =>
        all.findIndex((x) => x.versionCode === c.versionCode && x.componentCode === c.componentCode) === i,
    );
    return { ...base, components: merged };
  });
  const grid = await writeGrid({
    db,
    actor,
    plan,
    action: "tasks.bulkLink",
    change: async (tx) => {
      await applyTaskRows({ tx, plan, rows, deleteIds: [], softDelete: false });
      return input;
    },
  });
  return { ...grid, can: { update: true } };
}

type GridRow = Awaited<ReturnType<typeof getTaskGrid>>["rows"][number];
const refOf = (p: GridRow["leads"][number]): ParticipantRef =>
  p.unitId ? { unitId: p.unitId } : p.groupId ? { groupId: p.groupId } : { name: p.name };

/** A grid row as input again, with one participant list changed. */
export function toRowInput(
  row: GridRow,
  field: "leads" | "coordinators" | null,
  add: ParticipantRef[],
  mode: "add" | "replace",
): RowInput {
  const leads = row.leads.map(refOf);
  const coordinators = row.coordinators.map(refOf);
  const merge = (list: ParticipantRef[]) =>
    [...(mode === "replace" ? [] : list), ...add].filter(
      (p, i, all) => all.findIndex((x) => JSON.stringify(x) === JSON.stringify(p)) === i,
    );
  return {
    id: row.id,
    parentId: row.parentId,
    kind: row.kind,
    number: row.number,
    content: row.content,
    expectedOutput: row.expectedOutput,
    deadlineText: row.deadlineText,
    reportingNote: row.reportingNote,
    quantitativeTargets: row.quantitativeTargets,
    components: row.components.map((c) => ({ versionCode: c.versionCode, componentCode: c.componentCode })),
    tags: row.tags,
    parentTaskId: row.parentTaskId,
    leads: field === "leads" ? merge(leads) : leads,
    coordinators: field === "coordinators" ? merge(coordinators) : coordinators,
  };
}
