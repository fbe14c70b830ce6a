import { type AnyColumn, type SQL, sql } from "drizzle-orm";

/**
 * A name's place in Vietnamese order: its `sort_key` column (migration 0014) compared byte by byte.
 * `COLLATE "C"` is spelled out so the order never depends on the database's own collation (PGlite's
 * is C, a PostgreSQL server's may be any locale): the same on both, and the same as
 * `compareVietnamese` in core. Add the row's id after it, so equal names keep one order across pages.
 */
export const vietnameseOrder = (sortKey: AnyColumn | SQL): SQL => sql`${sortKey} collate "C"`;
