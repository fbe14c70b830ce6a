/**
 * An inspection's record: the day it was held, the conclusion and the findings, each finding's
 * remediation created as a follow-up item (createItems: the one way in), all in one transaction;
 * findings added to a recorded inspection by the same rules; a finding's text, severity and
 * component corrected while its remediation is not accepted.
 */
import type { z } from "zod";
import type {
  addFindingsBody,
  findingUpdateBody,
  recordBody,
} from "../../../../../core/src/api/follow-up-inspections.schemas";
import { formatDateVi } from "../../../../../core/src/text/dates";
import type { Actor } from "../../../app/actor";
import type { Db, DbOrTx } from "../../../app/db";
import { badRequest, conflict, forbidden, notFound } from "../../../app/errors";
import { writeAudit } from "../../audit/audit.repository";
import { today } from "../../org-units/org-units.service";
import { createItems } from "../items/items.create";
import { itemSearchText } from "../items/items.repository";
import { createFindingChecker, type ResolvedFinding } from "./findings.check";
import { canManageInspectionPlan, canUpdateFinding } from "./inspections.policy";
import { createInspectionsRepository, type InspectionWithPlan } from "./inspections.repository";
import {
  assertPlanned,
  getManagedInspection,
  getVisibleInspection,
  staleInspection,
} from "./inspections.service";
import { updateItemFromFinding } from "./item-sync.repository";

type RecordInput = z.infer<typeof recordBody>;
type AddFindingsInput = z.infer<typeof addFindingsBody>;
type FindingUpdateInput = z.infer<typeof findingUpdateBody>;

/** The day of a record: not in the future on the province's clock, not before the inspection's start. */
function checkHeldOn(inspection: { startsOn: string }, heldOn: string) {
  const day = today();
  if (heldOn > day)
    throw badRequest(
      "inspection.heldOnFuture",
      `Ngày kiểm tra (${formatDateVi(heldOn)}) không thể sau hôm nay (${formatDateVi(day)}).`,
    );
  if (heldOn < inspection.startsOn)
    throw badRequest(
      "inspection.heldOnEarly",
      `Ngày kiểm tra (${formatDateVi(heldOn)}) không thể trước ngày bắt đầu theo kế hoạch (${formatDateVi(inspection.startsOn)}).`,
    );
}

/**
 * Inserts the findings at the positions given and their remediation items (followed by the plan's
 * inspecting unit, arisen on the day of the inspection), each audited. In the caller's transaction.
 */
async function insertFindings({
  tx,
  actor,
  inspection,
  heldOn,
  findings,
  firstPosition,
  action = "create",
}: {
  tx: DbOrTx;
  actor: Actor;
  inspection: InspectionWithPlan;
  heldOn: string;
  findings: ResolvedFinding[];
  firstPosition: number;
  /** "import.create" for findings read from a workbook. */
  action?: "create" | "import.create";
}) {
  const rows = await createInspectionsRepository(tx).insertFindings(
    findings.map((f, i) => ({
      inspectionId: inspection.id,
      position: firstPosition + i,
      content: f.content,
      severity: f.severity,
      versionCode: f.versionCode,
      componentCode: f.componentCode,
    })),
  );
  for (const row of rows)
    await writeAudit({
      tx,
      actor,
      record: { entity: "inspectionFinding", entityId: row.id, action, after: row },
    });
  await createItems({
    tx,
    actor,
    drafts: rows.map((row, i) => ({
      kind: "remediation",
      provinceId: inspection.provinceId,
      findingId: row.id,
      follower: { id: inspection.ownerUnitId, path: inspection.ownerUnitPath },
      unit: { id: findings[i].unit.id, path: findings[i].unit.path },
      aroseOn: heldOn,
      content: findings[i].content,
      requiredResult: findings[i].requiredResult,
      versionCode: findings[i].versionCode,
      componentCode: findings[i].componentCode,
      dueDate: findings[i].dueDate,
    })),
  });
  return rows;
}

/** Records a planned inspection: done, with its conclusion, findings and their remediation. */
export async function recordInspection({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: string;
  input: RecordInput;
}) {
  const inspection = await getManagedInspection({ db, actor, id });
  assertPlanned(inspection, "ghi kết quả lần nữa");
  checkHeldOn(inspection, input.heldOn);
  const findings = await createFindingChecker(db, inspection.provinceId).checkAll(input.findings, {
    heldOn: input.heldOn,
    inspectedUnitId: inspection.unitId,
  });
  await db.transaction(async (tx) => {
    const repo = createInspectionsRepository(tx);
    // A plan being deleted waits for the record, and a record never lands in a deleted plan.
    if (!(await repo.lockPlan(inspection.planId, "share"))) throw notFound("inspection.notFound");
    const after = await repo.updateInspection(id, input.version, {
      state: "done",
      heldOn: input.heldOn,
      conclusion: input.conclusion,
    });
    if (!after) throw staleInspection();
    await writeAudit({
      tx,
      actor,
      record: {
        entity: "inspection",
        entityId: id,
        action: "inspection.record",
        before: { state: inspection.state },
        after: {
          state: "done",
          heldOn: input.heldOn,
          conclusion: input.conclusion,
          findings: findings.length,
        },
      },
    });
    await insertFindings({ tx, actor, inspection, heldOn: input.heldOn, findings, firstPosition: 1 });
  });
}

/** Adds findings to a recorded inspection, by the record's rules (deadlines against the day it was held). */
export async function addFindings({
  db,
  actor,
  id,
  input,
  action,
}: {
  db: Db;
  actor: Actor;
  id: string;
  input: AddFindingsInput;
  action?: "create" | "import.create";
}) {
  const inspection = await getManagedInspection({ db, actor, id });
  if (inspection.state !== "done" || !inspection.heldOn)
    throw conflict(
      "inspection.notRecorded",
      inspection.state === "cancelled"
        ? "Cuộc kiểm tra đã bị hủy; không thể thêm tồn tại, hạn chế."
        : "Cuộc kiểm tra chưa được ghi kết quả: hãy ghi kết quả kiểm tra cùng các tồn tại, hạn chế.",
    );
  const heldOn = inspection.heldOn;
  const findings = await createFindingChecker(db, inspection.provinceId).checkAll(input.findings, {
    heldOn,
    inspectedUnitId: inspection.unitId,
  });
  return db.transaction(async (tx) => {
    const repo = createInspectionsRepository(tx);
    // Positions are taken under the inspection's lock: two additions at once do not share a number.
    const locked = await repo.lockInspection(id);
    if (locked?.state !== "done") throw staleInspection();
    const rows = await insertFindings({
      tx,
      actor,
      inspection,
      heldOn,
      findings,
      firstPosition: await repo.nextPosition(id),
      action,
    });
    return rows.length;
  });
}

/** Corrects a finding's text, severity or component while its remediation is not accepted. */
export async function updateFinding({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: string;
  input: FindingUpdateInput;
}) {
  const missing = () => notFound("inspectionFinding.notFound", "Không tìm thấy tồn tại, hạn chế.");
  const found = await createInspectionsRepository(db).findFinding(id);
  if (!found) throw missing();
  const inspection = await getVisibleInspection({ db, actor, id: found.finding.inspectionId }).catch(() => {
    throw missing();
  });
  if (!canManageInspectionPlan(actor, inspection))
    throw forbidden("inspection.forbidden", "Bạn không phụ trách cuộc kiểm tra này.");
  const itemState = (found.itemState ?? null) as Parameters<typeof canUpdateFinding>[2];
  if (!canUpdateFinding(actor, inspection, itemState))
    throw conflict(
      "inspectionFinding.accepted",
      "Kết quả khắc phục tồn tại này đã được chấp nhận; không sửa được nội dung tồn tại nữa.",
    );
  const values: Partial<typeof found.finding> = {};
  if (input.content !== undefined) values.content = input.content;
  if (input.severity !== undefined) values.severity = input.severity;
  if (input.versionCode !== undefined) {
    const comp = await createFindingChecker(db, inspection.provinceId).component(
      input.versionCode ?? null,
      input.componentCode ?? null,
    );
    if ("problem" in comp) throw badRequest("inspection.finding", `Tồn tại, hạn chế: ${comp.problem}`);
    values.versionCode = comp.value?.versionCode ?? null;
    values.componentCode = comp.value?.componentCode ?? null;
  }
  await db.transaction(async (tx) => {
    const before = found.finding;
    const after = await createInspectionsRepository(tx).updateFinding(id, values);
    await writeAudit({
      tx,
      actor,
      record: { entity: "inspectionFinding", entityId: id, action: "update", before, after },
    });
    // The remediation item carries the finding's words and component: it follows the correction.
    if (found.itemId) {
      const item = await updateItemFromFinding(tx, found.itemId, {
        content: after.content,
        versionCode: after.versionCode,
        componentCode: after.componentCode,
        searchText: itemSearchText,
      });
      if (item)
        await writeAudit({
          tx,
          actor,
          record: {
            entity: "followUpItem",
            entityId: found.itemId,
            action: "update",
            before: item.before,
            after: item.after,
          },
        });
    }
  });
}
