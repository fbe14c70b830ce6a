import { and, count, desc, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import type { AuditAction, AuditEntity } from "../../../../core/src/words/audit";
import type { AuditActor } from "../../app/actor";
import type { DbOrTx } from "../../app/db";
import { auditLog } from "./audit.table";

/** What is recorded: the entity and action are typed so that every one has a name (core/src/words/audit.ts). */
export interface AuditRecord {
  entity: AuditEntity;
  entityId: string | null;
  action: AuditAction;
  before?: unknown;
  after?: unknown;
}

/** Strips secrets before they reach the log. */
function redact(value: unknown): unknown {
  if (!value || typeof value !== "object") return value ?? null;
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const key of Object.keys(copy)) {
    if (/password|hash|token|secret/i.test(key)) copy[key] = "[ẩn]";
    // The database derives the sort key from the name; in the record it would only be noise.
    else if (key === "sortKey") delete copy[key];
    else if (copy[key] instanceof Date) copy[key] = (copy[key] as Date).toISOString();
  }
  return copy;
}

/** Writes one audit record; call it with the transaction that makes the change. */
export async function writeAudit({
  tx,
  actor,
  record,
}: {
  tx: DbOrTx;
  actor: AuditActor;
  record: AuditRecord;
}) {
  await tx.insert(auditLog).values({
    actorUserId: actor.userId,
    actorName: actor.displayName,
    entity: record.entity,
    entityId: record.entityId,
    action: record.action,
    before: redact(record.before) as never,
    after: redact(record.after) as never,
    ip: actor.ip,
  });
}

const jsonbOrNull = (value: unknown) => (value == null ? sql`null` : sql`${JSON.stringify(value)}::jsonb`);

/**
 * The audit record as an `insert … select … from source`, one row per row of `source`: a write done
 * as one statement (a data-modifying CTE) records itself in that statement, only if it changed a row.
 */
export function auditInsertFrom(source: SQL, actor: AuditActor, record: AuditRecord): SQL {
  return sql`insert into audit_log (actor_user_id, actor_name, entity, entity_id, action, before, after, ip)
    select ${actor.userId}::uuid, ${actor.displayName}, ${record.entity}, ${record.entityId}, ${record.action},
      ${jsonbOrNull(redact(record.before))}, ${jsonbOrNull(redact(record.after))}, ${actor.ip ?? null}
    from ${source}`;
}

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  actorUserId?: string;
  from?: string;
  to?: string;
}

function auditWhere(filter: AuditFilter) {
  const where: SQL[] = [];
  if (filter.entity) where.push(eq(auditLog.entity, filter.entity));
  if (filter.entityId) where.push(eq(auditLog.entityId, filter.entityId));
  if (filter.actorUserId) where.push(eq(auditLog.actorUserId, filter.actorUserId));
  if (filter.from) where.push(gte(auditLog.at, new Date(`${filter.from}T00:00:00`)));
  if (filter.to)
    where.push(lt(auditLog.at, new Date(new Date(`${filter.to}T00:00:00`).getTime() + 86_400_000)));
  return where.length ? and(...where) : undefined;
}

export function createAuditRepository(db: DbOrTx) {
  return {
    async list(filter: AuditFilter & { page: number; pageSize: number }) {
      const cond = auditWhere(filter);
      const [rows, [{ total }]] = await Promise.all([
        db
          .select()
          .from(auditLog)
          .where(cond)
          .orderBy(desc(auditLog.at), desc(auditLog.id))
          .limit(filter.pageSize)
          .offset((filter.page - 1) * filter.pageSize),
        db.select({ total: count() }).from(auditLog).where(cond),
      ]);
      return { rows, total: Number(total) };
    },
    /** Every record matching, newest first (the Excel export: the whole list, not a page). */
    async listAll(filter: AuditFilter) {
      return db
        .select()
        .from(auditLog)
        .where(auditWhere(filter))
        .orderBy(desc(auditLog.at), desc(auditLog.id));
    },
  };
}
