/** SQL of the review: comments, the in-app notices of a state change or a comment, and who they are for. */
import { sql } from "drizzle-orm";
import { type DbOrTx, rowsOf } from "../../../app/db";
import { notifications, reportComments } from "../reporting.table";

export function createReviewRepository(db: DbOrTx) {
  return {
    async taskInReport(p: { taskId: string; reportId: string }) {
      const result = await db.execute(
        sql`select 1 from report_entries where report_id = ${p.reportId} and task_id = ${p.taskId} limit 1`,
      );
      return rowsOf(result).length > 0;
    },
    async insertComment(values: typeof reportComments.$inferInsert) {
      const [row] = await db.insert(reportComments).values(values).returning();
      return row;
    },
    /** In-app notices (each mailed later), in the transaction of the act they tell of. */
    async insertNotifications(values: Array<typeof notifications.$inferInsert>) {
      if (values.length) await db.insert(notifications).values(values);
    },
    /** The unit's active heads who can sign in: who approves a report before it leaves the unit. */
    async unitHeads(unitId: string) {
      const result = await db.execute(sql`select id from users
        where unit_id = ${unitId} and active and 'head' = any(roles) order by id`);
      return rowsOf<{ id: string }>(result).map((r) => r.id);
    },
    /** Who last sent the report on (submit or resubmit): the officer who asked the head to approve. */
    async lastSubmitter(reportId: string) {
      const result = await db.execute(sql`select actor_user_id as id from audit_log
        where entity = 'report' and entity_id = ${reportId} and action in ('submit', 'resubmit')
        order by at desc limit 1`);
      return rowsOf<{ id: string | null }>(result)[0]?.id ?? null;
    },
  };
}
