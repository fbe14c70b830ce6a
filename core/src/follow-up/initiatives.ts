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

/** The actions a decider may take on an initiative in a state (what the screen offers). */
export const initiativeActions = (state: InitiativeState): InitiativeAction[] =>
  INITIATIVE_ACTIONS.filter((a) => FROM[a].includes(state));

/**
 * What the unit may still change of its initiative in a state: everything while it is only proposed;
 * once recognised (or replicated) only the result actually achieved, which comes after the
 * decision (and its evidence files); nothing once it is not recognised (a reconsideration by the
 * coordinator reopens it).
 */
export function initiativeEditable(state: InitiativeState): "all" | "result" | "none" {
  if (state === "proposed") return "all";
  if (state === "recognised" || state === "replicated") return "result";
  return "none";
}

/** The fields that stay open once the initiative is decided (see `initiativeEditable`). */
export const RESULT_FIELDS = ["actualResult"] as const;

/**
 * The years an initiative may be registered for, seen from the province's current year: none ahead
 * of next year (a unit registers what it plans for next year at the latest), none before 2000.
 */
export const INITIATIVE_FIRST_YEAR = 2000;
export function initiativeYearProblem(year: number, currentYear: number): string | null {
  if (!Number.isInteger(year)) return "Năm phải là số nguyên.";
  if (year < INITIATIVE_FIRST_YEAR) return `Năm ${year} quá xa: chỉ nhận từ năm ${INITIATIVE_FIRST_YEAR}.`;
  if (year > currentYear + 1)
    return `Năm ${year} chưa tới: chỉ đăng ký sáng kiến đến năm ${currentYear + 1}.`;
  return null;
}

/**
 * The units that must have initiatives each year (seed 000 II.7 "mỗi cơ quan, đơn vị, địa phương";
 * its section III and seed 003 Appendix 2 name them: "các sở, ban, ngành" and the local governments,
 * "UBND các huyện, thị xã, thành phố", today the communes). Not central agencies on the territory
 * (they receive the plan for information and answer to their ministries), not a department's
 * internal units (their initiatives count for their department), not mass organisations (they are
 * requested, not assigned), not the province itself.
 */
export const INITIATIVE_REQUIRED_KINDS = ["department", "district", "commune"] as const;
export type InitiativeRequiredKind = (typeof INITIATIVE_REQUIRED_KINDS)[number];

/** A province's minimum for one kind of unit in a year: the one set for the year, else the default. */
export const minimumFor = (
  kind: InitiativeRequiredKind,
  set: Partial<Record<InitiativeRequiredKind, number>>,
) => set[kind] ?? DEFAULT_INITIATIVES_PER_YEAR;

/** Whether an initiative counts toward its unit's yearly minimum: registered and not refused. */
export const countsTowardMinimum = (state: InitiativeState) => state !== "notRecognised";

/** Whether an initiative stands recognised (replicated ones were recognised first). */
export const isRecognised = (state: InitiativeState) => state === "recognised" || state === "replicated";

/** How many a unit still lacks in a year (0 when it has enough). */
export const initiativeShortfall = (counted: number, minimum = DEFAULT_INITIATIVES_PER_YEAR) =>
  Math.max(0, minimum - counted);
