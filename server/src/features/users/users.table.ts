import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { orgUnits } from "../org-units/org-units.table";

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Stored lower-case; login is case-insensitive. */
    username: text("username").notNull(),
    displayName: text("display_name").notNull(),
    /** Vietnamese order of the display name under COLLATE "C" (migration 0014). */
    sortKey: text("sort_key").notNull().generatedAlwaysAs(sql`vietnamese_sort_key(display_name)`),
    email: text("email"),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => orgUnits.id),
    roles: text("roles").array().notNull().default(sql`'{}'::text[]`),
    /** For a coordinator: the subtree it monitors; null means its whole province. */
    scopeUnitId: uuid("scope_unit_id").references(() => orgUnits.id),
    passwordHash: text("password_hash").notNull(),
    active: boolean("active").notNull().default(true),
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    failedLogins: integer("failed_logins").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    searchText: text("search_text").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("users_username_idx").on(t.username), index("users_unit_idx").on(t.unitId)],
);

/** Server-side sessions; the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    userAgent: text("user_agent"),
    ip: text("ip"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);
