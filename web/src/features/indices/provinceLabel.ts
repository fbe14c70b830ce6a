import type { IndexProvince } from "./indices.api";

const CITY_CODES = new Set(["ha-noi", "hai-phong", "da-nang", "can-tho", "hue", "ho-chi-minh"]);

/** "Tỉnh Bình Định", "Thành phố Đà Nẵng"; names that already carry "TP." stay as they are. */
export function provinceFullName(code: string, name: string, en = false): string {
  if (/^(TP\.|Thành phố|Tỉnh)/i.test(name)) return name;
  if (en) return name;
  return `${CITY_CODES.has(code) ? "Thành phố" : "Tỉnh"} ${name}`;
}

export function provinceName(p: Pick<IndexProvince, "name" | "nameEn">, en: boolean) {
  return en ? p.nameEn || p.name : p.name;
}
