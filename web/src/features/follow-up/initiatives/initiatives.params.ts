import { provinceYear } from "../../../lib/clock";
import type { useUrlParams } from "../../plans/useUrlParams";

/** What the page keeps in its address: the view, the filters, the page and the open initiative. */
export const INITIATIVE_KEYS = [
  "view",
  "year",
  "state",
  "unitId",
  "q",
  "page",
  "pageSize",
  "initiative",
  "kind",
  "onlyShort",
  "minimum",
  "versionCode",
  "componentCode",
] as const;
export type InitiativeUrl = ReturnType<typeof useUrlParams<(typeof INITIATIVE_KEYS)[number]>>;

/** The year a view shows: the one chosen, "all" for every year, else the province's current year. */
export const yearOf = (param: string | undefined) =>
  param === "all" ? undefined : Number(param) > 0 ? Number(param) : provinceYear();

/** The years offered: next year (registered ahead) back to six years ago. */
export const yearChoices = () => {
  const now = provinceYear();
  return Array.from({ length: 8 }, (_, i) => now + 1 - i);
};
