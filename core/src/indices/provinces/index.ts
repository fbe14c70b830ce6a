export { type MatchOptions, matchProvince, type ProvinceEra, type ProvinceMatch } from "./match";
export {
  type CurrentProvince,
  MERGER_EFFECTIVE_DATE,
  MERGER_MAP,
  PROVINCES_CURRENT,
  PROVINCES_PRE_2025,
  type PreMergerProvince,
  type ProvinceRecord,
  provinceSlug,
  successorOf,
} from "./provinces";
