/**
 * The inspections API (issue 17, part 1): a coordinating unit's yearly inspection plans, the units
 * inspected in each (dates, team, scope), an inspection's record (held on, conclusion, minutes) with
 * its findings, each finding's remediation followed as a follow-up item, the findings' Excel import
 * and the plan's export. Every route's request and response is described here.
 */
import { z } from "zod";
import { FINDING_SEVERITIES, INSPECTION_STATES } from "../follow-up/inspections";
import { FOLLOW_UP_STATES } from "../follow-up/items";
import { ASSIGNMENT_STATUSES } from "../plans/status";
import { importCommitQuery, importProblem, isoDate, pageQuery, uuidSchema } from "./common.schemas";

const text = (max: number, what: string) =>
  z.string().trim().max(max, `${what} quá dài (tối đa ${max} ký tự)`);
const year = z.coerce.number().int().min(2000, "Năm không hợp lệ").max(2100, "Năm không hợp lệ");
const version = z.number({ message: "Thiếu phiên bản dữ liệu" }).int().min(1);

// ——— Plans ———

export const inspectionPlanCreateBody = z.strictObject({
  /** The inspecting unit (Sở Nội vụ, the province); the actor's unit when omitted. */
  ownerUnitId: uuidSchema.optional(),
  year,
  title: z
    .string({ message: "Thiếu tên kế hoạch" })
    .trim()
    .min(5, "Tên kế hoạch quá ngắn")
    .max(1000, "Tên kế hoạch quá dài"),
  /** The plan's document number ("45/KH-SNV"). */
  number: text(60, "Số, ký hiệu").default(""),
  /** Fields or components the inspections look at, as the plan writes them. */
  scope: text(4000, "Nội dung kiểm tra").default(""),
});
export const inspectionPlanUpdateBody = inspectionPlanCreateBody
  .omit({ ownerUnitId: true })
  .partial()
  .strict();

export const inspectionPlanListQuery = z.strictObject({
  year: year.optional(),
  ownerUnitId: uuidSchema.optional(),
  ...pageQuery,
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

/** How a set of remediation items stands today: open in time, overdue, done (accepted or closed). */
export const remediationCounts = z.object({
  open: z.number(),
  overdue: z.number(),
  closed: z.number(),
});

export const inspectionPlanSummary = z.object({
  id: z.string(),
  year: z.number(),
  title: z.string(),
  number: z.string(),
  scope: z.string(),
  ownerUnitId: z.string(),
  ownerUnitName: z.string(),
  /** Inspections planned or done (cancelled ones aside), and of them done. */
  inspectionCount: z.number(),
  doneCount: z.number(),
  findingCount: z.number(),
  updatedAt: z.string(),
});
export const inspectionPlanCan = z.object({
  update: z.boolean(),
  delete: z.boolean(),
  /** Add units, edit, cancel and record the plan's inspections. */
  manage: z.boolean(),
});
export const inspectionPlanDetail = inspectionPlanSummary.extend({
  version: z.number(),
  remediation: remediationCounts,
  can: inspectionPlanCan,
});
export const inspectionPlanResponse = z.object({ plan: inspectionPlanDetail });
export const inspectionPlanListResponse = z.object({
  plans: z.array(inspectionPlanSummary),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  can: z.object({ create: z.boolean() }),
});

// ——— Inspections of a plan ———

export const inspectionsAddBody = z
  .strictObject({
    /** Units chosen one by one, and groups whose members (today) are added too. */
    unitIds: z.array(uuidSchema).max(1000, "Tối đa 1.000 đơn vị một lần").default([]),
    groupIds: z.array(uuidSchema).max(50, "Tối đa 50 nhóm một lần").default([]),
    startsOn: isoDate,
    endsOn: isoDate,
    team: text(2000, "Thành phần đoàn kiểm tra").default(""),
    scope: text(4000, "Nội dung kiểm tra").default(""),
  })
  .refine((b) => b.unitIds.length + b.groupIds.length > 0, {
    message: "Hãy chọn ít nhất một đơn vị hoặc nhóm đơn vị được kiểm tra",
    path: ["unitIds"],
  });
export const inspectionsAddResponse = z.object({
  added: z.number(),
  /** Units already in the plan (not cancelled), left as they were. */
  skipped: z.array(z.object({ unitId: z.string(), unitName: z.string() })),
});

export const inspectionUpdateBody = z.strictObject({
  version,
  startsOn: isoDate.optional(),
  endsOn: isoDate.optional(),
  team: text(2000, "Thành phần đoàn kiểm tra").optional(),
  scope: text(4000, "Nội dung kiểm tra").optional(),
});
export const inspectionCancelBody = z.strictObject({
  version,
  reason: z
    .string({ message: "Cần nêu lý do hủy" })
    .trim()
    .min(3, "Cần nêu lý do hủy cuộc kiểm tra")
    .max(2000, "Lý do quá dài"),
});

export const inspectionListQuery = z.strictObject({
  planId: uuidSchema.optional(),
  /** The inspected unit (its history); units under it are not included. */
  unitId: uuidSchema.optional(),
  year: year.optional(),
  state: z.enum(INSPECTION_STATES, { message: "Trạng thái không hợp lệ" }).optional(),
  ...pageQuery,
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const inspectionSummary = z.object({
  id: z.string(),
  planId: z.string(),
  planTitle: z.string(),
  planNumber: z.string(),
  planYear: z.number(),
  ownerUnitId: z.string(),
  ownerUnitName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  team: z.string(),
  scope: z.string(),
  state: z.enum(INSPECTION_STATES),
  heldOn: z.string().nullable(),
  cancelReason: z.string(),
  findingCount: z.number(),
  remediation: remediationCounts,
  version: z.number(),
});
export const inspectionListResponse = z.object({
  inspections: z.array(inspectionSummary),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

// ——— The record and its findings ———

/** A finding as the record form (or the import) sends it, with its remediation. */
export const findingInput = z
  .strictObject({
    content: z
      .string({ message: "Thiếu nội dung tồn tại, hạn chế" })
      .trim()
      .min(1, "Nội dung tồn tại, hạn chế không được để trống")
      .max(4000, "Nội dung tồn tại, hạn chế quá dài (tối đa 4000 ký tự)"),
    severity: z.enum(FINDING_SEVERITIES, { message: "Mức độ không hợp lệ" }).default("medium"),
    /** The index component the finding concerns, as a version's component; both or neither. */
    versionCode: z.string().trim().max(60).nullable().default(null),
    componentCode: z.string().trim().max(60).nullable().default(null),
    remediation: z.strictObject({
      /** The responsible unit; the inspected unit when omitted. */
      unitId: uuidSchema.nullable().optional(),
      dueDate: isoDate,
      requiredResult: text(4000, "Yêu cầu kết quả").default(""),
    }),
  })
  .refine((f) => !f.versionCode === !f.componentCode, {
    message: "Chỉ số thành phần cần có cả phiên bản bộ chỉ số",
    path: ["componentCode"],
  });

export const recordBody = z.strictObject({
  version,
  heldOn: isoDate,
  conclusion: text(20_000, "Kết luận kiểm tra").default(""),
  findings: z.array(findingInput).max(500, "Tối đa 500 tồn tại, hạn chế một lần").default([]),
});
export const addFindingsBody = z.strictObject({
  findings: z
    .array(findingInput)
    .min(1, "Hãy nhập ít nhất một tồn tại, hạn chế")
    .max(500, "Tối đa 500 tồn tại, hạn chế một lần"),
});
export const findingUpdateBody = z
  .strictObject({
    content: z
      .string()
      .trim()
      .min(1, "Nội dung tồn tại, hạn chế không được để trống")
      .max(4000, "Nội dung tồn tại, hạn chế quá dài (tối đa 4000 ký tự)")
      .optional(),
    severity: z.enum(FINDING_SEVERITIES, { message: "Mức độ không hợp lệ" }).optional(),
    versionCode: z.string().trim().max(60).nullable().optional(),
    componentCode: z.string().trim().max(60).nullable().optional(),
  })
  .refine((f) => (f.versionCode === undefined) === (f.componentCode === undefined), {
    message: "Chỉ số thành phần cần có cả phiên bản bộ chỉ số",
    path: ["componentCode"],
  });

/** A finding's remediation as it stands (the item is followed on the items page). */
export const findingRemediation = z.object({
  itemId: z.string(),
  state: z.enum(FOLLOW_UP_STATES),
  /** The status class by the tasks' rule; null for a closed item. */
  status: z.enum(ASSIGNMENT_STATUSES).nullable(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  dueDate: z.string().nullable(),
  requiredResult: z.string(),
});
export const finding = z.object({
  id: z.string(),
  position: z.number(),
  content: z.string(),
  severity: z.enum(FINDING_SEVERITIES),
  versionCode: z.string().nullable(),
  componentCode: z.string().nullable(),
  componentName: z.string().nullable(),
  remediation: findingRemediation.nullable(),
  can: z.object({ update: z.boolean() }),
});

export const inspectionFile = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  createdAt: z.string(),
});

export const inspectionDetail = inspectionSummary.extend({
  conclusion: z.string(),
  planScope: z.string(),
  findings: z.array(finding),
  files: z.array(inspectionFile),
  can: z.object({
    update: z.boolean(),
    cancel: z.boolean(),
    record: z.boolean(),
    addFindings: z.boolean(),
    upload: z.boolean(),
  }),
});
export const inspectionResponse = z.object({ inspection: inspectionDetail });
export const inspectionFileResponse = z.object({ file: inspectionFile });

// ——— Findings from a workbook ———

export const findingImportQuery = importCommitQuery.extend({
  /** The day the inspection was held, for an inspection not yet recorded (deadlines are checked against it). */
  heldOn: isoDate.optional(),
});
export const findingImportRow = z.object({
  row: z.number(),
  content: z.string(),
  severity: z.enum(FINDING_SEVERITIES),
  versionCode: z.string().nullable(),
  componentCode: z.string().nullable(),
  componentName: z.string().nullable(),
  unitId: z.string(),
  unitName: z.string(),
  dueDate: z.string(),
  requiredResult: z.string(),
});
export const findingImportResult = z.object({
  rows: z.array(findingImportRow),
  errors: z.array(importProblem),
  /** With `commit`: how many findings were added. */
  created: z.number().optional(),
});
