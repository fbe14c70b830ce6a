/**
 * The smaller indices: PGI (VCCI), PAR INDEX and SIPAS (Bộ Nội vụ), and the QĐ 766/QĐ-TTg service
 * index. Structures from DOMAIN §4 and seed 003 §II.3-4; maxima are the publishers' points.
 */
import { component } from "./build";
import type { IndexDefinition, IndexVersion } from "./types";

export const PGI: IndexDefinition = {
  code: "PGI",
  nameVi: "Chỉ số xanh cấp tỉnh",
  nameEn: "Provincial Green Index",
  publisher: "VCCI",
};

export const PGI_VERSIONS: readonly IndexVersion[] = [
  {
    code: "PGI-2022",
    indexCode: "PGI",
    validFromYear: 2022,
    validToYear: null,
    scaleMax: 40,
    totalRule: {
      aggregation: "sum",
      multiplier: 1,
      description: "Tổng điểm PGI = tổng 4 chỉ số thành phần (thang 10 mỗi chỉ số).",
    },
    components: [
      ["Giảm thiểu ô nhiễm và rủi ro biến đổi khí hậu", "Reducing pollution and climate risk"],
      ["Tiêu chuẩn môi trường tối thiểu", "Minimum environmental standards"],
      ["Tính tiên phong của lãnh đạo tỉnh trong thực hành xanh", "Provincial leadership in green practice"],
      ["Chính sách và dịch vụ hỗ trợ doanh nghiệp xanh", "Green policy and support services"],
    ].map(([nameVi, nameEn], i) =>
      component({
        code: `PGI${i + 1}`,
        number: String(i + 1),
        nameVi,
        nameEn,
        max: 10,
        aliases: [`Chỉ số thành phần ${i + 1}`],
      }),
    ),
  },
];

export const PAR_INDEX: IndexDefinition = {
  code: "PAR_INDEX",
  nameVi: "Chỉ số cải cách hành chính",
  nameEn: "Public Administration Reform Index",
  publisher: "Bộ Nội vụ",
};

const PAR_FIELDS: ReadonlyArray<readonly [string, string, number, string[]]> = [
  [
    "Công tác chỉ đạo, điều hành cải cách hành chính",
    "Direction and management of PAR",
    9.5,
    ["Công tác chỉ đạo điều hành CCHC"],
  ],
  ["Cải cách thể chế", "Institutional reform", 10, []],
  ["Cải cách thủ tục hành chính", "Administrative procedure reform", 13, ["Cải cách TTHC"]],
  [
    "Cải cách tổ chức bộ máy hành chính",
    "Reform of the administrative apparatus",
    10.5,
    ["Cải cách tổ chức bộ máy"],
  ],
  ["Cải cách chế độ công vụ", "Civil service reform", 15, []],
  ["Cải cách tài chính công", "Public finance reform", 12, []],
  [
    "Xây dựng và phát triển chính quyền điện tử, chính quyền số",
    "E-government and digital government",
    13.5,
    ["Chính quyền điện tử, chính quyền số"],
  ],
  [
    "Tác động của cải cách hành chính đến người dân, tổ chức và phát triển kinh tế - xã hội của tỉnh",
    "Impact of PAR on people, organisations and socio-economic development",
    16.5,
    ["Tác động của cải cách hành chính", "Tác động của CCHC"],
  ],
];

export const PAR_INDEX_VERSIONS: readonly IndexVersion[] = [
  {
    code: "PAR_INDEX-2022",
    indexCode: "PAR_INDEX",
    validFromYear: 2022,
    validToYear: null,
    scaleMax: 100,
    totalRule: {
      aggregation: "sum",
      multiplier: 1,
      description: "Chỉ số PAR INDEX = tổng điểm 8 lĩnh vực (tối đa 100 điểm, công bố dưới dạng %).",
    },
    components: PAR_FIELDS.map(([nameVi, nameEn, max, aliases], i) =>
      component({ code: `PAR${i + 1}`, number: String(i + 1), nameVi, nameEn, max, aliases }),
    ),
  },
];

export const SIPAS: IndexDefinition = {
  code: "SIPAS",
  nameVi: "Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước",
  nameEn: "Satisfaction Index of Public Administrative Services",
  publisher: "Bộ Nội vụ",
};

const pct = { unit: "percent" as const, max: 100 };

export const SIPAS_VERSIONS: readonly IndexVersion[] = [
  {
    code: "SIPAS-2022",
    indexCode: "SIPAS",
    validFromYear: 2022,
    validToYear: null,
    scaleMax: 100,
    totalRule: {
      aggregation: "mean",
      multiplier: 1,
      description:
        "Chỉ số SIPAS (%) = trung bình các chỉ số hài lòng theo khía cạnh (giả định, cần đối chiếu báo cáo Bộ Nội vụ).",
    },
    components: [
      component({
        code: "POLICY",
        number: "I",
        nameVi: "Việc ban hành, tổ chức thực hiện các chính sách",
        nameEn: "Policy-making and implementation",
        aggregation: "mean",
        ...pct,
      }),
      ...[
        ["Trách nhiệm giải trình của cơ quan", "Accountability of agencies"],
        [
          "Sự tham gia của người dân vào quá trình xây dựng, tổ chức thực hiện chính sách",
          "Participation in policy-making",
        ],
        ["Chất lượng chính sách", "Quality of policies"],
        ["Kết quả, tác động của chính sách", "Results and impact of policies"],
      ].map(([nameVi, nameEn], i) =>
        component({
          code: `POLICY.${i + 1}`,
          parentCode: "POLICY",
          number: String(i + 1),
          nameVi,
          nameEn,
          ...pct,
        }),
      ),
      component({
        code: "SERVICE",
        number: "II",
        nameVi: "Việc cung ứng dịch vụ hành chính công",
        nameEn: "Administrative service delivery",
        aggregation: "mean",
        ...pct,
      }),
      ...[
        ["Tiếp cận dịch vụ", "Access to services"],
        ["Thủ tục hành chính", "Administrative procedures"],
        ["Công chức trực tiếp giải quyết công việc", "Civil servants handling the case"],
        ["Kết quả dịch vụ", "Service results"],
        ["Tiếp nhận, xử lý phản ánh, kiến nghị", "Handling of feedback and petitions"],
      ].map(([nameVi, nameEn], i) =>
        component({
          code: `SERVICE.${i + 1}`,
          parentCode: "SERVICE",
          number: String(i + 1),
          nameVi,
          nameEn,
          ...pct,
        }),
      ),
      component({
        code: "BASIC",
        number: "III",
        nameVi: "Việc cung ứng dịch vụ công cơ bản",
        nameEn: "Basic public services",
        ...pct,
      }),
    ],
  },
];

export const INDEX_766: IndexDefinition = {
  code: "INDEX_766",
  nameVi:
    "Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp (QĐ 766/QĐ-TTg)",
  nameEn: "Service quality index for citizens and businesses (Decision 766/QD-TTg)",
  publisher: "Cổng Dịch vụ công quốc gia",
};

const GROUPS_766: ReadonlyArray<readonly [string, string, string, number, string[]]> = [
  ["CKMB", "Công khai, minh bạch", "Transparency", 18, []],
  ["TDGQ", "Tiến độ giải quyết", "Processing progress", 20, []],
  ["DVCTT", "Dịch vụ công trực tuyến", "Online public services", 12, ["CLGQ"]],
  ["TTTT", "Thanh toán trực tuyến", "Online payment", 10, []],
  ["SHHS", "Mức độ số hóa hồ sơ", "Digitisation of dossiers", 22, ["MDSH", "Số hóa hồ sơ"]],
  ["MDHL", "Mức độ hài lòng", "Satisfaction", 18, ["Sự hài lòng"]],
];

export const INDEX_766_VERSIONS: readonly IndexVersion[] = [
  {
    code: "INDEX_766-2022",
    indexCode: "INDEX_766",
    validFromYear: 2022,
    validToYear: null,
    scaleMax: 100,
    totalRule: {
      aggregation: "sum",
      multiplier: 1,
      description: "Tổng điểm = tổng điểm 6 nhóm chỉ số (tối đa 100).",
    },
    components: GROUPS_766.map(([code, nameVi, nameEn, max, aliases], i) =>
      component({ code, number: String(i + 1), nameVi, nameEn, max, aggregation: "points", aliases }),
    ),
  },
];
