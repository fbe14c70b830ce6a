/**
 * PAPI (UNDP, CECODES and partners). Each dimension (1-10) is the sum of its sub-dimensions and the
 * total is the unweighted sum of the dimensions: 6 dimensions (max 60) until 2017, 8 (max 80) since
 * 2018. Sub-dimensions changed in 2016 (vertical accountability), 2018 (new structure) and 2021
 * (e-governance gains its third sub-dimension in 2019; construction permits dropped from administrative procedures: 5.1, 5.3, 5.4 as seed 003 numbers
 * them). Aliases "SCxy" are the codes of the public data set in data/papi_subdimensions_2011_2024,
 * which reuses the 2018+ codes positionally for earlier years.
 */
import { component } from "./build";
import type { Component, IndexDefinition, IndexVersion } from "./types";

export const PAPI: IndexDefinition = {
  code: "PAPI",
  nameVi: "Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh",
  nameEn: "Provincial Governance and Public Administration Performance Index",
  publisher: "UNDP, CECODES, VFF-CRT, RTA",
};

type Sub = readonly [vi: string, en: string, aliases?: readonly string[]];
type Dim = readonly [
  number: number,
  vi: string,
  en: string,
  subs: readonly (Sub | null)[],
  aliases?: string[],
];

/** Sub-dimension ranges: 4 of 0.25-2.5, 3 of 0.33-3.33, 2 of 0.5-5 (sum = dimension, 1-10). */
function dimension([no, vi, en, subs, aliases]: Dim): Component[] {
  const present = subs.filter((s): s is Sub => s !== null);
  const n = present.length;
  const code = `D${no}`;
  const out: Component[] = [
    component({
      code,
      number: String(no),
      nameVi: vi,
      nameEn: en,
      min: 1,
      max: 10,
      aggregation: "sum",
      aliases: [`Dimension ${no}`, `Nội dung ${no}`, `C0${no}`, ...(aliases ?? [])],
    }),
  ];
  subs.forEach((s, i) => {
    if (!s) return;
    out.push(
      component({
        code: `${code}.${i + 1}`,
        parentCode: code,
        number: `${no}.${i + 1}`,
        nameVi: s[0],
        nameEn: s[1],
        // Each sub-dimension spans 1/n to 10/n (0.25-2.5 for four, 0.33-3.33 for three).
        min: Math.floor((100 / n) * 0.99) / 100,
        max: Math.ceil((1000 / n) * 1.001) / 100,
        aliases: [`SC${no}${i + 1}`, ...(s[2] ?? [])],
      }),
    );
  });
  return out;
}

const D1: Dim = [
  1,
  "Tham gia của người dân ở cấp cơ sở",
  "Participation at local levels",
  [
    ["Tri thức công dân", "Civic knowledge"],
    ["Cơ hội tham gia", "Opportunities for participation", ["Cơ hội tham gia của người dân"]],
    ["Chất lượng bầu cử", "Quality of elections", ["Quality of Village Head Elections"]],
    ["Đóng góp tự nguyện", "Voluntary contributions"],
  ],
  ["Participation", "Tham gia người dân ở cấp cơ sở"],
];
const D2_OLD: Dim = [
  2,
  "Công khai, minh bạch",
  "Transparency",
  [
    ["Danh sách hộ nghèo", "Poverty lists", ["Poverty List Transparency"]],
    ["Thu, chi ngân sách cấp xã/phường", "Communal budget and expenditure", ["Ngân sách cấp xã"]],
    [
      "Kế hoạch sử dụng đất, khung giá đền bù",
      "Land-use plans/price frames",
      ["Quy hoạch/kế hoạch sử dụng đất, khung giá đền bù"],
    ],
  ],
  [
    "Transparency of Local Decision-making",
    "Transparency in Local Decision-making",
    "Công khai, minh bạch trong việc ra quyết định ở địa phương",
  ],
];
const D3_2011: Dim = [
  3,
  "Trách nhiệm giải trình với người dân",
  "Vertical accountability",
  [
    ["Hiệu quả tương tác với các cấp chính quyền", "Interactions with local authorities"],
    ["Ban thanh tra nhân dân", "People's Inspection Boards", ["Hiệu quả của Ban Thanh tra Nhân dân"]],
    ["Ban giám sát đầu tư cộng đồng", "Community Investment Boards"],
  ],
];
const D3_2016: Dim = [
  3,
  "Trách nhiệm giải trình với người dân",
  "Vertical accountability",
  [
    ["Hiệu quả tương tác với các cấp chính quyền", "Interactions with local authorities"],
    ["Đáp ứng kiến nghị của người dân", "Responsive to citizen actions"],
    ["Hiệu quả của Ban thanh tra nhân dân", "People's Inspection Boards", ["Ban thanh tra nhân dân"]],
  ],
];
const D4: Dim = [
  4,
  "Kiểm soát tham nhũng trong khu vực công",
  "Control of corruption in the public sector",
  [
    [
      "Kiểm soát tham nhũng trong chính quyền",
      "Limits on public sector corruption",
      ["Limits on Corruption in Local Governments"],
    ],
    ["Kiểm soát tham nhũng trong cung ứng dịch vụ công", "Limits on corruption in service delivery"],
    [
      "Công bằng trong tuyển dụng vào cơ quan nhà nước",
      "Equity in state employment",
      ["Công bằng trong tuyển dụng vào nhà nước", "Equity in Employment"],
    ],
    ["Quyết tâm chống tham nhũng", "Willingness to fight corruption"],
  ],
  ["Control of Corruption", "Kiểm soát tham nhũng khu vực công"],
];
const D5_SUBS: (Sub | null)[] = [
  ["Chứng thực, xác nhận", "Certification procedures", ["Chứng thực/xác nhận"]],
  ["Giấy phép xây dựng", "Construction permits"],
  [
    "Giấy chứng nhận quyền sử dụng đất",
    "Land-use rights certificate procedures",
    ["Land-Use Rights Procedures", "Land Title Procedures"],
  ],
  [
    "Thủ tục hành chính cấp xã/phường",
    "Personal procedures at commune level",
    ["Personal Procedures", "Thủ tục hành chính cấp xã, phường"],
  ],
];
const D5: Dim = [5, "Thủ tục hành chính công", "Public administrative procedures", D5_SUBS];
/** From 2021 construction permits are no longer surveyed: three sub-dimensions, numbered 5.1, 5.3, 5.4. */
const D5_2021: Dim = [5, D5[1], D5[2], [D5_SUBS[0], null, D5_SUBS[2], D5_SUBS[3]]];
const D6: Dim = [
  6,
  "Cung ứng dịch vụ công",
  "Public service delivery",
  [
    ["Y tế công lập", "Public health care", ["Public Health", "Public Healthcare"]],
    ["Giáo dục tiểu học công lập", "Public primary education", ["Primary Education"]],
    ["Cơ sở hạ tầng căn bản", "Basic infrastructure"],
    ["An ninh, trật tự", "Law and order", ["An ninh trật tự"]],
  ],
];
const D2_NEW: Dim = [
  2,
  "Công khai, minh bạch trong việc ra quyết định ở địa phương",
  "Transparency in local decision-making",
  [
    ["Tiếp cận thông tin", "Access to information"],
    ["Danh sách hộ nghèo", "Poverty lists", ["Poverty List Transparency"]],
    [
      "Thu, chi ngân sách cấp xã/phường",
      "Communal budgets",
      ["Ngân sách cấp xã", "Communal Budget Transparency"],
    ],
    [
      "Quy hoạch/kế hoạch sử dụng đất, khung giá đền bù",
      "Land-use plans/price frames",
      ["Kế hoạch sử dụng đất, khung giá đền bù", "Transparent Land-Use Plan/Price Frames"],
    ],
  ],
  ["Transparency", "Công khai, minh bạch", "Transparency of Local Decision-making"],
];
const D3_NEW: Dim = [
  3,
  "Trách nhiệm giải trình với người dân",
  "Vertical accountability",
  [
    ["Hiệu quả tương tác với các cấp chính quyền", "Interactions with local authorities"],
    [
      "Giải đáp khiếu nại, tố cáo, khúc mắc của người dân",
      "Government responsiveness to citizen appeals",
      ["Governments Responsive to Citizen Appeals"],
    ],
    ["Tiếp cận dịch vụ tư pháp", "Access to justice services"],
  ],
];
const D7: Dim = [
  7,
  "Quản trị môi trường",
  "Environmental governance",
  [
    [
      "Nghiêm túc trong bảo vệ môi trường",
      "Seriousness in environmental protection",
      ["Environmental Protection"],
    ],
    ["Chất lượng không khí", "Quality of air"],
    ["Chất lượng nước", "Quality of water"],
  ],
];
/** 2018, the first year of e-governance: portal use and internet access only (SC83 blank in the data). */
const D8_2018 = (d8: Dim): Dim => [d8[0], d8[1], d8[2], d8[3].slice(0, 2)];
const D8: Dim = [
  8,
  "Quản trị điện tử",
  "E-governance",
  [
    ["Sử dụng cổng thông tin điện tử", "Access to e-government portals", ["Access to E-Government Portals"]],
    ["Sử dụng internet tại địa phương", "Access to the internet", ["Access to the Internet"]],
    [
      "Phúc đáp qua cổng thông tin điện tử",
      "E-responsiveness of provincial authorities",
      ["E-Responsiveness of Provincial Authorities"],
    ],
  ],
];

function version(code: string, from: number, to: number | null, dims: Dim[]): IndexVersion {
  return {
    code,
    indexCode: "PAPI",
    validFromYear: from,
    validToYear: to,
    scaleMax: dims.length * 10,
    totalRule: {
      aggregation: "sum",
      multiplier: 1,
      description:
        "Tổng điểm PAPI = tổng (không trọng số) điểm các nội dung; mỗi nội dung = tổng các nội dung thành phần.",
    },
    components: dims.flatMap(dimension),
  };
}

export const PAPI_VERSIONS: readonly IndexVersion[] = [
  version("PAPI-2011", 2011, 2015, [D1, D2_OLD, D3_2011, D4, D5, D6]),
  version("PAPI-2016", 2016, 2017, [D1, D2_OLD, D3_2016, D4, D5, D6]),
  version("PAPI-2018", 2018, 2018, [D1, D2_NEW, D3_NEW, D4, D5, D6, D7, D8_2018(D8)]),
  version("PAPI-2019", 2019, 2020, [D1, D2_NEW, D3_NEW, D4, D5, D6, D7, D8]),
  version("PAPI-2021", 2021, null, [D1, D2_NEW, D3_NEW, D4, D5_2021, D6, D7, D8]),
];

/** PAPI's quartile tiers, best first. */
export const PAPI_TIERS = [
  "Nhóm cao nhất",
  "Nhóm trung bình cao",
  "Nhóm trung bình thấp",
  "Nhóm thấp nhất",
] as const;
