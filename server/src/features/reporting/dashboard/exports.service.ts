/** The consolidated report (Word), the period's entries (Excel) and the yearly scorecards of units. */
import ExcelJS from "exceljs";
import type { z } from "zod";
import type {
  consolidatedBody,
  dashboardQuery,
  scorecardQuery,
} from "../../../../../core/src/api/reporting.schemas";
import { UNIT_KIND_LABELS_VI, type UnitKind } from "../../../../../core/src/auth/roles";
import { compareVietnamese } from "../../../../../core/src/text/vietnamese";
import {
  defaultRecipient,
  letterhead,
  placeName,
  signerTitle,
} from "../../../../../core/src/words/letterhead";
import type { Actor } from "../../../app/actor";
import type { Db } from "../../../app/db";
import { createOrgUnitsRepository } from "../../org-units/org-units.repository";
import { today } from "../../org-units/org-units.service";
import { taskScope } from "../../plans/plans.policy";
import { getVisiblePlan } from "../../plans/plans.service";
import { createObligationsRepository } from "../obligations/obligations.repository";
import { createReportsRepository } from "../reports/reports.repository";
import { createDashboardRepository, type ScorecardRow } from "./dashboard.repository";
import { allOverdueTasks, reportingDashboard } from "./dashboard.service";
import { consolidatedDocx, defaultNarrative, entriesXlsx } from "./exports.documents";

async function periodData({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: z.infer<typeof dashboardQuery>;
}) {
  // The dashboard checks that the actor reads the plan and cuts every figure to the actor's scope.
  const dashboard = await reportingDashboard({ db, actor, query });
  const obligation = await createObligationsRepository(db).findObligation(query.obligationId);
  return { dashboard, obligation: obligation as NonNullable<typeof obligation> };
}

/**
 * The unit that receives the reports issues the consolidated one; its parent in the org tree is the
 * authority in its header and, by default, whom it is addressed to.
 */
async function issuingUnit(db: Db, unitId: string) {
  const units = createOrgUnitsRepository(db);
  const unit = await units.findById(unitId);
  if (!unit) throw new Error(`receiving unit ${unitId} of an obligation is missing`);
  const parent = unit.parentId ? await units.findById(unit.parentId) : null;
  return { unit, parent };
}

/** The narrative the consolidated report starts from, for the coordinator to edit. */
export async function consolidatedNarrative(deps: {
  db: Db;
  actor: Actor;
  query: z.infer<typeof dashboardQuery>;
}) {
  const { dashboard } = await periodData(deps);
  return defaultNarrative(dashboard);
}

/** The consolidated report of a period as DOCX, with the coordinator's narrative if given. */
export async function exportConsolidatedDocx({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: z.infer<typeof consolidatedBody>;
}) {
  const query = { obligationId: input.obligationId, periodKey: input.periodKey };
  const { dashboard, obligation } = await periodData({ db, actor, query });
  const [plan, issuer, units, overdueTasks, unitWords] = await Promise.all([
    getVisiblePlan({ db, actor, id: obligation.planId }),
    issuingUnit(db, obligation.receivingUnitId),
    createReportsRepository(db).listReports({ scope: taskScope(actor), ...query }),
    allOverdueTasks({ db, actor, query }),
    createDashboardRepository(db).unitWords({ scope: taskScope(actor), ...query }),
  ]);
  const signer = signerTitle(issuer.unit);
  const data = await consolidatedDocx({
    letterhead: letterhead(issuer.unit, issuer.parent),
    place: placeName(issuer.unit, issuer.parent),
    recipient: input.recipient || defaultRecipient(issuer.parent),
    signer: {
      onBehalf: input.signerTitle ? null : signer.onBehalf,
      title: input.signerTitle?.toLocaleUpperCase("vi") || signer.title,
      name: input.signerName || null,
    },
    unitWords,
    planTitle: plan.title,
    obligationTitle: obligation.title,
    periodLabel: dashboard.periodLabel,
    dueDate: dashboard.dueDate,
    today: today(),
    narrative: input.narrative ?? null,
    totals: dashboard.totals,
    byKind: dashboard.byKind,
    byLevel: dashboard.byLevel,
    taskStatus: dashboard.taskStatus,
    components: dashboard.components,
    units: units
      .map((u) => ({
        unitName: String(u.unitName),
        unitKind: String(u.unitKind),
        state: String(u.state),
        dueDate: String(u.dueDate),
        firstSubmittedAt: u.firstSubmittedAt ? new Date(u.firstSubmittedAt as string).toISOString() : null,
      }))
      .sort((a, b) => compareVietnamese(a.unitName, b.unitName)),
    overdueTasks,
  });
  return { fileName: `bao-cao-tong-hop-${dashboard.periodKey}.docx`, data };
}

/** Every entry of the period in the actor's scope as XLSX. */
export async function exportEntriesXlsx({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: z.infer<typeof dashboardQuery>;
}) {
  const { dashboard, obligation } = await periodData({ db, actor, query });
  const rows = await createDashboardRepository(db).exportRows({
    scope: taskScope(actor),
    obligationId: obligation.id,
    periodKey: dashboard.periodKey,
    today: today(),
  });
  return {
    fileName: `so-lieu-bao-cao-${dashboard.periodKey}.xlsx`,
    data: await entriesXlsx({ title: `${obligation.title} - ${dashboard.periodLabel}`, rows }),
  };
}

const rate = (n: number, d: number) => (d ? Math.round((1000 * n) / d) / 10 : null);

/**
 * Scorecards of the units in the actor's scope for a year, ranked: tasks completed on time first, then
 * reports on time, then fewer overdue tasks.
 */
export async function listScorecards({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: z.infer<typeof scorecardQuery>;
}) {
  const rows = await createDashboardRepository(db).scorecards({
    scope: taskScope(actor),
    year: query.year,
    planId: query.planId ?? null,
    today: today(),
  });
  const scored = rows.map((r: ScorecardRow) => ({
    ...r,
    taskOnTimeRate: rate(r.tasksOnTime, r.tasksDue),
    reportOnTimeRate: rate(r.reportsOnTime, r.reportsExpected),
    targetsMetRate: rate(r.targetsMet, r.targets),
  }));
  scored.sort(
    (a, b) =>
      (b.taskOnTimeRate ?? -1) - (a.taskOnTimeRate ?? -1) ||
      (b.reportOnTimeRate ?? -1) - (a.reportOnTimeRate ?? -1) ||
      a.tasksOverdue - b.tasksOverdue ||
      compareVietnamese(a.unitName, b.unitName),
  );
  return scored.map((s, i) => ({ rank: i + 1, ...s }));
}

export async function exportScorecardsXlsx(deps: {
  db: Db;
  actor: Actor;
  query: z.infer<typeof scorecardQuery>;
}) {
  const cards = await listScorecards(deps);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`Năm ${deps.query.year}`);
  ws.addRow([
    "Hạng",
    "Đơn vị",
    "Loại đơn vị",
    "Nhiệm vụ đến hạn",
    "Hoàn thành đúng hạn",
    "Hoàn thành quá hạn",
    "Quá hạn",
    "Tỷ lệ đúng hạn (%)",
    "Báo cáo phải gửi",
    "Báo cáo đúng hạn",
    "Tỷ lệ báo cáo đúng hạn (%)",
    "Chỉ tiêu",
    "Chỉ tiêu đạt",
  ]).font = { bold: true };
  for (const c of cards)
    ws.addRow([
      c.rank,
      c.unitName,
      UNIT_KIND_LABELS_VI[c.unitKind as UnitKind] ?? c.unitKind,
      c.tasksDue,
      c.tasksOnTime,
      c.tasksLate,
      c.tasksOverdue,
      c.taskOnTimeRate,
      c.reportsExpected,
      c.reportsOnTime,
      c.reportOnTimeRate,
      c.targets,
      c.targetsMet,
    ]);
  return {
    fileName: `bang-xep-hang-${deps.query.year}.xlsx`,
    data: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}
