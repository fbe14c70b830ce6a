/**
 * The inspections of a plan: units added (one by one or by group) with their dates, team and scope,
 * edited or cancelled before the record; lists per plan and per unit (a unit's history) with how each
 * inspection's remediation stands; one inspection's page with its findings and minutes.
 */
import type { z } from "zod";
import type {
  inspectionCancelBody,
  inspectionListQuery,
  inspectionsAddBody,
  inspectionUpdateBody,
} from "../../../../../core/src/api/follow-up-inspections.schemas";
import type { FindingSeverity, InspectionState } from "../../../../../core/src/follow-up/inspections";
import { type FollowUpState, followUpStatus } from "../../../../../core/src/follow-up/items";
import { formatDateVi } from "../../../../../core/src/text/dates";
import type { Actor } from "../../../app/actor";
import type { Db, DbOrTx } from "../../../app/db";
import { badRequest, conflict, forbidden, notFound } from "../../../app/errors";
import { writeAudit } from "../../audit/audit.repository";
import { loadVersion } from "../../indices/indices.versions";
import { expandGroup } from "../../org-units/org-groups.service";
import { canReadUnit } from "../../org-units/org-units.policy";
import { createOrgUnitsRepository, type OrgUnitRow } from "../../org-units/org-units.repository";
import { today } from "../../org-units/org-units.service";
import { getManagedInspectionPlan } from "./inspection-plans.service";
import {
  canManageInspectionPlan,
  canReadInspection,
  canUpdateFinding,
  inspectionCan,
  inspectionScope,
} from "./inspections.policy";
import { createInspectionsRepository, type InspectionWithPlan } from "./inspections.repository";
import { countRemediation, noRemediation, type RemediationCounts } from "./remediation";

type AddInput = z.infer<typeof inspectionsAddBody>;
type UpdateInput = z.infer<typeof inspectionUpdateBody>;
type CancelInput = z.infer<typeof inspectionCancelBody>;
type ListQuery = z.infer<typeof inspectionListQuery>;

const inspectionNotFound = () => notFound("inspection.notFound", "Không tìm thấy cuộc kiểm tra.");

/** Loads an inspection the actor may read, or answers "not found". */
export async function getVisibleInspection({ db, actor, id }: { db: DbOrTx; actor: Actor; id: string }) {
  const inspection = await createInspectionsRepository(db).findInspection(id);
  if (!inspection || !canReadInspection(actor, inspection)) throw inspectionNotFound();
  return inspection;
}

/** An inspection the actor may read and whose plan she manages (403 otherwise). */
export async function getManagedInspection({ db, actor, id }: { db: DbOrTx; actor: Actor; id: string }) {
  const inspection = await getVisibleInspection({ db, actor, id });
  if (!canManageInspectionPlan(actor, inspection))
    throw forbidden("inspection.forbidden", "Bạn không phụ trách cuộc kiểm tra này.");
  return inspection;
}

/** A write on an inspection that must still be planned: a clear refusal once recorded or cancelled. */
export function assertPlanned(inspection: { state: string }, what: string) {
  if (inspection.state === "done")
    throw conflict("inspection.recorded", `Cuộc kiểm tra đã được ghi kết quả; không thể ${what}.`);
  if (inspection.state === "cancelled")
    throw conflict("inspection.cancelled", `Cuộc kiểm tra đã bị hủy; không thể ${what}.`);
}

export const staleInspection = () =>
  conflict("inspection.stale", "Cuộc kiểm tra vừa được người khác thay đổi. Hãy tải lại trang rồi thử lại.");

/** The dates of an inspection: inside the plan's year, the end not before the start. */
function checkDates(year: number, startsOn: string, endsOn: string) {
  for (const [day, name] of [
    [startsOn, "Ngày bắt đầu"],
    [endsOn, "Ngày kết thúc"],
  ] as const)
    if (Number(day.slice(0, 4)) !== year)
      throw badRequest(
        "inspection.dates",
        `${name} (${formatDateVi(day)}) phải nằm trong năm ${year} của kế hoạch kiểm tra.`,
      );
  if (endsOn < startsOn)
    throw badRequest(
      "inspection.dates",
      `Ngày kết thúc (${formatDateVi(endsOn)}) không thể trước ngày bắt đầu (${formatDateVi(startsOn)}).`,
    );
}

/** The units chosen and the members of the chosen groups, each a working unit of the plan's province. */
async function unitsToInspect({
  db,
  actor,
  input,
  provinceId,
}: {
  db: Db;
  actor: Actor;
  input: AddInput;
  provinceId: string;
}) {
  const chosen = [...new Set(input.unitIds)];
  const units = await createOrgUnitsRepository(db).findByIds(chosen);
  if (units.length !== chosen.length || units.some((u) => !canReadUnit(actor, u)))
    throw badRequest("inspection.unitNotFound", "Có đơn vị được chọn không tồn tại.");
  const members: OrgUnitRow[] = [];
  for (const groupId of new Set(input.groupIds)) {
    const expanded = await expandGroup({ db, actor, id: groupId, at: input.startsOn }).catch(() => {
      throw badRequest("inspection.groupNotFound", "Không tìm thấy nhóm đơn vị được chọn.");
    });
    members.push(...expanded);
  }
  const all = [...new Map([...units, ...members].map((u) => [u.id, u])).values()];
  const foreign = all.find((u) => u.provinceId !== provinceId);
  if (foreign)
    throw badRequest(
      "inspection.unitProvince",
      `Đơn vị “${foreign.name}” không thuộc tỉnh, thành phố của kế hoạch kiểm tra.`,
    );
  const gone = all.find((u) => u.validTo && u.validTo < input.startsOn);
  if (gone)
    throw badRequest(
      "inspection.unitInactive",
      `Đơn vị “${gone.name}” đã thôi hoạt động từ ${formatDateVi(gone.validTo)}, trước ngày bắt đầu kiểm tra.`,
    );
  if (!all.length) throw badRequest("inspection.noUnits", "Nhóm đơn vị được chọn hiện không có đơn vị nào.");
  return all;
}

/** Adds the units to inspect; a unit the plan already inspects is left as it is and named. */
export async function addInspections({
  db,
  actor,
  planId,
  input,
}: {
  db: Db;
  actor: Actor;
  planId: string;
  input: AddInput;
}) {
  const plan = await getManagedInspectionPlan({ db, actor, id: planId });
  checkDates(plan.year, input.startsOn, input.endsOn);
  const units = await unitsToInspect({ db, actor, input, provinceId: plan.provinceId });
  return db.transaction(async (tx) => {
    const repo = createInspectionsRepository(tx);
    if (!(await repo.lockPlan(planId, "share")))
      throw notFound("inspectionPlan.notFound", "Không tìm thấy kế hoạch kiểm tra.");
    const existing = await repo.activeUnitsOfPlan(planId);
    const fresh = units.filter((u) => !existing.has(u.id));
    const rows = await repo.insertInspections(
      fresh.map((u) => ({
        planId,
        provinceId: plan.provinceId,
        unitId: u.id,
        unitPath: u.path,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        team: input.team,
        scope: input.scope,
        createdBy: actor.userId,
      })),
    );
    for (const row of rows)
      await writeAudit({
        tx,
        actor,
        record: { entity: "inspection", entityId: row.id, action: "create", after: row },
      });
    return {
      added: rows.length,
      skipped: units.filter((u) => existing.has(u.id)).map((u) => ({ unitId: u.id, unitName: u.name })),
    };
  });
}

/** Changes a planned inspection's dates, team or scope. */
export async function updateInspection({
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
  const before = await getManagedInspection({ db, actor, id });
  assertPlanned(before, "sửa kế hoạch của cuộc kiểm tra");
  const { version, ...values } = input;
  checkDates(before.planYear, values.startsOn ?? before.startsOn, values.endsOn ?? before.endsOn);
  await db.transaction(async (tx) => {
    const after = await createInspectionsRepository(tx).updateInspection(id, version, values);
    if (!after) throw staleInspection();
    await writeAudit({
      tx,
      actor,
      record: { entity: "inspection", entityId: id, action: "update", before, after },
    });
  });
}

/** Cancels a planned inspection, with the reason. */
export async function cancelInspection({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: string;
  input: CancelInput;
}) {
  const before = await getManagedInspection({ db, actor, id });
  assertPlanned(before, "hủy");
  await db.transaction(async (tx) => {
    const after = await createInspectionsRepository(tx).updateInspection(id, input.version, {
      state: "cancelled",
      cancelReason: input.reason,
    });
    if (!after) throw staleInspection();
    await writeAudit({
      tx,
      actor,
      record: {
        entity: "inspection",
        entityId: id,
        action: "update",
        before: { state: before.state },
        after: { state: "cancelled", reason: input.reason },
      },
    });
  });
}

export function presentInspectionSummary(
  i: InspectionWithPlan & { findingCount: number },
  remediation: RemediationCounts,
) {
  return {
    id: i.id,
    planId: i.planId,
    planTitle: i.planTitle,
    planNumber: i.planNumber,
    planYear: i.planYear,
    ownerUnitId: i.ownerUnitId,
    ownerUnitName: i.ownerUnitName,
    unitId: i.unitId,
    unitName: i.unitName,
    startsOn: i.startsOn,
    endsOn: i.endsOn,
    team: i.team,
    scope: i.scope,
    state: i.state as InspectionState,
    heldOn: i.heldOn,
    cancelReason: i.cancelReason,
    findingCount: i.findingCount,
    remediation,
    version: i.version,
  };
}

/** Inspections in scope, by plan, unit (its history), year or state, paged, with their remediation. */
export async function listInspections({ db, actor, query }: { db: Db; actor: Actor; query: ListQuery }) {
  const repo = createInspectionsRepository(db);
  const { rows, total } = await repo.listInspections({
    scope: inspectionScope(actor),
    planId: query.planId,
    unitId: query.unitId,
    year: query.year,
    state: query.state,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  const items = await repo.itemFactsOf({ inspectionIds: rows.map((r) => r.id) });
  const { byInspection } = countRemediation(items, today());
  return {
    inspections: rows.map((r) => presentInspectionSummary(r, byInspection.get(r.id) ?? noRemediation())),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** One inspection with its findings (each with its remediation as it stands), minutes and what the actor may do. */
export async function getInspectionDetail({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  const inspection = await getVisibleInspection({ db, actor, id });
  const repo = createInspectionsRepository(db);
  const [findings, files] = await Promise.all([repo.findingsOf(id), repo.filesOf(id)]);
  const day = today();
  const items = findings.flatMap((f) =>
    f.item ? [{ inspectionId: id, state: f.item.state, dueDate: f.item.dueDate, doneOn: f.item.doneOn }] : [],
  );
  const names = new Map<string, string | null>();
  for (const f of findings) {
    const { versionCode, componentCode } = f.finding;
    if (!versionCode || !componentCode) continue;
    const key = `${versionCode}|${componentCode}`;
    if (!names.has(key))
      names.set(
        key,
        (await loadVersion(db, versionCode))?.components.find((c) => c.code === componentCode)?.nameVi ??
          null,
      );
  }
  return {
    ...presentInspectionSummary(
      { ...inspection, findingCount: findings.length },
      countRemediation(items, day).total,
    ),
    conclusion: inspection.conclusion,
    planScope: inspection.planScope,
    findings: findings.map(({ finding: f, item, itemUnitName }) => ({
      id: f.id,
      position: f.position,
      content: f.content,
      severity: f.severity as FindingSeverity,
      versionCode: f.versionCode,
      componentCode: f.componentCode,
      componentName:
        f.versionCode && f.componentCode ? (names.get(`${f.versionCode}|${f.componentCode}`) ?? null) : null,
      remediation: item
        ? {
            itemId: item.id,
            state: item.state as FollowUpState,
            status: followUpStatus({
              state: item.state as FollowUpState,
              dueDate: item.dueDate,
              doneOn: item.doneOn,
              today: day,
            }),
            unitId: item.unitId,
            unitName: itemUnitName,
            dueDate: item.dueDate,
            requiredResult: item.requiredResult,
          }
        : null,
      can: {
        update: canUpdateFinding(actor, inspection, (item?.state as FollowUpState | undefined) ?? null),
      },
    })),
    files: files.map(presentFile),
    can: inspectionCan(actor, inspection),
  };
}

export const presentFile = (f: {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  createdAt: Date;
}) => ({
  id: f.id,
  fileName: f.fileName,
  contentType: f.contentType,
  size: f.size,
  createdAt: f.createdAt.toISOString(),
});
