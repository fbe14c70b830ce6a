/**
 * What the audit log records, as typed unions the server writes with (`AuditRecord` in
 * server/src/features/audit/audit.repository.ts), and their names in Vietnamese and English. The maps
 * are `Record`s over the unions, so an action the server writes without a name does not compile.
 */
import { type Lang, langOf } from "./lang";

type Names = { vi: string; en: string };

export const AUDIT_ENTITY_NAMES = {
  orgUnit: { vi: "Đơn vị", en: "Unit" },
  orgUnitEvent: { vi: "Sự kiện sáp nhập, chia tách đơn vị", en: "Merger or split of units" },
  orgGroup: { vi: "Nhóm đơn vị", en: "Unit group" },
  user: { vi: "Người dùng", en: "User" },
  session: { vi: "Phiên đăng nhập", en: "Session" },
  notificationPreference: { vi: "Cách nhận thông báo", en: "Notification preference" },
  demo: { vi: "Dữ liệu mẫu", en: "Demo data" },
  plan: { vi: "Kế hoạch", en: "Plan" },
  assignment: { vi: "Giao nhiệm vụ cho đơn vị", en: "Task assignment" },
  reportingObligation: { vi: "Chế độ báo cáo", en: "Reporting obligation" },
  report: { vi: "Báo cáo", en: "Report" },
  reportEntry: { vi: "Kết quả nhiệm vụ trong báo cáo", en: "Task entry of a report" },
  reportComment: { vi: "Ý kiến về báo cáo", en: "Report comment" },
  reportEvidence: { vi: "Tài liệu minh chứng", en: "Evidence" },
  indexDefinition: { vi: "Bộ chỉ số", en: "Index" },
  indexVersion: { vi: "Phiên bản bộ chỉ số", en: "Index version" },
  indexResult: { vi: "Kết quả chỉ số", en: "Index result" },
  indexResults: { vi: "Tệp kết quả chỉ số", en: "Index results file" },
  indexTarget: { vi: "Mục tiêu chỉ số", en: "Index target" },
  inspectionPlan: { vi: "Kế hoạch kiểm tra", en: "Inspection plan" },
  inspection: { vi: "Cuộc kiểm tra", en: "Inspection" },
  inspectionFinding: { vi: "Tồn tại, hạn chế qua kiểm tra", en: "Inspection finding" },
  dialogue: { vi: "Hội nghị đối thoại", en: "Dialogue" },
  followUpItem: { vi: "Việc theo dõi xử lý (khắc phục, kiến nghị)", en: "Follow-up item" },
  followUpFile: { vi: "Tài liệu kiểm chứng xử lý", en: "Follow-up evidence" },
  initiative: { vi: "Sáng kiến cải cách hành chính", en: "Reform initiative" },
  initiativeMinimum: { vi: "Số sáng kiến tối thiểu mỗi năm", en: "Initiatives required per year" },
} as const satisfies Record<string, Names>;

export type AuditEntity = keyof typeof AUDIT_ENTITY_NAMES;
export const AUDIT_ENTITIES = Object.keys(AUDIT_ENTITY_NAMES) as AuditEntity[];

export const AUDIT_ACTION_NAMES = {
  create: { vi: "Tạo mới", en: "Create" },
  update: { vi: "Cập nhật", en: "Update" },
  delete: { vi: "Xóa", en: "Delete" },
  deactivate: { vi: "Khóa tài khoản", en: "Deactivate" },
  login: { vi: "Đăng nhập", en: "Sign in" },
  "login.failed": { vi: "Đăng nhập sai", en: "Failed sign-in" },
  "login.locked": { vi: "Đăng nhập sai, tài khoản bị tạm khóa", en: "Failed sign-in, account locked" },
  "login.refused": { vi: "Đăng nhập bị từ chối (đang tạm khóa)", en: "Sign-in refused (locked)" },
  logout: { vi: "Đăng xuất", en: "Sign out" },
  "password.change": { vi: "Đổi mật khẩu", en: "Change password" },
  "password.reset": { vi: "Cấp lại mật khẩu", en: "Reset password" },
  "import.create": { vi: "Nhập mới từ tệp", en: "Create from file" },
  "import.update": { vi: "Cập nhật từ tệp", en: "Update from file" },
  seed: { vi: "Nạp dữ liệu mẫu", en: "Load demo data" },
  progress: { vi: "Cập nhật tiến độ", en: "Progress update" },
  merge: { vi: "Sáp nhập đơn vị", en: "Merge units" },
  split: { vi: "Tách đơn vị", en: "Split a unit" },
  rename: { vi: "Đổi tên đơn vị", en: "Rename a unit" },
  dissolve: { vi: "Giải thể đơn vị", en: "Dissolve a unit" },
  targets: { vi: "Cập nhật chỉ tiêu kế hoạch", en: "Update plan targets" },
  "tasks.upsert": { vi: "Cập nhật danh sách nhiệm vụ", en: "Edit tasks" },
  "tasks.reorder": { vi: "Sắp xếp lại nhiệm vụ", en: "Reorder tasks" },
  "tasks.bulkAssign": { vi: "Giao nhiệm vụ hàng loạt", en: "Assign tasks in bulk" },
  "tasks.bulkLink": { vi: "Gắn chỉ số thành phần hàng loạt", en: "Link components in bulk" },
  "tasks.import": { vi: "Nhập nhiệm vụ từ tệp", en: "Import tasks from a file" },
  issue: { vi: "Ban hành kế hoạch", en: "Issue the plan" },
  amend: { vi: "Sửa đổi, bổ sung kế hoạch", en: "Amend the plan" },
  completed: { vi: "Kết thúc kế hoạch", en: "Close the plan as completed" },
  superseded: { vi: "Thay thế kế hoạch", en: "Mark the plan superseded" },
  resyncAssignments: { vi: "Đồng bộ lại việc giao nhiệm vụ", en: "Resynchronise assignments" },
  createChild: { vi: "Lập kế hoạch triển khai cấp dưới", en: "Create a cascaded plan" },
  instantiate: { vi: "Lập kế hoạch từ khung", en: "Create plans from a framework" },
  reassign: { vi: "Chuyển giao nhiệm vụ", en: "Reassign a task" },
  reassignMerged: { vi: "Chuyển nhiệm vụ sang đơn vị sau sáp nhập", en: "Move tasks to the merged unit" },
  openPeriod: { vi: "Mở kỳ báo cáo", en: "Open a reporting period" },
  submit: { vi: "Gửi báo cáo", en: "Submit" },
  approve: { vi: "Lãnh đạo duyệt gửi", en: "Approve for sending" },
  return: { vi: "Trả lại báo cáo", en: "Return" },
  resubmit: { vi: "Gửi lại báo cáo", en: "Resubmit" },
  accept: { vi: "Tiếp nhận báo cáo", en: "Accept" },
  reopen: { vi: "Mở lại báo cáo", en: "Reopen" },
  allowLate: { vi: "Cho phép báo cáo muộn", en: "Allow a late report" },
  unchanged: { vi: "Xác nhận không thay đổi so với kỳ trước", en: "Confirm unchanged since last period" },
  answer: { vi: "Trả lời câu hỏi của yêu cầu báo cáo", en: "Answer a question of the request" },
  upload: { vi: "Tải lên tài liệu", en: "Upload a file" },
  link: { vi: "Thêm đường dẫn", en: "Add a link" },
  import: { vi: "Nhập kết quả từ tệp", en: "Import results" },
  replace: { vi: "Nhập lại kết quả, thay kết quả cũ", en: "Re-import results, replacing" },
  revise: { vi: "Sửa đổi phiên bản", en: "Revise the version" },
  publish: { vi: "Công bố phiên bản", en: "Publish the version" },
  "followUp.assign": { vi: "Giao đơn vị xử lý", en: "Assign to a unit" },
  "followUp.transfer": { vi: "Chuyển đơn vị xử lý", en: "Transfer to another unit" },
  "followUp.report": { vi: "Báo cáo kết quả xử lý", en: "Report the handling" },
  "followUp.return": { vi: "Trả lại kết quả xử lý", en: "Return the handling" },
  "followUp.accept": { vi: "Chấp nhận kết quả xử lý", en: "Accept the handling" },
  "followUp.close": { vi: "Đóng việc theo dõi", en: "Close the item" },
  "followUp.reopen": { vi: "Mở lại việc theo dõi", en: "Reopen the item" },
  "followUp.comment": { vi: "Cho ý kiến", en: "Comment" },
  "followUp.publish": { vi: "Công khai kết quả trả lời", en: "Publish the answer" },
  "followUp.unpublish": { vi: "Thôi công khai kết quả trả lời", en: "Unpublish the answer" },
  "inspection.record": { vi: "Ghi kết quả kiểm tra", en: "Record the inspection" },
  "initiative.recognise": { vi: "Công nhận sáng kiến", en: "Recognise the initiative" },
  "initiative.reject": { vi: "Không công nhận sáng kiến", en: "Do not recognise the initiative" },
  "initiative.replicate": { vi: "Nhân rộng sáng kiến", en: "Replicate the initiative" },
  "initiative.reconsider": { vi: "Xem xét lại sáng kiến", en: "Reconsider the initiative" },
} as const satisfies Record<string, Names>;

export type AuditAction = keyof typeof AUDIT_ACTION_NAMES;
export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_NAMES) as AuditAction[];

const isKey = <T extends object>(map: T, key: string): key is Extract<keyof T, string> =>
  Object.hasOwn(map, key);

/**
 * The name of a recorded action; a record written before an action had a name (none should) reads
 * "Thao tác khác" rather than its code.
 */
export function auditActionName(action: string, lang?: Lang | string): string {
  const l = langOf(lang);
  return isKey(AUDIT_ACTION_NAMES, action)
    ? AUDIT_ACTION_NAMES[action][l]
    : l === "en"
      ? "Other action"
      : "Thao tác khác";
}

export function auditEntityName(entity: string, lang?: Lang | string): string {
  const l = langOf(lang);
  return isKey(AUDIT_ENTITY_NAMES, entity) ? AUDIT_ENTITY_NAMES[entity][l] : l === "en" ? "Other" : "Khác";
}
