/**
 * The API of the reform initiatives' register (issue 17 part 2): a unit registers its initiatives of a
 * year, the province's coordinators decide on them (recognise, not recognise, reconsider, replicate to
 * other units), every unit's yearly count against the minimum, evidence of the result, and the list
 * for the emulation council.
 */
import { z } from "zod";
import {
  INITIATIVE_ACTIONS,
  INITIATIVE_FIRST_YEAR,
  INITIATIVE_REQUIRED_KINDS,
  INITIATIVE_STATES,
} from "../follow-up/initiatives";
import { isoDate, pageQuery, uuidSchema } from "./common.schemas";

const text = (max: number, what: string) =>
  z
    .string({ message: `${what} phải là văn bản` })
    .trim()
    .max(max, `${what} quá dài (tối đa ${max} ký tự)`);
const code = (what: string) =>
  z
    .string({ message: `${what} không hợp lệ` })
    .trim()
    .max(80, `${what} không hợp lệ`);

const yearNumber = z
  .number({ message: "Năm phải là một số" })
  .int("Năm phải là số nguyên")
  .min(INITIATIVE_FIRST_YEAR, `Năm phải từ ${INITIATIVE_FIRST_YEAR} trở đi`)
  .max(2100, "Năm không hợp lệ");
const yearQuery = z.coerce
  .number({ message: "Năm phải là một số" })
  .int("Năm phải là số nguyên")
  .min(INITIATIVE_FIRST_YEAR, `Năm phải từ ${INITIATIVE_FIRST_YEAR} trở đi`)
  .max(2100, "Năm không hợp lệ");

/** What a unit writes of an initiative (the unit and the year are chosen once, at registration). */
const contentFields = {
  title: text(500, "Tên sáng kiến").min(1, "Tên sáng kiến không được để trống"),
  problem: text(5000, "Vấn đề cần giải quyết"),
  solution: text(5000, "Giải pháp"),
  field: text(200, "Lĩnh vực"),
  /** The index component it aims at: both codes or neither. */
  versionCode: code("Bộ chỉ số").nullable(),
  componentCode: code("Chỉ số thành phần").nullable(),
  expectedResult: text(5000, "Kết quả dự kiến"),
  actualResult: text(5000, "Kết quả đạt được"),
};

const bothOrNeither = (v: { versionCode?: string | null; componentCode?: string | null }) =>
  !v.versionCode === !v.componentCode;
const bothOrNeitherMessage = {
  message: "Hãy chọn đủ bộ chỉ số và chỉ số thành phần, hoặc bỏ trống cả hai",
  path: ["componentCode"],
};

export const initiativeCreateBody = z
  .strictObject({
    unitId: uuidSchema,
    year: yearNumber,
    title: contentFields.title,
    problem: contentFields.problem.default(""),
    solution: contentFields.solution.default(""),
    field: contentFields.field.default(""),
    versionCode: contentFields.versionCode.default(null),
    componentCode: contentFields.componentCode.default(null),
    expectedResult: contentFields.expectedResult.default(""),
    actualResult: contentFields.actualResult.default(""),
  })
  .refine(bothOrNeither, bothOrNeitherMessage);

/** A change of an initiative, on the version read (only the result once it is decided). */
export const initiativeUpdateBody = z
  .strictObject({
    version: z.number({ message: "Thiếu phiên bản của sáng kiến" }).int().min(1),
    title: contentFields.title.optional(),
    problem: contentFields.problem.optional(),
    solution: contentFields.solution.optional(),
    field: contentFields.field.optional(),
    versionCode: contentFields.versionCode.optional(),
    componentCode: contentFields.componentCode.optional(),
    expectedResult: contentFields.expectedResult.optional(),
    actualResult: contentFields.actualResult.optional(),
  })
  .refine((v) => (v.versionCode === undefined) === (v.componentCode === undefined) && bothOrNeither(v), {
    ...bothOrNeitherMessage,
  });

export const initiativeDeleteQuery = z.strictObject({
  version: z.coerce.number({ message: "Thiếu phiên bản của sáng kiến" }).int().min(1),
});

/**
 * A coordinator's decision: recognise, not recognise (with the reason), reconsider (with the reason),
 * or replicate to other units from a day.
 */
export const initiativeTransitionBody = z.strictObject({
  action: z.enum(INITIATIVE_ACTIONS, {
    message: "Thao tác phải là công nhận, không công nhận, xem xét lại hoặc nhân rộng",
  }),
  version: z.number({ message: "Thiếu phiên bản của sáng kiến" }).int().min(1),
  reason: text(2000, "Lý do").optional(),
  /** Replicate: the units that are to apply it, and from which day. */
  unitIds: z.array(uuidSchema).max(500, "Tối đa 500 đơn vị mỗi lần nhân rộng").optional(),
  fromDate: isoDate.optional(),
});

export const initiativeListQuery = z.strictObject({
  year: yearQuery.optional(),
  state: z.enum(INITIATIVE_STATES, { message: "Trạng thái không hợp lệ" }).optional(),
  /** The unit and the units under it. */
  unitId: uuidSchema.optional(),
  versionCode: code("Bộ chỉ số").optional(),
  componentCode: code("Chỉ số thành phần").optional(),
  q: z.string().trim().max(200, "Từ khóa quá dài").optional(),
  ...pageQuery,
});

export const initiativeExportQuery = initiativeListQuery
  .omit({ page: true, pageSize: true, year: true })
  .extend({ year: yearQuery });

const replication = z.object({
  unitId: z.string(),
  unitName: z.string(),
  fromDate: z.string(),
});

const initiativeFile = z.object({
  id: z.string(),
  kind: z.enum(["file", "link"]),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  url: z.string().nullable(),
  title: z.string(),
  createdAt: z.string(),
});

export const initiativeSummary = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  unitKind: z.string(),
  year: z.number(),
  title: z.string(),
  field: z.string(),
  versionCode: z.string().nullable(),
  componentCode: z.string().nullable(),
  /** The component's name as the database holds it (null when none is aimed at). */
  componentName: z.string().nullable(),
  state: z.enum(INITIATIVE_STATES),
  decidedOn: z.string().nullable(),
  replicationCount: z.number(),
  version: z.number(),
  createdAt: z.string(),
});

/** One act on the initiative, from the audit log: the screen names the action in words. */
const historyEntry = z.object({
  at: z.string(),
  actorName: z.string(),
  action: z.string(),
  /** The reason given, if any. */
  note: z.string(),
  /** A replication: the units named, and from which day. */
  units: z.array(z.string()),
  fromDate: z.string().nullable(),
});

export const initiativeDetail = initiativeSummary.extend({
  provinceId: z.string(),
  problem: z.string(),
  solution: z.string(),
  expectedResult: z.string(),
  actualResult: z.string(),
  decisionNote: z.string(),
  replications: z.array(replication),
  files: z.array(initiativeFile),
  history: z.array(historyEntry),
  can: z.object({
    update: z.boolean(),
    updateResult: z.boolean(),
    delete: z.boolean(),
    attach: z.boolean(),
    actions: z.array(z.enum(INITIATIVE_ACTIONS)),
  }),
});

export const initiativeResponse = z.object({ initiative: initiativeDetail });
export const initiativeListResponse = z.object({
  initiatives: z.array(initiativeSummary),
  total: z.number(),
  totalExact: z.boolean(),
  page: z.number(),
  pageSize: z.number(),
  can: z.object({ register: z.boolean(), decide: z.boolean() }),
});

export const initiativeLinkBody = z.strictObject({
  url: z
    .string({ message: "Hãy nhập liên kết" })
    .trim()
    .max(2000, "Liên kết quá dài")
    .regex(/^https?:\/\/\S+$/i, { message: "Liên kết phải bắt đầu bằng http:// hoặc https://" }),
  title: text(300, "Tiêu đề").default(""),
});
export const initiativeFileResponse = z.object({ file: initiativeFile });

/** Every unit that must have initiatives in a year, with its count against the minimum. */
export const initiativeCoverageQuery = z.strictObject({
  year: yearQuery.optional(),
  /** A minimum to look at instead of the one set for the year (every kind of unit alike). */
  minimum: z.coerce
    .number({ message: "Số tối thiểu phải là một số" })
    .int("Số tối thiểu phải là số nguyên")
    .min(0, "Số tối thiểu không âm")
    .max(50, "Số tối thiểu tối đa là 50")
    .optional(),
  kind: z.enum(INITIATIVE_REQUIRED_KINDS, { message: "Loại đơn vị không hợp lệ" }).optional(),
  onlyShort: z.enum(["true", "false"]).default("false"),
  unitId: uuidSchema.optional(),
  q: z.string().trim().max(200, "Từ khóa quá dài").optional(),
  ...pageQuery,
});

const minimums = z.object({
  department: z.number(),
  district: z.number(),
  commune: z.number(),
});

export const initiativeCoverageResponse = z.object({
  year: z.number(),
  /** The minimum of each kind of unit the rows are measured against, and whether it was set. */
  minimums,
  minimumsSet: z.boolean(),
  /** A minimum given in the query, in place of the year's. */
  minimumOverride: z.number().nullable(),
  rows: z.array(
    z.object({
      unitId: z.string(),
      unitName: z.string(),
      unitKind: z.enum(INITIATIVE_REQUIRED_KINDS),
      registered: z.number(),
      counted: z.number(),
      recognised: z.number(),
      minimum: z.number(),
      shortfall: z.number(),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  /** Over every unit of the view, whatever the page and the "only short" filter. */
  summary: z.object({ units: z.number(), unitsShort: z.number(), unitsWithNone: z.number() }),
  can: z.object({ setMinimum: z.boolean() }),
});

const minimumValue = z
  .number({ message: "Số tối thiểu phải là một số" })
  .int("Số tối thiểu phải là số nguyên")
  .min(0, "Số tối thiểu không âm")
  .max(50, "Số tối thiểu tối đa là 50");

/** A coordinator sets the year's minimum per kind of unit; a kind left out takes the default again. */
export const initiativeMinimumsBody = z.strictObject({
  department: minimumValue.nullable().optional(),
  district: minimumValue.nullable().optional(),
  commune: minimumValue.nullable().optional(),
});
export const initiativeMinimumsParams = z.strictObject({ year: yearQuery });
export const initiativeMinimumsResponse = z.object({ year: z.number(), minimums, minimumsSet: z.boolean() });
