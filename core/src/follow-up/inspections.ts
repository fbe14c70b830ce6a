/**
 * Inspections of administrative reform ("kiểm tra công tác cải cách hành chính"): a coordinating unit's
 * yearly plan of units to inspect, each inspection's record with its minutes, and the findings
 * ("tồn tại, hạn chế") whose remediation is followed as follow-up items. Pure.
 */

export const INSPECTION_STATES = ["planned", "done", "cancelled"] as const;
export type InspectionState = (typeof INSPECTION_STATES)[number];

export const INSPECTION_STATE_LABELS_VI: Record<InspectionState, string> = {
  planned: "Theo kế hoạch",
  done: "Đã kiểm tra",
  cancelled: "Hủy",
};

export const FINDING_SEVERITIES = ["low", "medium", "high"] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

export const FINDING_SEVERITY_LABELS_VI: Record<FindingSeverity, string> = {
  low: "Nhẹ",
  medium: "Trung bình",
  high: "Nghiêm trọng",
};
