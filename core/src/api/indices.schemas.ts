/**
 * The indices API: definitions and versions, the provinces of results, published results (import and
 * manual entry), analysis (profile, component table, heatmap, weights, what-if) and targets.
 * Province-level results are public data: every signed-in user reads them. Ranks always travel with
 * their denominator ("21/63"); `rankComputed`/`bandComputed` say when a figure was derived because
 * nothing was published.
 */
import { z } from "zod";
import { INDEX_SUBJECTS, SUBJECT_KINDS, VERSION_STATUSES } from "../indices/custom/ddci";
import { importCommitQuery, importProblem, uuidSchema } from "./common.schemas";

export const COMPONENT_UNITS = ["points", "percent", "days", "count", "scale5"] as const;
export const POLARITIES = ["higherIsBetter", "lowerIsBetter"] as const;
export const AGGREGATIONS = ["weightedMean", "sum", "points", "mean"] as const;

export const indexCodeSchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{1,29}$/, { message: "Mã chỉ số không hợp lệ (chữ in hoa, số, _)" });
export const provinceCodeSchema = z.string().regex(/^[a-z0-9-]{2,60}$/, { message: "Mã tỉnh không hợp lệ" });
export const yearSchema = z.coerce
  .number({ message: "Năm phải là số" })
  .int("Năm phải là số nguyên")
  .min(2000, "Năm không hợp lệ")
  .max(2100, "Năm không hợp lệ");
const finite = (what: string) => z.number({ message: `${what} phải là số` }).finite();
const rankSchema = z
  .number({ message: "Thứ hạng phải là số" })
  .int("Thứ hạng phải là số nguyên")
  .min(1)
  .max(200);

// ---------- definitions and versions ----------

export const indexComponent = z.object({
  code: z.string(),
  parentCode: z.string().nullable(),
  number: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  unit: z.enum(COMPONENT_UNITS),
  min: z.number(),
  max: z.number(),
  polarity: z.enum(POLARITIES),
  weight: z.number().nullable(),
  aggregation: z.enum(AGGREGATIONS).nullable(),
  aliases: z.array(z.string()),
  /** A DDCI's top-level component: scored for departments or for communes. */
  subjectKind: z.enum(SUBJECT_KINDS).nullable().default(null),
});
export type IndexComponentDto = z.infer<typeof indexComponent>;

export const totalRule = z.object({
  aggregation: z.enum(AGGREGATIONS),
  multiplier: z.number(),
  description: z.string(),
});

export const indexVersionSummary = z.object({
  code: z.string(),
  indexCode: z.string(),
  validFromYear: z.number(),
  validToYear: z.number().nullable(),
  scaleMax: z.number(),
  totalRule,
  revision: z.number(),
  basedOn: z.string().nullable(),
  componentCount: z.number(),
  /** A version with results is never edited in place: an edit creates a new revision. */
  hasResults: z.boolean(),
  /** A province's own index: a draft is edited, a published version never is (revise makes a draft). */
  status: z.enum(VERSION_STATUSES),
  publishedAt: z.string().nullable(),
});
export const indexVersion = indexVersionSummary.extend({ components: z.array(indexComponent) });

export const indexDefinition = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  publisher: z.string(),
  custom: z.boolean(),
  /** "units": rates the province's departments and communes (a DDCI), not provinces. */
  subjects: z.enum(INDEX_SUBJECTS),
  /** The signed-in user may write versions of this index (a custom index of their province). */
  editable: z.boolean(),
  versions: z.array(indexVersionSummary),
  /** Years with stored results and how many provinces each. */
  years: z.array(z.object({ year: z.number(), provinces: z.number() })),
});
export const indexDefinitionsResponse = z.object({
  indices: z.array(indexDefinition),
  can: z.object({ editDefinitions: z.boolean(), manageResults: z.boolean(), editCustom: z.boolean() }),
});
export const indexVersionResponse = z.object({ version: indexVersion });

const componentInput = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{1,40}$/, { message: "Mã thành phần không hợp lệ" }),
  parentCode: z.string().trim().min(1).max(40).nullable().default(null),
  number: z.string().trim().max(20).default(""),
  nameVi: z.string().trim().min(1, "Thiếu tên thành phần").max(500),
  nameEn: z.string().trim().max(500).default(""),
  unit: z.enum(COMPONENT_UNITS, { message: "Đơn vị không hợp lệ" }).default("points"),
  min: finite("Giá trị nhỏ nhất").default(0),
  max: finite("Giá trị lớn nhất"),
  polarity: z.enum(POLARITIES, { message: "Chiều tốt không hợp lệ" }).default("higherIsBetter"),
  weight: finite("Trọng số").min(0).nullable().default(null),
  aggregation: z.enum(AGGREGATIONS, { message: "Cách tổng hợp không hợp lệ" }).nullable().default(null),
  aliases: z.array(z.string().trim().min(1).max(300)).max(30).default([]),
  subjectKind: z
    .enum(SUBJECT_KINDS, { message: "Đối tượng chấm điểm phải là sở, ban, ngành hoặc xã, phường" })
    .nullable()
    .default(null),
});

/** A version's content, as an administrator writes it. */
export const indexVersionInput = z.strictObject({
  validFromYear: yearSchema,
  validToYear: yearSchema.nullable().default(null),
  scaleMax: finite("Điểm tối đa").positive("Điểm tối đa phải lớn hơn 0"),
  totalRule: z.strictObject({
    aggregation: z.enum(AGGREGATIONS, { message: "Cách tính tổng không hợp lệ" }),
    multiplier: finite("Hệ số").positive().default(1),
    description: z.string().trim().max(2000).default(""),
  }),
  components: z.array(componentInput).min(1, "Phiên bản cần ít nhất một thành phần").max(1000),
});
export type IndexVersionInput = z.infer<typeof indexVersionInput>;

/** A custom index (a province's DDCI) with its first version. */
export const indexDefinitionCreateBody = z.strictObject({
  code: indexCodeSchema,
  nameVi: z.string().trim().min(2, "Tên chỉ số quá ngắn").max(300),
  nameEn: z.string().trim().max(300).default(""),
  publisher: z.string().trim().max(300).default(""),
  version: indexVersionInput,
});
/** `created`: true when the edit made a new revision (the edited version had results). */
export const indexVersionWriteResponse = z.object({ version: indexVersion, created: z.boolean() });

// ---------- provinces ----------

export const indexProvince = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  era: z.enum(["pre2025", "current", "both"]),
  successorCode: z.string().nullable(),
  region: z.string(),
  /** For a current province: the pre-2025 provinces merged into it (itself included when it kept its name). */
  predecessors: z.array(z.string()),
});
export const indexProvincesResponse = z.object({
  provinces: z.array(indexProvince),
  /** The index province of the signed-in user's own province, when it can be linked. */
  mine: z.string().nullable(),
});

// ---------- results ----------

export const importError = z.object({
  sheet: z.string().nullable(),
  row: z.number().nullable(),
  column: z.string().nullable(),
  message: z.string(),
});

export const resultsImportQuery = z.strictObject({
  commit: z.enum(["true", "false"]).default("false"),
  /** Required to overwrite an index-year that already has results. */
  replace: z.enum(["true", "false"]).default("false"),
  index: indexCodeSchema.optional(),
  year: yearSchema.optional(),
});

export const importedProvince = z.object({
  input: z.string(),
  province: z.string().nullable(),
  provinceCode: z.string().nullable(),
  publishedTotal: z.number().nullable(),
  publishedRank: z.number().nullable(),
  publishedBand: z.string().nullable(),
  computedTotal: z.number().nullable(),
  /** computedTotal − publishedTotal (the published figure stays the fact). */
  difference: z.number().nullable(),
  components: z.array(z.object({ code: z.string(), name: z.string(), value: z.number() })),
});

export const resultsImportPreview = z.object({
  fileName: z.string(),
  committed: z.boolean(),
  results: z.array(
    z.object({
      index: z.string(),
      year: z.number(),
      version: z.string(),
      provinceCount: z.number(),
      matched: z.number(),
      unmatched: z.array(z.string()),
      /** Provinces that already have results for this index and year (replaced on commit). */
      existingProvinces: z.number(),
      replaces: z.boolean(),
      provinces: z.array(importedProvince),
      errors: z.array(importError),
      /** What the reader decided that the uploader should know: where the published total was read. */
      notes: z.array(z.string()),
    }),
  ),
  /** Problems with the file as a whole. */
  errors: z.array(importError),
  errorCount: z.number(),
});

export const resultSource = z.object({ document: z.string(), link: z.string(), note: z.string() });

export const resultManualBody = z.strictObject({
  total: finite("Tổng điểm").nullable().optional(),
  rank: rankSchema.nullable().optional(),
  rankOf: rankSchema.nullable().optional(),
  band: z.string().trim().max(100).nullable().optional(),
  regionalRank: rankSchema.nullable().optional(),
  regionalRankOf: rankSchema.nullable().optional(),
  source: z
    .strictObject({
      document: z.string().trim().max(500).default(""),
      link: z.string().trim().max(1000).default(""),
      note: z.string().trim().max(2000).default(""),
    })
    .optional(),
  components: z
    .array(
      z.strictObject({
        code: z.string().trim().min(1).max(40),
        value: finite("Giá trị").nullable(),
        rank: rankSchema.nullable().optional(),
      }),
    )
    .max(1000)
    .default([]),
});

const rankFields = {
  rank: z.number().nullable(),
  rankOf: z.number().nullable(),
  /** "21/63", or null without a rank. */
  rankText: z.string().nullable(),
  /** True when no rank was published and it was derived among the provinces with data. */
  rankComputed: z.boolean(),
};

export const indexResult = z.object({
  indexCode: z.string(),
  year: z.number(),
  provinceCode: z.string(),
  provinceName: z.string(),
  versionCode: z.string(),
  /** Published total (null when not published). */
  total: z.number().nullable(),
  computedTotal: z.number().nullable(),
  /** The score to show: published, else computed. */
  score: z.number().nullable(),
  difference: z.number().nullable(),
  ...rankFields,
  band: z.string().nullable(),
  bandComputed: z.boolean(),
  regionalRank: z.number().nullable(),
  regionalRankOf: z.number().nullable(),
  source: resultSource,
  components: z.array(
    z.object({ code: z.string(), value: z.number().nullable(), rank: z.number().nullable() }),
  ),
});
export const indexResultResponse = z.object({ result: indexResult });
export const yearResultsResponse = z.object({
  index: z.string(),
  year: z.number(),
  results: z.array(indexResult.omit({ components: true })),
});

// ---------- analysis ----------

export const profilePoint = z.object({
  year: z.number(),
  versionCode: z.string(),
  score: z.number().nullable(),
  published: z.boolean(),
  ...rankFields,
  band: z.string().nullable(),
  regionalRank: z.number().nullable(),
  regionalRankOf: z.number().nullable(),
  /** Against the province's previous year with a result for this index. */
  previousYear: z.number().nullable(),
  scoreChange: z.number().nullable(),
  /** Places gained (+) or lost (−). */
  placesChange: z.number().nullable(),
  /** True when the year before used another method (scale or total rule): no change is given. */
  methodBreak: z.boolean(),
});
export const provinceProfileResponse = z.object({
  province: indexProvince,
  /** The province's own series first, then its predecessors' (or its successor's), side by side: never averaged. */
  series: z.array(
    z.object({
      provinceCode: z.string(),
      provinceName: z.string(),
      role: z.enum(["self", "predecessor", "successor"]),
      indices: z.array(
        z.object({ indexCode: z.string(), indexName: z.string(), points: z.array(profilePoint) }),
      ),
    }),
  ),
});

/** The years one province has results for, per index: the analysis screens open on the latest. */
export const provinceYearsResponse = z.object({
  province: z.string(),
  indices: z.array(z.object({ indexCode: z.string(), years: z.array(z.number()), latest: z.number() })),
});

// ---------- ranking of every province ----------

export const RANKING_SORTS = ["rank", "name", "score", "scoreChange", "placesChange"] as const;
export const rankingQuery = z.strictObject({
  year: yearSchema,
  /** One of the response's regions; absent = the whole country. */
  region: z.string().trim().max(100).optional(),
  sort: z.enum(RANKING_SORTS, { message: "Cách sắp xếp không hợp lệ" }).default("rank"),
  order: z.enum(["asc", "desc"], { message: "Chiều sắp xếp không hợp lệ" }).default("asc"),
});
export const rankingRow = z.object({
  provinceCode: z.string(),
  provinceName: z.string(),
  region: z.string(),
  score: z.number().nullable(),
  ...rankFields,
  band: z.string().nullable(),
  /** True when the band was derived (quartiles), not published. */
  bandComputed: z.boolean(),
  previousScore: z.number().nullable(),
  previousRank: z.number().nullable(),
  previousRankText: z.string().nullable(),
  scoreChange: z.number().nullable(),
  /** Places gained (+) or lost (−) since the previous year of the same method. */
  placesChange: z.number().nullable(),
});
export const rankingResponse = z.object({
  index: z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string() }),
  year: z.number(),
  versionCode: z.string(),
  scaleMax: z.number(),
  /** The year changes are measured from: the latest earlier year with results of the same method. */
  previousYear: z.number().nullable(),
  /** Set when the latest earlier year used another method, so no change is given across it. */
  methodBreak: z
    .object({ previousYear: z.number(), fromScaleMax: z.number(), toScaleMax: z.number() })
    .nullable(),
  /** published: the publisher's groups; quartile: quartiles of the scores, named plainly; none. */
  bandSource: z.enum(["published", "quartile", "none"]),
  regions: z.array(z.string()),
  region: z.string().nullable(),
  /** Provinces with a rank in the whole country: every rank's denominator. */
  ranked: z.number(),
  /** Rows in this answer (all of them: at most 97 provinces, one page). */
  total: z.number(),
  rows: z.array(rankingRow),
});

const peersParam = z
  .string()
  .max(700)
  .optional()
  .transform((s) =>
    s
      ? [
          ...new Set(
            s
              .split(",")
              .map((x) => x.trim())
              .filter(Boolean),
          ),
        ]
      : [],
  )
  .pipe(z.array(provinceCodeSchema).max(10, "Tối đa 10 tỉnh so sánh"));

export const componentTableQuery = z.strictObject({
  index: indexCodeSchema,
  year: yearSchema,
  /** Comma-separated province codes to compare with. */
  peers: peersParam,
  level: z.enum(["top", "all"]).default("all"),
});

export const componentRow = z.object({
  code: z.string(),
  parentCode: z.string().nullable(),
  number: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  unit: z.enum(COMPONENT_UNITS),
  polarity: z.enum(POLARITIES),
  weight: z.number().nullable(),
  level: z.number(),
  value: z.number().nullable(),
  ...rankFields,
  previousValue: z.number().nullable(),
  previousRank: z.number().nullable(),
  valueChange: z.number().nullable(),
  /** Places gained (+) or lost (−) on this component. */
  rankChange: z.number().nullable(),
  /** Polarity-aware: a fall of a lower-is-better indicator is "better". */
  direction: z.enum(["better", "worse", "same"]).nullable(),
  /** Position between the worst (0) and best (1) possible value, polarity-aware. */
  performance: z.number().nullable(),
  weakest: z.boolean(),
  falling: z.boolean(),
  peers: z.record(z.string(), z.number().nullable()),
  nationalMedian: z.number().nullable(),
  regionMedian: z.number().nullable(),
});
export const componentTableResponse = z.object({
  province: z.object({ code: z.string(), name: z.string(), region: z.string() }),
  index: z.object({ code: z.string(), nameVi: z.string() }),
  year: z.number(),
  versionCode: z.string(),
  previousYear: z.number().nullable(),
  total: profilePoint.nullable(),
  peers: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      score: z.number().nullable(),
      rankText: z.string().nullable(),
    }),
  ),
  nationalMedianTotal: z.number().nullable(),
  /** Weakest and falling first, then in the methodology's order. */
  rows: z.array(componentRow),
});

export const heatmapQuery = z.strictObject({
  index: indexCodeSchema,
  from: yearSchema.optional(),
  to: yearSchema.optional(),
  level: z.enum(["top", "all"]).default("top"),
});
export const heatmapResponse = z.object({
  province: z.object({ code: z.string(), name: z.string() }),
  index: z.string(),
  years: z.array(z.number()),
  rows: z.array(
    z.object({
      code: z.string(),
      parentCode: z.string().nullable(),
      nameVi: z.string(),
      polarity: z.enum(POLARITIES),
      cells: z.array(
        z.object({
          year: z.number(),
          value: z.number().nullable(),
          rank: z.number().nullable(),
          performance: z.number().nullable(),
        }),
      ),
    }),
  ),
});

export const weightsQuery = z.strictObject({ year: yearSchema.optional() });
export const weightsResponse = z.object({
  index: z.string(),
  versionCode: z.string(),
  totalRule,
  rows: z.array(
    z.object({
      code: z.string(),
      parentCode: z.string().nullable(),
      nameVi: z.string(),
      weight: z.number().nullable(),
      /** Points the total gains when this component rises by one unit; null when publisher-scored. */
      worth: z.number().nullable(),
      /** "+1 điểm Tính minh bạch → +2 điểm PCI". */
      statement: z.string().nullable(),
    }),
  ),
});

export const whatIfBody = z.strictObject({
  index: indexCodeSchema,
  year: yearSchema,
  changes: z
    .array(
      z
        .strictObject({
          code: z.string().trim().min(1).max(40),
          /** Added to the published value. */
          delta: finite("Mức thay đổi").optional(),
          /** Or the new value itself. */
          value: finite("Giá trị mới").optional(),
        })
        .refine((c) => (c.delta === undefined) !== (c.value === undefined), {
          message: "Mỗi thay đổi cần đúng một trong hai: delta hoặc value",
        }),
    )
    .min(1, "Cần ít nhất một thay đổi")
    .max(200),
});
export const whatIfResponse = z.object({
  index: z.string(),
  year: z.number(),
  versionCode: z.string(),
  publishedTotal: z.number().nullable(),
  publishedRank: z.number().nullable(),
  baseTotal: z.number().nullable(),
  newTotal: z.number().nullable(),
  totalChange: z.number().nullable(),
  baseRank: z.number().nullable(),
  newRank: z.number().nullable(),
  placesChange: z.number().nullable(),
  outOf: z.number(),
  /** Components needed and unknown (e.g. a PCI indicator: the publisher's scoring cannot be redone). */
  missing: z.array(z.string()),
  applied: z.array(
    z.object({ code: z.string(), nameVi: z.string(), from: z.number().nullable(), to: z.number() }),
  ),
});

// ---------- targets ----------

const targetFields = {
  targetValue: finite("Giá trị mục tiêu").nullable().optional(),
  rankFrom: rankSchema.nullable().optional(),
  rankTo: rankSchema.nullable().optional(),
  band: z.string().trim().max(100).nullable().optional(),
  note: z.string().trim().max(2000).optional(),
};
const rankRangeOk = (t: { rankFrom?: number | null; rankTo?: number | null }) =>
  t.rankFrom == null || t.rankTo == null || t.rankFrom <= t.rankTo;

export const targetCreateBody = z
  .strictObject({
    provinceUnitId: uuidSchema,
    year: yearSchema,
    indexCode: indexCodeSchema,
    componentCode: z.string().trim().min(1).max(40).nullable().optional(),
    ...targetFields,
  })
  .refine((t) => t.targetValue != null || t.rankFrom != null || t.rankTo != null || !!t.band, {
    message: "Cần ít nhất một mục tiêu: giá trị, khoảng thứ hạng hoặc nhóm xếp hạng",
  })
  .refine(rankRangeOk, { message: "Thứ hạng 'từ' phải nhỏ hơn hoặc bằng thứ hạng 'đến'" });
export const targetUpdateBody = z.strictObject(targetFields).refine(rankRangeOk, {
  message: "Thứ hạng 'từ' phải nhỏ hơn hoặc bằng thứ hạng 'đến'",
});
export const targetsQuery = z.strictObject({
  provinceUnitId: uuidSchema.optional(),
  year: yearSchema.optional(),
  index: indexCodeSchema.optional(),
});

const figure = z.object({
  year: z.number(),
  value: z.number().nullable(),
  rank: z.number().nullable(),
  rankOf: z.number().nullable(),
  rankText: z.string().nullable(),
});
export const indexTarget = z.object({
  id: z.string(),
  provinceUnitId: z.string(),
  provinceCode: z.string(),
  year: z.number(),
  indexCode: z.string(),
  componentCode: z.string().nullable(),
  componentName: z.string().nullable(),
  polarity: z.enum(POLARITIES),
  targetValue: z.number().nullable(),
  rankFrom: z.number().nullable(),
  rankTo: z.number().nullable(),
  band: z.string().nullable(),
  note: z.string(),
  /** The last published figure before the target year, taken when the target was set. */
  baseline: figure.nullable(),
  /** The last published figure before the target year now (newer results may have arrived). */
  latest: figure.nullable(),
  gap: z.object({
    /** targetValue − latest value (signed; read it with the polarity). */
    value: z.number().nullable(),
    /** Places still to gain to reach the worst rank of the range (rankTo, else rankFrom); ≤ 0 = reached. */
    places: z.number().nullable(),
  }),
  can: z.object({ update: z.boolean(), delete: z.boolean() }),
});
export const targetsResponse = z.object({
  targets: z.array(indexTarget),
  can: z.object({ create: z.boolean() }),
});
export const targetResponse = z.object({ target: indexTarget });

/** The targets import: the targets the file would set (or replace) and its problems; once committed, counts. */
export const targetImportQuery = importCommitQuery.extend({ provinceUnitId: uuidSchema.optional() });
export const targetImportResult = z.object({
  rows: z.array(
    z.object({
      row: z.number(),
      indexCode: z.string(),
      indexName: z.string(),
      componentCode: z.string().nullable(),
      componentName: z.string().nullable(),
      year: z.number(),
      targetValue: z.number().nullable(),
      rankFrom: z.number().nullable(),
      rankTo: z.number().nullable(),
      band: z.string().nullable(),
      note: z.string(),
      action: z.enum(["create", "update"]),
      existingId: z.string().nullable(),
    }),
  ),
  errors: z.array(importProblem),
  created: z.number().optional(),
  updated: z.number().optional(),
});

// ---------- a DDCI's results per department or commune ----------

export const unitResultBody = z.strictObject({
  /** The total as the province published it; left out, only the computed total is shown. */
  total: finite("Tổng điểm").nullable().optional(),
  components: z
    .array(
      z.strictObject({
        code: z.string().trim().min(1).max(40),
        value: finite("Giá trị"),
      }),
    )
    .max(1000)
    .default([]),
  note: z.string().trim().max(2000).default(""),
});
export const unitResult = z.object({
  unitId: z.string(),
  unitName: z.string(),
  unitKind: z.enum(SUBJECT_KINDS),
  year: z.number(),
  versionCode: z.string(),
  total: z.number().nullable(),
  /** From the components by the version's rule, over the components of the unit's kind. */
  computedTotal: z.number().nullable(),
  components: z.array(z.object({ code: z.string(), value: z.number() })),
  note: z.string(),
});
export const unitResultResponse = z.object({ result: unitResult });
export const unitResultsQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const unitResultsResponse = z.object({
  /** The version published for the year (the one results are entered against), null when none. */
  versionCode: z.string().nullable(),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  results: z.array(unitResult),
});
