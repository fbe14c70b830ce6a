/** SQL of the reporting obligations: what a plan asks its units to report, and to whom. */
import { asc, eq, sql } from "drizzle-orm";
import { numberInPlan } from "../../../../../core/src/plans/numbering";
import { type DbOrTx, rowsOf } from "../../../app/db";
import { orgUnits } from "../../org-units/org-units.table";
import { reportingObligations } from "../reporting.table";
import { sectionNumberOf } from "../reports/report.sql";

export type ObligationRow = typeof reportingObligations.$inferSelect;

export function createObligationsRepository(db: DbOrTx) {
  return {
    async insertObligation(values: typeof reportingObligations.$inferInsert) {
      const [row] = await db.insert(reportingObligations).values(values).returning();
      return row;
    },
    async findObligation(id: string) {
      const rows = await db
        .select()
        .from(reportingObligations)
        .where(eq(reportingObligations.id, id))
        .limit(1);
      return rows[0] ?? null;
    },
    async listObligations(planId: string) {
      return db
        .select({ o: reportingObligations, receivingUnitName: orgUnits.name })
        .from(reportingObligations)
        .innerJoin(orgUnits, eq(orgUnits.id, reportingObligations.receivingUnitId))
        .where(eq(reportingObligations.planId, planId))
        .orderBy(asc(reportingObligations.createdAt));
    },
    async unitName(id: string) {
      const rows = await db
        .select({ name: orgUnits.name })
        .from(orgUnits)
        .where(eq(orgUnits.id, id))
        .limit(1);
      return rows[0]?.name ?? null;
    },
    /** A task (not a section) of the plan, with what the drill-down shows of it. */
    /** A task of the plan, numbered with its section ("II.3", core's numberInPlan). */
    async planTask(p: { taskId: string; planId: string }) {
      const result =
        await db.execute(sql`select t.id, t.number, ${sectionNumberOf(sql`t`)} as "sectionNumber",
          t.content from plan_tasks t
        where t.id = ${p.taskId} and t.plan_id = ${p.planId} and t.kind = 'task'`);
      const row = rowsOf<{ id: string; number: string; sectionNumber: string; content: string }>(result)[0];
      return row
        ? { id: row.id, number: numberInPlan(row.sectionNumber, row.number), content: row.content }
        : null;
    },
  };
}
