/** SQL of the review: comments and the in-app notices of a state change or a comment. */
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
    /** An in-app notice for a unit, in the transaction of the act it tells of. */
    async insertNotification(values: typeof notifications.$inferInsert) {
      await db.insert(notifications).values(values);
    },
  };
}
