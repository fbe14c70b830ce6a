/**
 * The dialogues API (issue 17 part 3): dialogue events with their minutes, the recommendations raised
 * at them (entered in bulk or imported from a workbook; each one a follow-up item), their publication,
 * a dialogue's summary and the province's published recommendations. Handling a recommendation
 * (assign, answer, accept…) is the follow-up items' API.
 */
import { z } from "zod";
import { DIALOGUE_KINDS, RAISER_KINDS } from "../follow-up/dialogues";
import { FOLLOW_UP_STATES } from "../follow-up/items";
import { ASSIGNMENT_STATUSES } from "../plans/status";
import { importProblem, isoDate, pageQuery, uuidSchema } from "./common.schemas";

const text = (max: number, what: string) =>
  z.string().trim().max(max, `${what} quá dài (tối đa ${max} ký tự)`);
const year = z.coerce.number().int().min(2000, "Năm không hợp lệ").max(2100, "Năm không hợp lệ");

// ——— Dialogues ———

/** The fields of a dialogue as written (no defaults: an update changes only what it sends). */
const fields = {
  /** A dialogue may be recorded ahead as planned; recommendations only once it has been held. */
  heldOn: isoDate,
  kind: z.enum(DIALOGUE_KINDS, { message: "Hình thức đối thoại không hợp lệ" }),
  title: z
    .string({ message: "Thiếu tên hội nghị đối thoại" })
    .trim()
    .min(5, "Tên hội nghị đối thoại quá ngắn (ít nhất 5 ký tự)")
    .max(500, "Tên hội nghị đối thoại quá dài (tối đa 500 ký tự)"),
  chair: text(200, "Người chủ trì"),
  sector: text(200, "Ngành, lĩnh vực đối thoại"),
  participantCount: z
    .number({ message: "Số người tham dự phải là một số" })
    .int("Số người tham dự phải là số nguyên")
    .min(0, "Số người tham dự không thể âm")
    .max(1_000_000, "Số người tham dự quá lớn")
    .nullable(),
  participants: text(5000, "Thành phần tham dự"),
  minutes: text(50_000, "Nội dung biên bản"),
};

export const dialogueCreateBody = z.strictObject({
  /** The unit that holds the dialogue and follows its recommendations; the actor's unit when omitted. */
  hostUnitId: uuidSchema.optional(),
  heldOn: fields.heldOn,
  kind: fields.kind,
  title: fields.title,
  chair: fields.chair.default(""),
  sector: fields.sector.default(""),
  participantCount: fields.participantCount.default(null),
  participants: fields.participants.default(""),
  minutes: fields.minutes.default(""),
});

export const dialogueUpdateBody = z.strictObject({
  /** The version the form was opened on: a dialogue changed meanwhile is refused (409). */
  version: z.number().int().min(1),
  heldOn: fields.heldOn.optional(),
  kind: fields.kind.optional(),
  title: fields.title.optional(),
  chair: fields.chair.optional(),
  sector: fields.sector.optional(),
  participantCount: fields.participantCount.optional(),
  participants: fields.participants.optional(),
  minutes: fields.minutes.optional(),
});

export const dialogueListQuery = z.strictObject({
  year: year.optional(),
  kind: z.enum(DIALOGUE_KINDS, { message: "Hình thức đối thoại không hợp lệ" }).optional(),
  hostUnitId: uuidSchema.optional(),
  q: z.string().trim().max(200, "Từ khóa quá dài").optional(),
  ...pageQuery,
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

const unitRef = z.object({ id: z.string(), name: z.string() });

export const dialogueSummary = z.object({
  id: z.string(),
  heldOn: z.string(),
  kind: z.enum(DIALOGUE_KINDS),
  title: z.string(),
  chair: z.string(),
  sector: z.string(),
  participantCount: z.number().nullable(),
  hostUnit: unitRef,
  /** Recommendations raised, and how many have an accepted answer. */
  recommendationCount: z.number(),
  acceptedCount: z.number(),
});

export const dialogueListResponse = z.object({
  dialogues: z.array(dialogueSummary),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  can: z.object({
    create: z.boolean(),
    /** The units the actor may hold a dialogue for (her unit, the province for a coordinator). */
    hostUnits: z.array(unitRef),
    /** An administrator may name any unit. */
    anyHost: z.boolean(),
  }),
});

export const dialogueFile = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  createdAt: z.string(),
});

/** A dialogue's recommendations counted: by state, by status class (the tasks' rule), answered on time. */
export const dialogueCounts = z.object({
  total: z.number(),
  byState: z.record(z.enum(FOLLOW_UP_STATES), z.number()),
  byStatus: z.record(z.enum(ASSIGNMENT_STATUSES), z.number()),
  /** Answers accepted by the host, and those given by their deadline (status "completed on time"). */
  accepted: z.number(),
  answeredOnTime: z.number(),
  published: z.number(),
});

export const dialogueDetail = dialogueSummary.extend({
  participants: z.string(),
  minutes: z.string(),
  version: z.number(),
  /** Held: recommendations may be entered (a dialogue recorded ahead has not been held yet). */
  held: z.boolean(),
  files: z.array(dialogueFile),
  counts: dialogueCounts,
  can: z.object({
    update: z.boolean(),
    /** Only while none of its recommendations has been answered. */
    delete: z.boolean(),
    addRecommendations: z.boolean(),
    publish: z.boolean(),
  }),
});

export const dialogueResponse = z.object({ dialogue: dialogueDetail });
export const dialogueFileResponse = z.object({ file: dialogueFile });

// ——— Recommendations ———

export const componentRef = z.strictObject({
  versionCode: z.string().trim().min(1, "Thiếu phiên bản chỉ số").max(60),
  componentCode: z.string().trim().min(1, "Thiếu chỉ số thành phần").max(60),
});

export const recommendationInput = z.strictObject({
  content: z
    .string({ message: "Thiếu nội dung kiến nghị" })
    .trim()
    .min(1, "Nội dung kiến nghị không được để trống")
    .max(5000, "Nội dung kiến nghị quá dài (tối đa 5000 ký tự)"),
  raiserKind: z.enum(RAISER_KINDS, { message: "Loại người kiến nghị không hợp lệ" }),
  raiserName: text(300, "Tên người, đơn vị kiến nghị").default(""),
  /** Shown as "Doanh nghiệp (ẩn danh)" wherever the recommendation is made public. */
  anonymous: z.boolean().default(false),
  field: text(200, "Lĩnh vực").default(""),
  component: componentRef.nullable().default(null),
  /** The unit that answers; without one the recommendation is received, to be assigned later. */
  unitId: uuidSchema.nullable().default(null),
  dueDate: isoDate.nullable().default(null),
});

export const recommendationsBody = z.strictObject({
  recommendations: z
    .array(recommendationInput)
    .min(1, "Chưa có kiến nghị nào")
    .max(500, "Tối đa 500 kiến nghị mỗi lần"),
});
export const recommendationsCreated = z.object({ created: z.number(), ids: z.array(z.string()) });

export const recommendationListQuery = z.strictObject({
  ...pageQuery,
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const recommendationRow = z.object({
  id: z.string(),
  content: z.string(),
  raiserKind: z.enum(RAISER_KINDS).nullable(),
  raiserName: z.string(),
  anonymous: z.boolean(),
  /** Who raised it as the public sees it (core's raiserShown). */
  raiserShown: z.string(),
  field: z.string(),
  component: z.object({ versionCode: z.string(), componentCode: z.string(), name: z.string() }).nullable(),
  unit: unitRef.nullable(),
  dueDate: z.string().nullable(),
  state: z.enum(FOLLOW_UP_STATES),
  /** The status class by the tasks' rule; null for a closed item. */
  status: z.enum(ASSIGNMENT_STATUSES).nullable(),
  reportedOn: z.string().nullable(),
  answer: z.string(),
  published: z.boolean(),
  can: z.object({ publish: z.boolean(), unpublish: z.boolean() }),
});

export const recommendationListResponse = z.object({
  recommendations: z.array(recommendationRow),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const publicationBody = z.strictObject({
  published: z.boolean({ message: "Cần cho biết công khai hay thôi công khai" }),
});
export const publicationResponse = z.object({ id: z.string(), published: z.boolean() });

export const recommendationImportRow = z.object({
  row: z.number(),
  content: z.string(),
  raiserKind: z.enum(RAISER_KINDS),
  raiserName: z.string(),
  anonymous: z.boolean(),
  field: z.string(),
  unit: unitRef.nullable(),
  dueDate: z.string().nullable(),
});
export const recommendationImportResult = z.object({
  rows: z.array(recommendationImportRow),
  errors: z.array(importProblem),
  /** With commit: how many were written (all or none). */
  created: z.number().optional(),
});

// ——— Published recommendations (the public page's source) ———

export const publishedQuery = z.strictObject({
  year: year.optional(),
  hostUnitId: uuidSchema.optional(),
  q: z.string().trim().max(200, "Từ khóa quá dài").optional(),
  ...pageQuery,
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

/**
 * What may be shown to anyone: the dialogue, the recommendation, who raised it as core's
 * `raiserShown` says (never the name of an anonymous raiser), the unit that answered and the answer.
 * Never comments, files, officers' names or internal notes.
 */
export const publishedRecommendation = z.object({
  id: z.string(),
  dialogue: z.object({
    id: z.string(),
    heldOn: z.string(),
    kind: z.enum(DIALOGUE_KINDS),
    title: z.string(),
    hostUnitName: z.string(),
  }),
  content: z.string(),
  raiserShown: z.string(),
  field: z.string(),
  unitName: z.string().nullable(),
  answer: z.string(),
  answeredOn: z.string().nullable(),
});

export const publishedListResponse = z.object({
  recommendations: z.array(publishedRecommendation),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
