/**
 * The one follow-up core of everything a coordinating unit follows until it is closed besides plan
 * tasks: the remediation of an inspection's findings ("khắc phục tồn tại, hạn chế") and the
 * recommendations raised at a dialogue ("kiến nghị"). Both are an item assigned to a responsible unit
 * with a deadline, reported on by that unit with evidence, and judged by the unit that follows it
 * (the inspection team's unit, the dialogue's host). Pure: who the actor is to the item and "today"
 * are passed in.
 */
import type { IsoDate } from "../deadlines/deadline.types";
import { type AssignmentStatus, classifyStatus } from "../plans/status";

export const FOLLOW_UP_KINDS = ["remediation", "recommendation"] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

export const FOLLOW_UP_KIND_LABELS_VI: Record<FollowUpKind, string> = {
  remediation: "Khắc phục sau kiểm tra",
  recommendation: "Kiến nghị sau đối thoại",
};

/**
 * open: assigned, waiting for the responsible unit (a recommendation not yet assigned is "received");
 * reported: the unit reported its remediation or answer; returned: the follower sent it back with a
 * reason; accepted: the follower accepted it (a recommendation's answer approved: it may be
 * published); closed: withdrawn or no longer relevant, with a reason.
 */
export const FOLLOW_UP_STATES = ["received", "open", "reported", "returned", "accepted", "closed"] as const;
export type FollowUpState = (typeof FOLLOW_UP_STATES)[number];

export const FOLLOW_UP_STATE_LABELS_VI: Record<FollowUpKind, Record<FollowUpState, string>> = {
  remediation: {
    received: "Mới ghi nhận",
    open: "Đang khắc phục",
    reported: "Đã báo cáo khắc phục",
    returned: "Bị trả lại",
    accepted: "Đã khắc phục",
    closed: "Đã đóng",
  },
  recommendation: {
    received: "Mới tiếp nhận",
    open: "Đã giao xử lý",
    reported: "Đã trả lời",
    returned: "Trả lời bị trả lại",
    accepted: "Đã duyệt trả lời",
    closed: "Đã đóng",
  },
};

export const FOLLOW_UP_ACTIONS = [
  "assign",
  "transfer",
  "report",
  "return",
  "accept",
  "close",
  "reopen",
] as const;
export type FollowUpAction = (typeof FOLLOW_UP_ACTIONS)[number];

/** What the actor is to the item: of its responsible unit, of the unit that follows it, an administrator. */
export const FOLLOW_UP_RELATIONS = ["responsible", "follower", "admin"] as const;
export type FollowUpRelation = (typeof FOLLOW_UP_RELATIONS)[number];

/** Which states an action starts from, and who may take it. */
const RULES: Record<
  FollowUpAction,
  { from: FollowUpState[]; by: FollowUpRelation[]; next: FollowUpState | null; reason?: boolean }
> = {
  // Assigning a received recommendation (or a finding's remediation recorded without a unit).
  assign: { from: ["received"], by: ["follower", "admin"], next: "open" },
  // Another unit is responsible: the item moves to it, with the reason recorded; state unchanged.
  transfer: {
    from: ["open", "returned"],
    by: ["follower", "responsible", "admin"],
    next: null,
    reason: true,
  },
  report: { from: ["open", "returned"], by: ["responsible", "admin"], next: "reported" },
  return: { from: ["reported"], by: ["follower", "admin"], next: "returned", reason: true },
  accept: { from: ["reported"], by: ["follower", "admin"], next: "accepted" },
  close: {
    from: ["received", "open", "returned", "reported"],
    by: ["follower", "admin"],
    next: "closed",
    reason: true,
  },
  reopen: { from: ["accepted", "closed"], by: ["follower", "admin"], next: "open", reason: true },
};

export type FollowUpTransition =
  | { ok: true; next: FollowUpState }
  | { ok: false; code: "forbidden" | "invalidState" | "reasonRequired"; message: string };

const STATE_NOW_VI: Record<FollowUpState, string> = {
  received: "mới được tiếp nhận, chưa giao đơn vị xử lý",
  open: "đang chờ đơn vị xử lý báo cáo",
  reported: "đã được báo cáo, đang chờ xem xét",
  returned: "đã bị trả lại cho đơn vị",
  accepted: "đã được chấp nhận",
  closed: "đã đóng",
};

const ACTION_VI: Record<FollowUpAction, string> = {
  assign: "giao đơn vị xử lý",
  transfer: "chuyển sang đơn vị khác",
  report: "báo cáo kết quả",
  return: "trả lại",
  accept: "chấp nhận",
  close: "đóng",
  reopen: "mở lại",
};

/** Whether `action` may be taken on an item in `state` by an actor with `relations`, and the state after. */
export function followUpTransition(p: {
  state: FollowUpState;
  action: FollowUpAction;
  relations: FollowUpRelation[];
  reason?: string | null;
}): FollowUpTransition {
  const rule = RULES[p.action];
  if (!p.relations.some((r) => rule.by.includes(r)))
    return { ok: false, code: "forbidden", message: `Bạn không có quyền ${ACTION_VI[p.action]} mục này.` };
  if (!rule.from.includes(p.state))
    return {
      ok: false,
      code: "invalidState",
      message: `Không thể ${ACTION_VI[p.action]}: mục này ${STATE_NOW_VI[p.state]}.`,
    };
  if (rule.reason && !p.reason?.trim())
    return { ok: false, code: "reasonRequired", message: `Cần nêu lý do khi ${ACTION_VI[p.action]}.` };
  return { ok: true, next: rule.next ?? p.state };
}

/** The actions an actor may take now, for the buttons a screen shows. */
export function followUpActions(state: FollowUpState, relations: FollowUpRelation[]): FollowUpAction[] {
  return FOLLOW_UP_ACTIONS.filter((action) => {
    const rule = RULES[action];
    return rule.from.includes(state) && relations.some((r) => rule.by.includes(r));
  });
}

/** Only the responsible unit's work can be reported; a closed or accepted item takes no more reports. */
export const isReportable = (state: FollowUpState) => RULES.report.from.includes(state);

/** Whose move an item waits for: the responsible unit's, the follower's, or anyone's (not finished). */
export const FOLLOW_UP_AWAITING = ["unit", "follower", "any"] as const;
export type FollowUpAwaiting = (typeof FOLLOW_UP_AWAITING)[number];

const statesOf = (actions: FollowUpAction[]) =>
  FOLLOW_UP_STATES.filter((s) => actions.some((a) => RULES[a].from.includes(s)));

/**
 * The states in which an item waits on someone, from the rules: on the responsible unit where it may
 * report (open, returned: its work list), on the follower where it assigns or judges (received,
 * reported), and on anyone until accepted or closed.
 */
export const AWAITING_STATES: Record<FollowUpAwaiting, FollowUpState[]> = {
  unit: statesOf(["report"]),
  follower: statesOf(["assign", "accept"]),
  any: statesOf(["assign", "report", "accept"]),
};

/** What the status rule needs of an item. */
export interface FollowUpFacts {
  state: FollowUpState;
  dueDate: IsoDate | null;
  /** The day the unit reported the work the follower accepted (the last report before acceptance). */
  doneOn: IsoDate | null;
}

/**
 * An item's status class, by THE status rule of tasks (`classifyStatus`): accepted work is completed
 * on time or late by the day it was reported; work reported but not yet accepted is in progress (it
 * still turns overdue when its deadline passes, as a task's does); a closed item has no class (null:
 * withdrawn work is counted nowhere). The SQL of lists and aggregates mirrors this in
 * `server/src/features/follow-up/items/follow-up-status.sql.ts`, tested against this function.
 */
export function followUpStatus(f: FollowUpFacts & { today: IsoDate }): AssignmentStatus | null {
  if (f.state === "closed") return null;
  return classifyStatus({
    due: f.dueDate,
    completedAt: f.state === "accepted" ? f.doneOn : null,
    progress: f.state === "reported" || f.state === "returned" ? 50 : 0,
    today: f.today,
  });
}

/**
 * The classes of work not finished yet (overdue included): what the dashboard counts as still open.
 * Accepted work is finished (on time or late); a closed item has no class and is counted apart.
 */
export const UNFINISHED_STATUSES = [
  "notStarted",
  "inProgress",
  "overdue",
] as const satisfies readonly AssignmentStatus[];

/** The list's filter by class: a status class, or every class not finished yet ("unfinished"). */
export const ITEM_STATUS_FILTERS = [
  "notStarted",
  "inProgress",
  "overdue",
  "completedOnTime",
  "completedLate",
  "unfinished",
] as const satisfies readonly (AssignmentStatus | "unfinished")[];
export type ItemStatusFilter = (typeof ITEM_STATUS_FILTERS)[number];

/** Whether an item's class (`followUpStatus`) passes the list's filter. */
export const passesStatusFilter = (status: AssignmentStatus | null, filter: ItemStatusFilter) =>
  filter === "unfinished"
    ? status !== null && (UNFINISHED_STATUSES as readonly string[]).includes(status)
    : status === filter;

/**
 * What the coordinator's dashboard counts of items: not finished yet (overdue included), overdue,
 * accepted on time, accepted late, and closed (withdrawn, no class). Each but the last is a class of
 * `followUpStatus`, so each figure links to the items list filtered by it (`status=…`, `state=closed`).
 */
export const FOLLOW_UP_FIGURES = [
  "unfinished",
  "overdue",
  "completedOnTime",
  "completedLate",
  "closed",
] as const;
export type FollowUpFigure = (typeof FOLLOW_UP_FIGURES)[number];

/** The dashboard's figures an item counts in, from its state and class (`followUpStatus`). */
export function followUpFiguresOf(state: FollowUpState, status: AssignmentStatus | null): FollowUpFigure[] {
  if (state === "closed") return ["closed"];
  return FOLLOW_UP_FIGURES.filter(
    (f) => f !== "closed" && status !== null && passesStatusFilter(status, f as ItemStatusFilter),
  );
}

/** Items counted by class, as screens and reports say them. */
export interface FollowUpTally {
  /** Every item with a class (a closed one has none). */
  total: number;
  /** Not yet accepted: waiting on the unit or the follower, overdue ones included. */
  open: number;
  overdue: number;
  /** Accepted: done on time or late by the day of the report accepted. */
  done: number;
  doneOnTime: number;
  doneLate: number;
}

/** The tally of counts by class (`followUpStatus`'s classes, as the SQL mirror groups them). */
export function followUpTally(counts: Partial<Record<AssignmentStatus, number>>): FollowUpTally {
  const n = (s: AssignmentStatus) => counts[s] ?? 0;
  const open = n("notStarted") + n("inProgress") + n("overdue");
  const done = n("completedOnTime") + n("completedLate");
  return {
    total: open + done,
    open,
    overdue: n("overdue"),
    done,
    doneOnTime: n("completedOnTime"),
    doneLate: n("completedLate"),
  };
}

/** A deadline before the day the item arose (the inspection, the dialogue) is refused. */
export function deadlineProblem(dueDate: IsoDate | null, arose: IsoDate | null): string | null {
  if (!dueDate || !arose) return null;
  return dueDate < arose
    ? `Hạn xử lý (${formatDay(dueDate)}) không thể trước ngày phát sinh (${formatDay(arose)}).`
    : null;
}

const formatDay = (d: IsoDate) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
