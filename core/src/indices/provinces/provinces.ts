/**
 * The provinces of Viet Nam as data: the 63 that existed until 30/6/2025 (index results up to the
 * 2024 editions name them) and the 34 created by Resolution 202/2025/QH15 from 1/7/2025.
 * Codes are slugs of the official name so that they stay stable and readable in URLs and seeds;
 * a province that kept its name keeps its code across the merger (e.g. "ha-noi").
 */

export interface ProvinceRecord {
  /** Stable slug of the official name. */
  readonly code: string;
  /** Official Vietnamese name, with diacritics (new tone placement: Hòa, Khánh Hòa). */
  readonly name: string;
  /** English / unaccented form used by UNDP, VCCI English tables and GSO. */
  readonly nameEn: string;
  /** Extra spellings seen in published tables (abbreviations, English forms). */
  readonly aliases: readonly string[];
}

export interface PreMergerProvince extends ProvinceRecord {
  /** GSO administrative code ("01" Hà Nội … "96" Cà Mau); PAPI's "tinhid" uses it. */
  readonly gsoCode: string;
  /** Position in the official order, as PAPI data sets code it ("P01" … "P63"). */
  readonly papiCode: string;
}

export interface CurrentProvince extends ProvinceRecord {
  /** Codes of the pre-2025 provinces merged into this one (itself included when it kept its name). */
  readonly predecessors: readonly string[];
}

/** [gsoCode, name, English form, aliases] in the official (GSO) order. */
const PRE_2025: ReadonlyArray<readonly [string, string, string, readonly string[]]> = [
  ["01", "Hà Nội", "Ha Noi", ["Hanoi", "TP. Hà Nội", "HN"]],
  ["02", "Hà Giang", "Ha Giang", []],
  ["04", "Cao Bằng", "Cao Bang", []],
  ["06", "Bắc Kạn", "Bac Kan", ["Bắc Cạn", "Bac Can"]],
  ["08", "Tuyên Quang", "Tuyen Quang", []],
  ["10", "Lào Cai", "Lao Cai", []],
  ["11", "Điện Biên", "Dien Bien", []],
  ["12", "Lai Châu", "Lai Chau", []],
  ["14", "Sơn La", "Son La", []],
  ["15", "Yên Bái", "Yen Bai", []],
  ["17", "Hòa Bình", "Hoa Binh", []],
  ["19", "Thái Nguyên", "Thai Nguyen", []],
  ["20", "Lạng Sơn", "Lang Son", []],
  ["22", "Quảng Ninh", "Quang Ninh", []],
  ["24", "Bắc Giang", "Bac Giang", []],
  ["25", "Phú Thọ", "Phu Tho", []],
  ["26", "Vĩnh Phúc", "Vinh Phuc", []],
  ["27", "Bắc Ninh", "Bac Ninh", []],
  ["30", "Hải Dương", "Hai Duong", []],
  ["31", "Hải Phòng", "Hai Phong", ["Haiphong"]],
  ["33", "Hưng Yên", "Hung Yen", []],
  ["34", "Thái Bình", "Thai Binh", []],
  ["35", "Hà Nam", "Ha Nam", []],
  ["36", "Nam Định", "Nam Dinh", []],
  ["37", "Ninh Bình", "Ninh Binh", []],
  ["38", "Thanh Hóa", "Thanh Hoa", []],
  ["40", "Nghệ An", "Nghe An", []],
  ["42", "Hà Tĩnh", "Ha Tinh", []],
  ["44", "Quảng Bình", "Quang Binh", []],
  ["45", "Quảng Trị", "Quang Tri", []],
  ["46", "Thừa Thiên Huế", "Thua Thien Hue", ["TT-Huế", "TT Huế", "TTHuế", "Thừa Thiên - Huế", "T.T.Huế"]],
  ["48", "Đà Nẵng", "Da Nang", ["Danang"]],
  ["49", "Quảng Nam", "Quang Nam", []],
  ["51", "Quảng Ngãi", "Quang Ngai", []],
  ["52", "Bình Định", "Binh Dinh", []],
  ["54", "Phú Yên", "Phu Yen", []],
  ["56", "Khánh Hòa", "Khanh Hoa", []],
  ["58", "Ninh Thuận", "Ninh Thuan", []],
  ["60", "Bình Thuận", "Binh Thuan", []],
  ["62", "Kon Tum", "Kon Tum", ["Kontum"]],
  ["64", "Gia Lai", "Gia Lai", []],
  ["66", "Đắk Lắk", "Dak Lak", ["Đắc Lắc", "Dac Lac", "Daklak"]],
  ["67", "Đắk Nông", "Dak Nong", ["Đắc Nông", "Daknong"]],
  ["68", "Lâm Đồng", "Lam Dong", []],
  ["70", "Bình Phước", "Binh Phuoc", []],
  ["72", "Tây Ninh", "Tay Ninh", []],
  ["74", "Bình Dương", "Binh Duong", []],
  ["75", "Đồng Nai", "Dong Nai", []],
  ["77", "Bà Rịa - Vũng Tàu", "Ba Ria - Vung Tau", ["BR-VT", "BRVT", "Bà Rịa Vũng Tàu", "Vũng Tàu"]],
  [
    "79",
    "TP. Hồ Chí Minh",
    "Ho Chi Minh City",
    ["Tp.HCM", "TP HCM", "HCM", "HCMC", "TPHCM", "Sài Gòn", "Saigon"],
  ],
  ["80", "Long An", "Long An", []],
  ["82", "Tiền Giang", "Tien Giang", []],
  ["83", "Bến Tre", "Ben Tre", []],
  ["84", "Trà Vinh", "Tra Vinh", []],
  ["86", "Vĩnh Long", "Vinh Long", []],
  ["87", "Đồng Tháp", "Dong Thap", []],
  ["89", "An Giang", "An Giang", []],
  ["91", "Kiên Giang", "Kien Giang", []],
  ["92", "Cần Thơ", "Can Tho", []],
  ["93", "Hậu Giang", "Hau Giang", []],
  ["94", "Sóc Trăng", "Soc Trang", []],
  ["95", "Bạc Liêu", "Bac Lieu", []],
  ["96", "Cà Mau", "Ca Mau", []],
];

/** Slug of a Vietnamese name: "Bà Rịa - Vũng Tàu" → "ba-ria-vung-tau"; "TP." is dropped. */
export function provinceSlug(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/^tp\.\s*/, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

export const PROVINCES_PRE_2025: readonly PreMergerProvince[] = PRE_2025.map(
  ([gsoCode, name, nameEn, aliases], i) => ({
    code: provinceSlug(name),
    name,
    nameEn,
    aliases,
    gsoCode,
    papiCode: `P${String(i + 1).padStart(2, "0")}`,
  }),
);

/** Resolution 202/2025/QH15 (data/provinces_2025_merger.csv): new province → predecessors. */
const MERGER_2025: ReadonlyArray<readonly [string, string, readonly string[], readonly string[]]> = [
  ["Hà Nội", "Ha Noi", ["Hà Nội"], ["Hanoi"]],
  ["Huế", "Hue", ["Thừa Thiên Huế"], ["TP. Huế", "Thành phố Huế", "Hue City"]],
  ["Lai Châu", "Lai Chau", ["Lai Châu"], []],
  ["Điện Biên", "Dien Bien", ["Điện Biên"], []],
  ["Sơn La", "Son La", ["Sơn La"], []],
  ["Lạng Sơn", "Lang Son", ["Lạng Sơn"], []],
  ["Quảng Ninh", "Quang Ninh", ["Quảng Ninh"], []],
  ["Thanh Hóa", "Thanh Hoa", ["Thanh Hóa"], []],
  ["Nghệ An", "Nghe An", ["Nghệ An"], []],
  ["Hà Tĩnh", "Ha Tinh", ["Hà Tĩnh"], []],
  ["Cao Bằng", "Cao Bang", ["Cao Bằng"], []],
  ["Tuyên Quang", "Tuyen Quang", ["Tuyên Quang", "Hà Giang"], []],
  ["Lào Cai", "Lao Cai", ["Lào Cai", "Yên Bái"], []],
  ["Thái Nguyên", "Thai Nguyen", ["Thái Nguyên", "Bắc Kạn"], []],
  ["Phú Thọ", "Phu Tho", ["Phú Thọ", "Vĩnh Phúc", "Hòa Bình"], []],
  ["Bắc Ninh", "Bac Ninh", ["Bắc Ninh", "Bắc Giang"], []],
  ["Hưng Yên", "Hung Yen", ["Hưng Yên", "Thái Bình"], []],
  ["Hải Phòng", "Hai Phong", ["Hải Phòng", "Hải Dương"], ["Haiphong"]],
  ["Ninh Bình", "Ninh Binh", ["Ninh Bình", "Hà Nam", "Nam Định"], []],
  ["Quảng Trị", "Quang Tri", ["Quảng Trị", "Quảng Bình"], []],
  ["Đà Nẵng", "Da Nang", ["Đà Nẵng", "Quảng Nam"], ["Danang"]],
  ["Quảng Ngãi", "Quang Ngai", ["Quảng Ngãi", "Kon Tum"], []],
  ["Gia Lai", "Gia Lai", ["Gia Lai", "Bình Định"], []],
  ["Khánh Hòa", "Khanh Hoa", ["Khánh Hòa", "Ninh Thuận"], []],
  ["Lâm Đồng", "Lam Dong", ["Lâm Đồng", "Đắk Nông", "Bình Thuận"], []],
  ["Đắk Lắk", "Dak Lak", ["Đắk Lắk", "Phú Yên"], ["Đắc Lắc", "Dac Lac", "Daklak"]],
  [
    "TP. Hồ Chí Minh",
    "Ho Chi Minh City",
    ["TP. Hồ Chí Minh", "Bình Dương", "Bà Rịa - Vũng Tàu"],
    ["Tp.HCM", "TP HCM", "HCM", "HCMC", "TPHCM", "Sài Gòn", "Saigon"],
  ],
  ["Đồng Nai", "Dong Nai", ["Đồng Nai", "Bình Phước"], []],
  ["Tây Ninh", "Tay Ninh", ["Tây Ninh", "Long An"], []],
  ["Cần Thơ", "Can Tho", ["Cần Thơ", "Sóc Trăng", "Hậu Giang"], []],
  ["Vĩnh Long", "Vinh Long", ["Vĩnh Long", "Bến Tre", "Trà Vinh"], []],
  ["Đồng Tháp", "Dong Thap", ["Đồng Tháp", "Tiền Giang"], []],
  ["Cà Mau", "Ca Mau", ["Cà Mau", "Bạc Liêu"], []],
  ["An Giang", "An Giang", ["An Giang", "Kiên Giang"], []],
];

export const PROVINCES_CURRENT: readonly CurrentProvince[] = MERGER_2025.map(
  ([name, nameEn, predecessors, aliases]) => ({
    code: provinceSlug(name),
    name,
    nameEn,
    aliases,
    predecessors: predecessors.map(provinceSlug),
  }),
);

/** Predecessor code → code of the province it belongs to since 1/7/2025. */
export const MERGER_MAP: ReadonlyMap<string, string> = new Map(
  PROVINCES_CURRENT.flatMap((p) => p.predecessors.map((pre) => [pre, p.code] as const)),
);

/** The current province a pre-2025 province now belongs to (null for an unknown code). */
export function successorOf(preMergerCode: string): CurrentProvince | null {
  const code = MERGER_MAP.get(preMergerCode);
  return PROVINCES_CURRENT.find((p) => p.code === code) ?? null;
}

/** First day of the 34-province map: results for earlier years name the 63 provinces. */
export const MERGER_EFFECTIVE_DATE = "2025-07-01";
