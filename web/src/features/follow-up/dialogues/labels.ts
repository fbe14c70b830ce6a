import { useTranslation } from "react-i18next";
import {
  DIALOGUE_KIND_LABELS_VI,
  DIALOGUE_KINDS,
  type DialogueKind,
  RAISER_KIND_LABELS_VI,
  RAISER_KINDS,
  type RaiserKind,
} from "../../../../../core/src/follow-up/dialogues";
import {
  FOLLOW_UP_STATE_LABELS_VI,
  FOLLOW_UP_STATES,
  type FollowUpState,
} from "../../../../../core/src/follow-up/items";
import {
  ASSIGNMENT_STATUS_LABELS_VI,
  ASSIGNMENT_STATUSES,
  type AssignmentStatus,
} from "../../../../../core/src/plans/status";

export const STATE_COLORS: Record<FollowUpState, string> = {
  received: "default",
  open: "processing",
  reported: "cyan",
  returned: "warning",
  accepted: "success",
  closed: "default",
};
export const STATUS_COLORS: Record<AssignmentStatus, string> = {
  notStarted: "default",
  inProgress: "processing",
  overdue: "error",
  completedOnTime: "success",
  completedLate: "warning",
};

/** Names of kinds, raisers, states and status classes: Vietnamese from core (the one source), English from the words file. */
export function useDialogueLabels() {
  const { t, i18n } = useTranslation();
  const vi = i18n.language !== "en";
  const kind = (k: string) =>
    vi && k in DIALOGUE_KIND_LABELS_VI
      ? DIALOGUE_KIND_LABELS_VI[k as DialogueKind]
      : t(`followUp.dialogues.kinds.${k}`);
  const raiser = (k: string) =>
    vi && k in RAISER_KIND_LABELS_VI
      ? RAISER_KIND_LABELS_VI[k as RaiserKind]
      : t(`followUp.dialogues.raisers.${k}`);
  const state = (s: string) =>
    vi && s in FOLLOW_UP_STATE_LABELS_VI.recommendation
      ? FOLLOW_UP_STATE_LABELS_VI.recommendation[s as FollowUpState]
      : t(`followUp.dialogues.states.${s}`);
  const status = (s: string) =>
    vi && s in ASSIGNMENT_STATUS_LABELS_VI
      ? ASSIGNMENT_STATUS_LABELS_VI[s as AssignmentStatus]
      : t(`followUp.dialogues.statuses.${s}`);
  return {
    kind,
    raiser,
    state,
    status,
    kindOptions: DIALOGUE_KINDS.map((k) => ({ value: k, label: kind(k) })),
    raiserOptions: RAISER_KINDS.map((k) => ({ value: k, label: raiser(k) })),
    states: FOLLOW_UP_STATES,
    statuses: ASSIGNMENT_STATUSES,
  };
}
