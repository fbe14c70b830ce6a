/**
 * The plans and tasks API: plans (header, targets, amendments), the task table (a grid edited in bulk),
 * assignments to units, the views (document, filtered task list, my unit's tasks, timeline, coverage per
 * index) and the XLSX import. Every route's request and response is described here.
 */
import { z } from "zod";
import { DEADLINE_KINDS, FREQUENCIES } from "../deadlines/deadline.types";
import { PLAN_KIND_LABELS_VI, PLAN_KINDS, PLAN_STATUS_LABELS_VI, PLAN_STATUSES } from "../plans/kinds";
import { ASSIGNMENT_STATUSES } from "../plans/status";
import { isoDate, uuidSchema } from "./common.schemas";

export { PLAN_KIND_LABELS_VI, PLAN_KINDS, PLAN_STATUS_LABELS_VI, PLAN_STATUSES };
export const PARTICIPANT_ROLES = ["lead", "coordinating"] as const;
export const ASSIGNMENT_ROLES = ["lead", "coordinating", "requested"] as const;
export const TASK_KINDS = ["section", "task"] as const;
export const COMPARATORS = ["≥", "≤", "=", ">", "<"] as const;

const text = (max: number, what: string) =>
  z.string().trim().max(max, `${what} quá dài (tối đa ${max} ký tự)`);
const year = z.coerce.number().int().min(2000, "Năm không hợp lệ").max(2100, "Năm không hợp lệ");

// ——— Plans ———

export const planWriteBody = z.strictObject({
  kind: z.enum(PLAN_KINDS, { message: "Loại văn bản không hợp lệ" }).default("plan"),
  /** "107/KH-UBND"; may stay empty in a draft, required to issue. */
  number: text(60, "Số, ký hiệu").default(""),
  issuedDate: isoDate.nullable().default(null),
  /** The unit that issues (and owns) the plan; the actor's unit when omitted. */
  ownerUnitId: uuidSchema.optional(),
  issuerName: text(200, "Cơ quan ban hành").default(""),
  place: text(100, "Địa danh").default(""),
  signerName: text(120, "Người ký").default(""),
  signerTitle: text(120, "Chức vụ người ký").default(""),
  signerAuthority: text(120, "Thẩm quyền ký").default(""),
  title: z
    .string({ message: "Thiếu trích yếu" })
    .trim()
    .min(5, "Trích yếu quá ngắn")
    .max(1000, "Trích yếu quá dài"),
  legalBases: z
    .array(text(1000, "Căn cứ").min(1, "Căn cứ không được để trống"))
    .max(50, "Tối đa 50 căn cứ")
    .default([]),
  periodFrom: year.nullable().default(null),
  periodTo: year.nullable().default(null),
  parentPlanId: uuidSchema.nullable().default(null),
  objectives: text(20_000, "Mục đích, yêu cầu").default(""),
  implementation: text(20_000, "Tổ chức thực hiện").default(""),
  recipients: z.array(text(300, "Nơi nhận")).max(60).default([]),
  isFramework: z.boolean().default(false),
});
export const planCreateBody = planWriteBody;
export const planUpdateBody = planWriteBody.partial().strict();

export const planCan = z.object({
  update: z.boolean(),
  issue: z.boolean(),
  amend: z.boolean(),
  export: z.boolean(),
  createChildPlan: z.boolean(),
  instantiate: z.boolean(),
  delete: z.boolean(),
});

export const planSummary = z.object({
  id: z.string(),
  kind: z.enum(PLAN_KINDS),
  number: z.string(),
  issuedDate: z.string().nullable(),
  title: z.string(),
  status: z.enum(PLAN_STATUSES),
  ownerUnitId: z.string(),
  ownerUnitName: z.string(),
  parentPlanId: z.string().nullable(),
  periodFrom: z.number().nullable(),
  periodTo: z.number().nullable(),
  isFramework: z.boolean(),
  taskCount: z.number(),
  /** 0-100: the mean of the plan's tasks' progress. */
  progress: z.number(),
  updatedAt: z.string(),
});

export const planTarget = z.object({
  id: z.string(),
  indexCode: z.string(),
  versionCode: z.string(),
  /** Null: the whole index. */
  componentCode: z.string().nullable(),
  componentName: z.string().nullable(),
  baselineYear: z.number().nullable(),
  baselineValue: z.number().nullable(),
  baselineRank: z.number().nullable(),
  baselineRankOf: z.number().nullable(),
  targetValue: z.number().nullable(),
  rankFrom: z.number().nullable(),
  rankTo: z.number().nullable(),
  band: z.string().nullable(),
  note: z.string(),
});
export const planTargetInput = z.strictObject({
  indexCode: z.string().trim().min(1).max(40),
  /** The index version; the version valid in the plan's first year when omitted. */
  versionCode: z.string().trim().max(60).optional(),
  componentCode: z.string().trim().max(60).nullable().default(null),
  targetValue: z.number().nullable().default(null),
  rankFrom: z.number().int().min(1).nullable().default(null),
  rankTo: z.number().int().min(1).nullable().default(null),
  band: text(60, "Nhóm xếp hạng").nullable().default(null),
  note: text(1000, "Ghi chú").default(""),
  /** Left empty: filled from the published results before the plan's year. */
  baselineValue: z.number().nullable().optional(),
  baselineRank: z.number().int().nullable().optional(),
});
export const planTargetsBody = z.strictObject({ targets: z.array(planTargetInput).max(500) });

export const planAmendment = z.object({
  id: z.string(),
  documentNumber: z.string(),
  documentDate: z.string().nullable(),
  summary: z.string(),
  changes: z.unknown(),
  createdByName: z.string(),
  createdAt: z.string(),
});

export const planDetail = planSummary.extend({
  provinceId: z.string(),
  issuerName: z.string(),
  place: z.string(),
  signerName: z.string(),
  signerTitle: z.string(),
  signerAuthority: z.string(),
  legalBases: z.array(z.string()),
  objectives: z.string(),
  implementation: z.string(),
  recipients: z.array(z.string()),
  parentPlan: z.object({ id: z.string(), number: z.string(), title: z.string() }).nullable(),
  frameworkSourceId: z.string().nullable(),
  issuedAt: z.string().nullable(),
  targets: z.array(planTarget),
  amendments: z.array(planAmendment),
  assignmentCount: z.number(),
  can: planCan,
});
export const planResponse = z.object({ plan: planDetail });

export const planListQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  status: z.enum(PLAN_STATUSES, { message: "Trạng thái không hợp lệ" }).optional(),
  kind: z.enum(PLAN_KINDS).optional(),
  ownerUnitId: uuidSchema.optional(),
  year: year.optional(),
  framework: z.enum(["true", "false"]).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const planListResponse = z.object({
  plans: z.array(planSummary),
  total: z.number(),
  can: z.object({ create: z.boolean() }),
});

// ——— Task table (grid) ———

/** A lead or coordinator as the grid sends it: a unit, a group, or a name not matched yet. */
export const participantRef = z.union([
  z.strictObject({ unitId: uuidSchema }),
  z.strictObject({ groupId: uuidSchema }),
  z.strictObject({ name: text(300, "Tên đơn vị").min(1, "Tên đơn vị không được để trống") }),
]);
export const participant = z.object({
  role: z.enum(PARTICIPANT_ROLES),
  unitId: z.string().nullable(),
  groupId: z.string().nullable(),
  /** The unit's or group's name, or the words as written when not matched. */
  name: z.string(),
  matched: z.boolean(),
  /** A partner organisation (Mặt trận, đoàn thể): its assignment is "requested". */
  partner: z.boolean(),
});

export const quantitativeTarget = z.strictObject({
  measure: text(300, "Chỉ tiêu").min(1, "Thiếu tên chỉ tiêu"),
  comparator: z.enum(COMPARATORS, { message: "Phép so sánh phải là ≥, ≤, =, >, <" }),
  value: z.number({ message: "Giá trị chỉ tiêu phải là số" }),
  unit: text(40, "Đơn vị tính").default(""),
});
export const componentRef = z.strictObject({
  versionCode: z.string().trim().min(1).max(60),
  componentCode: z.string().trim().min(1).max(60),
});

export const deadlineJson = z.object({
  text: z.string(),
  understood: z.boolean(),
  kind: z.enum(DEADLINE_KINDS),
  due: z.string().nullable(),
  milestones: z.array(z.object({ label: z.string(), due: z.string() })),
  recurrence: z
    .object({ frequency: z.enum(FREQUENCIES), from: z.string().nullable(), until: z.string().nullable() })
    .nullable(),
});

/**
 * One grid row. A new row gets defaults for what it leaves out; an existing row (with `id`) keeps the
 * values of the fields the request leaves out, so a client may send only what changed.
 */
export const taskRowInput = z.strictObject({
  /** An existing row; omitted for a new one. */
  id: uuidSchema.optional(),
  /** The client's key of a new row, so that other rows of the same request can name it as parent. */
  key: z.string().max(60).optional(),
  parentId: uuidSchema.nullable().optional(),
  parentKey: z.string().max(60).nullable().optional(),
  kind: z.enum(TASK_KINDS).optional(),
  /** As in the document: "I", "1", "1.1", "a", "-"; numbered automatically when empty. */
  number: text(20, "Số thứ tự").optional(),
  /** Position among its siblings; the order of the request when omitted. */
  sortOrder: z.number().int().min(0).max(1_000_000).optional(),
  content: z.string().trim().min(1, "Nội dung nhiệm vụ không được để trống").max(5000, "Nội dung quá dài"),
  expectedOutput: text(5000, "Kết quả, sản phẩm").optional(),
  /** The deadline exactly as written; parsed on save, kept and flagged when not understood. */
  deadlineText: text(500, "Thời hạn").optional(),
  reportingNote: text(1000, "Ghi chú báo cáo").optional(),
  quantitativeTargets: z.array(quantitativeTarget).max(20).optional(),
  components: z.array(componentRef).max(50).optional(),
  tags: z.array(text(60, "Nhãn").min(1)).max(20).optional(),
  /** The task of the parent plan this one implements (cascade). */
  parentTaskId: uuidSchema.nullable().optional(),
  leads: z.array(participantRef).max(200).optional(),
  coordinators: z.array(participantRef).max(200).optional(),
});
export const taskUpsertBody = z.strictObject({
  rows: z.array(taskRowInput).max(5000, "Tối đa 5.000 dòng mỗi lần"),
  deleteIds: z.array(uuidSchema).max(5000).default([]),
});

export const taskProblem = z.object({
  taskId: z.string().nullable(),
  number: z.string(),
  field: z.string(),
  message: z.string(),
});

export const taskRow = z.object({
  id: z.string(),
  planId: z.string(),
  parentId: z.string().nullable(),
  kind: z.enum(TASK_KINDS),
  number: z.string(),
  sortOrder: z.number(),
  depth: z.number(),
  content: z.string(),
  expectedOutput: z.string(),
  deadlineText: z.string(),
  deadline: deadlineJson,
  /** The deadline in Vietnamese, normalised ("Quý III/2023"); the words as written when not understood. */
  deadlineRendered: z.string(),
  deadlineProblem: z.string().nullable(),
  dueDate: z.string().nullable(),
  reportingNote: z.string(),
  quantitativeTargets: z.array(quantitativeTarget),
  components: z.array(componentRef.extend({ name: z.string().nullable() })),
  tags: z.array(z.string()),
  parentTaskId: z.string().nullable(),
  leads: z.array(participant),
  coordinators: z.array(participant),
  progress: z.number(),
});
export const taskGridResponse = z.object({
  rows: z.array(taskRow),
  problems: z.array(taskProblem),
  can: z.object({ update: z.boolean() }),
});

export const taskReorderBody = z.strictObject({
  items: z
    .array(
      z.strictObject({ id: uuidSchema, parentId: uuidSchema.nullable(), sortOrder: z.number().int().min(0) }),
    )
    .min(1)
    .max(5000),
  renumber: z.boolean().default(true),
});
export const bulkAssignBody = z.strictObject({
  taskIds: z.array(uuidSchema).min(1, "Chọn ít nhất một nhiệm vụ").max(5000),
  role: z.enum(PARTICIPANT_ROLES, { message: "Vai trò phải là chủ trì hoặc phối hợp" }),
  participants: z.array(participantRef).min(1, "Chọn ít nhất một đơn vị hoặc nhóm").max(200),
  mode: z.enum(["add", "replace"]).default("add"),
});
export const bulkLinkBody = z.strictObject({
  taskIds: z.array(uuidSchema).min(1, "Chọn ít nhất một nhiệm vụ").max(5000),
  components: z.array(componentRef).max(50),
  mode: z.enum(["add", "replace"]).default("add"),
});

// ——— Issue, amend, cascade ———

export const issueBody = z.strictObject({
  number: text(60, "Số, ký hiệu").optional(),
  issuedDate: isoDate.optional(),
});
export const issueResponse = z.object({ plan: planDetail, assignmentsCreated: z.number() });
export const readinessResponse = z.object({ ready: z.boolean(), problems: z.array(taskProblem) });

/** Closes an issued plan: completed, or superseded by another plan (which names it as replaced). */
export const planStatusBody = z.strictObject({
  status: z.enum(["completed", "superseded"], { message: "Trạng thái phải là completed hoặc superseded" }),
  /** The plan that replaces this one (for "superseded"). */
  supersededById: uuidSchema.optional(),
  reason: z.string().trim().max(1000).default(""),
});

export const amendmentBody = z.strictObject({
  documentNumber: text(60, "Số văn bản").min(1, "Thiếu số văn bản sửa đổi"),
  documentDate: isoDate.nullable().default(null),
  summary: z.string().trim().min(3, "Hãy nêu nội dung sửa đổi").max(5000),
  header: planUpdateBody.omit({ parentPlanId: true, isFramework: true, ownerUnitId: true }).optional(),
  rows: z.array(taskRowInput).max(5000).default([]),
  deleteIds: z.array(uuidSchema).max(5000).default([]),
});
export const amendmentResponse = z.object({
  plan: planDetail,
  assignmentsCreated: z.number(),
  assignmentsEnded: z.number(),
});

export const childPlanBody = z.strictObject({
  /** The tasks of the parent plan to implement; those assigned to the unit when omitted. */
  taskIds: z.array(uuidSchema).max(5000).optional(),
  ownerUnitId: uuidSchema.optional(),
  title: z.string().trim().min(5).max(1000).optional(),
});
export const instantiateBody = z
  .strictObject({
    unitIds: z.array(uuidSchema).max(5000).default([]),
    groupIds: z.array(uuidSchema).max(50).default([]),
  })
  .refine((b) => b.unitIds.length + b.groupIds.length > 0, {
    message: "Chọn đơn vị hoặc nhóm áp dụng khung",
  });
export const instantiateResponse = z.object({ planIds: z.array(z.string()), skipped: z.array(z.string()) });

// ——— Assignments ———

export const assignment = z.object({
  id: z.string(),
  taskId: z.string(),
  planId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  role: z.enum(ASSIGNMENT_ROLES),
  /** Classified today from the due date and the unit's reports. */
  status: z.enum(ASSIGNMENT_STATUSES),
  progress: z.number(),
  completedAt: z.string().nullable(),
  dueDate: z.string().nullable(),
  note: z.string(),
  endedAt: z.string().nullable(),
  endedReason: z.string().nullable(),
  previousId: z.string().nullable(),
  viaGroupName: z.string().nullable(),
  can: z.object({ update: z.boolean(), reassign: z.boolean() }),
});
export const assignmentUpdateBody = z.strictObject({
  progress: z.number().int().min(0, "Tiến độ từ 0 đến 100").max(100, "Tiến độ từ 0 đến 100").optional(),
  completedAt: isoDate.nullable().optional(),
  note: text(2000, "Ghi chú").optional(),
});
export const reassignBody = z.strictObject({
  toUnitId: uuidSchema,
  reason: z.string().trim().min(3, "Hãy nêu lý do giao lại").max(1000),
});
export const reassignMergedBody = z.strictObject({
  /** A unit that was merged or dissolved: its open assignments go to its successor(s). */
  fromUnitId: uuidSchema,
  /** The successor; taken from the merge event when omitted. */
  toUnitId: uuidSchema.optional(),
  reason: z.string().trim().max(1000).default(""),
});
/** Re-expands the plan's groups at a date: new members get the tasks, former members' are ended. */
export const resyncBody = z.strictObject({
  at: isoDate.optional(),
  reason: z.string().trim().min(3, "Hãy nêu lý do cập nhật phân công").max(1000),
});
export const resyncResponse = z.object({ assignmentsCreated: z.number(), assignmentsEnded: z.number() });
export const reassignResponse = z.object({ moved: z.number(), toUnitIds: z.array(z.string()) });

// ——— Views ———

export const taskListQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  planId: uuidSchema.optional(),
  unitId: uuidSchema.optional(),
  /** With unitId: the unit and everything under it. */
  subtree: z.enum(["true", "false"]).optional(),
  groupId: uuidSchema.optional(),
  indexCode: z.string().max(40).optional(),
  componentCode: z.string().max(60).optional(),
  versionCode: z.string().max(60).optional(),
  dueFrom: isoDate.optional(),
  dueTo: isoDate.optional(),
  status: z.enum(ASSIGNMENT_STATUSES, { message: "Trạng thái không hợp lệ" }).optional(),
  role: z.enum(ASSIGNMENT_ROLES).optional(),
  sort: z.enum(["plan", "due", "number", "updated"]).default("plan"),
  page: z.coerce.number().int().min(1).max(500).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const statusCounts = z.record(z.enum(ASSIGNMENT_STATUSES), z.number());

export const taskListItem = z.object({
  id: z.string(),
  planId: z.string(),
  planNumber: z.string(),
  planTitle: z.string(),
  number: z.string(),
  content: z.string(),
  expectedOutput: z.string(),
  deadlineText: z.string(),
  deadlineRendered: z.string(),
  dueDate: z.string().nullable(),
  leads: z.array(z.string()),
  coordinators: z.array(z.string()),
  /** Components as "versionCode|componentCode" keys; the screen names them (core/src/words/indices.ts). */
  components: z.array(z.string()),
  progress: z.number(),
  assignmentCount: z.number(),
});
export const taskListResponse = z.object({
  tasks: z.array(taskListItem),
  /** Exact up to `totalCap`; beyond it `totalExact` is false. */
  total: z.number(),
  totalExact: z.boolean(),
  page: z.number(),
  pageSize: z.number(),
});

export const myTaskItem = z.object({
  assignmentId: z.string(),
  taskId: z.string(),
  planId: z.string(),
  planNumber: z.string(),
  planTitle: z.string(),
  number: z.string(),
  content: z.string(),
  expectedOutput: z.string(),
  deadlineRendered: z.string(),
  dueDate: z.string().nullable(),
  unitId: z.string(),
  unitName: z.string(),
  role: z.enum(ASSIGNMENT_ROLES),
  status: z.enum(ASSIGNMENT_STATUSES),
  progress: z.number(),
  can: z.object({ update: z.boolean(), createChildPlan: z.boolean() }),
});
export const myTasksQuery = taskListQuery
  .pick({
    q: true,
    status: true,
    dueFrom: true,
    dueTo: true,
    role: true,
    planId: true,
    page: true,
    pageSize: true,
  })
  .extend({
    /** Only the actor's own unit, not its subtree. */
    ownOnly: z.enum(["true", "false"]).optional(),
    sort: z.enum(["due", "plan", "status"]).default("due"),
  });
export const myTasksResponse = z.object({
  items: z.array(myTaskItem),
  total: z.number(),
  totalExact: z.boolean(),
  counts: statusCounts,
  page: z.number(),
  pageSize: z.number(),
});

export const taskDetailResponse = z.object({
  task: taskRow,
  plan: planSummary,
  assignments: z.array(assignment),
  history: z.array(assignment),
  childTasks: z.array(
    z.object({
      id: z.string(),
      planId: z.string(),
      planNumber: z.string(),
      ownerUnitName: z.string(),
      number: z.string(),
      content: z.string(),
      progress: z.number(),
    }),
  ),
  parentTask: z
    .object({ id: z.string(), planId: z.string(), number: z.string(), content: z.string() })
    .nullable(),
  progress: z.number(),
});

export const timelineQuery = z.strictObject({
  from: isoDate.optional(),
  to: isoDate.optional(),
  planId: uuidSchema.optional(),
  unitId: uuidSchema.optional(),
  limit: z.coerce.number().int().min(1).max(2000).default(500),
});
export const timelineResponse = z.object({
  items: z.array(
    z.object({
      date: z.string(),
      label: z.string().nullable(),
      taskId: z.string(),
      planId: z.string(),
      planNumber: z.string(),
      number: z.string(),
      content: z.string(),
      deadlineRendered: z.string(),
      leads: z.array(z.string()),
    }),
  ),
  /** Tasks behind `items` (the first `limit` by due date) and how many the window holds. */
  tasksShown: z.number(),
  tasksTotal: z.number(),
});

export const coverageQuery = z.strictObject({
  indexCode: z.string().min(1).max(40),
  planId: uuidSchema.optional(),
  year: year.optional(),
});
export const coverageResponse = z.object({
  indexCode: z.string(),
  versionCode: z.string(),
  /** The year the view is about: its initiatives are that year's. */
  year: z.number(),
  components: z.array(
    z.object({
      code: z.string(),
      parentCode: z.string().nullable(),
      number: z.string(),
      name: z.string(),
      taskCount: z.number(),
      tasks: z.array(
        z.object({ id: z.string(), planId: z.string(), number: z.string(), content: z.string() }),
      ),
      target: planTarget.nullable(),
      /** A target is set but no task aims at the component. */
      gap: z.boolean(),
      /**
       * What the follow-up registers link to the component, as the actor's lists show them: items (a
       * finding's remediation, a recommendation) still open (overdue included), overdue, done; the
       * year's initiatives aimed at it and how many stand recognised.
       */
      followUp: z.object({
        items: z.object({ open: z.number(), overdue: z.number(), done: z.number() }),
        initiatives: z.object({ total: z.number(), recognised: z.number() }),
      }),
    }),
  ),
});

// ——— XLSX import ———

export const IMPORT_FIELDS = [
  "number",
  "content",
  "lead",
  "coordinating",
  "expectedOutput",
  "deadline",
  "note",
] as const;
export const IMPORT_FIELD_LABELS_VI: Record<(typeof IMPORT_FIELDS)[number], string> = {
  number: "STT",
  content: "Nội dung / Nhiệm vụ",
  lead: "Chủ trì",
  coordinating: "Phối hợp",
  expectedOutput: "Kết quả / Sản phẩm",
  deadline: "Thời gian hoàn thành",
  note: "Ghi chú",
};
export const taskImportQuery = z.strictObject({
  commit: z.enum(["true", "false"]).default("false"),
  sheet: z.string().max(100).optional(),
  /** 1-based row of the headers; detected when omitted. */
  headerRow: z.coerce.number().int().min(1).max(100).optional(),
  /** "number:A,content:B,lead:C,…": column letters per field; detected from the headers when omitted. */
  columns: z
    .string()
    .max(300)
    .regex(/^([a-zA-Z]+:[A-Za-z]{1,3})(,[a-zA-Z]+:[A-Za-z]{1,3})*$/, "Dạng ánh xạ cột: number:A,content:B,…")
    .optional(),
  /** Replace the plan's task table (default) or append to it. */
  mode: z.enum(["replace", "append"]).default("replace"),
});
export const taskImportPreview = z.object({
  sheet: z.string(),
  sheets: z.array(z.string()),
  headerRow: z.number(),
  headers: z.array(z.object({ column: z.string(), text: z.string() })),
  mapping: z.record(z.string(), z.string()),
  rows: z.array(
    z.object({
      row: z.number(),
      kind: z.enum(TASK_KINDS),
      number: z.string(),
      depth: z.number(),
      content: z.string(),
      expectedOutput: z.string(),
      deadlineText: z.string(),
      deadline: deadlineJson,
      note: z.string(),
      leads: z.array(participant),
      coordinators: z.array(participant),
    }),
  ),
  problems: z.array(
    z.object({ row: z.number().nullable(), column: z.string().nullable(), message: z.string() }),
  ),
  committed: z.boolean(),
  created: z.number().optional(),
});

/** The plan as a readable document: header lines, and the task table in document order. */
export const planDocumentResponse = z.object({
  plan: planDetail,
  motto: z.array(z.string()),
  placeAndDate: z.string(),
  rows: z.array(taskRow),
});
