/**
 * The fields of an audit record's before and after, in words: the name of each field a person may
 * read, in Vietnamese and English, and the words for the coded values (a report's state, a role, a
 * unit's kind). Technical fields (identifiers, paths, hashes, counters kept for speed) are not shown:
 * they mean nothing to a person, and an identifier is an internal code. `audit-fields.test.ts`
 * checks that every column of the audited tables is either named here or hidden.
 */
import { ROLE_LABELS_VI, UNIT_KIND_LABELS_VI } from "../auth/roles";
import { FINDING_SEVERITY_LABELS_VI, INSPECTION_STATE_LABELS_VI } from "../follow-up/inspections";
import { ENTRY_REVIEW_LABELS_VI } from "../reporting/entry-review";
import { QUESTION_TYPE_LABELS_VI } from "../reporting/questions";
import { REPORT_STATE_LABELS_VI } from "../reporting/report-state";
import { type Lang, langOf } from "./lang";

type Names = { vi: string; en: string };

/** Fields never shown: identifiers, storage and search internals, running sums, row versions. */
const HIDDEN = new Set([
  "id",
  "path",
  "unitPath",
  "storageKey",
  "searchText",
  "sortKey",
  "passwordHash",
  "version",
  "revision",
  "depth",
  "mailState",
  "openAssignments",
  "openProgressSum",
  "leadAssignments",
  "leadProgressSum",
  "userAgent",
  "createdBy",
  "updatedBy",
  "publishedBy",
]);
/** Identifiers by their name's ending (`unitId`, `taskIds`): a person reads the names elsewhere. */
const ID_KEY = /(Id|Ids)$/;

export const AUDIT_FIELD_NAMES = {
  acceptedAt: { vi: "Thời điểm tiếp nhận", en: "Accepted at" },
  active: { vi: "Đang hoạt động", en: "Active" },
  adHocDue: { vi: "Hạn báo cáo đột xuất", en: "Ad hoc due date" },
  adHocStart: { vi: "Ngày bắt đầu báo cáo đột xuất", en: "Ad hoc start" },
  aggregation: { vi: "Cách tổng hợp", en: "Aggregation" },
  aliases: { vi: "Tên gọi khác", en: "Other names" },
  /** A follow-up item's report: the remediation done, or the answer to a recommendation. */
  answer: { vi: "Kết quả xử lý, nội dung trả lời", en: "Handling reported" },
  answers: { vi: "Câu trả lời", en: "Answers" },
  approvedBy: { vi: "Người duyệt", en: "Approved by" },
  assignments: { vi: "Phân công", en: "Assignments" },
  authorName: { vi: "Người viết", en: "Author" },
  band: { vi: "Nhóm xếp hạng", en: "Band" },
  basedOn: { vi: "Căn cứ", en: "Based on" },
  baselineRank: { vi: "Hạng năm gốc", en: "Baseline rank" },
  baselineRankOf: { vi: "Hạng năm gốc trên tổng số", en: "Baseline rank of" },
  baselineValue: { vi: "Điểm năm gốc", en: "Baseline score" },
  baselineYear: { vi: "Năm gốc", en: "Baseline year" },
  body: { vi: "Nội dung", en: "Text" },
  cancelReason: { vi: "Lý do hủy", en: "Reason for cancelling" },
  changes: { vi: "Thay đổi", en: "Changes" },
  code: { vi: "Mã", en: "Code" },
  completedAt: { vi: "Ngày hoàn thành", en: "Completed on" },
  componentCode: { vi: "Chỉ số thành phần", en: "Component" },
  computedBand: { vi: "Nhóm xếp hạng tính được", en: "Computed band" },
  computedRank: { vi: "Hạng tính được", en: "Computed rank" },
  computedRankOf: { vi: "Hạng tính được trên tổng số", en: "Computed rank of" },
  computedTotal: { vi: "Tổng điểm tính được", en: "Computed total" },
  conclusion: { vi: "Kết luận kiểm tra", en: "Conclusion" },
  content: { vi: "Nội dung", en: "Content" },
  contentType: { vi: "Loại tệp", en: "File type" },
  createdAt: { vi: "Thời điểm tạo", en: "Created at" },
  createdByName: { vi: "Người tạo", en: "Created by" },
  custom: { vi: "Bộ chỉ số do tỉnh xây dựng", en: "Province-defined index" },
  day: { vi: "Ngày", en: "Day" },
  deadline: { vi: "Thời hạn", en: "Deadline" },
  deadlineKind: { vi: "Loại thời hạn", en: "Deadline kind" },
  deadlineText: { vi: "Thời hạn (như văn bản ghi)", en: "Deadline as written" },
  decision: { vi: "Văn bản quyết định", en: "Decision" },
  difficulties: { vi: "Khó khăn, vướng mắc", en: "Difficulties" },
  displayName: { vi: "Họ và tên", en: "Full name" },
  documentDate: { vi: "Ngày văn bản", en: "Document date" },
  documentNumber: { vi: "Số văn bản", en: "Document number" },
  dueDate: { vi: "Hạn", en: "Due date" },
  dueRule: { vi: "Quy tắc hạn báo cáo", en: "Due rule" },
  effectiveDate: { vi: "Ngày có hiệu lực", en: "Effective date" },
  email: { vi: "Thư điện tử", en: "E-mail" },
  endedAt: { vi: "Thời điểm kết thúc", en: "Ended at" },
  endedReason: { vi: "Lý do kết thúc", en: "Reason ended" },
  endsOn: { vi: "Ngày kết thúc", en: "Ends on" },
  entriesCreated: { vi: "Số nhiệm vụ đưa vào báo cáo", en: "Entries created" },
  era: { vi: "Giai đoạn địa giới", en: "Boundary era" },
  events: { vi: "Sự kiện", en: "Events" },
  expectedOutput: { vi: "Sản phẩm", en: "Expected output" },
  expiresAt: { vi: "Hết hạn lúc", en: "Expires at" },
  failedLogins: { vi: "Số lần đăng nhập sai", en: "Failed sign-ins" },
  figures: { vi: "Số liệu", en: "Figures" },
  fileName: { vi: "Tên tệp", en: "File name" },
  firstSubmittedAt: { vi: "Lần gửi đầu", en: "First sent at" },
  frequency: { vi: "Tần suất", en: "Frequency" },
  groups: { vi: "Nhóm đơn vị", en: "Unit groups" },
  gsoCode: { vi: "Mã đơn vị hành chính", en: "Administrative code" },
  heldOn: { vi: "Ngày kiểm tra", en: "Held on" },
  implementation: { vi: "Tổ chức thực hiện", en: "Implementation" },
  indexCode: { vi: "Bộ chỉ số", en: "Index" },
  isFramework: { vi: "Kế hoạch khung", en: "Framework plan" },
  issuedAt: { vi: "Thời điểm ban hành", en: "Issued at" },
  issuedDate: { vi: "Ngày ban hành", en: "Issue date" },
  issuerName: { vi: "Cơ quan ban hành", en: "Issuer" },
  kind: { vi: "Loại", en: "Kind" },
  lastLoginAt: { vi: "Lần đăng nhập gần nhất", en: "Last sign-in" },
  lateAllowed: { vi: "Cho phép gửi muộn", en: "Late sending allowed" },
  legalBases: { vi: "Căn cứ pháp lý", en: "Legal bases" },
  lockAfterDays: { vi: "Khóa sau (ngày)", en: "Lock after (days)" },
  lockDate: { vi: "Ngày khóa", en: "Lock date" },
  lockedUntil: { vi: "Tạm khóa đến", en: "Locked until" },
  max: { vi: "Giá trị lớn nhất", en: "Maximum" },
  min: { vi: "Giá trị nhỏ nhất", en: "Minimum" },
  mode: { vi: "Cách thực hiện", en: "Mode" },
  mustChangePassword: { vi: "Phải đổi mật khẩu", en: "Must change password" },
  name: { vi: "Tên", en: "Name" },
  nameEn: { vi: "Tên tiếng Anh", en: "English name" },
  nameVi: { vi: "Tên tiếng Việt", en: "Vietnamese name" },
  narrative: { vi: "Kết quả thực hiện", en: "Results" },
  note: { vi: "Ghi chú", en: "Note" },
  number: { vi: "Số hiệu", en: "Number" },
  objectives: { vi: "Mục tiêu", en: "Objectives" },
  offsetDays: { vi: "Số ngày", en: "Days" },
  openOffsetDays: { vi: "Mở trước hạn (ngày)", en: "Opens before due (days)" },
  opensOn: { vi: "Ngày mở", en: "Opens on" },
  participants: { vi: "Đơn vị chủ trì, phối hợp", en: "Lead and coordinating units" },
  periodEnd: { vi: "Cuối kỳ", en: "Period end" },
  notified: { vi: "Thông báo đã gửi", en: "Notices sent" },
  periodFrom: { vi: "Từ kỳ", en: "From period" },
  periodKey: { vi: "Kỳ báo cáo", en: "Reporting period" },
  periodStart: { vi: "Đầu kỳ", en: "Period start" },
  periodTo: { vi: "Đến kỳ", en: "To period" },
  place: { vi: "Địa danh", en: "Place" },
  polarity: { vi: "Chiều tốt lên", en: "Direction" },
  progress: { vi: "Tiến độ (%)", en: "Progress (%)" },
  position: { vi: "Số thứ tự", en: "Position" },
  proposals: { vi: "Đề xuất, kiến nghị", en: "Proposals" },
  provinceCode: { vi: "Tỉnh, thành phố", en: "Province" },
  provinces: { vi: "Tỉnh, thành phố", en: "Provinces" },
  publishedAt: { vi: "Thời điểm công bố", en: "Published at" },
  publisher: { vi: "Cơ quan công bố", en: "Publisher" },
  quantitativeTargets: { vi: "Chỉ tiêu định lượng", en: "Quantitative targets" },
  question: { vi: "Câu hỏi", en: "Question" },
  questions: { vi: "Câu hỏi", en: "Questions" },
  rank: { vi: "Hạng", en: "Rank" },
  rankFrom: { vi: "Hạng từ", en: "Rank from" },
  rankOf: { vi: "Hạng trên tổng số", en: "Rank of" },
  rankTo: { vi: "Hạng đến", en: "Rank to" },
  rawName: { vi: "Tên như văn bản ghi", en: "Name as written" },
  readAt: { vi: "Thời điểm đọc", en: "Read at" },
  reason: { vi: "Lý do", en: "Reason" },
  recipients: { vi: "Nơi nhận", en: "Recipients" },
  region: { vi: "Vùng", en: "Region" },
  regionalRank: { vi: "Hạng trong vùng", en: "Regional rank" },
  regionalRankOf: { vi: "Hạng trong vùng trên tổng số", en: "Regional rank of" },
  reminderDay: { vi: "Ngày nhắc", en: "Reminder day" },
  reminderOffsets: { vi: "Nhắc trước hạn (ngày)", en: "Reminders before due (days)" },
  removedAt: { vi: "Thời điểm bỏ khỏi kế hoạch", en: "Removed at" },
  reportingNote: { vi: "Yêu cầu báo cáo", en: "Reporting note" },
  reportsCreated: { vi: "Số báo cáo được mở", en: "Reports opened" },
  requiredResult: { vi: "Yêu cầu kết quả khắc phục", en: "Required result" },
  requiresApproval: { vi: "Cần lãnh đạo đơn vị duyệt", en: "Needs the head's approval" },
  /** The unit responsible for a follow-up item, by name. */
  responsibleUnit: { vi: "Đơn vị xử lý", en: "Responsible unit" },
  results: { vi: "Kết quả đạt được", en: "Results" },
  reviewMark: { vi: "Rà soát trong kỳ", en: "Reviewed this period" },
  returnReason: { vi: "Lý do trả lại", en: "Reason for return" },
  role: { vi: "Vai trò", en: "Role" },
  roles: { vi: "Vai trò", en: "Roles" },
  ruleDescendants: { vi: "Gồm đơn vị cấp dưới", en: "Includes units below" },
  ruleKinds: { vi: "Loại đơn vị", en: "Kinds of unit" },
  scaleMax: { vi: "Thang điểm tối đa", en: "Scale maximum" },
  scope: { vi: "Nội dung kiểm tra", en: "Scope" },
  severity: { vi: "Mức độ", en: "Severity" },
  sendOn: { vi: "Ngày gửi", en: "Send on" },
  sentAt: { vi: "Thời điểm gửi", en: "Sent at" },
  shortName: { vi: "Tên ngắn", en: "Short name" },
  signerAuthority: { vi: "Thẩm quyền ký", en: "Signing authority" },
  signerName: { vi: "Người ký", en: "Signer" },
  signerTitle: { vi: "Chức vụ người ký", en: "Signer's title" },
  size: { vi: "Dung lượng (byte)", en: "Size (bytes)" },
  sortOrder: { vi: "Thứ tự", en: "Order" },
  sourceDocument: { vi: "Văn bản nguồn", en: "Source document" },
  sourceLink: { vi: "Đường dẫn nguồn", en: "Source link" },
  sourceNote: { vi: "Ghi chú nguồn", en: "Source note" },
  startsOn: { vi: "Ngày bắt đầu", en: "Starts on" },
  state: { vi: "Trạng thái", en: "State" },
  statements: { vi: "Số cập nhật tiến độ", en: "Progress statements" },
  status: { vi: "Tình trạng", en: "Status" },
  submittedAt: { vi: "Thời điểm gửi", en: "Sent at" },
  successorCode: { vi: "Tỉnh kế thừa", en: "Successor province" },
  subjects: { vi: "Đối tượng được đánh giá", en: "Rated subjects" },
  summary: { vi: "Tóm tắt", en: "Summary" },
  tags: { vi: "Nhãn", en: "Tags" },
  team: { vi: "Đoàn kiểm tra", en: "Inspection team" },
  targetValue: { vi: "Giá trị mục tiêu", en: "Target value" },
  tasks: { vi: "Nhiệm vụ", en: "Tasks" },
  title: { vi: "Tiêu đề", en: "Title" },
  total: { vi: "Tổng điểm", en: "Total" },
  totalAggregation: { vi: "Cách tính tổng điểm", en: "Total aggregation" },
  totalDescription: { vi: "Mô tả tổng điểm", en: "Total description" },
  totalMultiplier: { vi: "Hệ số tổng điểm", en: "Total multiplier" },
  unit: { vi: "Đơn vị tính", en: "Unit of measure" },
  unitKind: { vi: "Loại đơn vị", en: "Kind of unit" },
  units: { vi: "Đơn vị", en: "Units" },
  updatedAt: { vi: "Thời điểm cập nhật", en: "Updated at" },
  url: { vi: "Đường dẫn", en: "Link" },
  username: { vi: "Tên đăng nhập", en: "Username" },
  users: { vi: "Người dùng", en: "Users" },
  validFrom: { vi: "Hiệu lực từ", en: "Valid from" },
  validFromYear: { vi: "Áp dụng từ năm", en: "From year" },
  validTo: { vi: "Hiệu lực đến", en: "Valid to" },
  validToYear: { vi: "Áp dụng đến năm", en: "To year" },
  value: { vi: "Giá trị", en: "Value" },
  versionCode: { vi: "Phiên bản", en: "Version" },
  wasReturned: { vi: "Đã từng bị trả lại", en: "Was returned" },
  weight: { vi: "Trọng số", en: "Weight" },
  wholeReport: { vi: "Cho mọi nhiệm vụ còn lại của báo cáo", en: "For every remaining task of the report" },
  year: { vi: "Năm", en: "Year" },
} as const satisfies Record<string, Names>;

/** A field of a record (a dotted path for nested values) is shown unless its first part is technical. */
export function isAuditFieldShown(path: string): boolean {
  const first = path.split(".")[0] ?? path;
  return !HIDDEN.has(first) && !ID_KEY.test(first);
}

/**
 * The name of a field as a person reads it. A nested value ("questions.0.text") is named by its field
 * and its position ("Câu hỏi, mục 1"); a field this module does not know is named "Thông tin khác"
 * rather than by its code.
 */
export function auditFieldName(path: string, language?: string | null): string {
  const lang: Lang = langOf(language);
  const [first = path, ...rest] = path.split(".");
  const names = (AUDIT_FIELD_NAMES as Record<string, Names>)[first];
  const base = names ? names[lang] : lang === "en" ? "Other information" : "Thông tin khác";
  const position = rest.find((p) => /^\d+$/.test(p));
  const inner = rest.filter((p) => !/^\d+$/.test(p)).at(-1);
  const innerName = inner ? (AUDIT_FIELD_NAMES as Record<string, Names>)[inner]?.[lang] : undefined;
  const parts = [base];
  if (position !== undefined)
    parts.push(lang === "en" ? `item ${Number(position) + 1}` : `mục ${Number(position) + 1}`);
  if (innerName && innerName !== base) parts.push(innerName.toLowerCase());
  return parts.join(", ");
}

const ASSIGNMENT_ROLE_NAMES: Record<string, Names> = {
  lead: { vi: "Chủ trì", en: "Lead" },
  coordinating: { vi: "Phối hợp", en: "Coordinating" },
  requested: { vi: "Được yêu cầu", en: "Requested" },
};
const PLAN_STATUS_NAMES: Record<string, Names> = {
  draft: { vi: "Dự thảo", en: "Draft" },
  issued: { vi: "Đã ban hành", en: "Issued" },
  superseded: { vi: "Đã được thay thế", en: "Superseded" },
  completed: { vi: "Đã kết thúc", en: "Completed" },
};
const FREQUENCY_NAMES: Record<string, Names> = {
  continuous: { vi: "Thường xuyên", en: "Continuous" },
  monthly: { vi: "Hằng tháng", en: "Monthly" },
  quarterly: { vi: "Hằng quý", en: "Quarterly" },
  halfYearly: { vi: "6 tháng", en: "Half-yearly" },
  yearly: { vi: "Hằng năm", en: "Yearly" },
  adHoc: { vi: "Đột xuất", en: "Ad hoc" },
};
const EVENT_KIND_NAMES: Record<string, Names> = {
  merge: { vi: "Sáp nhập", en: "Merger" },
  split: { vi: "Chia tách", en: "Split" },
  rename: { vi: "Đổi tên", en: "Rename" },
  dissolve: { vi: "Giải thể", en: "Dissolution" },
};
const ROLE_NAMES_EN: Record<string, string> = {
  admin: "Administrator",
  coordinator: "Coordinator",
  officer: "Officer",
  head: "Head of unit",
  viewer: "Viewer",
};
const REPORT_STATE_NAMES_EN: Record<string, string> = {
  draft: "Drafting",
  pendingApproval: "Awaiting the head's approval",
  submitted: "Sent",
  returned: "Returned",
  resubmitted: "Sent again",
  accepted: "Accepted",
};
/** An inspection's state and a finding's severity (core/src/follow-up/inspections.ts). */
const INSPECTION_STATE_NAMES: Record<string, Names> = {
  planned: { vi: INSPECTION_STATE_LABELS_VI.planned, en: "Planned" },
  done: { vi: INSPECTION_STATE_LABELS_VI.done, en: "Inspected" },
  cancelled: { vi: INSPECTION_STATE_LABELS_VI.cancelled, en: "Cancelled" },
};
const SEVERITY_NAMES: Record<string, Names> = {
  low: { vi: FINDING_SEVERITY_LABELS_VI.low, en: "Minor" },
  medium: { vi: FINDING_SEVERITY_LABELS_VI.medium, en: "Moderate" },
  high: { vi: FINDING_SEVERITY_LABELS_VI.high, en: "Serious" },
};
const fromVi = (vi: Record<string, string>, en: Record<string, string>): Record<string, Names> =>
  Object.fromEntries(Object.entries(vi).map(([k, v]) => [k, { vi: v, en: en[k] ?? v }]));

/** Coded values by the field that holds them. */
const VALUE_NAMES: Record<string, Record<string, Names>> = {
  state: { ...fromVi(REPORT_STATE_LABELS_VI, REPORT_STATE_NAMES_EN), ...INSPECTION_STATE_NAMES },
  severity: SEVERITY_NAMES,
  roles: fromVi(ROLE_LABELS_VI, ROLE_NAMES_EN),
  role: { ...ASSIGNMENT_ROLE_NAMES, ...fromVi(ROLE_LABELS_VI, ROLE_NAMES_EN) },
  status: PLAN_STATUS_NAMES,
  frequency: FREQUENCY_NAMES,
  kind: { ...EVENT_KIND_NAMES, ...fromVi(UNIT_KIND_LABELS_VI, {}) },
  unitKind: fromVi(UNIT_KIND_LABELS_VI, {}),
  ruleKinds: fromVi(UNIT_KIND_LABELS_VI, {}),
  reviewMark: fromVi(ENTRY_REVIEW_LABELS_VI, {
    updated: "Updated this period",
    unchanged: "Unchanged since last period",
    untouched: "Not looked at",
  }),
  // A request's questions are recorded whole: their kind of answer ("questions.0.type") in words.
  questions: fromVi(QUESTION_TYPE_LABELS_VI, {
    text: "Text",
    number: "Number",
    yesNo: "Yes/No",
    date: "Date",
    choice: "Choice",
  }),
};

/**
 * A coded value in words (a report's state, a role, a frequency); yes or no for a boolean; any
 * other value unchanged (the caller formats dates and numbers).
 */
export function auditValueWords(path: string, value: unknown, language?: string | null): unknown {
  const lang: Lang = langOf(language);
  if (typeof value === "boolean")
    return value ? (lang === "en" ? "Yes" : "Có") : lang === "en" ? "No" : "Không";
  const first = path.split(".")[0] ?? path;
  const names = VALUE_NAMES[first];
  if (!names) return value;
  const word = (v: unknown) => (typeof v === "string" && names[v] ? names[v][lang] : v);
  return Array.isArray(value) ? value.map(word) : word(value);
}
