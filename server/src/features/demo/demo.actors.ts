/**
 * Who acts in the demo's replayed history. The demo accounts act as themselves (canbo writes and
 * submits, lanhdao approves, dieuphoi reviews); every other unit has no account, so its acts are
 * those of a stand-in head of the unit, named for it in the audit log ("Lãnh đạo Sở Tài chính"). A
 * stand-in is an actor in memory only: its id is no account's and it can never sign in.
 */
import { randomUUID } from "node:crypto";
import type { Role } from "../../../../core/src/auth/roles";
import type { Actor } from "../../app/actor";
import type { DbOrTx } from "../../app/db";
import { createOrgUnitsRepository, type OrgUnitRow } from "../org-units/org-units.repository";
import { createUsersRepository } from "../users/users.repository";

function actorIn(
  unit: OrgUnitRow,
  who: { userId: string; username: string; displayName: string; roles: Role[] },
): Actor {
  return {
    ...who,
    unitId: unit.id,
    unitPath: unit.path,
    provinceId: unit.provinceId,
    scopePath: null,
    sessionId: randomUUID(),
    ip: null,
    profile: {
      email: null,
      mustChangePassword: false,
      unitName: unit.name,
      unitKind: unit.kind,
      provinceName: null,
    },
  };
}

/** The actor of a demo account, as a request of that user would carry it. */
export async function accountActor(db: DbOrTx, username: string): Promise<Actor> {
  const user = await createUsersRepository(db).findByUsername(username);
  if (!user) throw new Error(`Tài khoản mẫu ${username} chưa được tạo.`);
  const unit = (await createOrgUnitsRepository(db).findById(user.unitId)) as OrgUnitRow;
  return actorIn(unit, {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles as Role[],
  });
}

/** The stand-in head of a unit without a demo account: it writes, approves and sends its reports. */
export function standInHead(unit: OrgUnitRow): Actor {
  return actorIn(unit, {
    userId: randomUUID(),
    username: "",
    displayName: `Lãnh đạo ${unit.shortName || unit.name}`,
    roles: ["head"],
  });
}
