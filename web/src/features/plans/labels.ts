import { useTranslation } from "react-i18next";
import {
  PLAN_KIND_LABELS_VI,
  PLAN_KINDS,
  PLAN_STATUS_LABELS_VI,
  PLAN_STATUSES,
} from "../../../../core/src/plans/kinds";
import { ASSIGNMENT_STATUS_LABELS_VI, ASSIGNMENT_STATUSES } from "../../../../core/src/plans/status";

export { ASSIGNMENT_STATUSES, PLAN_KINDS, PLAN_STATUSES };

export const ASSIGNMENT_STATUS_COLORS: Record<string, string> = {
  notStarted: "default",
  inProgress: "processing",
  overdue: "error",
  completedOnTime: "success",
  completedLate: "warning",
};
export const PLAN_STATUS_COLORS: Record<string, string> = {
  draft: "default",
  issued: "blue",
  superseded: "orange",
  completed: "green",
};

/** Plan and task labels: Vietnamese from core (the one source), English from the translation file. */
export function usePlanLabels() {
  const { t, i18n } = useTranslation();
  const vi = i18n.language !== "en";
  const kind = (k: string) =>
    vi && k in PLAN_KIND_LABELS_VI
      ? PLAN_KIND_LABELS_VI[k as keyof typeof PLAN_KIND_LABELS_VI]
      : t(`plans.kinds.${k}`);
  const status = (s: string) =>
    vi && s in PLAN_STATUS_LABELS_VI
      ? PLAN_STATUS_LABELS_VI[s as keyof typeof PLAN_STATUS_LABELS_VI]
      : t(`plans.statuses.${s}`);
  const taskStatus = (s: string) =>
    vi && s in ASSIGNMENT_STATUS_LABELS_VI
      ? ASSIGNMENT_STATUS_LABELS_VI[s as keyof typeof ASSIGNMENT_STATUS_LABELS_VI]
      : t(`plans.taskStatuses.${s}`);
  const role = (r: string) => t(`plans.roles.${r}`);
  return {
    kind,
    status,
    taskStatus,
    role,
    kindOptions: PLAN_KINDS.map((k) => ({ value: k, label: kind(k) })),
    statusOptions: PLAN_STATUSES.map((s) => ({ value: s, label: status(s) })),
    taskStatusOptions: ASSIGNMENT_STATUSES.map((s) => ({ value: s, label: taskStatus(s) })),
  };
}
