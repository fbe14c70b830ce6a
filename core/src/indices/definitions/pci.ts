/**
 * PCI (VCCI). Ten sub-indices on a 10-point scale (nine in 2009-2012: no policy bias); the total is
 * their weighted mean ×10. Verified on VCCI's PCI_2015 and PCI_2016 workbooks: Σ(wᵢ/100 · sᵢ) · 10
 * with the 2013-21 weights reproduces every published total to within 4·10⁻⁶.
 */
import { component } from "./build";
import { PCI_2022_INDICATORS } from "./pci-indicators-2022";
import type { Component, IndexDefinition, IndexVersion, TotalRule } from "./types";

export const PCI: IndexDefinition = {
  code: "PCI",
  nameVi: "Chỉ số năng lực cạnh tranh cấp tỉnh",
  nameEn: "Provincial Competitiveness Index",
  publisher: "VCCI",
};

type SubIndexCode =
  | "ENTRY"
  | "LAND"
  | "TRANSPARENCY"
  | "TIME"
  | "INFORMAL"
  | "BIAS"
  | "PROACTIVITY"
  | "SUPPORT"
  | "LABOR"
  | "LEGAL";

/** Names and the labels VCCI's workbooks use (Summary_VN, Summary, variable codes). */
const SUB_INDICES: Record<SubIndexCode, { vi: string; en: string; aliases: string[] }> = {
  ENTRY: {
    vi: "Chi phí gia nhập thị trường",
    en: "Entry costs",
    aliases: ["Gia nhập thị trường", "Entry Costs", "sub1_entry"],
  },
  LAND: {
    vi: "Tiếp cận đất đai",
    en: "Land access",
    aliases: ["Tiếp cận đất đai và sự ổn định trong sử dụng đất", "Land Access", "sub2_land"],
  },
  TRANSPARENCY: {
    vi: "Tính minh bạch",
    en: "Transparency",
    aliases: ["Tính minh bạch và tiếp cận thông tin", "Transparency", "sub3_transparency"],
  },
  TIME: {
    vi: "Chi phí thời gian",
    en: "Time costs",
    aliases: ["Chi phí thời gian để thực hiện các quy định của Nhà nước", "Time Costs", "sub4_time"],
  },
  INFORMAL: {
    vi: "Chi phí không chính thức",
    en: "Informal charges",
    aliases: ["Informal Charges", "sub5_informal"],
  },
  BIAS: {
    vi: "Cạnh tranh bình đẳng",
    en: "Policy bias (equal competition)",
    aliases: [
      "Môi trường cạnh tranh bình đẳng",
      "Bias",
      "Policy Bias",
      "Equal competition",
      "sub6_bias",
      // 2006-2008 editions: bias towards state-owned enterprises.
      "Ưu đãi đối với doanh nghiệp nhà nước",
      "State-owned enterprise bias",
      "SOE bias",
    ],
  },
  PROACTIVITY: {
    vi: "Tính năng động và tiên phong của chính quyền tỉnh",
    en: "Proactivity of provincial leadership",
    aliases: ["Tính năng động", "Tính năng động của chính quyền tỉnh", "Proactivity", "sub7_proactivity"],
  },
  SUPPORT: {
    vi: "Dịch vụ hỗ trợ doanh nghiệp",
    en: "Business support services",
    aliases: [
      "Hỗ trợ doanh nghiệp",
      "Chính sách hỗ trợ doanh nghiệp",
      "Business Support",
      "sub8_psd",
      "Private Sector Development Services",
      "Dịch vụ hỗ trợ phát triển khu vực tư nhân",
    ],
  },
  LABOR: {
    vi: "Đào tạo lao động",
    en: "Labour training",
    aliases: ["Labor training", "Labor Training", "Labor and Training", "Labour and training", "sub9_labor"],
  },
  LEGAL: {
    vi: "Thiết chế pháp lý",
    en: "Legal institutions",
    aliases: ["Thiết chế pháp lý và an ninh trật tự", "Legal Institutions", "sub10_legal"],
  },
};

const ORDER: SubIndexCode[] = [
  "ENTRY",
  "LAND",
  "TRANSPARENCY",
  "TIME",
  "INFORMAL",
  "BIAS",
  "PROACTIVITY",
  "SUPPORT",
  "LABOR",
  "LEGAL",
];

const PCI_TOTAL: TotalRule = {
  aggregation: "weightedMean",
  multiplier: 10,
  description:
    "Tổng điểm = Σ (trọng số % × điểm chỉ số thành phần thang 10) / 100 × 10 (thang 100); " +
    "đối chiếu với tệp PCI 2015, 2016 của VCCI: sai khác dưới một phần trăm nghìn điểm.",
};

/** Builds the sub-indices of a version; `weights` in PCI order, null = sub-index absent. */
function subIndices(weights: ReadonlyArray<number | null>, withIndicators: boolean): Component[] {
  const out: Component[] = [];
  let n = 0;
  ORDER.forEach((code, i) => {
    const weight = weights[i];
    if (weight === null) return;
    n += 1;
    const s = SUB_INDICES[code];
    out.push(
      component({
        code,
        number: String(n),
        nameVi: s.vi,
        nameEn: s.en,
        max: 10,
        weight,
        aggregation: withIndicators ? "points" : null,
        // VCCI's sub-index sheets head the score column "Chỉ số thành phần N" with the version's N.
        aliases: [...s.aliases, `Chỉ số thành phần ${n}`, `Sub-index ${n}`],
      }),
    );
  });
  return out;
}

function indicators(): Component[] {
  return PCI_2022_INDICATORS.map(([number, nameVi, unit, max, polarity]) => {
    const [parentNo, childNo] = number.split(".");
    const parentCode = ORDER[Number(parentNo) - 1];
    return component({
      code: `${parentCode}.${childNo}`,
      parentCode,
      number,
      nameVi,
      nameEn: `${SUB_INDICES[parentCode].en}: indicator ${number}`,
      unit,
      max,
      polarity: polarity === "lower" ? "lowerIsBetter" : "higherIsBetter",
    });
  });
}

function version(code: string, from: number, to: number | null, components: Component[]): IndexVersion {
  return {
    code,
    indexCode: "PCI",
    validFromYear: from,
    validToYear: to,
    scaleMax: 100,
    totalRule: PCI_TOTAL,
    components,
  };
}

export const PCI_VERSIONS: readonly IndexVersion[] = [
  version("PCI-2006", 2006, 2008, subIndices([5, 5, 15, 10, 5, 5, 15, 15, 15, 10], false)),
  version("PCI-2009", 2009, 2012, subIndices([10, 5, 20, 15, 10, null, 10, 5, 20, 5], false)),
  version("PCI-2013", 2013, 2021, subIndices([5, 5, 20, 5, 10, 5, 5, 20, 20, 5], false)),
  version("PCI-2022", 2022, null, [
    ...subIndices([5, 10, 5, 5, 15, 10, 15, 15, 10, 10], true),
    ...indicators(),
  ]),
];

/** VCCI's published bands, best first. */
export const PCI_BANDS = ["Rất tốt", "Tốt", "Khá", "Trung bình", "Tương đối thấp", "Thấp"] as const;
