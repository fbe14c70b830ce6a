/**
 * A unit's yearly score: the weighted mean of its rates, the weights stated on the screen and in the
 * export so that a head can see why her unit ranks where it does. A part the unit had nothing to do in
 * (no remediation due, no recommendation assigned) is left out and the other weights count in its
 * place, so that a unit is never marked down for work it was never given. Pure.
 */
import { type Lang, langOf } from "../words/lang";
import { formatPercent, RATE_DECIMALS, rateValue } from "../words/numbers";

export const SCORECARD_PARTS = [
  "tasks",
  "reports",
  "targets",
  "remediation",
  "answers",
  "initiatives",
] as const;
export type ScorecardPart = (typeof SCORECARD_PARTS)[number];

/** Points out of 100: tasks on time weigh most, as the plans' evaluation clauses rank them. */
export const SCORECARD_WEIGHTS: Record<ScorecardPart, number> = {
  tasks: 40,
  reports: 20,
  targets: 10,
  remediation: 15,
  answers: 10,
  initiatives: 5,
};

export const SCORECARD_PART_LABELS_VI: Record<ScorecardPart, string> = {
  tasks: "Nhiệm vụ hoàn thành đúng hạn",
  reports: "Báo cáo gửi đúng hạn",
  targets: "Chỉ tiêu đạt",
  remediation: "Khắc phục sau kiểm tra đúng hạn",
  answers: "Trả lời kiến nghị đúng hạn",
  initiatives: "Sáng kiến cải cách hành chính",
};

export const SCORECARD_PART_LABELS_EN: Record<ScorecardPart, string> = {
  tasks: "Tasks completed on time",
  reports: "Reports sent on time",
  targets: "Targets met",
  remediation: "Remediation after inspection on time",
  answers: "Recommendations answered on time",
  initiatives: "Administrative-reform initiatives",
};

/**
 * The weights in words, as the scorecard's screen and its export state them under the title:
 * "Điểm = Nhiệm vụ hoàn thành đúng hạn 40 %, …; phần đơn vị không có việc không tính…".
 */
export function scorecardWeightsText(lang?: Lang | string): string {
  const en = langOf(lang) === "en";
  const labels = en ? SCORECARD_PART_LABELS_EN : SCORECARD_PART_LABELS_VI;
  const parts = SCORECARD_PARTS.map((p) => `${labels[p]} ${formatPercent(SCORECARD_WEIGHTS[p], 0, lang)}`);
  return en
    ? `The score is the weighted mean of the unit's on-time rates: ${parts.join(", ")}. A part the unit had nothing to do in is left out and the other weights count in its place.`
    : `Điểm là bình quân có trọng số của các tỷ lệ: ${parts.join(", ")}. Phần nào đơn vị không có việc thì không tính, trọng số của các phần còn lại được tính thay.`;
}

/** What a unit did in a year, as counted by the scorecards' SQL (each by the one rule of its kind). */
export interface ScorecardCounts {
  tasksDue: number;
  tasksOnTime: number;
  reportsExpected: number;
  reportsOnTime: number;
  targets: number;
  targetsMet: number;
  remediationDue: number;
  remediationOnTime: number;
  answersDue: number;
  answersOnTime: number;
  initiatives: number;
  /**
   * The initiatives a unit of its kind must have that year (core/src/follow-up/initiatives.ts
   * `minimumFor`, for the kinds in INITIATIVE_REQUIRED_KINDS); 0 when none are asked of it.
   */
  initiativesRequired: number;
}

/** Each part's rate (0–100, one decimal), null where the unit had nothing to do. */
export function scorecardRates(c: ScorecardCounts): Record<ScorecardPart, number | null> {
  return {
    tasks: rateValue(c.tasksOnTime, c.tasksDue),
    reports: rateValue(c.reportsOnTime, c.reportsExpected),
    targets: rateValue(c.targetsMet, c.targets),
    remediation: rateValue(c.remediationOnTime, c.remediationDue),
    answers: rateValue(c.answersOnTime, c.answersDue),
    initiatives:
      c.initiativesRequired > 0
        ? rateValue(Math.min(c.initiatives, c.initiativesRequired), c.initiativesRequired)
        : null,
  };
}

/** The weighted mean of the rates the unit has (0–100, one decimal); null when it has none. */
export function scorecardScore(rates: Record<ScorecardPart, number | null>): number | null {
  let weight = 0;
  let sum = 0;
  for (const part of SCORECARD_PARTS) {
    const rate = rates[part];
    if (rate === null) continue;
    weight += SCORECARD_WEIGHTS[part];
    sum += SCORECARD_WEIGHTS[part] * rate;
  }
  if (!weight) return null;
  const factor = 10 ** RATE_DECIMALS;
  return Math.round((sum / weight) * factor) / factor;
}
