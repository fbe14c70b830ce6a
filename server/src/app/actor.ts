import type { Role } from "../../../core/src/auth/roles";

/** Who is calling: resolved from the session on every authenticated request. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  unitId: string;
  unitPath: string;
  /** The current province whose data the user works on; null only for a system-level unit. */
  provinceId: string | null;
  roles: Role[];
  /** For a coordinator, the path of the subtree it monitors (its province when unset). */
  scopePath: string | null;
  sessionId: string;
  ip: string | null;
  /** Profile fields carried with the session so /api/me needs no query of its own. */
  profile: {
    email: string | null;
    mustChangePassword: boolean;
    unitName: string;
    unitKind: string;
    provinceName: string | null;
  };
}

/**
 * Everything that decides what an actor may see and do (scope, roles, unit): two actors with the same
 * key get the same answers, so cached answers are shared by this key, never by less.
 */
export const actorScopeKey = (actor: Actor) =>
  [actor.roles.join(","), actor.unitId, actor.unitPath, actor.provinceId, actor.scopePath].join("|");

/** The actor of work that no person started: start-up seeding, command line, jobs. */
export interface SystemActor {
  userId: null;
  displayName: string;
  ip: null;
}

export type AuditActor = { userId: string | null; displayName: string; ip: string | null };

export const systemActor = (name = "Hệ thống"): SystemActor => ({
  userId: null,
  displayName: name,
  ip: null,
});

export const hasRole = (actor: Pick<Actor, "roles">, role: Role) => actor.roles.includes(role);
