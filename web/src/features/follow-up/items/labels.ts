import { useTranslation } from "react-i18next";
import {
  FOLLOW_UP_KIND_LABELS_VI,
  FOLLOW_UP_KINDS,
  FOLLOW_UP_STATE_LABELS_VI,
  FOLLOW_UP_STATES,
  type FollowUpKind,
  type FollowUpState,
  ITEM_STATUS_FILTERS,
} from "../../../../../core/src/follow-up/items";

import { ASSIGNMENT_STATUS_COLORS, usePlanLabels } from "../../plans/labels";

export { ASSIGNMENT_STATUS_COLORS };

export const ITEM_STATE_COLORS: Record<FollowUpState, string> = {
  received: "default",
  open: "processing",
  reported: "cyan",
  returned: "orange",
  accepted: "success",
  closed: "default",
};

/**
 * The words of follow-up items: Vietnamese from core (the one source: kinds and states, the status
 * classes of tasks), English from the translation file. A state is worded by its item's kind
 * ("Đang khắc phục", "Đã giao xử lý"); without a kind (the filter), in general words.
 */
export function useItemLabels() {
  const { t, i18n } = useTranslation();
  const plan = usePlanLabels();
  const vi = i18n.language !== "en";
  const kind = (k: string) =>
    vi && k in FOLLOW_UP_KIND_LABELS_VI
      ? FOLLOW_UP_KIND_LABELS_VI[k as FollowUpKind]
      : t(`followUp.items.kinds.${k}`);
  const state = (s: string, k?: string | null) =>
    vi && k && k in FOLLOW_UP_STATE_LABELS_VI
      ? FOLLOW_UP_STATE_LABELS_VI[k as FollowUpKind][s as FollowUpState]
      : t(`followUp.items.states.${s}`);
  const status = (s: string | null) =>
    s === "unfinished"
      ? t("followUp.items.statusUnfinished")
      : s
        ? plan.taskStatus(s)
        : t("followUp.items.statusNone");
  const action = (a: string) => t(`followUp.items.actions.${a}`);
  return {
    kind,
    state,
    status,
    action,
    kindOptions: FOLLOW_UP_KINDS.map((k) => ({ value: k, label: kind(k) })),
    stateOptions: (k?: string) => FOLLOW_UP_STATES.map((s) => ({ value: s, label: state(s, k) })),
    // The classes, then every unfinished one (the dashboard's "open" figure links to it).
    statusOptions: ITEM_STATUS_FILTERS.map((s) => ({ value: s, label: status(s) })),
  };
}
