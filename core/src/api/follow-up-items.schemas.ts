/**
 * The follow-up items API (issue 17, "the one follow-up core"): the list of a finding's remediation
 * and a dialogue's recommendations with its filters, an item with its history, files and what the
 * actor may do, the acts on it (assign, transfer, report, return, accept, close, reopen), comments,
 * evidence files and links. Inspections' and dialogues' pages link to these rather than rebuild them.
 */
import { z } from "zod";
import {
  FOLLOW_UP_ACTIONS,
  FOLLOW_UP_AWAITING,
  FOLLOW_UP_KINDS,
  FOLLOW_UP_STATES,
  ITEM_STATUS_FILTERS,
} from "../follow-up/items";
import { ASSIGNMENT_STATUSES } from "../plans/status";
import { isoDate, pageQuery, uuidSchema } from "./common.schemas";

const text = (max: number, what: string) =>
  z.string().trim().max(max, `${what} quá dài (tối đa ${max} ký tự)`);

export const ITEM_SORTS = ["due", "state", "unit"] as const;

/** The list's filters; the Excel export takes the same without the page. */
export const itemListQuery = z.strictObject({
  kind: z.enum(FOLLOW_UP_KINDS, { message: "Loại việc không hợp lệ" }).optional(),
  state: z.enum(FOLLOW_UP_STATES, { message: "Trạng thái xử lý không hợp lệ" }).optional(),
  /** The status class by dates (the tasks' rule): overdue, completed on time…, or every unfinished one. */
  status: z.enum(ITEM_STATUS_FILTERS, { message: "Tình trạng thời hạn không hợp lệ" }).optional(),
  /** Whose move the items wait for (core's AWAITING_STATES): the unit's work list is `unit`. */
  awaiting: z.enum(FOLLOW_UP_AWAITING, { message: "Bước chờ xử lý không hợp lệ" }).optional(),
  /** The index component the items are linked to (the coverage view's links); a component needs its version. */
  versionCode: z.string().trim().min(1).max(80, "Bộ chỉ số không hợp lệ").optional(),
  componentCode: z.string().trim().min(1).max(80, "Chỉ số thành phần không hợp lệ").optional(),
  /** The responsible unit, with the units under it. */
  unitId: uuidSchema.optional(),
  /** The unit that follows the items (the inspecting unit, the dialogue's host), with the units under it. */
  followerUnitId: uuidSchema.optional(),
  inspectionId: uuidSchema.optional(),
  findingId: uuidSchema.optional(),
  dialogueId: uuidSchema.optional(),
  q: z.string().trim().max(200, "Từ khóa tìm kiếm quá dài (tối đa 200 ký tự)").optional(),
  dueFrom: isoDate.optional(),
  dueTo: isoDate.optional(),
  sort: z.enum(ITEM_SORTS, { message: "Cách sắp xếp không hợp lệ" }).default("due"),
  order: z.enum(["asc", "desc"], { message: "Chiều sắp xếp không hợp lệ" }).default("asc"),
  page: pageQuery.page,
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const itemExportQuery = itemListQuery.omit({ page: true, pageSize: true });

/** Where the item comes from: an inspection (the unit inspected, the day) or a dialogue (its title, day). */
export const itemSource = z.object({
  kind: z.enum(["inspection", "dialogue"]),
  /** The inspection's or the dialogue's id, for a link to its page. */
  id: z.string(),
  findingId: z.string().nullable(),
  /** The unit inspected, or the dialogue's title. */
  label: z.string(),
  date: z.string().nullable(),
});

export const itemRow = z.object({
  id: z.string(),
  kind: z.enum(FOLLOW_UP_KINDS),
  state: z.enum(FOLLOW_UP_STATES),
  /** The status class by dates (core's `followUpStatus`); null for a closed item. */
  status: z.enum(ASSIGNMENT_STATUSES).nullable(),
  content: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  followerUnitId: z.string(),
  followerUnitName: z.string(),
  aroseOn: z.string(),
  dueDate: z.string().nullable(),
  reportedOn: z.string().nullable(),
  doneOn: z.string().nullable(),
  source: itemSource,
  fileCount: z.number(),
  commentCount: z.number(),
  version: z.number(),
});

export const itemListResponse = z.object({
  items: z.array(itemRow),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  can: z.object({ export: z.boolean() }),
});

export const itemEvent = z.object({
  id: z.string(),
  /** An act ("assign", "report"…), "create" or "comment"; the screen words it. */
  action: z.string(),
  fromState: z.enum(FOLLOW_UP_STATES).nullable(),
  toState: z.enum(FOLLOW_UP_STATES).nullable(),
  fromUnitName: z.string().nullable(),
  toUnitName: z.string().nullable(),
  note: z.string(),
  byName: z.string().nullable(),
  byUnitName: z.string().nullable(),
  at: z.string(),
});

export const itemFile = z.object({
  id: z.string(),
  kind: z.enum(["file", "link"]),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  url: z.string().nullable(),
  title: z.string(),
  unitName: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  /** The uploader may remove it while the item is open or returned. */
  canDelete: z.boolean(),
});

export const itemDetail = itemRow.extend({
  requiredResult: z.string(),
  /** Who raised a recommendation, as shown (anonymised where asked); null for a remediation. */
  raiser: z.string().nullable(),
  field: z.string(),
  versionCode: z.string().nullable(),
  componentCode: z.string().nullable(),
  answer: z.string(),
  reason: z.string(),
  published: z.boolean(),
  events: z.array(itemEvent),
  files: z.array(itemFile),
  can: z.object({
    /** The acts the actor may take now (core's `followUpActions`), for the buttons. */
    actions: z.array(z.enum(FOLLOW_UP_ACTIONS)),
    comment: z.boolean(),
    upload: z.boolean(),
  }),
});
export const itemResponse = z.object({ item: itemDetail });

export const itemTransitionBody = z.strictObject({
  action: z.enum(FOLLOW_UP_ACTIONS, { message: "Thao tác không hợp lệ" }),
  version: z.number({ message: "Thiếu phiên bản của mục" }).int().min(1),
  reason: text(2000, "Lý do").optional(),
  /** Assign, transfer: the unit that becomes responsible. */
  unitId: uuidSchema.optional(),
  /** Assign (and reopen): the deadline. */
  dueDate: isoDate.nullable().optional(),
  /** Report: the remediation done, or the answer to the recommendation. */
  answer: text(20_000, "Kết quả xử lý").optional(),
});

export const itemCommentBody = z.strictObject({
  body: text(5000, "Ý kiến").min(1, "Ý kiến trống"),
});

export const itemLinkBody = z.strictObject({
  url: z
    .string()
    .trim()
    .max(2000, "Liên kết quá dài (tối đa 2000 ký tự)")
    .regex(/^https?:\/\/\S+$/i, { message: "Liên kết phải bắt đầu bằng http:// hoặc https://" }),
  title: text(300, "Tiêu đề").default(""),
});
export const itemFileResponse = z.object({ file: itemFile });
export const itemFileParams = z.strictObject({ id: uuidSchema, fileId: uuidSchema });
