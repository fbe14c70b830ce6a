import { useTranslation } from "react-i18next";
import {
  FINDING_SEVERITIES,
  FINDING_SEVERITY_LABELS_VI,
  INSPECTION_STATE_LABELS_VI,
  INSPECTION_STATES,
} from "../../../../../core/src/follow-up/inspections";
import { FOLLOW_UP_STATE_LABELS_VI, type FollowUpState } from "../../../../../core/src/follow-up/items";
import { ASSIGNMENT_STATUS_LABELS_VI } from "../../../../../core/src/plans/status";

export const INSPECTION_STATE_COLORS: Record<string, string> = {
  planned: "blue",
  done: "green",
  cancelled: "default",
};
export const SEVERITY_COLORS: Record<string, string> = { low: "default", medium: "gold", high: "red" };
export const REMEDIATION_STATE_COLORS: Record<string, string> = {
  received: "default",
  open: "processing",
  reported: "blue",
  returned: "orange",
  accepted: "success",
  closed: "default",
};

/** Inspection words: Vietnamese from core (the one source), English from this register's words. */
export function useInspectionLabels() {
  const { t, i18n } = useTranslation();
  const vi = i18n.language !== "en";
  const state = (s: string) =>
    vi && s in INSPECTION_STATE_LABELS_VI
      ? INSPECTION_STATE_LABELS_VI[s as keyof typeof INSPECTION_STATE_LABELS_VI]
      : t(`followUp.inspections.states.${s}`);
  const severity = (s: string) =>
    vi && s in FINDING_SEVERITY_LABELS_VI
      ? FINDING_SEVERITY_LABELS_VI[s as keyof typeof FINDING_SEVERITY_LABELS_VI]
      : t(`followUp.inspections.severities.${s}`);
  const remediationState = (s: string) =>
    vi && s in FOLLOW_UP_STATE_LABELS_VI.remediation
      ? FOLLOW_UP_STATE_LABELS_VI.remediation[s as FollowUpState]
      : t(`followUp.inspections.remediationStates.${s}`);
  const status = (s: string) =>
    vi && s in ASSIGNMENT_STATUS_LABELS_VI
      ? ASSIGNMENT_STATUS_LABELS_VI[s as keyof typeof ASSIGNMENT_STATUS_LABELS_VI]
      : t(`plans.taskStatuses.${s}`);
  return {
    state,
    severity,
    remediationState,
    status,
    stateOptions: INSPECTION_STATES.map((s) => ({ value: s, label: state(s) })),
    severityOptions: FINDING_SEVERITIES.map((s) => ({ value: s, label: severity(s) })),
  };
}
