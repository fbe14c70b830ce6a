import type { Actor } from "../../app/actor";
import { newToken, sessionIdOf } from "../../app/auth-plugin";
import type { AppConfig } from "../../app/config";
import type { Db } from "../../app/db";
import { AppError, badRequest } from "../../app/errors";
import { writeAudit } from "../audit/audit.repository";
import { createUsersRepository } from "../users/users.repository";
import { getDummyHash, hashPassword, verifyPassword } from "./password";
import { sessionCache } from "./session-cache";
import { createSessionsRepository } from "./sessions.repository";

const INVALID = () => new AppError(401, "auth.invalidCredentials", "Tên đăng nhập hoặc mật khẩu không đúng.");

/**
 * Checks the password and opens a session. Failed attempts count towards a temporary lock; the answer
 * never tells whether the username exists.
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
  if (user.lockedUntil && user.lockedUntil > now) {
    throw new AppError(
      423,
      "auth.locked",
      `Tài khoản tạm khóa do đăng nhập sai nhiều lần. Thử lại sau ${Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000)} phút.`,
    );
  }
  const ok = await verifyPassword({ hash: user.passwordHash, password: input.password });
  if (!ok || !user.active) {
    const failures = user.failedLogins + 1;
    const lock = failures >= config.loginLock.maxFailures;
    await db.transaction(async (tx) => {
      await createUsersRepository(tx).update({
        id: user.id,
        values: {
          failedLogins: lock ? 0 : failures,
          lockedUntil: lock
            ? new Date(now.getTime() + config.loginLock.lockMinutes * 60_000)
            : user.lockedUntil,
        },
      });
      await writeAudit({
        tx,
        actor: { userId: null, displayName: input.username, ip: meta.ip },
        record: { entity: "user", entityId: user.id, action: lock ? "login.locked" : "login.failed" },
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
    await createUsersRepository(tx).update({
      id: user.id,
      values: { failedLogins: 0, lockedUntil: null, lastLoginAt: now },
    });
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
