import type { TFunction } from "i18next";
import type { ProfileSeries } from "./indices.api";
import { provinceFullName } from "./provinceLabel";

/** "Gia Lai", "Tỉnh Bình Định (trước 01/07/2025)", "Tỉnh Gia Lai (từ 01/07/2025)". */
export function seriesLabel(
  s: Pick<ProfileSeries, "provinceCode" | "provinceName" | "role">,
  t: TFunction,
  en: boolean,
) {
  const full = provinceFullName(s.provinceCode, s.provinceName, en);
  if (s.role === "predecessor") return t("indices.profile.predecessorLabel", { name: full });
  if (s.role === "successor") return t("indices.profile.successorLabel", { name: full });
  return s.provinceName;
}
