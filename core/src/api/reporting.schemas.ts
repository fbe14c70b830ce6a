/**
 * The reporting API: obligations of a plan, opening a period, a unit's report with its entries,
 * autosave with optimistic concurrency, the review actions, comments, evidence and the dashboard.
 */
import { z } from "zod";
import { FREQUENCIES } from "../deadlines/deadline.types";
import { FOLLOW_UP_FIGURES, type FollowUpFigure } from "../follow-up/items";
import { ASSIGNMENT_STATUSES } from "../plans/status";
import { ENTRY_REVIEW_MARKS } from "../reporting/entry-review";
import { ADMIN_LEVELS } from "../reporting/levels";
import { REPORT_FREQUENCIES } from "../reporting/periods";
import { QUESTION_TYPES } from "../reporting/questions";
import { REPORT_ACTIONS, REPORT_STATES } from "../reporting/report-state";
import { isoDate, pageQuery, uuidSchema } from "./common.schemas";

const text = (max: number, what: string) =>
  z.string().trim().max(max, `${what} quá dài (tối đa ${max} ký tự)`);

export const dueRule = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("dayOfLastMonth"),
    day: z.number().int().min(1, "Ngày phải từ 1 đến 31").max(31, "Ngày phải từ 1 đến 31"),
  }),
  z.strictObject({
    kind: z.literal("daysAfterEnd"),
    days: z.number().int().min(0, "Số ngày không âm").max(120, "Tối đa 120 ngày"),
  }),
  z.strictObject({ kind: z.literal("fixedDate"), date: isoDate }),
]);

/**
 * A question of an ad hoc request as its author writes it (the server gives it its id). A plain
 * string is still taken, as a text question that may be left blank (requests made before types).
 */
export const questionInput = z.preprocess(
  (v) => (typeof v === "string" ? { text: v } : v),
  z
    .strictObject({
      text: text(1000, "Câu hỏi").min(1, "Câu hỏi không được để trống"),
      type: z
        .enum(QUESTION_TYPES, {
          message: "Kiểu trả lời phải là văn bản, số, có/không, ngày hoặc lựa chọn",
        })
        .default("text"),
      required: z.boolean({ message: "“Bắt buộc” phải là có hoặc không" }).default(false),
      choices: z
        .array(text(200, "Lựa chọn").min(1, "Lựa chọn không được để trống"))
        .max(20, "Tối đa 20 lựa chọn")
        .default([]),
    })
    .refine((q) => q.type !== "choice" || q.choices.length >= 2, {
      message: "Câu hỏi lựa chọn cần ít nhất 2 lựa chọn",
      path: ["choices"],
    })
    .refine((q) => new Set(q.choices).size === q.choices.length, {
      message: "Các lựa chọn không được trùng nhau",
      path: ["choices"],
    }),
);

export const reportQuestion = z.object({
  id: z.string(),
  text: z.string(),
  type: z.enum(QUESTION_TYPES),
  required: z.boolean(),
  choices: z.array(z.string()),
});

export const obligationCreateBody = z
  .strictObject({
    title: text(300, "Tên báo cáo").min(1, "Thiếu tên báo cáo"),
    taskId: uuidSchema.nullable().default(null),
    frequency: z.enum(REPORT_FREQUENCIES, { message: "Tần suất không hợp lệ" }),
    dueRule: dueRule.optional(),
    openOffsetDays: z.number().int().min(-60).max(366).default(0),
    lockAfterDays: z.number().int().min(0).max(366).nullable().default(null),
    receivingUnitId: uuidSchema,
    requiresApproval: z.boolean().default(false),
    adHocStart: isoDate.nullable().default(null),
    adHocDue: isoDate.nullable().default(null),
    questions: z.array(questionInput).max(50, "Tối đa 50 câu hỏi").default([]),
    /** The units asked (none: every unit assigned to the plan, or to the chosen tasks). */
    unitIds: z.array(uuidSchema).max(2000, "Chọn tối đa 2000 đơn vị").default([]),
    /** A group of units asked (with `unitIds`, both): its members on the day of the request. */
    groupId: uuidSchema.nullable().default(null),
    /** The plan's tasks the request is about (none: every task). */
    taskIds: z.array(uuidSchema).max(500, "Chọn tối đa 500 nhiệm vụ").default([]),
    /** The caller saw the warning that a request like this one exists, and creates it anyway. */
    confirmDuplicate: z.boolean().default(false),
    reminderOffsets: z.array(z.number().int().min(-60).max(60)).max(10).default([-7, -3, -1, 0, 1]),
  })
  .refine((b) => b.frequency !== "adHoc" || (b.adHocStart && b.adHocDue && b.adHocStart <= b.adHocDue), {
    message: "Báo cáo đột xuất cần ngày bắt đầu và hạn báo cáo (hạn không trước ngày bắt đầu)",
    path: ["adHocDue"],
  })
  .refine((b) => b.frequency === "adHoc" || b.dueRule, {
    message: "Thiếu quy tắc hạn báo cáo",
    path: ["dueRule"],
  });

export const obligation = z.object({
  id: z.string(),
  planId: z.string(),
  taskId: z.string().nullable(),
  title: z.string(),
  frequency: z.enum(REPORT_FREQUENCIES),
  dueRule,
  openOffsetDays: z.number(),
  lockAfterDays: z.number().nullable(),
  receivingUnitId: z.string(),
  receivingUnitName: z.string(),
  requiresApproval: z.boolean(),
  adHocStart: z.string().nullable(),
  adHocDue: z.string().nullable(),
  questions: z.array(reportQuestion),
  /** Null: every assigned unit (every task). */
  unitIds: z.array(z.string()).nullable(),
  taskIds: z.array(z.string()).nullable(),
  reminderOffsets: z.array(z.number()),
});
export const obligationResponse = z.object({ obligation });
export const obligationListResponse = z.object({ obligations: z.array(obligation) });

export const openPeriodBody = z.strictObject({
  periodKey: z.string().regex(/^(\d{4}-(M(0[1-9]|1[0-2])|Q[1-4]|H[12]|Y)|AH)$/, {
    message: "Kỳ báo cáo phải có dạng 2025-M06, 2025-Q2, 2025-H1, 2025-Y hoặc AH",
  }),
});
export const openPeriodResponse = z.object({
  periodKey: z.string(),
  label: z.string(),
  dueDate: z.string(),
  lockDate: z.string().nullable(),
  reportsCreated: z.number(),
  entriesCreated: z.number(),
});

export const figure = z.strictObject({
  measure: text(300, "Chỉ tiêu").min(1),
  value: z.number({ message: "Số liệu phải là số" }).finite().nullable(),
});

export const reportCan = z.object({
  edit: z.boolean(),
  submit: z.boolean(),
  approve: z.boolean(),
  return: z.boolean(),
  accept: z.boolean(),
  reopen: z.boolean(),
  allowLate: z.boolean(),
  comment: z.boolean(),
});

export const reportEntry = z.object({
  id: z.string(),
  assignmentId: z.string(),
  taskId: z.string(),
  taskNumber: z.string(),
  /** The number of the plan's section the task is in ("II"): with the task's, "II.3" (core's numberInPlan). */
  sectionNumber: z.string(),
  taskContent: z.string(),
  role: z.string(),
  dueDate: z.string().nullable(),
  deadlineText: z.string(),
  quantitativeTargets: z.array(
    z.object({ measure: z.string(), comparator: z.string(), value: z.number(), unit: z.string() }),
  ),
  /** Computed by core's workStatus for the report's period: never typed by the unit. */
  status: z.enum(ASSIGNMENT_STATUSES),
  /** Recurring work is judged per period. */
  recurring: z.boolean(),
  /** Its rhythm, when recurring ("monthly"…): shown with this period's due day. */
  frequency: z.enum(FREQUENCIES).nullable(),
  progress: z.number(),
  /** This period's text; the last period's is `previousNarrative`, never copied into it unasked. */
  narrative: z.string(),
  figures: z.array(figure),
  completedAt: z.string().nullable(),
  carriedForward: z.boolean(),
  /** What the unit wrote on the task in the last period's report (null: no such entry). */
  previousNarrative: z.string().nullable(),
  /** Written this period, confirmed unchanged, or (null) the carried copy nobody has looked at. */
  reviewMark: z.enum(ENTRY_REVIEW_MARKS).nullable(),
  version: z.number(),
});

export const reportComment = z.object({
  id: z.string(),
  taskId: z.string().nullable(),
  authorName: z.string(),
  body: z.string(),
  createdAt: z.string(),
});

export const evidence = z.object({
  id: z.string(),
  entryId: z.string().nullable(),
  kind: z.enum(["file", "link"]),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  url: z.string().nullable(),
  title: z.string(),
  createdAt: z.string(),
});

export const reportSummary = z.object({
  id: z.string(),
  obligationId: z.string(),
  obligationTitle: z.string(),
  planId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  unitKind: z.string(),
  periodKey: z.string(),
  periodLabel: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  opensOn: z.string(),
  dueDate: z.string(),
  lockDate: z.string().nullable(),
  state: z.enum(REPORT_STATES),
  version: z.number(),
  lateAllowed: z.boolean(),
  returnReason: z.string().nullable(),
  submittedAt: z.string().nullable(),
  firstSubmittedAt: z.string().nullable(),
});

export const reportDetail = reportSummary.extend({
  results: z.string(),
  difficulties: z.string(),
  proposals: z.string(),
  questions: z.array(reportQuestion),
  answers: z.record(z.string(), z.string()),
  requiresApproval: z.boolean(),
  receivingUnitName: z.string(),
  /**
   * Where the actor's "send" takes the report (core's transition): to the unit's head for approval,
   * or on to the receiver; null when the actor may not send it. The button says which.
   */
  submitLeadsTo: z.enum(REPORT_STATES).nullable(),
  entries: z.array(reportEntry),
  comments: z.array(reportComment),
  evidence: z.array(evidence),
  can: reportCan,
});
export const reportResponse = z.object({ report: reportDetail });

export const reportListQuery = z.strictObject({
  obligationId: uuidSchema.optional(),
  periodKey: openPeriodBody.shape.periodKey.optional(),
  unitId: uuidSchema.optional(),
  /** With unitId: the unit and every unit under it. */
  subtree: z.enum(["true", "false"]).optional(),
  state: z.enum(REPORT_STATES, { message: "Trạng thái báo cáo không hợp lệ" }).optional(),
  ...pageQuery,
});
/** One page of the reports in the actor's scope; `total` counts them all (exact up to 10,000). */
export const reportListResponse = z.object({
  reports: z.array(reportSummary),
  total: z.number(),
  totalExact: z.boolean(),
  page: z.number(),
  pageSize: z.number(),
});

/** The obligations and periods of the reports the actor sees: the choices of the list and dashboard. */
export const reportPeriodListResponse = z.object({
  periods: z.array(
    z.object({
      obligationId: z.string(),
      obligationTitle: z.string(),
      periodKey: z.string(),
      periodLabel: z.string(),
      reports: z.number(),
    }),
  ),
  /** The period the dashboard opens on: the one containing the province's today, else the latest begun. */
  current: z.object({ obligationId: z.string(), periodKey: z.string() }).nullable(),
});

export const reportUpdateBody = z.strictObject({
  version: z.number().int().min(1),
  results: text(20_000, "Kết quả").optional(),
  difficulties: text(20_000, "Khó khăn").optional(),
  proposals: text(20_000, "Kiến nghị").optional(),
  answers: z.record(z.string().max(10), text(20_000, "Trả lời")).optional(),
});

/** One answer to one question of the request ("" clears it); its form is checked against the question. */
export const answerBody = z.strictObject({ value: text(20_000, "Câu trả lời") });
export const answerParams = z.strictObject({
  id: uuidSchema,
  questionId: z.string().regex(/^q\d{1,3}$/, "Mã câu hỏi không hợp lệ"),
});
export const answersResponse = z.object({ answers: z.record(z.string(), z.string()) });

export const entryUpdateBody = z
  .strictObject({
    version: z.number().int().min(1),
    /** Refused with a message: an old client still sending the class the officer picked. */
    status: z
      .never({
        message:
          "Tình trạng nhiệm vụ được tính từ thời hạn và ngày hoàn thành, không nhập tay. Hãy tải lại trang rồi nhập tiến độ và ngày hoàn thành.",
      })
      .optional(),
    progress: z
      .number({ message: "Tiến độ phải là số" })
      .int("Tiến độ phải là số nguyên")
      .min(0, "Tiến độ từ 0 đến 100")
      .max(100, "Tiến độ từ 0 đến 100")
      .optional(),
    narrative: text(20_000, "Nội dung").optional(),
    figures: z.array(figure).max(20).optional(),
    completedAt: isoDate.nullable().optional(),
    /**
     * "Không thay đổi": the unit confirms the task is as the last period left it (an explicit,
     * audited act; the last period's text becomes this period's). Sent alone, with the version.
     */
    unchanged: z.literal(true, { message: "“Không thay đổi” chỉ nhận giá trị true" }).optional(),
  })
  .refine(
    (b) =>
      !b.unchanged ||
      (b.progress === undefined &&
        b.narrative === undefined &&
        b.figures === undefined &&
        b.completedAt === undefined),
    {
      message: "“Không thay đổi” không gửi kèm nội dung sửa: hoặc sửa, hoặc xác nhận không thay đổi",
      path: ["unchanged"],
    },
  );
export const entryResponse = z.object({ entry: reportEntry });

/** "Không thay đổi" for every task still untouched: the entries as the officer saw them (id, version). */
export const unchangedEntriesBody = z.strictObject({
  entries: z
    .array(z.strictObject({ id: uuidSchema, version: z.number().int().min(1) }), {
      message: "Thiếu danh sách nhiệm vụ",
    })
    .min(1, "Chưa chọn nhiệm vụ nào")
    .max(2000, "Tối đa 2000 nhiệm vụ một lần"),
});
export const unchangedEntriesResponse = z.object({ entries: z.array(reportEntry) });

export const transitionBody = z.strictObject({
  action: z.enum(REPORT_ACTIONS, { message: "Thao tác không hợp lệ" }),
  version: z.number().int().min(1),
  reason: text(5000, "Lý do").optional(),
});
export const lateBody = z.strictObject({ allowed: z.boolean() });

export const commentBody = z.strictObject({
  taskId: uuidSchema.nullable().default(null),
  body: text(5000, "Ý kiến").min(1, "Ý kiến trống"),
});
export const commentResponse = z.object({ comment: reportComment });

export const linkBody = z.strictObject({
  url: z
    .string()
    .trim()
    .max(2000)
    .regex(/^https?:\/\/\S+$/i, { message: "Liên kết phải bắt đầu bằng http:// hoặc https://" }),
  title: text(300, "Tiêu đề").default(""),
  entryId: uuidSchema.nullable().default(null),
});
export const evidenceQuery = z.strictObject({ entryId: uuidSchema.optional() });
export const evidenceResponse = z.object({ evidence });

export const dashboardQuery = z.strictObject({
  obligationId: uuidSchema,
  periodKey: openPeriodBody.shape.periodKey,
});
const rate = z.object({ expected: z.number(), received: z.number(), onTime: z.number() });
export const dashboardResponse = z.object({
  /** When the figures were computed: report states are exact, entries at most 20 s old. */
  computedAt: z.string(),
  periodKey: z.string(),
  periodLabel: z.string(),
  dueDate: z.string().nullable(),
  totals: rate,
  byKind: z.array(rate.extend({ unitKind: z.string() })),
  byLevel: z.array(rate.extend({ level: z.enum(ADMIN_LEVELS) })),
  taskStatus: z.record(z.enum(ASSIGNMENT_STATUSES), z.number()),
  components: z.array(
    z.object({
      versionCode: z.string(),
      componentCode: z.string(),
      /** The component's name in the catalogue (the codes are keys, never shown). */
      nameVi: z.string(),
      nameEn: z.string(),
      tasks: z.number(),
      entries: z.number(),
      meanProgress: z.number(),
      completed: z.number(),
    }),
  ),
  /** Every period of the obligation so far (up to 24), oldest first: the reporting-rate trend. */
  trend: z.array(rate.extend({ periodKey: z.string(), periodLabel: z.string() })),
});

/** The dashboard's lists (late units, overdue tasks), a page at a time. */
export const dashboardListQuery = dashboardQuery.extend(pageQuery);
const dashboardPage = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    /** Exact up to 10,000; beyond it `totalExact` is false. */
    total: z.number(),
    totalExact: z.boolean(),
    page: z.number(),
    pageSize: z.number(),
  });
export const lateUnit = z.object({
  reportId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  unitKind: z.string(),
  state: z.enum(REPORT_STATES),
  dueDate: z.string(),
  submittedAt: z.string().nullable(),
});
export const lateUnitListResponse = dashboardPage(lateUnit);
export const overdueTask = z.object({
  entryId: z.string(),
  taskId: z.string(),
  number: z.string(),
  content: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  dueDate: z.string().nullable(),
  progress: z.number(),
});
export const overdueTaskListResponse = dashboardPage(overdueTask);

/** The dashboard's follow-up section: each kind of item by core's `FOLLOW_UP_FIGURES`. */
const followUpCounts = z.object(
  Object.fromEntries(FOLLOW_UP_FIGURES.map((f) => [f, z.number()])) as Record<FollowUpFigure, z.ZodNumber>,
);
const followUpKinds = { remediation: followUpCounts, recommendation: followUpCounts };
export const followUpDashboardResponse = z.object({
  computedAt: z.string(),
  /**
   * The unit the actor's scope is cut to (a coordinator of part of the province, a unit's officer);
   * null for a province or more. The figures' links carry it, so each list shows what was counted.
   */
  scopeUnitId: z.string().nullable(),
  /** Every item in scope, those not yet assigned to a unit included. */
  totals: z.object(followUpKinds),
  byLevel: z.array(z.object({ level: z.enum(ADMIN_LEVELS), ...followUpKinds })),
  /** Items received but not yet assigned to a unit (in the totals, in no level), by kind. */
  unassigned: z.object({ remediation: z.number(), recommendation: z.number() }),
  /** The province's current year: required units, those short of the minimum, those with none. */
  initiatives: z.object({
    year: z.number(),
    units: z.number(),
    unitsShort: z.number(),
    unitsWithNone: z.number(),
  }),
});
/** The section's units, most overdue first, a page at a time. */
export const followUpUnitsQuery = z.strictObject(pageQuery);
export const followUpUnit = z.object({
  unitId: z.string(),
  unitName: z.string(),
  unitKind: z.string(),
  level: z.enum(ADMIN_LEVELS),
  ...followUpKinds,
});
export const followUpUnitListResponse = dashboardPage(followUpUnit);

export const notification = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  reportId: z.string().nullable(),
  /** A follow-up item's notice names the item, so the bell opens it. */
  followUpItemId: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export const notificationListQuery = z.strictObject({
  page: pageQuery.page,
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
/** One page of the unit's notices, newest first; `total` and `unread` count them all. */
export const notificationListResponse = z.object({
  notifications: z.array(notification),
  total: z.number(),
  unread: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export const EMAIL_MODES = ["immediate", "daily"] as const;
export const emailModeBody = z.strictObject({
  emailMode: z.enum(EMAIL_MODES, {
    error: "Cách nhận email phải là 'immediate' (ngay) hoặc 'daily' (gộp hằng ngày).",
  }),
});
export const emailModeResponse = z.object({ emailMode: z.enum(EMAIL_MODES) });

export const consolidatedBody = z.strictObject({
  obligationId: uuidSchema,
  periodKey: openPeriodBody.shape.periodKey,
  narrative: text(50_000, "Nội dung").nullable().optional(),
  /** Whom the report is addressed to ("Kính gửi"); the issuing unit's parent authority when absent. */
  recipient: text(200, "Nơi nhận báo cáo (Kính gửi)").optional(),
  /** The signer's title and name; the title follows the issuing unit (GIÁM ĐỐC, CHỦ TỊCH) when absent. */
  signerTitle: text(100, "Chức danh người ký").optional(),
  signerName: text(100, "Họ tên người ký").optional(),
  /**
   * The coordinator's words per section, each before (V, VI: instead of) what the report computes:
   * II tasks, III the units' words, IV the figures, V the reporting situation, VI the follow-up
   * registers (inspections and remediation, dialogues and recommendations, initiatives).
   */
  sections: z
    .strictObject({
      tasks: text(20_000, "Phần II (kết quả thực hiện nhiệm vụ)").optional(),
      units: text(20_000, "Phần III (kết quả, khó khăn, đề xuất)").optional(),
      figures: text(20_000, "Phần IV (số liệu tổng hợp)").optional(),
      reporting: text(20_000, "Phần V (tình hình báo cáo)").optional(),
      inspections: text(20_000, "Phần VI.1 (kiểm tra và khắc phục)").optional(),
      dialogues: text(20_000, "Phần VI.2 (đối thoại và kiến nghị)").optional(),
      initiatives: text(20_000, "Phần VI.3 (sáng kiến)").optional(),
    })
    .optional(),
  /** "Nơi nhận", one addressee a line; the recipient and "Lưu: VT." when absent. */
  copies: z.array(text(200, "Nơi nhận")).max(20, "Tối đa 20 nơi nhận").optional(),
});
/**
 * What the consolidated report's dialog starts from, as the server would write it: the coordinator
 * edits it and posts it back with the download (consolidatedBody). Not stored.
 */
export const consolidatedDraftResponse = z.object({
  narrative: z.string(),
  recipient: z.string(),
  signerTitle: z.string(),
  signerName: z.string(),
  sections: z.object({
    tasks: z.string(),
    units: z.string(),
    figures: z.string(),
    reporting: z.string(),
    inspections: z.string(),
    dialogues: z.string(),
    initiatives: z.string(),
  }),
  copies: z.array(z.string()),
});

export const progressTrendQuery = z.strictObject({ obligationId: uuidSchema });
/** Per period of the obligation (up to 24, oldest first): how the reported tasks stood at its end. */
export const progressTrendResponse = z.object({
  periods: z.array(
    z.object({
      periodKey: z.string(),
      periodLabel: z.string(),
      entries: z.number(),
      completed: z.number(),
      overdue: z.number(),
      meanProgress: z.number(),
    }),
  ),
});

/** One task across the units that report on it, for a period: the dashboard's drill-down. */
export const dashboardTaskQuery = z.strictObject({
  obligationId: uuidSchema,
  periodKey: openPeriodBody.shape.periodKey,
  taskId: uuidSchema,
  status: z.enum(ASSIGNMENT_STATUSES, { message: "Tình trạng nhiệm vụ không hợp lệ" }).optional(),
  ...pageQuery,
});
export const dashboardTaskResponse = z.object({
  task: z.object({ id: z.string(), number: z.string(), content: z.string() }),
  /** Entries of the task by status (as the dashboard counts them, overdue included), before the filter. */
  counts: z.record(z.enum(ASSIGNMENT_STATUSES), z.number()),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  rows: z.array(
    z.object({
      entryId: z.string(),
      reportId: z.string(),
      unitId: z.string(),
      unitName: z.string(),
      unitKind: z.string(),
      reportState: z.enum(REPORT_STATES),
      role: z.string(),
      dueDate: z.string().nullable(),
      status: z.enum(ASSIGNMENT_STATUSES),
      progress: z.number(),
      narrative: z.string(),
    }),
  ),
});

export const scorecardQuery = z.strictObject({
  year: z.coerce.number().int().min(2000, "Năm không hợp lệ").max(2100, "Năm không hợp lệ"),
  planId: uuidSchema.optional(),
});
export const scorecard = z.object({
  rank: z.number(),
  unitId: z.string(),
  unitName: z.string(),
  unitKind: z.string(),
  tasksDue: z.number(),
  tasksOnTime: z.number(),
  tasksLate: z.number(),
  tasksOverdue: z.number(),
  taskOnTimeRate: z.number().nullable(),
  reportsExpected: z.number(),
  reportsOnTime: z.number(),
  reportOnTimeRate: z.number().nullable(),
  targets: z.number(),
  targetsMet: z.number(),
  targetsMetRate: z.number().nullable(),
  /** Remediation after inspection due in the year (not closed), and accepted on time. */
  remediationDue: z.number(),
  remediationOnTime: z.number(),
  remediationOnTimeRate: z.number().nullable(),
  /** Recommendations assigned to the unit due in the year (not closed), and answered on time. */
  answersDue: z.number(),
  answersOnTime: z.number(),
  answersOnTimeRate: z.number().nullable(),
  /** Initiatives of the year that count toward the minimum, and the minimum asked of the unit (0: none). */
  initiatives: z.number(),
  initiativesRequired: z.number(),
  initiativesRate: z.number().nullable(),
  /** core/src/reporting/scorecard.ts `scorecardScore` over the rates; null when the unit had nothing to do. */
  score: z.number().nullable(),
});
export const scorecardListResponse = z.object({ scorecards: z.array(scorecard) });
