/**
 * The yearly scorecards of the units in the actor's scope: tasks, reports and targets (the plans'),
 * remediation after inspection and answers to recommendations (the follow-up registers) and
 * initiatives against the minimum (the initiatives' yearly count), each counted by the one rule of its
 * kind, scored and ranked by core's one formula (core/src/reporting/scorecard.ts), on the screen and in
 * the Excel export alike.
 */
import ExcelJS from "exceljs";
import type { z } from "zod";
import type { scorecard, scorecardQuery } from "../../../../../core/src/api/reporting.schemas";
import { UNIT_KIND_LABELS_VI, type UnitKind } from "../../../../../core/src/auth/roles";
import {
  type ScorecardCounts,
  scorecardRates,
  scorecardScore,
  scorecardWeightsText,
} from "../../../../../core/src/reporting/scorecard";
import { compareVietnamese } from "../../../../../core/src/text/vietnamese";
import type { Actor } from "../../../app/actor";
import type { Db } from "../../../app/db";
import { tableSheet, workbookBuffer } from "../../../app/xlsx";
import { createCoverageRepository } from "../../follow-up/initiatives/coverage.repository";
import { provinceCoverageFilter } from "../../follow-up/initiatives/coverage.service";
import { today } from "../../org-units/org-units.service";
import { type TaskScope, taskScope } from "../../plans/plans.policy";
import { createDashboardRepository, type ScorecardRow } from "./dashboard.repository";

type Scorecard = z.infer<typeof scorecard>;
type InitiativeCount = {
  unitId: string;
  unitName: string;
  unitKind: string;
  counted: number;
  minimum: number;
};

/**
 * The year's initiatives that count toward each required unit's minimum, and that minimum, by the
 * initiatives' own yearly count (coverage.repository.ts), over the units of the scope: an
 * administrator's in every province, each with its province's minimums.
 */
async function initiativeCounts(db: Db, scope: TaskScope, year: number) {
  const provinceIds =
    scope.kind === "all" ? await createDashboardRepository(db).provinceIds() : [scope.provinceId];
  const scopePath = scope.kind === "subtree" ? scope.unitPath : null;
  const repo = createCoverageRepository(db);
  const counts = new Map<string, InitiativeCount>();
  for (const provinceId of provinceIds) {
    const filter = await provinceCoverageFilter(db, { provinceId, year, scopePath });
    for (const row of await repo.units(filter)) counts.set(row.unitId, row);
  }
  return counts;
}

const noWork = (u: Pick<ScorecardRow, "unitId" | "unitName" | "unitKind">): ScorecardRow => ({
  ...u,
  tasksDue: 0,
  tasksOnTime: 0,
  tasksLate: 0,
  tasksOverdue: 0,
  reportsExpected: 0,
  reportsOnTime: 0,
  targets: 0,
  targetsMet: 0,
  remediationDue: 0,
  remediationOnTime: 0,
  answersDue: 0,
  answersOnTime: 0,
});

/** A unit's card: its counts, each part's rate and the score, all from core's one formula. */
function cardOf(row: ScorecardRow, initiatives: InitiativeCount | undefined): Omit<Scorecard, "rank"> {
  const counts: ScorecardCounts = {
    ...row,
    initiatives: initiatives?.counted ?? 0,
    initiativesRequired: initiatives?.minimum ?? 0,
  };
  const rates = scorecardRates(counts);
  return {
    ...row,
    initiatives: counts.initiatives,
    initiativesRequired: counts.initiativesRequired,
    taskOnTimeRate: rates.tasks,
    reportOnTimeRate: rates.reports,
    targetsMetRate: rates.targets,
    remediationOnTimeRate: rates.remediation,
    answersOnTimeRate: rates.answers,
    initiativesRate: rates.initiatives,
    score: scorecardScore(rates),
  };
}

/**
 * Scorecards of the units in the actor's scope for a year, ranked by score, then tasks completed on
 * time, then fewer overdue tasks, then name. Every unit with something to answer for that year is
 * there: work, reports, follow-up items due, or initiatives asked of it (a plan chosen narrows the
 * units to that plan's).
 */
export async function listScorecards({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: z.infer<typeof scorecardQuery>;
}): Promise<Scorecard[]> {
  const scope = taskScope(actor);
  const planId = query.planId ?? null;
  const [rows, initiatives] = await Promise.all([
    createDashboardRepository(db).scorecards({ scope, year: query.year, planId, today: today() }),
    initiativeCounts(db, scope, query.year),
  ]);
  const units = new Map(rows.map((r) => [r.unitId, r]));
  if (!planId) for (const c of initiatives.values()) if (!units.has(c.unitId)) units.set(c.unitId, noWork(c));
  const cards = [...units.values()].map((r) => cardOf(r, initiatives.get(r.unitId)));
  cards.sort(
    (a, b) =>
      (b.score ?? -1) - (a.score ?? -1) ||
      (b.taskOnTimeRate ?? -1) - (a.taskOnTimeRate ?? -1) ||
      a.tasksOverdue - b.tasksOverdue ||
      compareVietnamese(a.unitName, b.unitName),
  );
  return cards.map((c, i) => ({ rank: i + 1, ...c }));
}

export async function exportScorecardsXlsx(deps: {
  db: Db;
  actor: Actor;
  query: z.infer<typeof scorecardQuery>;
}) {
  const cards = await listScorecards(deps);
  const wb = new ExcelJS.Workbook();
  tableSheet(wb, {
    name: `Năm ${deps.query.year}`,
    title: `Bảng đánh giá, xếp hạng các đơn vị năm ${deps.query.year}`,
    note: scorecardWeightsText("vi"),
    rows: cards,
    columns: [
      { header: "Hạng", width: 8, kind: "integer", value: (c) => c.rank },
      { header: "Đơn vị", width: 36, value: (c) => c.unitName },
      {
        header: "Loại đơn vị",
        width: 18,
        value: (c) => UNIT_KIND_LABELS_VI[c.unitKind as UnitKind] ?? c.unitKind,
      },
      { header: "Điểm", width: 10, kind: "score", value: (c) => c.score },
      { header: "Nhiệm vụ đến hạn", width: 12, kind: "integer", value: (c) => c.tasksDue },
      { header: "Hoàn thành đúng hạn", width: 12, kind: "integer", value: (c) => c.tasksOnTime },
      { header: "Hoàn thành quá hạn", width: 12, kind: "integer", value: (c) => c.tasksLate },
      { header: "Quá hạn", width: 10, kind: "integer", value: (c) => c.tasksOverdue },
      { header: "Tỷ lệ đúng hạn", width: 12, kind: "rate", value: (c) => c.taskOnTimeRate },
      { header: "Báo cáo phải gửi", width: 12, kind: "integer", value: (c) => c.reportsExpected },
      { header: "Báo cáo đúng hạn", width: 12, kind: "integer", value: (c) => c.reportsOnTime },
      { header: "Tỷ lệ báo cáo đúng hạn", width: 12, kind: "rate", value: (c) => c.reportOnTimeRate },
      { header: "Chỉ tiêu", width: 10, kind: "integer", value: (c) => c.targets },
      { header: "Chỉ tiêu đạt", width: 10, kind: "integer", value: (c) => c.targetsMet },
      { header: "Tỷ lệ chỉ tiêu đạt", width: 12, kind: "rate", value: (c) => c.targetsMetRate },
      { header: "Khắc phục đến hạn", width: 12, kind: "integer", value: (c) => c.remediationDue },
      { header: "Khắc phục đúng hạn", width: 12, kind: "integer", value: (c) => c.remediationOnTime },
      { header: "Tỷ lệ khắc phục đúng hạn", width: 12, kind: "rate", value: (c) => c.remediationOnTimeRate },
      { header: "Kiến nghị đến hạn", width: 12, kind: "integer", value: (c) => c.answersDue },
      { header: "Trả lời đúng hạn", width: 12, kind: "integer", value: (c) => c.answersOnTime },
      { header: "Tỷ lệ trả lời đúng hạn", width: 12, kind: "rate", value: (c) => c.answersOnTimeRate },
      { header: "Sáng kiến được tính", width: 12, kind: "integer", value: (c) => c.initiatives },
      {
        header: "Số sáng kiến tối thiểu",
        width: 12,
        kind: "integer",
        // A unit of whom no initiative is asked shows an empty cell, not a minimum of 0.
        value: (c) => c.initiativesRequired || null,
      },
    ],
  });
  return {
    fileName: `bang-xep-hang-${deps.query.year}.xlsx`,
    data: await workbookBuffer(wb),
  };
}
