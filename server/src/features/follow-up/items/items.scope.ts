/**
 * The items an actor may see, as SQL: the same rule as `canReadItem` (follow-up.policy.ts), so a list
 * is cut to the actor's scope by an index (the province, or the unit-path indexes of the responsible
 * and the follower unit) instead of filtering rows one by one. `items.policy.test.ts` checks the two
 * agree for every role.
 */
import { type SQL, sql } from "drizzle-orm";
import { type Actor, hasRole } from "../../../app/actor";
import { escapeLike } from "../../org-units/org-units.repository";

export type ItemScope =
  | { kind: "all" }
  | { kind: "province"; provinceId: string }
  | { kind: "subtree"; provinceId: string; unitPath: string };

/** No province: a system-level account sees no item (as `canReadItem`). */
const NO_PROVINCE = "00000000-0000-0000-0000-000000000000";

export function itemScope(actor: Actor): ItemScope {
  if (hasRole(actor, "admin")) return { kind: "all" };
  const provinceId = actor.provinceId ?? NO_PROVINCE;
  if (hasRole(actor, "coordinator") || hasRole(actor, "viewer")) return { kind: "province", provinceId };
  return { kind: "subtree", provinceId, unitPath: actor.unitPath };
}

export const likePrefix = (path: string) => `${escapeLike(path)}%`;

/** The scope over items `i`. */
export function itemScopeSql(scope: ItemScope): SQL {
  if (scope.kind === "all") return sql`true`;
  if (scope.kind === "province") return sql`i.province_id = ${scope.provinceId}`;
  const prefix = likePrefix(scope.unitPath);
  return sql`i.province_id = ${scope.provinceId}
    and (i.unit_path like ${prefix} or i.follower_unit_path like ${prefix})`;
}
