import type { DemoUnit } from "./demo.types";
import { CURRENT_DEPARTMENTS } from "./gia-lai.departments";

/** Everything under the current province was (re)constituted when the two provinces merged. */
const SINCE = "2025-07-01";

const province: DemoUnit = {
  key: "gl",
  kind: "province",
  name: "Tỉnh Gia Lai",
  shortName: "Gia Lai",
  aliases: ["UBND tỉnh Gia Lai", "Ủy ban nhân dân tỉnh Gia Lai", "UBND tỉnh"],
  validFrom: SINCE,
};

const departments: DemoUnit[] = CURRENT_DEPARTMENTS.map((d) => ({
  key: `gl-${d.slug}`,
  kind: "department",
  name: d.name,
  shortName: d.shortName,
  aliases: d.aliases,
  parentKey: "gl",
  validFrom: SINCE,
}));

function internal({ key, parentKey, name, aliases }: Omit<DemoUnit, "kind">): DemoUnit {
  return { key, kind: "internalUnit", name, parentKey, validFrom: SINCE, ...(aliases ? { aliases } : {}) };
}

// The two coordinating departments get a few internal units so that assignment inside a department
// (seed 002) can be demonstrated. Internal structures differ from province to province; these are
// the usual ones, not a verified organisation chart of Gia Lai.
const internalUnits: DemoUnit[] = [
  internal({ key: "gl-snv-vp", parentKey: "gl-snv", name: "Văn phòng Sở" }),
  internal({
    key: "gl-snv-cchc",
    parentKey: "gl-snv",
    name: "Phòng Cải cách hành chính",
    aliases: ["Phòng CCHC"],
  }),
  internal({ key: "gl-snv-tcbc", parentKey: "gl-snv", name: "Phòng Tổ chức - Biên chế" }),
  internal({ key: "gl-snv-ccvc", parentKey: "gl-snv", name: "Phòng Công chức, viên chức" }),
  internal({ key: "gl-snv-ldvl", parentKey: "gl-snv", name: "Phòng Lao động - Việc làm" }),
  internal({
    key: "gl-snv-tdkt",
    parentKey: "gl-snv",
    name: "Ban Thi đua - Khen thưởng",
    aliases: ["Ban TĐKT"],
  }),
  internal({ key: "gl-stc-vp", parentKey: "gl-stc", name: "Văn phòng Sở" }),
  internal({
    key: "gl-stc-khth",
    parentKey: "gl-stc",
    name: "Phòng Kế hoạch - Tổng hợp",
    aliases: ["Phòng KH-TH"],
  }),
  internal({ key: "gl-stc-qlns", parentKey: "gl-stc", name: "Phòng Quản lý ngân sách" }),
  internal({
    key: "gl-stc-dkkd",
    parentKey: "gl-stc",
    name: "Phòng Đăng ký kinh doanh",
    aliases: ["Phòng ĐKKD"],
  }),
  internal({
    key: "gl-stc-dn",
    parentKey: "gl-stc",
    name: "Phòng Doanh nghiệp, kinh tế tập thể và tư nhân",
  }),
  // Runs the one-stop shop whose dossiers feed the 766 index; most provinces place it under the VP UBND.
  internal({
    key: "gl-vp-tthcc",
    parentKey: "gl-vp",
    name: "Trung tâm Phục vụ hành chính công tỉnh",
    aliases: ["Trung tâm PVHCC", "TTPVHCC", "Bộ phận một cửa tỉnh"],
  }),
];

function central({ key, name, shortName, aliases }: Omit<DemoUnit, "kind">): DemoUnit {
  return { key, kind: "centralAgency", name, shortName, aliases, parentKey: "gl", validFrom: SINCE };
}

// Customs, treasury and the State Bank were regrouped into numbered regional branches in 2025; the
// number serving Gia Lai was not verified, so the names stop before it and the old names are aliases.
const centralAgencies: DemoUnit[] = [
  central({
    key: "gl-ca",
    name: "Công an tỉnh Gia Lai",
    shortName: "Công an tỉnh",
    aliases: ["CA tỉnh", "Công an tỉnh"],
  }),
  central({
    key: "gl-thue",
    name: "Thuế tỉnh Gia Lai",
    shortName: "Thuế tỉnh",
    aliases: ["Cục Thuế tỉnh", "Cục Thuế", "Cục Thuế tỉnh Gia Lai"],
  }),
  central({
    key: "gl-bhxh",
    name: "Bảo hiểm xã hội tỉnh Gia Lai",
    shortName: "BHXH tỉnh",
    aliases: ["Bảo hiểm xã hội tỉnh", "BHXH tỉnh Gia Lai"],
  }),
  central({
    key: "gl-nhnn",
    name: "Ngân hàng Nhà nước Chi nhánh Khu vực",
    shortName: "NHNN chi nhánh",
    aliases: ["Ngân hàng Nhà nước chi nhánh tỉnh", "Ngân hàng Nhà nước", "NHNN"],
  }),
  central({
    key: "gl-tand",
    name: "Tòa án nhân dân tỉnh Gia Lai",
    shortName: "TAND tỉnh",
    aliases: ["Tòa án nhân dân tỉnh", "Tòa án tỉnh"],
  }),
  central({
    key: "gl-vksnd",
    name: "Viện kiểm sát nhân dân tỉnh Gia Lai",
    shortName: "VKSND tỉnh",
    aliases: ["Viện Kiểm sát nhân dân tỉnh", "Viện kiểm sát tỉnh"],
  }),
  central({
    key: "gl-hq",
    name: "Chi cục Hải quan khu vực",
    shortName: "Hải quan",
    aliases: ["Cục Hải quan", "Cục Hải quan tỉnh", "Hải quan tỉnh"],
  }),
  central({
    key: "gl-kbnn",
    name: "Kho bạc Nhà nước khu vực",
    shortName: "KBNN",
    aliases: ["Kho bạc Nhà nước tỉnh", "Kho bạc Nhà nước", "KBNN tỉnh"],
  }),
  central({
    key: "gl-thads",
    name: "Thi hành án dân sự tỉnh Gia Lai",
    shortName: "THADS tỉnh",
    aliases: ["Cục Thi hành án dân sự tỉnh", "Cục thi hành án dân sự"],
  }),
];

// Partner organisations are asked ("đề nghị"), not assigned; kept apart from departments for that reason.
const partnerOrgs: DemoUnit[] = [
  {
    key: "gl-mttq",
    kind: "partnerOrg",
    name: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Gia Lai",
    shortName: "Ủy ban MTTQ Việt Nam tỉnh",
    aliases: ["UBMTTQ tỉnh", "MTTQ tỉnh", "Mặt trận Tổ quốc tỉnh", "Ủy ban MTTQ tỉnh"],
    parentKey: "gl",
    validFrom: SINCE,
  },
  {
    key: "gl-hhdn",
    kind: "partnerOrg",
    name: "Hiệp hội Doanh nghiệp tỉnh Gia Lai",
    shortName: "Hiệp hội Doanh nghiệp tỉnh",
    aliases: ["Hiệp hội DN tỉnh", "HHDN tỉnh"],
    parentKey: "gl",
    validFrom: SINCE,
  },
];

// Serves the provincial People's Council, not the People's Committee: plans of the UBND do not assign
// it tasks, hence "other" rather than "department".
const councilOffice: DemoUnit = {
  key: "gl-vpdbqh",
  kind: "other",
  name: "Văn phòng Đoàn ĐBQH và HĐND tỉnh",
  aliases: ["Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh", "VP Đoàn ĐBQH và HĐND tỉnh"],
  parentKey: "gl",
  validFrom: SINCE,
};

/** The current province with its agencies, internal units, central agencies and partners (communes apart). */
export const GIA_LAI_CURRENT_UNITS: DemoUnit[] = [
  province,
  ...departments,
  ...internalUnits,
  ...centralAgencies,
  ...partnerOrgs,
  councilOffice,
];
