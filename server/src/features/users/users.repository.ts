import { and, asc, count, desc, eq, gte, ilike, isNull, lt, lte, or, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../app/db";
import { vietnameseOrder } from "../../app/vietnamese-order";
import { orgUnits } from "../org-units/org-units.table";
import { users } from "./users.table";

export type UserRow = typeof users.$inferSelect;
export type NewUserRow = typeof users.$inferInsert;

const listColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  email: users.email,
  unitId: users.unitId,
  unitName: orgUnits.name,
  unitPath: orgUnits.path,
  provinceId: orgUnits.provinceId,
  roles: users.roles,
  scopeUnitId: users.scopeUnitId,
  active: users.active,
  lockedUntil: users.lockedUntil,
  lastLoginAt: users.lastLoginAt,
  mustChangePassword: users.mustChangePassword,
  createdAt: users.createdAt,
};

/** Names sort in Vietnamese order (their sort keys), on PGlite and PostgreSQL alike. */
const sortColumns = {
  username: users.username,
  displayName: vietnameseOrder(users.sortKey),
  unitName: vietnameseOrder(orgUnits.sortKey),
  createdAt: users.createdAt,
  lastLoginAt: users.lastLoginAt,
};

export function createUsersRepository(db: DbOrTx) {
  return {
    async findByUsername(username: string) {
      const rows = await db.select().from(users).where(eq(users.username, username.toLowerCase())).limit(1);
      return rows[0] ?? null;
    },
    async findById(id: string) {
      const rows = await db.select().from(users).where(eq(users.id, id)).limit(1);
      return rows[0] ?? null;
    },
    async findWithUnit(id: string) {
      const rows = await db
        .select(listColumns)
        .from(users)
        .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
        .where(eq(users.id, id))
        .limit(1);
      return rows[0] ?? null;
    },
    async list(filter: {
      provinceId: string | null;
      unitPathPrefix: string | null;
      q?: string;
      unitId?: string;
      role?: string;
      active?: boolean;
      sort: keyof typeof sortColumns;
      order: "asc" | "desc";
      page: number;
      pageSize: number;
    }) {
      const where: SQL[] = [];
      if (filter.provinceId) where.push(eq(orgUnits.provinceId, filter.provinceId));
      if (filter.unitPathPrefix) where.push(sql`${orgUnits.path} like ${`${filter.unitPathPrefix}%`}`);
      if (filter.q) where.push(ilike(users.searchText, `%${filter.q}%`));
      if (filter.unitId) where.push(eq(users.unitId, filter.unitId));
      if (filter.role) where.push(sql`${filter.role} = any(${users.roles})`);
      if (filter.active !== undefined) where.push(eq(users.active, filter.active));
      const cond = where.length ? and(...where) : undefined;
      const sortBy = sortColumns[filter.sort];
      const [rows, [{ total }]] = await Promise.all([
        db
          .select(listColumns)
          .from(users)
          .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
          .where(cond)
          .orderBy(filter.order === "asc" ? asc(sortBy) : desc(sortBy), asc(users.id))
          .limit(filter.pageSize)
          .offset((filter.page - 1) * filter.pageSize),
        db
          .select({ total: count() })
          .from(users)
          .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
          .where(cond),
      ]);
      return { rows, total: Number(total) };
    },
    async insert(values: NewUserRow) {
      const [row] = await db.insert(users).values(values).returning();
      return row;
    },
    async update({ id, values }: { id: string; values: Partial<NewUserRow> }) {
      const [row] = await db
        .update(users)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(users.id, id))
        .returning();
      return row ?? null;
    },
    /**
     * Reserves one login attempt before the password is verified, in one statement, so parallel
     * attempts cannot all read the same count: every verification in flight holds a place, and once
     * `maxFailures` places are taken nothing more is verified until the lock ends (an expired lock
     * starts a new window). Null: refused, the account is locked or its places are all in flight.
     */
    async reserveLoginAttempt({ id, maxFailures, now }: { id: string; maxFailures: number; now: Date }) {
      const at = sql`${now.toISOString()}::timestamptz`;
      const [row] = await db
        .update(users)
        .set({
          failedLogins: sql`case when ${users.lockedUntil} <= ${at} then 1 else ${users.failedLogins} + 1 end`,
          lockedUntil: sql`case when ${users.lockedUntil} <= ${at} then null else ${users.lockedUntil} end`,
        })
        .where(
          and(
            eq(users.id, id),
            or(
              and(isNull(users.lockedUntil), lt(users.failedLogins, maxFailures)),
              lte(users.lockedUntil, at),
            ),
          ),
        )
        .returning({ failedLogins: users.failedLogins });
      return row ?? null;
    },
    /** A wrong password keeps its place; the failure that fills the last place starts the lock. */
    async lockIfExhausted({ id, maxFailures, until }: { id: string; maxFailures: number; until: Date }) {
      const rows = await db
        .update(users)
        .set({ lockedUntil: until })
        .where(and(eq(users.id, id), isNull(users.lockedUntil), gte(users.failedLogins, maxFailures)))
        .returning({ id: users.id });
      return rows.length > 0;
    },
    /** The right password: every place is released. */
    async recordLogin({ id, now }: { id: string; now: Date }) {
      await db
        .update(users)
        .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now })
        .where(eq(users.id, id));
    },
    async countAdmins() {
      const [{ n }] = await db
        .select({ n: count() })
        .from(users)
        .where(and(sql`'admin' = any(${users.roles})`, eq(users.active, true)));
      return Number(n);
    },
  };
}

export type UserListRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof createUsersRepository>["findWithUnit"]>>
>;
