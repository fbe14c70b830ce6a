import type { Actor } from "../../app/actor";
import { provinceTimeZone } from "../../app/clock";
import { canReadAudit } from "../audit/audit.policy";
import { canManageDirectory } from "../org-units/org-units.policy";
import { canManageUsers } from "../users/users.policy";

/** The signed-in user with unit, province and what the interface may offer, from the session alone. */
export function presentMe(actor: Actor) {
  return {
    user: {
      id: actor.userId,
      username: actor.username,
      displayName: actor.displayName,
      email: actor.profile.email,
      roles: actor.roles,
      mustChangePassword: actor.profile.mustChangePassword,
    },
    unit: {
      id: actor.unitId,
      name: actor.profile.unitName,
      kind: actor.profile.unitKind,
      provinceId: actor.provinceId,
    },
    province:
      actor.provinceId && actor.profile.provinceName
        ? { id: actor.provinceId, name: actor.profile.provinceName }
        : null,
    timeZone: provinceTimeZone(),
    can: {
      manageUsers: canManageUsers(actor),
      manageDirectory: canManageDirectory(actor),
      readAudit: canReadAudit(actor),
    },
  };
}
