/**
 * The DDCI (Department and District Competitiveness Index) a province designs for itself: its
 * subjects are the province's own departments and communes, never provinces. DOMAIN.md §4 names the
 * ten components for communes; it gives neither the five for departments by name nor any weights.
 * So the default version below is a starting point the province must settle: the five department
 * components are the usual ones of provincial DDCIs, every weight is an equal share, and the
 * version starts as a draft whose description says the weights are the province's to set.
 */
import type { ComponentUnit, Polarity } from "../definitions/types";

/** Who a province-defined index rates. National indices rate provinces. */
export const INDEX_SUBJECTS = ["provinces", "units"] as const;
export type IndexSubjects = (typeof INDEX_SUBJECTS)[number];

/** The kinds of unit a DDCI component is scored for (a top-level component belongs to one of them). */
export const SUBJECT_KINDS = ["department", "commune"] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/** A version of a custom index is a draft until published; a published version is never edited. */
export const VERSION_STATUSES = ["draft", "published"] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

/** The short name people use for every province's own index; its code carries the province. */
export const DDCI_SHORT_NAME = "DDCI";
export const isDdciCode = (code: string) => /^DDCI_[0-9A-F]{12}$/.test(code);

/** A stable code for one province's DDCI: "DDCI_" and the first 12 hex digits of the province's id. */
export const ddciCodeOf = (provinceUnitId: string) =>
  `DDCI_${provinceUnitId.replace(/-/g, "").slice(0, 12).toUpperCase()}`;

export interface DefaultComponent {
  code: string;
  parentCode: string | null;
  number: string;
  nameVi: string;
  nameEn: string;
  unit: ComponentUnit;
  min: number;
  max: number;
  polarity: Polarity;
  weight: number | null;
  aggregation: null;
  aliases: string[];
  subjectKind: SubjectKind | null;
}

const COMMUNE: ReadonlyArray<readonly [string, string, string]> = [
  ["X_ENTRY", "Chi phí gia nhập thị trường", "Entry costs"],
  ["X_LAND", "Tiếp cận đất đai", "Land access"],
  ["X_INSPECTION", "Chất lượng cấp phép và thanh tra, kiểm tra", "Licensing and inspection quality"],
  ["X_DYNAMISM", "Tính năng động của lãnh đạo", "Leaders' dynamism"],
  ["X_DIALOGUE", "Đối thoại và trách nhiệm giải trình", "Dialogue and accountability"],
  ["X_TRANSPARENCY", "Tính minh bạch và công bằng", "Transparency and fairness"],
  ["X_ONE_STOP", "Cải cách một cửa", "One-stop-shop reform"],
  ["X_SUPPORT", "Hỗ trợ doanh nghiệp", "Business support"],
  ["X_INFORMAL", "Chi phí không chính thức", "Informal costs"],
  ["X_SECURITY", "An ninh trật tự", "Security"],
];

const DEPARTMENT: ReadonlyArray<readonly [string, string, string]> = [
  ["S_TRANSPARENCY", "Tính minh bạch và tiếp cận thông tin", "Transparency and access to information"],
  ["S_DYNAMISM", "Tính năng động và hiệu lực của lãnh đạo", "Leaders' dynamism and effectiveness"],
  ["S_TIME", "Chi phí thời gian", "Time costs"],
  ["S_INFORMAL", "Chi phí không chính thức", "Informal costs"],
  ["S_SUPPORT", "Hỗ trợ doanh nghiệp", "Business support"],
];

/** Equal shares of 100, rounded to two decimals with the rounding left on the last one. */
export function equalWeights(n: number): number[] {
  const share = Math.floor((100 / n) * 100) / 100;
  return Array.from({ length: n }, (_, i) =>
    i === n - 1 ? Math.round((100 - share * (n - 1)) * 100) / 100 : share,
  );
}

function group(rows: ReadonlyArray<readonly [string, string, string]>, subjectKind: SubjectKind) {
  const weights = equalWeights(rows.length);
  return rows.map(
    ([code, nameVi, nameEn], i): DefaultComponent => ({
      code,
      parentCode: null,
      number: String(i + 1),
      nameVi,
      nameEn,
      unit: "points",
      min: 0,
      max: 10,
      // "Chi phí không chính thức" is scored as a sub-index (10 = none paid), so higher is better.
      polarity: "higherIsBetter",
      weight: weights[i] ?? null,
      aggregation: null,
      aliases: [],
      subjectKind,
    }),
  );
}

export const DDCI_WEIGHTS_NOTE =
  "Phiên bản mặc định theo cấu trúc DDCI thường dùng: 5 chỉ số thành phần cho sở, ban, ngành và 10 cho xã, phường. " +
  "Trọng số đang chia đều tạm thời: tỉnh cần quy định trọng số và bộ chỉ tiêu của mình trước khi công bố.";

/** The default (draft) version of a province's DDCI, valid from `year`. */
export function ddciDefaultVersion(year: number) {
  return {
    validFromYear: year,
    validToYear: null as number | null,
    scaleMax: 100,
    totalRule: {
      aggregation: "weightedMean" as const,
      // Components on a 10-point scale; their weighted mean ×10 gives a score out of 100.
      multiplier: 10,
      description: DDCI_WEIGHTS_NOTE,
    },
    components: [...group(DEPARTMENT, "department"), ...group(COMMUNE, "commune")],
  };
}

export const ddciNames = (provinceName: string) => ({
  nameVi: `Chỉ số năng lực cạnh tranh cấp sở, ban, ngành và địa phương (DDCI) – ${provinceName}`,
  nameEn: `Department and District Competitiveness Index (DDCI) – ${provinceName}`,
  publisher: provinceName,
});
