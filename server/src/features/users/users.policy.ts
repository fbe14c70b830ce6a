import { type Actor, hasRole } from "../../app/actor";

type UserLike = { id: string; unitId: string };

/** Accounts are created and changed by administrators. */
export function canManageUsers(actor: Actor): boolean {
  return hasRole(actor, "admin");
}

/** A user reads itself; a unit head reads its unit's accounts; admins read all. */
export function canReadUser(actor: Actor, user: UserLike): boolean {
  return (
    hasRole(actor, "admin") ||
    user.id === actor.userId ||
    (hasRole(actor, "head") && user.unitId === actor.unitId)
  );
}

/** Who may list accounts at all: admins (all) and heads (their unit). */
export function canListUsers(actor: Actor): boolean {
  return hasRole(actor, "admin") || hasRole(actor, "head");
}

/**
 * A coordinator's monitored area lies in the province of the account's unit: an administrator
 * (national) could otherwise point an account of one province at a unit of another.
 */
export function scopeFitsUnit(unit: { provinceId: string | null }, scope: { provinceId: string | null }) {
  return scope.provinceId !== null && scope.provinceId === unit.provinceId;
}
