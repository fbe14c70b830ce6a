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
    /** Which of these ids are tasks (not sections) of the plan, not removed. */
    async planTasks(p: { planId: string; taskIds: string[] }) {
      const result = await db.execute(sql`select id from plan_tasks where plan_id = ${p.planId}
        and kind = 'task' and removed_at is null and id = any(${sql.param(p.taskIds)}::uuid[])`);
      return rowsOf<{ id: string }>(result).map((r) => r.id);
    },
    /** The plan's requests on the same schedule (ad hoc: the same days; periodic: the same rule). */
    async sameSchedule(p: {
      planId: string;
      frequency: string;
      dueRule: unknown;
      adHocStart: string | null;
      adHocDue: string | null;
    }) {
      const rule = p.dueRule === null ? sql`true` : sql`due_rule = ${JSON.stringify(p.dueRule)}::jsonb`;
      const result =
        await db.execute(sql`select id, title, created_at as "createdAt" from reporting_obligations
        where plan_id = ${p.planId} and frequency = ${p.frequency} and ${rule}
          and ad_hoc_start is not distinct from ${p.adHocStart}::date
          and ad_hoc_due is not distinct from ${p.adHocDue}::date
        order by created_at`);
      return rowsOf<{ id: string; title: string; createdAt: Date | string }>(result);
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
