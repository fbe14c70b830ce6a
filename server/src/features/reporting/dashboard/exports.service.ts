/** The consolidated report (Word) and the period's entries (Excel); the scorecards are in scorecards.service.ts. */
import type { z } from "zod";
import type { consolidatedBody, dashboardQuery } from "../../../../../core/src/api/reporting.schemas";
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
import { obligationPeriod } from "../obligations/periods.service";
import { createReportsRepository } from "../reports/reports.repository";
import { questionAnswers } from "./answers.export";
import { createDashboardRepository } from "./dashboard.repository";
import { allOverdueTasks, reportingDashboard } from "./dashboard.service";
import {
  consolidatedDocx,
  defaultCopies,
  defaultNarrative,
  entriesXlsx,
  reportingSummary,
} from "./exports.documents";
import { followUpArea, followUpFacts, followUpWindow } from "./follow-up.facts";
import { followUpTexts } from "./follow-up.section";

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

/** Everything the consolidated report says of a period, before the coordinator's words. */
async function consolidatedFacts({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: z.infer<typeof dashboardQuery>;
}) {
  const { dashboard, obligation } = await periodData({ db, actor, query });
  const plan = await getVisiblePlan({ db, actor, id: obligation.planId });
  const [issuer, units, overdueTasks, unitWords, answers, followUp] = await Promise.all([
    issuingUnit(db, obligation.receivingUnitId),
    createReportsRepository(db).listReports({ scope: taskScope(actor), ...query }),
    allOverdueTasks({ db, actor, query }),
    createDashboardRepository(db).unitWords({ scope: taskScope(actor), ...query }),
    questionAnswers({ db, scope: taskScope(actor), obligation, periodKey: query.periodKey, received: true }),
    followUpFacts({
      db,
      area: followUpArea(taskScope(actor), plan.provinceId),
      window: followUpWindow(obligationPeriod(obligation, dashboard.periodKey), today()),
    }),
  ]);
  return {
    dashboard,
    issuer,
    signer: signerTitle(issuer.unit),
    recipient: defaultRecipient(issuer.parent),
    data: {
      letterhead: letterhead(issuer.unit, issuer.parent),
      place: placeName(issuer.unit, issuer.parent),
      unitWords,
      planTitle: plan.title,
      obligationTitle: obligation.title,
      periodLabel: dashboard.periodLabel,
      dueDate: dashboard.dueDate,
      today: today(),
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
      questionAnswers: answers,
      followUp,
    },
  };
}

/**
 * What the coordinator's dialog starts from: the texts the report would hold unedited. Not stored:
 * the edited texts come back with the download (exportConsolidatedDocx) and are not kept.
 */
export async function consolidatedDraft(deps: {
  db: Db;
  actor: Actor;
  query: z.infer<typeof dashboardQuery>;
}) {
  const { data, signer, recipient } = await consolidatedFacts(deps);
  return {
    narrative: defaultNarrative(data),
    recipient: recipient ?? "",
    signerTitle: signer.title,
    signerName: "",
    sections: {
      tasks: "",
      units: "",
      figures: "",
      reporting: reportingSummary(data),
      ...followUpTexts(data.followUp),
    },
    copies: defaultCopies(recipient),
  };
}

/** The consolidated report of a period as DOCX, with the coordinator's words where given. */
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
  const { data: facts, dashboard, signer, recipient } = await consolidatedFacts({ db, actor, query });
  const title = input.signerTitle?.toLocaleUpperCase("vi") || signer.title;
  const data = await consolidatedDocx({
    ...facts,
    recipient: input.recipient || recipient,
    // A title other than the unit's own signs for itself (no "TM. …" line); the prefilled one keeps it.
    signer: {
      onBehalf: title === signer.title ? signer.onBehalf : null,
      title,
      name: input.signerName || null,
    },
    narrative: input.narrative ?? null,
    sections: input.sections,
    copies: input.copies?.filter(Boolean) ?? null,
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
  const [rows, answers] = await Promise.all([
    createDashboardRepository(db).exportRows({
      scope: taskScope(actor),
      obligationId: obligation.id,
      periodKey: dashboard.periodKey,
      today: today(),
    }),
    questionAnswers({
      db,
      scope: taskScope(actor),
      obligation,
      periodKey: dashboard.periodKey,
      received: false,
    }),
  ]);
  return {
    fileName: `so-lieu-bao-cao-${dashboard.periodKey}.xlsx`,
    data: await entriesXlsx({
      title: `${obligation.title} - ${dashboard.periodLabel}`,
      rows,
      questionAnswers: answers,
    }),
  };
}
