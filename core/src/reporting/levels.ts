import type { UnitKind } from "../auth/roles";

/**
 * Administrative levels a reporting rate is cut by (DOMAIN.md §7: "per period and level"). A unit
 * is at the level of its nearest commune or district ancestor (itself included): a commune's
 * internal office reports at commune level; departments, central agencies, mass organisations and
 * their own offices are province level. Districts were abolished on 1/7/2025 and remain for history.
 */
export const ADMIN_LEVELS = ["province", "district", "commune"] as const;
export type AdminLevel = (typeof ADMIN_LEVELS)[number];

export const ADMIN_LEVEL_LABELS_VI: Record<AdminLevel, string> = {
  province: "Cấp tỉnh",
  district: "Cấp huyện (trước 01/07/2025)",
  commune: "Cấp xã",
};

/** The level of a unit from the kinds of its chain, province first and the unit itself last. */
export function levelOfChain(kinds: readonly (UnitKind | string)[]): AdminLevel {
  for (let i = kinds.length - 1; i >= 0; i--) {
    if (kinds[i] === "commune") return "commune";
    if (kinds[i] === "district") return "district";
  }
  return "province";
}
