import type { Actor } from "../../app/actor";
import { newToken, sessionIdOf } from "../../app/auth-plugin";
import type { AppConfig } from "../../app/config";
import type { Db } from "../../app/db";
import { AppError, badRequest } from "../../app/errors";
import { writeAudit } from "../audit/audit.repository";
import { createUsersRepository } from "../users/users.repository";
import { getDummyHash, hashPassword, verifyPassword } from "./password";
import { assertAcceptablePassword } from "./password-policy";
import { sessionCache } from "./session-cache";
import { createSessionsRepository } from "./sessions.repository";

/**
 * One answer for an unknown user, a wrong password and a locked account (same status, message and a
 * password verification in each case), so neither the answer nor its timing tells them apart.
 */
const INVALID = () =>
  new AppError(
    401,
    "auth.invalidCredentials",
    "Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang tạm khóa do đăng nhập sai nhiều lần (thử lại sau ít phút).",
  );

/**
 * Checks the password and opens a session. An attempt takes its place in the account's count
 * before the password is verified (users.repository `reserveLoginAttempt`), so however many arrive at
 * once, at most LOGIN_MAX_FAILURES wrong passwords are ever verified per lock window.
 */
export async function login({
  db,
  config,
  input,
  meta,
}: {
  db: Db;
  config: AppConfig;
  input: { username: string; password: string };
  meta: { ip: string | null; userAgent: string | null };
}) {
  const users = createUsersRepository(db);
  const user = await users.findByUsername(input.username.trim());
  if (!user) {
    await verifyPassword({ hash: await getDummyHash(), password: input.password });
    throw INVALID();
  }
  const now = new Date();
  const { maxFailures, lockMinutes } = config.loginLock;
  const reserved = await users.reserveLoginAttempt({ id: user.id, maxFailures, now });
  if (!reserved) {
    // Locked: the dummy verification keeps the timing of an ordinary wrong password.
    await verifyPassword({ hash: await getDummyHash(), password: input.password });
    await db.transaction((tx) =>
      writeAudit({
        tx,
        actor: { userId: null, displayName: input.username, ip: meta.ip },
        record: { entity: "user", entityId: user.id, action: "login.refused" },
      }),
    );
    throw INVALID();
  }
  const ok = await verifyPassword({ hash: user.passwordHash, password: input.password });
  if (!ok || !user.active) {
    await db.transaction(async (tx) => {
      const locked = await createUsersRepository(tx).lockIfExhausted({
        id: user.id,
        maxFailures,
        until: new Date(now.getTime() + lockMinutes * 60_000),
      });
      await writeAudit({
        tx,
        actor: { userId: null, displayName: input.username, ip: meta.ip },
        record: { entity: "user", entityId: user.id, action: locked ? "login.locked" : "login.failed" },
      });
    });
    if (!user.active && ok)
      throw new AppError(403, "auth.inactive", "Tài khoản đã bị vô hiệu hóa. Liên hệ quản trị viên.");
    throw INVALID();
  }
  const token = newToken();
  const sessionId = sessionIdOf({ token, secret: config.sessionSecret });
  const expiresAt = new Date(now.getTime() + config.sessionTtlHours * 3_600_000);
  await db.transaction(async (tx) => {
    await createSessionsRepository(tx).create({
      id: sessionId,
      userId: user.id,
      expiresAt,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
      ip: meta.ip,
    });
    await createUsersRepository(tx).recordLogin({ id: user.id, now });
    await writeAudit({
      tx,
      actor: { userId: user.id, displayName: user.displayName, ip: meta.ip },
      record: { entity: "session", entityId: user.id, action: "login" },
    });
  });
  return { token, sessionId, expiresAt };
}

export async function logout({ db, actor }: { db: Db; actor: Actor }) {
  await db.transaction(async (tx) => {
    await createSessionsRepository(tx).delete(actor.sessionId);
    await writeAudit({ tx, actor, record: { entity: "session", entityId: actor.userId, action: "logout" } });
  });
  sessionCache.forgetSession(actor.sessionId);
}

/** Changes the actor's own password; other sessions of the user are closed. */
export async function changeOwnPassword({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: { currentPassword: string; newPassword: string };
}) {
  const users = createUsersRepository(db);
  const user = await users.findById(actor.userId);
  if (!user || !(await verifyPassword({ hash: user.passwordHash, password: input.currentPassword }))) {
    throw badRequest("auth.wrongPassword", "Mật khẩu hiện tại không đúng.");
  }
  if (input.currentPassword === input.newPassword) {
    throw badRequest("auth.samePassword", "Mật khẩu mới phải khác mật khẩu hiện tại.");
  }
  assertAcceptablePassword({
    password: input.newPassword,
    username: user.username,
    displayName: user.displayName,
  });
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await createUsersRepository(tx).update({
      id: user.id,
      values: { passwordHash, mustChangePassword: false },
    });
    await createSessionsRepository(tx).deleteForUser({ userId: user.id, except: actor.sessionId });
    await writeAudit({ tx, actor, record: { entity: "user", entityId: user.id, action: "password.change" } });
  });
  // After commit: a request in between must not re-cache the old row.
  sessionCache.forgetUser(user.id);
}
