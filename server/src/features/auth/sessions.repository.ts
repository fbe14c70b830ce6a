import { and, eq, lt, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../app/db";
import { orgUnits } from "../org-units/org-units.table";
import { sessions, users } from "../users/users.table";

const scopeUnits = alias(orgUnits, "scope_units");
const provinces = alias(orgUnits, "provinces");

export function createSessionsRepository(db: DbOrTx) {
  return {
    async create(values: {
      id: string;
      userId: string;
      expiresAt: Date;
      userAgent: string | null;
      ip: string | null;
    }) {
      await db.insert(sessions).values(values);
    },
    /**
     * One indexed join answers every authenticated request and /api/me: the session, its user, the
     * user's unit and province, and the coordinator's scope.
     */
    async findWithUser(id: string) {
      const rows = await db
        .select({
          sessionId: sessions.id,
          expiresAt: sessions.expiresAt,
          userId: users.id,
          username: users.username,
          displayName: users.displayName,
          roles: users.roles,
          active: users.active,
          email: users.email,
          mustChangePassword: users.mustChangePassword,
          unitId: orgUnits.id,
          unitName: orgUnits.name,
          unitKind: orgUnits.kind,
          provinceName: provinces.name,
          unitPath: orgUnits.path,
          provinceId: orgUnits.provinceId,
          scopePath: scopeUnits.path,
        })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
        .leftJoin(scopeUnits, eq(scopeUnits.id, users.scopeUnitId))
        .leftJoin(provinces, eq(provinces.id, orgUnits.provinceId))
        .where(eq(sessions.id, id))
        .limit(1);
      return rows[0] ?? null;
    },
    async extend({ id, expiresAt }: { id: string; expiresAt: Date }) {
      await db.update(sessions).set({ expiresAt }).where(eq(sessions.id, id));
    },
    async delete(id: string) {
      await db.delete(sessions).where(eq(sessions.id, id));
    },
    /** Closes a user's sessions, optionally keeping the one in use. */
    async deleteForUser({ userId, except }: { userId: string; except?: string }) {
      await db
        .delete(sessions)
        .where(
          except ? and(eq(sessions.userId, userId), ne(sessions.id, except)) : eq(sessions.userId, userId),
        );
    },
    async deleteExpired(now: Date) {
      await db.delete(sessions).where(lt(sessions.expiresAt, now));
    },
  };
}

export type SessionRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof createSessionsRepository>["findWithUser"]>>
>;
