/**
 * The deadline model. Plan documents write deadlines as free Vietnamese phrases ("Trước ngày 15/6/2023",
 * "Thường xuyên", "Theo Kế hoạch"); the product must understand them, compute due dates and still show
 * the words as written, so every variant keeps the original `text`.
 */

/** A calendar date as "YYYY-MM-DD" (no time zone: deadlines are whole days in the province's calendar). */
export type IsoDate = string;

export const DEADLINE_KINDS = [
  "date",
  "month",
  "quarter",
  "year",
  "recurring",
  "milestones",
  "followsPlan",
  "conditional",
  "unknown",
] as const;

export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** How often a recurring task is done and reported; "continuous" is "thường xuyên" (no fixed rhythm). */
export const FREQUENCIES = ["continuous", "monthly", "quarterly", "halfYearly", "yearly"] as const;

export type Frequency = (typeof FREQUENCIES)[number];

interface Understood {
  /** The phrase exactly as written in the plan. */
  readonly text: string;
  /** Words written before the deadline itself ("Kế hoạch ban hành" in "Kế hoạch ban hành trước 15/9/2022"). */
  readonly label?: string;
}

export interface DateDeadline extends Understood {
  readonly kind: "date";
  readonly date: IsoDate;
}

/** "Tháng 9/2022", "Trong tháng 06/2023": due at the end of the month. */
export interface MonthDeadline extends Understood {
  readonly kind: "month";
  readonly year: number;
  /** 1-12 */
  readonly month: number;
}

/** "Quý III/2023": due at the end of the quarter. */
export interface QuarterDeadline extends Understood {
  readonly kind: "quarter";
  readonly year: number;
  readonly quarter: 1 | 2 | 3 | 4;
}

/**
 * "Trong năm 2022" (whole year) or "6 tháng đầu năm 2023" (a half). Halves live here because the public
 * kind list has no half-year kind and a half is a part of a year.
 */
export interface YearDeadline extends Understood {
  readonly kind: "year";
  readonly year: number;
  readonly part: "whole" | "firstHalf" | "secondHalf";
}

/** Deadlines that name one period or day, hence one due date. */
export type DatedDeadline = DateDeadline | MonthDeadline | QuarterDeadline | YearDeadline;

/**
 * "Thường xuyên", "Báo cáo kết quả hằng tháng", "Giai đoạn 2021-2025": work done (and judged) per period
 * inside a window; a null bound means the phrase leaves it open.
 */
export interface RecurringDeadline extends Understood {
  readonly kind: "recurring";
  readonly frequency: Frequency;
  readonly from: IsoDate | null;
  readonly until: IsoDate | null;
}

export interface Milestone {
  /** The milestone's name ("Tổ chức khảo sát"), or its own words when it has no name ("Tháng 06/2023"). */
  readonly label: string;
  /** True when `label` is a name written before the deadline, false when it is the deadline's own words. */
  readonly named: boolean;
  readonly deadline: DatedDeadline;
}

/** "Tháng 06/2023 và Tháng 12/2023", "- Khảo sát: trong tháng 8/2022; - Báo cáo trước ngày 15/9/2022". */
export interface MilestonesDeadline extends Understood {
  readonly kind: "milestones";
  /** At least two, in the order written. */
  readonly milestones: readonly Milestone[];
}

/** "Theo Kế hoạch", "Theo quy định": the schedule is set by another document. */
export interface FollowsPlanDeadline extends Understood {
  readonly kind: "followsPlan";
  /** The document named after "theo", as written ("Kế hoạch năm 2023"). */
  readonly reference: string;
}

/** "Thực hiện sau khi Kho dữ liệu … được xây dựng": starts when something else happens. */
export interface ConditionalDeadline extends Understood {
  readonly kind: "conditional";
  /** The event waited for, as written. */
  readonly condition: string;
}

/** A phrase the parser could not understand: kept for a person to read, never guessed. */
export interface UnknownDeadline {
  readonly kind: "unknown";
  readonly text: string;
  /** Vietnamese, for the user: what is wrong ("Ngày 31/02/2023 không tồn tại"). */
  readonly problem: string;
}

export type Deadline =
  | DateDeadline
  | MonthDeadline
  | QuarterDeadline
  | YearDeadline
  | RecurringDeadline
  | MilestonesDeadline
  | FollowsPlanDeadline
  | ConditionalDeadline
  | UnknownDeadline;

export interface ParseDeadlineOptions {
  /** The plan's issue date, "YYYY-MM-DD": fills in years and windows the phrase leaves out. */
  readonly issued?: string;
}

/** The stable JSON contract printed by `chiso deadline parse` and used by the plan import. */
export interface DeadlineJson {
  text: string;
  understood: boolean;
  kind: DeadlineKind;
  due: IsoDate | null;
  milestones: { label: string; due: IsoDate }[];
  recurrence: { frequency: Frequency; from: IsoDate | null; until: IsoDate | null } | null;
}
