/**
 * The life of one unit's report for one period: draft → (awaiting the head's approval) → submitted →
 * returned with a reason → resubmitted → accepted (locked). Reopening an accepted report is an explicit
 * act of the receiver. Pure: who the actor is to the report and "today" are passed in.
 */
import type { IsoDate } from "../deadlines/deadline.types";

export const REPORT_STATES = [
  "draft",
  "pendingApproval",
  "submitted",
  "returned",
  "resubmitted",
  "accepted",
] as const;
export type ReportState = (typeof REPORT_STATES)[number];

export const REPORT_STATE_LABELS_VI: Record<ReportState, string> = {
  draft: "Đang soạn",
  pendingApproval: "Chờ lãnh đạo duyệt",
  submitted: "Đã gửi",
  returned: "Bị trả lại",
  resubmitted: "Đã gửi lại",
  accepted: "Đã tiếp nhận",
};

export const REPORT_ACTIONS = ["submit", "approve", "return", "resubmit", "accept", "reopen"] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

/**
 * What the actor is to this report: an officer of the reporting unit ("reporter"), its head, the
 * receiver (a coordinator who receives it), an administrator; anything else is "none".
 */
export const REPORT_RELATIONS = ["reporter", "head", "receiver", "admin", "none"] as const;
export type ReportRelation = (typeof REPORT_RELATIONS)[number];

export interface TransitionContext {
  state: ReportState;
  action: ReportAction;
  relations: ReportRelation[];
  /** The obligation asks the unit head to approve before the report leaves the unit. */
  requiresApproval: boolean;
  /** The report was returned at least once: an approved report then counts as resubmitted. */
  wasReturned: boolean;
  lockDate: IsoDate | null;
  /** The coordinator allowed this unit to submit after the lock date. */
  lateAllowed: boolean;
  today: IsoDate;
  reason?: string | null;
}

export type TransitionResult =
  | { ok: true; next: ReportState }
  | { ok: false; code: "forbidden" | "invalidState" | "locked" | "reasonRequired"; message: string };

const has = (ctx: TransitionContext, ...r: ReportRelation[]) => ctx.relations.some((x) => r.includes(x));
const ofUnit = (ctx: TransitionContext) => has(ctx, "reporter", "head", "admin");
const headOfUnit = (ctx: TransitionContext) => has(ctx, "head", "admin");
const receiver = (ctx: TransitionContext) => has(ctx, "receiver", "admin");

/** Whether the unit may still write or send after the lock date. */
export const isLocked = ({
  lockDate,
  lateAllowed,
  today,
}: Pick<TransitionContext, "lockDate" | "lateAllowed" | "today">) =>
  lockDate !== null && today > lockDate && !lateAllowed;

/** Whether the unit may edit the report's content now (draft or returned, not locked). */
export function canEditContent(
  ctx: Omit<TransitionContext, "action" | "reason" | "requiresApproval" | "wasReturned">,
) {
  if (!ofUnit(ctx as TransitionContext)) return false;
  if (ctx.state !== "draft" && ctx.state !== "returned") return false;
  return !isLocked(ctx);
}

const FROM: Record<ReportAction, ReportState[]> = {
  submit: ["draft"],
  resubmit: ["returned"],
  approve: ["pendingApproval"],
  return: ["pendingApproval", "submitted", "resubmitted"],
  accept: ["submitted", "resubmitted"],
  reopen: ["accepted"],
};

const deny = (code: "forbidden" | "invalidState" | "locked" | "reasonRequired", message: string) =>
  ({ ok: false, code, message }) as const;

/** The state a report moves to under an action, or why it may not. */
export function transition(ctx: TransitionContext): TransitionResult {
  const { action, state } = ctx;
  const allowedActor =
    action === "submit" || action === "resubmit"
      ? ofUnit(ctx)
      : action === "approve"
        ? headOfUnit(ctx)
        : action === "return"
          ? state === "pendingApproval"
            ? headOfUnit(ctx)
            : receiver(ctx)
          : receiver(ctx);
  if (!allowedActor) return deny("forbidden", "Bạn không có quyền thực hiện thao tác này với báo cáo.");
  if (!FROM[action].includes(state))
    return deny(
      "invalidState",
      `Không thể thực hiện thao tác khi báo cáo ở trạng thái "${REPORT_STATE_LABELS_VI[state]}".`,
    );
  if ((action === "return" || action === "reopen") && !ctx.reason?.trim())
    return deny("reasonRequired", "Hãy nêu lý do.");
  if ((action === "submit" || action === "resubmit" || action === "approve") && isLocked(ctx))
    return deny("locked", "Đã quá hạn khóa sổ báo cáo; cần cơ quan điều phối cho phép gửi muộn.");
  switch (action) {
    case "submit":
    case "resubmit": {
      const sent = action === "resubmit" || ctx.wasReturned ? "resubmitted" : "submitted";
      if (ctx.requiresApproval && !headOfUnit(ctx)) return { ok: true, next: "pendingApproval" };
      return { ok: true, next: sent };
    }
    case "approve":
      return { ok: true, next: ctx.wasReturned ? "resubmitted" : "submitted" };
    case "return":
    case "reopen":
      return { ok: true, next: "returned" };
    case "accept":
      return { ok: true, next: "accepted" };
  }
}

/** The states in which the report counts as received by the coordinator. */
export const RECEIVED_STATES: ReportState[] = ["submitted", "resubmitted", "accepted"];
