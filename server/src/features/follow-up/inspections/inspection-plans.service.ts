/** Inspection plans: create, read, list by year, update, and delete while no inspection has a record. */
import type { z } from "zod";
import type {
  inspectionPlanCreateBody,
  inspectionPlanListQuery,
  inspectionPlanUpdateBody,
} from "../../../../../core/src/api/follow-up-inspections.schemas";
import type { Actor } from "../../../app/actor";
import type { Db, DbOrTx } from "../../../app/db";
import { badRequest, conflict, forbidden, notFound } from "../../../app/errors";
import { writeAudit } from "../../audit/audit.repository";
import { getVisibleUnit, today } from "../../org-units/org-units.service";
import {
  canCreateInspectionPlan,
  canManageInspectionPlan,
  canReadInspectionPlan,
  inspectionPlanCan,
  inspectionScope,
} from "./inspections.policy";
import { createInspectionsRepository, type PlanWithOwner } from "./inspections.repository";
import { countRemediation } from "./remediation";

type CreateInput = z.infer<typeof inspectionPlanCreateBody>;
type UpdateInput = z.infer<typeof inspectionPlanUpdateBody>;
type ListQuery = z.infer<typeof inspectionPlanListQuery>;

const planNotFound = () => notFound("inspectionPlan.notFound", "Không tìm thấy kế hoạch kiểm tra.");

/** Loads a plan the actor may read, or answers "not found" (existence is not revealed). */
export async function getVisibleInspectionPlan({ db, actor, id }: { db: DbOrTx; actor: Actor; id: string }) {
  const repo = createInspectionsRepository(db);
  const plan = await repo.findPlan(id);
  if (!plan) throw planNotFound();
  const inspectsActor =
    !canReadInspectionPlan(actor, plan, false) && (await repo.planInspects(id, actor.unitPath));
  if (!canReadInspectionPlan(actor, plan, inspectsActor)) throw planNotFound();
  return plan;
}

/** A plan the actor may read and must be able to manage (403 otherwise). */
export async function getManagedInspectionPlan({ db, actor, id }: { db: DbOrTx; actor: Actor; id: string }) {
  const plan = await getVisibleInspectionPlan({ db, actor, id });
  if (!canManageInspectionPlan(actor, plan))
    throw forbidden("inspectionPlan.forbidden", "Bạn không phụ trách kế hoạch kiểm tra này.");
  return plan;
}

const presentSummary = (
  p: PlanWithOwner & { inspectionCount: number; doneCount: number; findingCount: number },
) => ({
  id: p.id,
  year: p.year,
  title: p.title,
  number: p.number,
  scope: p.scope,
  ownerUnitId: p.ownerUnitId,
  ownerUnitName: p.ownerUnitName,
  inspectionCount: p.inspectionCount,
  doneCount: p.doneCount,
  findingCount: p.findingCount,
  updatedAt: p.updatedAt.toISOString(),
});

/** A plan with its counts, how its remediation stands, and what the actor may do. */
export async function getInspectionPlanDetail({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  const plan = await getVisibleInspectionPlan({ db, actor, id });
  const repo = createInspectionsRepository(db);
  const [counts, items] = await Promise.all([repo.planCounts(id), repo.itemFactsOf({ planId: id })]);
  return {
    ...presentSummary({ ...plan, ...counts }),
    version: plan.version,
    remediation: countRemediation(items, today()).total,
    can: inspectionPlanCan(actor, plan, counts.doneCount),
  };
}

export async function listInspectionPlans({ db, actor, query }: { db: Db; actor: Actor; query: ListQuery }) {
  const { rows, total } = await createInspectionsRepository(db).listPlans({
    scope: inspectionScope(actor),
    year: query.year,
    ownerUnitId: query.ownerUnitId,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  const own = await getVisibleUnit({ db, actor, id: actor.unitId }).catch(() => null);
  return {
    plans: rows.map(presentSummary),
    total,
    page: query.page,
    pageSize: query.pageSize,
    // Her own unit, or (a coordinator) the province: the form offers those it may plan for.
    can: {
      create:
        (own !== null && canCreateInspectionPlan(actor, own)) ||
        (actor.provinceId !== null &&
          canCreateInspectionPlan(actor, {
            id: actor.provinceId,
            kind: "province",
            provinceId: actor.provinceId,
          })),
    },
  };
}

export async function createInspectionPlan({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: CreateInput;
}) {
  const owner = await getVisibleUnit({ db, actor, id: input.ownerUnitId ?? actor.unitId });
  if (!canCreateInspectionPlan(actor, owner))
    throw forbidden("inspectionPlan.forbidden", "Bạn không được lập kế hoạch kiểm tra cho đơn vị này.");
  const { ownerUnitId: _o, ...values } = input;
  return db.transaction(async (tx) => {
    const plan = await createInspectionsRepository(tx).insertPlan({
      ...values,
      provinceId: owner.provinceId!,
      ownerUnitId: owner.id,
      createdBy: actor.userId,
    });
    await writeAudit({
      tx,
      actor,
      record: { entity: "inspectionPlan", entityId: plan.id, action: "create", after: plan },
    });
    return plan.id;
  });
}

export async function updateInspectionPlan({
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
  const before = await getManagedInspectionPlan({ db, actor, id });
  const repo = createInspectionsRepository(db);
  if (
    input.year !== undefined &&
    input.year !== before.year &&
    (await repo.planCounts(id)).inspectionCount > 0
  )
    throw badRequest(
      "inspectionPlan.year",
      `Kế hoạch đã có cuộc kiểm tra trong năm ${before.year}; không đổi được năm của kế hoạch.`,
    );
  await db.transaction(async (tx) => {
    const after = await createInspectionsRepository(tx).updatePlan(id, input);
    await writeAudit({
      tx,
      actor,
      record: { entity: "inspectionPlan", entityId: id, action: "update", before, after },
    });
  });
}

/** Deletes a plan with its inspections, only while none of them has a record. */
export async function deleteInspectionPlan({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  const before = await getManagedInspectionPlan({ db, actor, id });
  await db.transaction(async (tx) => {
    const repo = createInspectionsRepository(tx);
    await repo.lockPlan(id, "update");
    const { doneCount } = await repo.planCounts(id);
    if (doneCount > 0)
      throw conflict(
        "inspectionPlan.hasRecords",
        `Kế hoạch đã có ${doneCount} cuộc kiểm tra được ghi kết quả; không xóa được. Hãy hủy từng cuộc kiểm tra chưa thực hiện.`,
      );
    await repo.deletePlan(id);
    await writeAudit({
      tx,
      actor,
      record: { entity: "inspectionPlan", entityId: id, action: "delete", before },
    });
  });
}
