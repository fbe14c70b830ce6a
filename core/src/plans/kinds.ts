/**
 * The kinds of documents a plan is issued as and the states of a plan, with their Vietnamese names.
 * Apart from the API's schemas (which need zod) so that screens can name them without loading zod.
 */
export const PLAN_KINDS = [
  "plan",
  "actionProgram",
  "decision",
  "conclusionNotice",
  "directive",
  "other",
] as const;
export const PLAN_KIND_LABELS_VI: Record<(typeof PLAN_KINDS)[number], string> = {
  plan: "Kế hoạch",
  actionProgram: "Chương trình hành động",
  decision: "Quyết định",
  conclusionNotice: "Thông báo kết luận",
  directive: "Chỉ thị",
  other: "Văn bản khác",
};
export const PLAN_STATUSES = ["draft", "issued", "superseded", "completed"] as const;
export const PLAN_STATUS_LABELS_VI: Record<(typeof PLAN_STATUSES)[number], string> = {
  draft: "Dự thảo",
  issued: "Đã ban hành",
  superseded: "Đã được thay thế",
  completed: "Đã hoàn thành",
};
