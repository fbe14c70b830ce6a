import { z } from "zod";
import { UNIT_EVENT_KINDS, UNIT_KINDS } from "../auth/roles";
import { isoDate, uuidSchema } from "./common.schemas";

const name = z
  .string({ message: "Thiếu tên đơn vị" })
  .trim()
  .min(2, "Tên đơn vị quá ngắn")
  .max(300, "Tên đơn vị quá dài (tối đa 300 ký tự)");
const alias = z.string().trim().min(1, "Tên gọi khác không được để trống").max(120, "Tên gọi khác quá dài");

export const orgUnit = z.object({
  id: z.string(),
  kind: z.enum(UNIT_KINDS),
  parentId: z.string().nullable(),
  provinceId: z.string().nullable(),
  name: z.string(),
  shortName: z.string().nullable(),
  code: z.string().nullable(),
  aliases: z.array(z.string()),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  active: z.boolean(),
  depth: z.number(),
  childCount: z.number().optional(),
});
export type OrgUnit = z.infer<typeof orgUnit>;

export const orgUnitSearchQuery = z.strictObject({
  q: z.string().trim().max(200, "Từ khóa tìm kiếm quá dài").optional(),
  kind: z.enum(UNIT_KINDS, { message: "Loại đơn vị không hợp lệ" }).optional(),
  parentId: uuidSchema.optional(),
  includeHistorical: z.enum(["true", "false"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});

export const orgUnitListResponse = z.object({ orgUnits: z.array(orgUnit) });

/** The whole visible tree as a flat list: small rows, the client builds the tree. */
export const orgTreeNode = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  kind: z.enum(UNIT_KINDS),
  name: z.string(),
  shortName: z.string().nullable(),
  active: z.boolean(),
});
export const orgTreeResponse = z.object({ nodes: z.array(orgTreeNode) });

export const orgUnitCreateBody = z.strictObject({
  kind: z.enum(UNIT_KINDS, { message: "Loại đơn vị không hợp lệ" }),
  parentId: uuidSchema.nullable(),
  name,
  shortName: z.string().trim().max(120, "Tên viết tắt quá dài").nullable().optional(),
  code: z.string().trim().max(40, "Mã đơn vị quá dài").nullable().optional(),
  aliases: z.array(alias).max(30, "Tối đa 30 tên gọi khác").optional(),
  validFrom: isoDate.nullable().optional(),
  validTo: isoDate.nullable().optional(),
});
export const orgUnitUpdateBody = orgUnitCreateBody.partial();

export const orgUnitEvent = z.object({
  id: z.string(),
  kind: z.enum(UNIT_EVENT_KINDS),
  effectiveDate: z.string(),
  decision: z.string(),
  note: z.string(),
  predecessors: z.array(z.object({ id: z.string(), name: z.string() })),
  successors: z.array(z.object({ id: z.string(), name: z.string() })),
});

export const orgUnitDetailResponse = z.object({
  orgUnit: orgUnit,
  ancestors: z.array(z.object({ id: z.string(), name: z.string() })),
  children: z.array(orgUnit),
  events: z.array(orgUnitEvent),
  groups: z.array(z.object({ id: z.string(), name: z.string() })),
  can: z.object({ update: z.boolean(), merge: z.boolean(), createChild: z.boolean() }),
});

export const orgUnitMergeBody = z.strictObject({
  kind: z.enum(UNIT_EVENT_KINDS, { message: "Loại sự kiện không hợp lệ" }),
  predecessorIds: z.array(uuidSchema).min(1, "Chọn ít nhất một đơn vị cũ").max(100),
  /** Existing successors; or a new unit created by the event. */
  successorIds: z.array(uuidSchema).max(100).default([]),
  newSuccessor: orgUnitCreateBody.optional(),
  effectiveDate: isoDate,
  decision: z.string().trim().max(300, "Văn bản quyết định quá dài").default(""),
  note: z.string().trim().max(2000, "Ghi chú quá dài").default(""),
});

export const orgGroup = z.object({
  id: z.string(),
  name: z.string(),
  ruleKinds: z.array(z.enum(UNIT_KINDS)),
  ruleParentId: z.string().nullable(),
  ruleParentName: z.string().nullable(),
  ruleDescendants: z.boolean(),
  memberIds: z.array(z.string()),
});
export const orgGroupBody = z.strictObject({
  name: z
    .string({ message: "Thiếu tên nhóm" })
    .trim()
    .min(2, "Tên nhóm quá ngắn")
    .max(200, "Tên nhóm quá dài"),
  ruleKinds: z
    .array(z.enum(UNIT_KINDS, { message: "Loại đơn vị không hợp lệ" }))
    .max(8)
    .default([]),
  ruleParentId: uuidSchema.nullable().default(null),
  ruleDescendants: z.boolean().default(false),
  memberIds: z.array(uuidSchema).max(5000, "Nhóm quá lớn").default([]),
});
export const orgGroupExpandQuery = z.strictObject({ at: isoDate.optional() });

export const unitImportRow = z.object({
  row: z.number(),
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  parent: z.string().nullable(),
  parentId: z.string().nullable(),
  shortName: z.string().nullable(),
  aliases: z.array(z.string()),
  code: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  action: z.enum(["create", "update"]),
});
export const unitImportPreview = z.object({
  rows: z.array(unitImportRow),
  errors: z.array(
    z.object({ row: z.number().nullable(), column: z.string().nullable(), message: z.string() }),
  ),
  created: z.number().optional(),
  updated: z.number().optional(),
});
