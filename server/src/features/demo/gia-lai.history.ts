import type { DemoUnit } from "./demo.types";
import {
  BINH_DINH_ONLY_DEPARTMENTS,
  CREATED_MARCH_2025,
  CURRENT_DEPARTMENTS,
  type DepartmentSpec,
  FORMER_DEPARTMENTS,
} from "./gia-lai.departments";

/** Last day of the two former provinces and of every district. */
export const LAST_DAY_BEFORE_MERGER = "2025-06-30";
/** Last day of the departments merged away by Nghị định 45/2025/NĐ-CP. */
export const LAST_DAY_BEFORE_MARCH_2025 = "2025-02-28";

interface FormerProvince {
  /** Key of the root unit and prefix of its children. */
  key: "bd" | "glo";
  /** Name as plans of the time wrote it, used to tell same-named agencies apart. */
  place: string;
}

const BINH_DINH: FormerProvince = { key: "bd", place: "tỉnh Bình Định" };
const OLD_GIA_LAI: FormerProvince = { key: "glo", place: "tỉnh Gia Lai" };

function departmentUnit({
  province,
  spec,
  validFrom,
  validTo,
}: {
  province: FormerProvince;
  spec: DepartmentSpec;
  validFrom?: string;
  validTo: string;
}): DemoUnit {
  return {
    key: `${province.key}-${spec.slug}`,
    kind: "department",
    name: spec.name,
    shortName: spec.shortName,
    // The suffixed form tells the three same-named agencies apart in a flat search list.
    aliases: [...spec.aliases, `${spec.name} ${province.place}`],
    parentKey: province.key,
    ...(validFrom ? { validFrom } : {}),
    validTo,
  };
}

function formerDepartments(province: FormerProvince): DemoUnit[] {
  const created = new Set<string>(CREATED_MARCH_2025);
  // Bình Định merged its two culture and tourism departments in March 2025; old Gia Lai already had one.
  if (province.key === "bd") created.add("svhttdl");
  const continuing = CURRENT_DEPARTMENTS.map((spec) =>
    departmentUnit({
      province,
      spec,
      validFrom: created.has(spec.slug) ? "2025-03-01" : undefined,
      validTo: LAST_DAY_BEFORE_MERGER,
    }),
  );
  const mergedAway = [
    ...FORMER_DEPARTMENTS,
    ...(province.key === "bd" ? BINH_DINH_ONLY_DEPARTMENTS : []),
  ].map((spec) => departmentUnit({ province, spec, validTo: LAST_DAY_BEFORE_MARCH_2025 }));
  return [...continuing, ...mergedAway];
}

type DistrictType = "tp" | "tx" | "h";

const DISTRICT_WORD: Record<DistrictType, { name: string; short: string; lower: string }> = {
  tp: { name: "Thành phố", short: "TP", lower: "thành phố" },
  tx: { name: "Thị xã", short: "TX", lower: "thị xã" },
  h: { name: "Huyện", short: "H.", lower: "huyện" },
};

function district({
  province,
  type,
  slug,
  place,
}: {
  province: FormerProvince;
  type: DistrictType;
  slug: string;
  place: string;
}): DemoUnit {
  const word = DISTRICT_WORD[type];
  return {
    key: `${province.key}-${type}-${slug}`,
    kind: "district",
    name: `${word.name} ${place}`,
    shortName: `${word.short} ${place}`,
    // "TP. Quy Nhơn", "TX. An Nhơn": the dotted forms common in plan tables.
    aliases: [`UBND ${word.lower} ${place}`, ...(type === "h" ? [] : [`${word.short}. ${place}`])],
    parentKey: province.key,
    validTo: LAST_DAY_BEFORE_MERGER,
  };
}

const BINH_DINH_DISTRICTS: Array<[DistrictType, string, string]> = [
  ["tp", "quy-nhon", "Quy Nhơn"],
  ["tx", "an-nhon", "An Nhơn"],
  ["tx", "hoai-nhon", "Hoài Nhơn"],
  ["h", "an-lao", "An Lão"],
  ["h", "hoai-an", "Hoài Ân"],
  ["h", "phu-my", "Phù Mỹ"],
  ["h", "phu-cat", "Phù Cát"],
  ["h", "tay-son", "Tây Sơn"],
  ["h", "vinh-thanh", "Vĩnh Thạnh"],
  ["h", "van-canh", "Vân Canh"],
  ["h", "tuy-phuoc", "Tuy Phước"],
];

const OLD_GIA_LAI_DISTRICTS: Array<[DistrictType, string, string]> = [
  ["tp", "pleiku", "Pleiku"],
  ["tx", "an-khe", "An Khê"],
  ["tx", "ayun-pa", "Ayun Pa"],
  ["h", "chu-pah", "Chư Păh"],
  ["h", "chu-prong", "Chư Prông"],
  ["h", "chu-puh", "Chư Pưh"],
  ["h", "chu-se", "Chư Sê"],
  ["h", "dak-doa", "Đak Đoa"],
  ["h", "dak-po", "Đak Pơ"],
  ["h", "duc-co", "Đức Cơ"],
  ["h", "ia-grai", "Ia Grai"],
  ["h", "ia-pa", "Ia Pa"],
  ["h", "kbang", "Kbang"],
  ["h", "kong-chro", "Kông Chro"],
  ["h", "krong-pa", "Krông Pa"],
  ["h", "mang-yang", "Mang Yang"],
  ["h", "phu-thien", "Phú Thiện"],
];

const roots: DemoUnit[] = [
  {
    key: "glo",
    kind: "province",
    name: "Tỉnh Gia Lai (trước 01/07/2025)",
    shortName: "Gia Lai (cũ)",
    aliases: ["Tỉnh Gia Lai cũ", "UBND tỉnh Gia Lai (cũ)"],
    code: "64",
    validTo: LAST_DAY_BEFORE_MERGER,
  },
  {
    key: "bd",
    kind: "province",
    name: "Tỉnh Bình Định",
    shortName: "Bình Định",
    aliases: ["UBND tỉnh Bình Định", "Ủy ban nhân dân tỉnh Bình Định"],
    code: "52",
    validTo: LAST_DAY_BEFORE_MERGER,
  },
];

const districts = (province: FormerProvince, list: Array<[DistrictType, string, string]>): DemoUnit[] =>
  list.map(([type, slug, place]) => district({ province, type, slug, place }));

/** The two provinces merged on 1 July 2025, with their departments and districts. */
export const GIA_LAI_HISTORICAL_UNITS: DemoUnit[] = [
  ...roots,
  ...formerDepartments(OLD_GIA_LAI),
  ...formerDepartments(BINH_DINH),
  ...districts(OLD_GIA_LAI, OLD_GIA_LAI_DISTRICTS),
  ...districts(BINH_DINH, BINH_DINH_DISTRICTS),
];

/** Keys of all 28 former districts, for the dissolve events. */
export const FORMER_DISTRICT_KEYS: string[] = GIA_LAI_HISTORICAL_UNITS.filter(
  (u) => u.kind === "district",
).map((u) => u.key);
