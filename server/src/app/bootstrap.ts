import { isNull } from "drizzle-orm";
import { writeAudit } from "../features/audit/audit.repository";
import { passwordProblem } from "../features/auth/password-policy";
import { createOrgUnitsRepository } from "../features/org-units/org-units.repository";
import { insertUnit } from "../features/org-units/org-units.service";
import { orgUnits } from "../features/org-units/org-units.table";
import { createUsersRepository } from "../features/users/users.repository";
import { insertUser } from "../features/users/users.service";
import { systemActor } from "./actor";
import type { AppConfig } from "./config";
import type { Database } from "./db";

const ADMIN_DISPLAY_NAME = "Quản trị hệ thống";

/**
 * Creates the first administrator when none exists: the way container deployments bootstrap
 * (CHISO_ADMIN_USERNAME / CHISO_ADMIN_PASSWORD) and what `chiso admin create` calls.
 * The administrator belongs to the first root unit, or to a new system unit on an empty database.
 */
export async function createAdmin({
  database,
  username,
  password,
  displayName = ADMIN_DISPLAY_NAME,
  unitId,
}: {
  database: Database;
  username: string;
  password: string;
  displayName?: string;
  unitId?: string;
}) {
  return database.db.transaction(async (tx) => {
    const actor = systemActor("Khởi tạo hệ thống");
    let unit = unitId ? await createOrgUnitsRepository(tx).findById(unitId) : null;
    if (!unit) {
      const [root] = await tx.select().from(orgUnits).where(isNull(orgUnits.parentId)).limit(1);
      unit =
        root ??
        (await insertUnit({ tx, input: { kind: "other", parentId: null, name: "Quản trị hệ thống" } }));
      if (!root)
        await writeAudit({
          tx,
          actor,
          record: { entity: "orgUnit", entityId: unit.id, action: "create", after: unit },
        });
    }
    return insertUser({
      tx,
      actor,
      input: { username, password, displayName, unitId: unit.id, roles: ["admin"] },
    });
  });
}

export async function bootstrapAdminFromEnv({ database, config }: { database: Database; config: AppConfig }) {
  if (!config.bootstrapAdmin) return null;
  if ((await createUsersRepository(database.db).countAdmins()) > 0) return null;
  // The server refuses to start rather than create an administrator anyone could guess.
  const problem = passwordProblem({ ...config.bootstrapAdmin, displayName: ADMIN_DISPLAY_NAME });
  if (problem)
    throw new Error(
      `CHISO_ADMIN_PASSWORD không được chấp nhận: ${problem} / CHISO_ADMIN_PASSWORD refused (common, too short or contains the username)`,
    );
  return createAdmin({ database, ...config.bootstrapAdmin });
}
