/**
 * A plan's inspections in Excel (app/xlsx.ts): one sheet of the inspections (unit, dates, team, state,
 * findings and how their remediation stands), one of the findings with their remediation's unit,
 * deadline, state and status class. The rows the actor may read, every one (not a page).
 */
import ExcelJS from "exceljs";
import {
  FINDING_SEVERITY_LABELS_VI,
  INSPECTION_STATE_LABELS_VI,
} from "../../../../../core/src/follow-up/inspections";
import {
  FOLLOW_UP_STATE_LABELS_VI,
  type FollowUpState,
  followUpStatus,
} from "../../../../../core/src/follow-up/items";
import { ASSIGNMENT_STATUS_LABELS_VI } from "../../../../../core/src/plans/status";
import { formatDateVi } from "../../../../../core/src/text/dates";
import { foldForMatch } from "../../../../../core/src/text/vietnamese";
import { componentLabel } from "../../../../../core/src/words/indices";
import type { Actor } from "../../../app/actor";
import type { Db } from "../../../app/db";
import { tableSheet, workbookBuffer } from "../../../app/xlsx";
import { loadVersion } from "../../indices/indices.versions";
import { today } from "../../org-units/org-units.service";
import { getVisibleInspectionPlan } from "./inspection-plans.service";
import { inspectionScope } from "./inspections.policy";
import { createInspectionsRepository } from "./inspections.repository";
import { countRemediation, noRemediation } from "./remediation";

const PAGE = 500;

export async function exportPlanXlsx({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  const plan = await getVisibleInspectionPlan({ db, actor, id });
  const repo = createInspectionsRepository(db);
  const scope = inspectionScope(actor);
  const inspections: Awaited<ReturnType<typeof repo.listInspections>>["rows"] = [];
  for (let offset = 0; ; offset += PAGE) {
    const { rows } = await repo.listInspections({ scope, planId: id, limit: PAGE, offset });
    inspections.push(...rows);
    if (rows.length < PAGE) break;
  }
  const day = today();
  const { byInspection } = countRemediation(
    await repo.itemFactsOf({ inspectionIds: inspections.map((i) => i.id) }),
    day,
  );
  const findings = [];
  const names = new Map<string, string | null>();
  for (const inspection of inspections) {
    if (inspection.state !== "done") continue;
    for (const f of await repo.findingsOf(inspection.id)) {
      const { versionCode, componentCode } = f.finding;
      const key = `${versionCode}|${componentCode}`;
      if (versionCode && componentCode && !names.has(key))
        names.set(
          key,
          (await loadVersion(db, versionCode))?.components.find((c) => c.code === componentCode)?.nameVi ??
            null,
        );
      findings.push({ inspection, ...f });
    }
  }

  const wb = new ExcelJS.Workbook();
  const title = `${plan.title}${plan.number ? ` (${plan.number})` : ""}`;
  tableSheet(wb, {
    name: "Cuộc kiểm tra",
    title,
    note: `Đơn vị kiểm tra: ${plan.ownerUnitName}. Năm ${plan.year}. Tình trạng khắc phục tính đến ngày ${formatDateVi(day)}.`,
    rows: inspections,
    columns: [
      { header: "Đơn vị được kiểm tra", width: 34, value: (i) => i.unitName },
      { header: "Từ ngày", width: 12, kind: "date", value: (i) => i.startsOn },
      { header: "Đến ngày", width: 12, kind: "date", value: (i) => i.endsOn },
      { header: "Đoàn kiểm tra", width: 30, value: (i) => i.team },
      { header: "Nội dung kiểm tra", width: 30, value: (i) => i.scope },
      {
        header: "Trạng thái",
        width: 16,
        value: (i) => INSPECTION_STATE_LABELS_VI[i.state as keyof typeof INSPECTION_STATE_LABELS_VI],
      },
      { header: "Ngày kiểm tra", width: 12, kind: "date", value: (i) => i.heldOn },
      { header: "Số tồn tại, hạn chế", width: 12, kind: "integer", value: (i) => i.findingCount },
      {
        header: "Đang khắc phục trong hạn",
        width: 14,
        kind: "integer",
        value: (i) => (byInspection.get(i.id) ?? noRemediation()).open,
      },
      {
        header: "Quá hạn khắc phục",
        width: 12,
        kind: "integer",
        value: (i) => (byInspection.get(i.id) ?? noRemediation()).overdue,
      },
      {
        header: "Đã khắc phục, đã đóng",
        width: 12,
        kind: "integer",
        value: (i) => (byInspection.get(i.id) ?? noRemediation()).closed,
      },
      { header: "Lý do hủy", width: 24, value: (i) => i.cancelReason },
    ],
  });
  tableSheet(wb, {
    name: "Tồn tại, hạn chế",
    title,
    note: `Tồn tại, hạn chế qua kiểm tra và tình trạng khắc phục tính đến ngày ${formatDateVi(day)}.`,
    rows: findings,
    columns: [
      { header: "Đơn vị được kiểm tra", width: 30, value: (f) => f.inspection.unitName },
      { header: "Ngày kiểm tra", width: 12, kind: "date", value: (f) => f.inspection.heldOn },
      { header: "STT", width: 6, kind: "integer", value: (f) => f.finding.position },
      { header: "Nội dung tồn tại, hạn chế", width: 50, value: (f) => f.finding.content },
      {
        header: "Mức độ",
        width: 14,
        value: (f) =>
          FINDING_SEVERITY_LABELS_VI[f.finding.severity as keyof typeof FINDING_SEVERITY_LABELS_VI],
      },
      {
        header: "Chỉ số thành phần",
        width: 30,
        value: (f) =>
          f.finding.versionCode && f.finding.componentCode
            ? componentLabel({
                versionCode: f.finding.versionCode,
                componentCode: f.finding.componentCode,
                name: names.get(`${f.finding.versionCode}|${f.finding.componentCode}`),
              })
            : null,
      },
      { header: "Đơn vị khắc phục", width: 30, value: (f) => f.itemUnitName },
      { header: "Thời hạn", width: 12, kind: "date", value: (f) => f.item?.dueDate },
      { header: "Yêu cầu kết quả", width: 40, value: (f) => f.item?.requiredResult },
      {
        header: "Trạng thái khắc phục",
        width: 20,
        value: (f) => (f.item ? FOLLOW_UP_STATE_LABELS_VI.remediation[f.item.state as FollowUpState] : null),
      },
      {
        header: "Tình trạng",
        width: 20,
        value: (f) => {
          if (!f.item) return null;
          const status = followUpStatus({
            state: f.item.state as FollowUpState,
            dueDate: f.item.dueDate,
            doneOn: f.item.doneOn,
            today: day,
          });
          return status ? ASSIGNMENT_STATUS_LABELS_VI[status] : null;
        },
      },
    ],
  });
  // An ASCII name: a header carries no other characters (the plan's number, else its title, folded).
  const safe = foldForMatch(plan.number || plan.title)
    .replace(/\s+/g, "-")
    .slice(0, 60);
  return { fileName: `kiem-tra-${plan.year}-${safe}.xlsx`, data: await workbookBuffer(wb) };
}
