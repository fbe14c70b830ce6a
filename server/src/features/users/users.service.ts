import type { z } from "zod";
import type { userCreateBody, userListQuery, userUpdateBody } from "../../../../core/src/api/users.schemas";
import type { Role } from "../../../../core/src/auth/roles";
import { foldVietnamese } from "../../../../core/src/text/vietnamese";
import { type Actor, type AuditActor, hasRole } from "../../app/actor";
import type { Db, DbOrTx } from "../../app/db";
import { badRequest, conflict, forbidden, notFound } from "../../app/errors";
import { writeAudit } from "../audit/audit.repository";
import { hashPassword } from "../auth/password";
import { assertAcceptablePassword } from "../auth/password-policy";
import { sessionCache } from "../auth/session-cache";
import { createSessionsRepository } from "../auth/sessions.repository";
import { createOrgUnitsRepository } from "../org-units/org-units.repository";
import { getVisibleUnit } from "../org-units/org-units.service";
import { canListUsers, canManageUsers, canReadUser, scopeFitsUnit } from "./users.policy";
import { createUsersRepository, type UserListRow } from "./users.repository";

const userSearchText = (u: { username: string; displayName: string; email?: string | null }) =>
  foldVietnamese(`${u.username} ${u.displayName} ${u.email ?? ""}`);

export function presentUser(row: UserListRow) {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    email: row.email,
    unitId: row.unitId,
    unitName: row.unitName,
    roles: row.roles as Role[],
    scopeUnitId: row.scopeUnitId,
    active: row.active,
    locked: !!row.lockedUntil && row.lockedUntil > new Date(),
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Admins list every account (of their province scope); heads list their own unit's. */
export async function listUsers({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: z.infer<typeof userListQuery>;
}) {
  return createUsersRepository(db).list(userListFilter(actor, query));
}

/** The list's filter as the actor may ask it: one place for the list and its Excel export. */
export function userListFilter(actor: Actor, query: z.infer<typeof userListQuery>) {
  if (!canListUsers(actor)) throw forbidden();
  const admin = hasRole(actor, "admin");
  return {
    provinceId: null,
    unitPathPrefix: admin ? null : actor.unitPath,
    q: query.q ? foldVietnamese(query.q) : undefined,
    unitId: admin ? query.unitId : actor.unitId,
    role: query.role,
    active: query.active === undefined ? undefined : query.active === "true",
    sort: query.sort,
    order: query.order,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getUser({ db, actor, id }: { db: DbOrTx; actor: Actor; id: string }) {
  const row = await createUsersRepository(db).findWithUnit(id);
  if (!row || !canReadUser(actor, row)) throw notFound("user.notFound", "Không tìm thấy người dùng.");
  return row;
}

/** Creates an account, without policy checks: for the service below, the command line and seeding. */
export async function insertUser({
  tx,
  actor,
  input,
  mustChangePassword = false,
}: {
  tx: DbOrTx;
  actor: AuditActor;
  input: z.infer<typeof userCreateBody>;
  mustChangePassword?: boolean;
}) {
  const users = createUsersRepository(tx);
  const username = input.username.toLowerCase();
  assertAcceptablePassword({ password: input.password, username, displayName: input.displayName });
  if (await users.findByUsername(username)) {
    throw conflict("user.usernameTaken", `Tên đăng nhập "${username}" đã được dùng.`);
  }
  const unit = await createOrgUnitsRepository(tx).findById(input.unitId);
  if (!unit) throw badRequest("user.unitNotFound", "Đơn vị của người dùng không tồn tại.");
  const row = await users.insert({
    username,
    displayName: input.displayName,
    email: input.email ?? null,
    unitId: input.unitId,
    roles: [...new Set(input.roles)],
    scopeUnitId: input.scopeUnitId ?? null,
    passwordHash: await hashPassword(input.password),
    mustChangePassword,
    searchText: userSearchText({ ...input, username }),
  });
  await writeAudit({ tx, actor, record: { entity: "user", entityId: row.id, action: "create", after: row } });
  return row;
}

/** The account's unit and monitored area exist, are visible to the actor, and lie in one province. */
async function checkUnitAndScope({
  db,
  actor,
  unitId,
  scopeUnitId,
}: {
  db: Db;
  actor: Actor;
  unitId: string;
  scopeUnitId: string | null;
}) {
  const unit = await getVisibleUnit({ db, actor, id: unitId });
  if (!scopeUnitId) return;
  const scope = await getVisibleUnit({ db, actor, id: scopeUnitId });
  if (!scopeFitsUnit(unit, scope))
    throw badRequest(
      "user.scopeProvince",
      `Vùng theo dõi “${scope.name}” không thuộc tỉnh, thành phố của đơn vị công tác “${unit.name}”.`,
    );
}

export async function createUser({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: z.infer<typeof userCreateBody>;
}) {
  if (!canManageUsers(actor)) throw forbidden();
  await checkUnitAndScope({ db, actor, unitId: input.unitId, scopeUnitId: input.scopeUnitId ?? null });
  const row = await db.transaction((tx) => insertUser({ tx, actor, input, mustChangePassword: true }));
  return (await createUsersRepository(db).findWithUnit(row.id))!;
}

export async function updateUser({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: string;
  input: z.infer<typeof userUpdateBody>;
}) {
  const current = await getUser({ db, actor, id });
  if (!canManageUsers(actor)) throw forbidden();
  if (input.unitId !== undefined || input.scopeUnitId !== undefined)
    await checkUnitAndScope({
      db,
      actor,
      unitId: input.unitId ?? current.unitId,
      scopeUnitId: input.scopeUnitId === undefined ? current.scopeUnitId : input.scopeUnitId,
    });
  await db.transaction(async (tx) => {
    const users = createUsersRepository(tx);
    const before = (await users.findById(id))!;
    const losesAdmin =
      before.roles.includes("admin") &&
      (input.active === false || (input.roles && !input.roles.includes("admin")));
    if (losesAdmin && (await users.countAdmins()) <= 1) {
      throw badRequest("user.lastAdmin", "Không thể bỏ quyền hoặc vô hiệu hóa quản trị viên cuối cùng.");
    }
    const values = {
      ...input,
      roles: input.roles ? [...new Set(input.roles)] : undefined,
      searchText: userSearchText({
        username: before.username,
        displayName: input.displayName ?? before.displayName,
        email: input.email === undefined ? before.email : input.email,
      }),
    };
    const after = await users.update({ id, values });
    if (input.active === false) await createSessionsRepository(tx).deleteForUser({ userId: id });
    await writeAudit({
      tx,
      actor,
      record: {
        entity: "user",
        entityId: id,
        action: input.active === false ? "deactivate" : "update",
        before,
        after,
      },
    });
  });
  sessionCache.forgetUser(id);
  return (await createUsersRepository(db).findWithUnit(id))!;
}

/** An administrator sets a new password; the user must change it at next login, and is unlocked. */
export async function resetUserPassword({
  db,
  actor,
  id,
  password,
}: {
  db: Db;
  actor: Actor;
  id: string;
  password: string;
}) {
  const user = await getUser({ db, actor, id });
  if (!canManageUsers(actor)) throw forbidden();
  assertAcceptablePassword({ password, username: user.username, displayName: user.displayName });
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await createUsersRepository(tx).update({
      id,
      values: { passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null },
    });
    await createSessionsRepository(tx).deleteForUser({ userId: id });
    await writeAudit({ tx, actor, record: { entity: "user", entityId: id, action: "password.reset" } });
  });
  sessionCache.forgetUser(id);
}
