/**
 * Administrative-reform initiatives ("sáng kiến cải cách hành chính"): each unit registers at least
 * the required number a year (seed 000 II.7: one; a plan may ask more, seed 003 Appendix 2: three);
 * the coordinator recognises or does not recognise each, and marks good ones for replication to other
 * units. Pure.
 */

export const INITIATIVE_STATES = ["proposed", "recognised", "notRecognised", "replicated"] as const;
export type InitiativeState = (typeof INITIATIVE_STATES)[number];

export const INITIATIVE_STATE_LABELS_VI: Record<InitiativeState, string> = {
  proposed: "Đã đăng ký",
  recognised: "Được công nhận",
  notRecognised: "Không được công nhận",
  replicated: "Được nhân rộng",
};

export const INITIATIVE_ACTIONS = ["recognise", "reject", "replicate", "reconsider"] as const;
export type InitiativeAction = (typeof INITIATIVE_ACTIONS)[number];

const FROM: Record<InitiativeAction, InitiativeState[]> = {
  recognise: ["proposed"],
  reject: ["proposed"],
  replicate: ["recognised", "replicated"],
  reconsider: ["recognised", "notRecognised"],
};
const NEXT: Record<InitiativeAction, InitiativeState> = {
  recognise: "recognised",
  reject: "notRecognised",
  replicate: "replicated",
  reconsider: "proposed",
};
const ACTION_VI: Record<InitiativeAction, string> = {
  recognise: "công nhận",
  reject: "không công nhận",
  replicate: "nhân rộng",
  reconsider: "xem xét lại",
};

/** Seed 000 II.7: "mỗi cơ quan, đơn vị có ít nhất 01 sáng kiến cải cách hành chính". */
export const DEFAULT_INITIATIVES_PER_YEAR = 1;

export type InitiativeTransition =
  | { ok: true; next: InitiativeState }
  | { ok: false; code: "invalidState" | "reasonRequired"; message: string };

export function initiativeTransition(p: {
  state: InitiativeState;
  action: InitiativeAction;
  reason?: string | null;
}): InitiativeTransition {
  if (!FROM[p.action].includes(p.state))
    return {
      ok: false,
      code: "invalidState",
      message: `Không thể ${ACTION_VI[p.action]} sáng kiến đang ở trạng thái “${INITIATIVE_STATE_LABELS_VI[p.state]}”.`,
    };
  if ((p.action === "reject" || p.action === "reconsider") && !p.reason?.trim())
    return {
      ok: false,
      code: "reasonRequired",
      message: `Cần nêu lý do khi ${ACTION_VI[p.action]} sáng kiến.`,
    };
  return { ok: true, next: NEXT[p.action] };
}

/** Whether an initiative counts toward its unit's yearly minimum: registered and not refused. */
export const countsTowardMinimum = (state: InitiativeState) => state !== "notRecognised";

/** How many a unit still lacks in a year (0 when it has enough). */
export const initiativeShortfall = (counted: number, minimum = DEFAULT_INITIATIVES_PER_YEAR) =>
  Math.max(0, minimum - counted);
