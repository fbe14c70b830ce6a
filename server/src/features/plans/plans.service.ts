/** Plans: create, read, list, update and delete drafts, targets with baselines; the presenters. */

import type { z } from "zod";
import type {
  planCreateBody,
  planListQuery,
  planTargetsBody,
  planUpdateBody,
} from "../../../../core/src/api/plans.schemas";
import { foldForMatch } from "../../../../core/src/text/vietnamese";
import { type Actor, hasRole } from "../../app/actor";
import type { Db, DbOrTx } from "../../app/db";
import { badRequest, forbidden, notFound } from "../../app/errors";
import { writeAudit } from "../audit/audit.repository";
import { createIndicesRepository } from "../indices/indices.repository";
import { indexProvinceOfUnit } from "../indices/indices.targets.service";
import { loadVersion, versionForYear } from "../indices/indices.versions";
import { createOrgUnitsRepository } from "../org-units/org-units.repository";
import { getVisibleUnit, today } from "../org-units/org-units.service";
import {
  canBeParentPlan,
  canCreatePlan,
  canDeletePlan,
  canReadPlan,
  canUpdatePlan,
  planCan,
  taskScope,
} from "./plans.policy";
import { createPlansRepository, type PlanWithOwner } from "./plans.repository";

type CreateInput = z.infer<typeof planCreateBody>;
type UpdateInput = z.infer<typeof planUpdateBody>;
type TargetsInput = z.infer<typeof planTargetsBody>;

export const planSearchText = (p: { number: string; title: string; issuerName: string }) =>
  foldForMatch(`${p.number} ${p.title} ${p.issuerName}`);

/** Loads a plan the actor may read, or answers "not found" (existence is not revealed). */
export async function getVisiblePlan({ db, actor, id }: { db: DbOrTx; actor: Actor; id: string }) {
  const plan = await createPlansRepository(db).findById(id);
  if (!plan || !canReadPlan(actor, plan)) throw notFound("plan.notFound", "Không tìm thấy kế hoạch.");
  return plan;
}

/** The year a plan's index components and baselines refer to. */
export const planYear = (plan: { periodFrom: number | null; issuedDate: string | null }) =>
  plan.periodFrom ?? (plan.issuedDate ? Number(plan.issuedDate.slice(0, 4)) : Number(today().slice(0, 4)));

/** The issue date deadlines are read against: the plan's date, else the start of its period, else today. */
export const planIssued = (plan: { issuedDate: string | null; periodFrom: number | null }) =>
  plan.issuedDate ?? (plan.periodFrom ? `${plan.periodFrom}-01-01` : today());

async function assertParentPlan({
  db,
  actor,
  id,
  provinceId,
  parentPlanId,
}: {
  db: DbOrTx;
  actor: Actor;
  id: string | null;
  /** The province of the plan whose parent this would be. */
  provinceId: string;
  parentPlanId: string | null;
}) {
  if (!parentPlanId) return;
  if (parentPlanId === id)
    throw badRequest("plan.parentCycle", "Kế hoạch không thể là kế hoạch cấp trên của chính nó.");
  const parent = await getVisiblePlan({ db, actor, id: parentPlanId }).catch(() => {
    throw badRequest("plan.parentNotFound", "Không tìm thấy kế hoạch cấp trên.");
  });
  if (!canBeParentPlan({ provinceId }, parent))
    throw badRequest(
      "plan.parentProvince",
      "Kế hoạch cấp trên phải là kế hoạch của cùng tỉnh, thành phố với kế hoạch này.",
    );
  if (id && (await createPlansRepository(db).ancestorIds(parentPlanId)).includes(id))
    throw badRequest(
      "plan.parentCycle",
      "Kế hoạch cấp trên tạo thành vòng lặp (kế hoạch này đã là cấp trên của kế hoạch được chọn).",
    );
}

function assertPeriod(input: { periodFrom?: number | null; periodTo?: number | null }) {
  if (input.periodFrom && input.periodTo && input.periodTo < input.periodFrom)
    throw badRequest("plan.period", "Năm kết thúc phải sau hoặc bằng năm bắt đầu.");
}

/** Creates a draft plan for the actor's unit (or a unit it manages). */
export async function createPlan({ db, actor, input }: { db: Db; actor: Actor; input: CreateInput }) {
  const owner = await getVisibleUnit({ db, actor, id: input.ownerUnitId ?? actor.unitId });
  if (!canCreatePlan(actor, owner))
    throw forbidden("plan.forbidden", "Bạn không được lập kế hoạch cho đơn vị này.");
  if (!owner.provinceId) throw badRequest("plan.province", "Đơn vị ban hành không thuộc tỉnh nào.");
  assertPeriod(input);
  await assertParentPlan({
    db,
    actor,
    id: null,
    provinceId: owner.provinceId,
    parentPlanId: input.parentPlanId,
  });
  const { ownerUnitId: _ignored, ...values } = input;
  return db.transaction(async (tx) => {
    const plan = await createPlansRepository(tx).insert({
      ...values,
      provinceId: owner.provinceId!,
      ownerUnitId: owner.id,
      issuerName: values.issuerName || owner.name,
      status: "draft",
      searchText: planSearchText({ ...values, issuerName: values.issuerName || owner.name }),
      createdBy: actor.userId,
      updatedBy: actor.userId,
    });
    await writeAudit({
      tx,
      actor,
      record: { entity: "plan", entityId: plan.id, action: "create", after: plan },
    });
    return plan.id;
  });
}

/** Changes a draft plan's header. */
export async function updatePlan({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: string;
  input: UpdateInput;
}) {
  const before = await getVisiblePlan({ db, actor, id });
  if (!canUpdatePlan(actor, before))
    throw before.status === "draft"
      ? forbidden()
      : badRequest("plan.notDraft", "Kế hoạch đã ban hành chỉ được sửa đổi bằng văn bản sửa đổi, bổ sung.");
  if (input.ownerUnitId && input.ownerUnitId !== before.ownerUnitId)
    throw badRequest("plan.owner", "Không đổi được đơn vị ban hành của kế hoạch.");
  assertPeriod({ ...before, ...input });
  if (input.parentPlanId !== undefined)
    await assertParentPlan({
      db,
      actor,
      id,
      provinceId: before.provinceId,
      parentPlanId: input.parentPlanId,
    });
  const { ownerUnitId: _o, ...values } = input;
  return db.transaction(async (tx) => {
    const merged = { ...before, ...values };
    const after = await createPlansRepository(tx).update(id, {
      ...values,
      searchText: planSearchText(merged),
      updatedBy: actor.userId,
    });
    await writeAudit({
      tx,
      actor,
      record: { entity: "plan", entityId: id, action: "update", before, after },
    });
    return id;
  });
}

/** Deletes a draft plan with its tasks. */
export async function deletePlan({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  const before = await getVisiblePlan({ db, actor, id });
  if (!canDeletePlan(actor, before))
    throw before.status === "draft"
      ? forbidden()
      : badRequest("plan.notDraft", "Chỉ xóa được kế hoạch dự thảo.");
  await db.transaction(async (tx) => {
    await createPlansRepository(tx).delete(id);
    await writeAudit({ tx, actor, record: { entity: "plan", entityId: id, action: "delete", before } });
  });
}

export function presentPlanSummary(p: PlanWithOwner & { taskCount?: number; progress?: number }) {
  return {
    id: p.id,
    kind: p.kind as never,
    number: p.number,
    issuedDate: p.issuedDate,
    title: p.title,
    status: p.status as never,
    ownerUnitId: p.ownerUnitId,
    ownerUnitName: p.ownerUnitName,
    parentPlanId: p.parentPlanId,
    periodFrom: p.periodFrom,
    periodTo: p.periodTo,
    isFramework: p.isFramework,
    taskCount: p.taskCount ?? 0,
    /** The mean of its tasks' progress (core's `planProgress`, in SQL). */
    progress: p.progress ?? 0,
    updatedAt: p.updatedAt.toISOString(),
  };
}

async function presentTargets(db: DbOrTx, planId: string) {
  const rows = await createPlansRepository(db).listTargets(planId);
  return Promise.all(
    rows.map(async (t) => {
      const version = await loadVersion(db, t.versionCode);
      const comp = t.componentCode ? version?.components.find((c) => c.code === t.componentCode) : null;
      return {
        id: t.id,
        indexCode: t.indexCode,
        versionCode: t.versionCode,
        componentCode: t.componentCode,
        componentName: comp?.nameVi ?? null,
        baselineYear: t.baselineYear,
        baselineValue: t.baselineValue,
        baselineRank: t.baselineRank,
        baselineRankOf: t.baselineRankOf,
        targetValue: t.targetValue,
        rankFrom: t.rankFrom,
        rankTo: t.rankTo,
        band: t.band,
        note: t.note,
      };
    }),
  );
}

/** A plan with its targets, amendments and counts, and what the actor may do with it. */
export async function getPlanDetail({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  const repo = createPlansRepository(db);
  const plan = await getVisiblePlan({ db, actor, id });
  const [targets, amendments, assignmentCount, parent, counted] = await Promise.all([
    presentTargets(db, id),
    repo.listAmendments(id),
    repo.countAssignments(id),
    plan.parentPlanId ? repo.findById(plan.parentPlanId) : null,
    repo.taskFigures(id),
  ]);
  return {
    ...presentPlanSummary({ ...plan, ...counted }),
    provinceId: plan.provinceId,
    issuerName: plan.issuerName,
    place: plan.place,
    signerName: plan.signerName,
    signerTitle: plan.signerTitle,
    signerAuthority: plan.signerAuthority,
    legalBases: plan.legalBases,
    objectives: plan.objectives,
    implementation: plan.implementation,
    recipients: plan.recipients,
    parentPlan:
      parent && canReadPlan(actor, parent)
        ? { id: parent.id, number: parent.number, title: parent.title }
        : null,
    frameworkSourceId: plan.frameworkSourceId,
    issuedAt: plan.issuedAt?.toISOString() ?? null,
    targets,
    amendments: amendments.map((a) => ({
      id: a.id,
      documentNumber: a.documentNumber,
      documentDate: a.documentDate,
      summary: a.summary,
      changes: a.changes,
      createdByName: a.createdByName,
      createdAt: a.createdAt.toISOString(),
    })),
    assignmentCount,
    can: planCan(actor, plan),
  };
}

/** Plans the actor may read, filtered, newest first. */
export async function listPlans({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: z.infer<typeof planListQuery>;
}) {
  const { rows, total } = await createPlansRepository(db).list({
    scope: taskScope(actor),
    status: query.status,
    kind: query.kind,
    ownerUnitId: query.ownerUnitId,
    framework: query.framework === undefined ? undefined : query.framework === "true",
    year: query.year,
    q: query.q,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  const canCreate =
    hasRole(actor, "admin") ||
    hasRole(actor, "coordinator") ||
    hasRole(actor, "officer") ||
    hasRole(actor, "head");
  return { plans: rows.map(presentPlanSummary), total, can: { create: canCreate } };
}

/**
 * Replaces a draft plan's targets. Each names an index (and a component of the index version valid in
 * the plan's year); an empty baseline is filled from the last published result before that year.
 */
export async function replacePlanTargets({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: string;
  input: TargetsInput;
}) {
  const plan = await getVisiblePlan({ db, actor, id });
  if (!canUpdatePlan(actor, plan))
    throw plan.status === "draft"
      ? forbidden()
      : badRequest("plan.notDraft", "Kế hoạch đã ban hành chỉ được sửa đổi bằng văn bản sửa đổi.");
  const rows = await buildTargetRows({ db, plan, targets: input.targets });
  await db.transaction(async (tx) => {
    const before = await createPlansRepository(tx).listTargets(id);
    await createPlansRepository(tx).replaceTargets(id, rows);
    await writeAudit({
      tx,
      actor,
      record: {
        entity: "plan",
        entityId: id,
        action: "targets",
        before: { targets: before },
        after: { targets: rows },
      },
    });
  });
  return presentTargets(db, id);
}

/** Validated target rows of a plan, baselines filled from the results published before its year. */
export async function buildTargetRows({
  db,
  plan,
  targets,
}: {
  db: DbOrTx;
  plan: PlanWithOwner;
  targets: TargetsInput["targets"];
}) {
  const id = plan.id;
  const input = { targets };
  const year = planYear(plan);
  const province = await createOrgUnitsRepository(db).findById(plan.provinceId);
  const provinceCode = province ? await indexProvinceOfUnit(db, province) : null;
  const rows: Parameters<ReturnType<typeof createPlansRepository>["replaceTargets"]>[1] = [];
  for (const [i, t] of input.targets.entries()) {
    const version = t.versionCode
      ? await loadVersion(db, t.versionCode)
      : await versionForYear(db, t.indexCode, year);
    if (!version || version.indexCode !== t.indexCode)
      throw badRequest(
        "plan.target.version",
        `Không có phiên bản phương pháp của chỉ số “${t.indexCode}” cho năm ${year}.`,
      );
    if (t.componentCode && !version.components.some((c) => c.code === t.componentCode))
      throw badRequest(
        "plan.target.component",
        `Chỉ số thành phần “${t.componentCode}” không thuộc phiên bản ${version.code}.`,
      );
    if (t.rankFrom && t.rankTo && t.rankFrom > t.rankTo)
      throw badRequest("plan.target.rank", "Thứ hạng 'từ' phải nhỏ hơn hoặc bằng thứ hạng 'đến'.");
    const baseline = provinceCode
      ? await baselineOf(db, { provinceCode, indexCode: t.indexCode, componentCode: t.componentCode, year })
      : null;
    rows.push({
      planId: id,
      indexCode: t.indexCode,
      versionCode: version.code,
      componentCode: t.componentCode,
      targetValue: t.targetValue,
      rankFrom: t.rankFrom,
      rankTo: t.rankTo,
      band: t.band,
      note: t.note,
      baselineYear: baseline?.year ?? null,
      baselineValue: t.baselineValue ?? baseline?.value ?? null,
      baselineRank: t.baselineRank ?? baseline?.rank ?? null,
      baselineRankOf: baseline?.rankOf ?? null,
      sortOrder: i,
    });
  }
  return rows;
}

/** The last published figure before `year` (value, rank) of a province on an index or component. */
async function baselineOf(
  db: DbOrTx,
  key: { provinceCode: string; indexCode: string; componentCode: string | null; year: number },
) {
  const repo = createIndicesRepository(db);
  const results = (await repo.resultsOfProvinces([key.provinceCode]))
    .filter((r) => r.indexCode === key.indexCode && r.year < key.year)
    .sort((a, b) => b.year - a.year);
  const row = results[0];
  if (!row) return null;
  if (!key.componentCode)
    return {
      year: row.year,
      value: row.total,
      rank: row.rank ?? row.computedRank,
      rankOf: row.rankOf ?? row.computedRankOf,
    };
  const value = (await repo.componentValues([row.id])).find((v) => v.componentCode === key.componentCode);
  return {
    year: row.year,
    value: value?.value ?? null,
    rank: value?.rank ?? value?.computedRank ?? null,
    rankOf: row.rankOf ?? row.computedRankOf,
  };
}
