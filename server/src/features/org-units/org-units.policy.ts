import { type Actor, hasRole } from "../../app/actor";

type UnitLike = { provinceId: string | null };

/** Everyone reads the directory of their own province (history included); admins read all. */
export function canReadUnit(actor: Actor, unit: UnitLike): boolean {
  return hasRole(actor, "admin") || (unit.provinceId !== null && unit.provinceId === actor.provinceId);
}

/** The directory is maintained by administrators. */
export function canManageDirectory(actor: Actor): boolean {
  return hasRole(actor, "admin");
}

/** The province filter a directory read applies: null for admins, who see every province. */
export function directoryScope(actor: Actor): string | null {
  return hasRole(actor, "admin") ? null : (actor.provinceId ?? "00000000-0000-0000-0000-000000000000");
}
