/** SQL of the evidence: files and links attached to a report or one of its entries, and a unit's usage. */
import { and, eq, sql } from "drizzle-orm";
import { type DbOrTx, rowsOf } from "../../../app/db";
import { reportEntries, reportEvidence } from "../reporting.table";

export function createEvidenceRepository(db: DbOrTx) {
  return {
    async insertEvidence(values: typeof reportEvidence.$inferInsert) {
      const [row] = await db.insert(reportEvidence).values(values).returning();
      return row;
    },
    async findEvidence(id: string) {
      const rows = await db.select().from(reportEvidence).where(eq(reportEvidence.id, id)).limit(1);
      return rows[0] ?? null;
    },
    /**
     * Bytes a unit's stored files take: reports' evidence and the follow-up registers' files (items,
     * minutes, initiatives) together. One quota per unit, whichever register a file proves something for.
     */
    async unitUsage(unitId: string) {
      const result = await db.execute(sql`select (
          coalesce((select sum(size) from report_evidence where unit_id = ${unitId}), 0)
          + coalesce((select sum(size) from follow_up_files where unit_id = ${unitId}), 0))::bigint::text as used`);
      return Number(rowsOf<{ used: string }>(result)[0]?.used ?? 0);
    },
    async entryBelongs(p: { entryId: string; reportId: string }) {
      const rows = await db
        .select({ id: reportEntries.id })
        .from(reportEntries)
        .where(and(eq(reportEntries.id, p.entryId), eq(reportEntries.reportId, p.reportId)))
        .limit(1);
      return rows.length > 0;
    },
  };
}
