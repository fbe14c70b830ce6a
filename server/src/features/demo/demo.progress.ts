/**
 * The units' statements of progress on their assignments, replayed through the one write path of
 * progress (`plans/assignments/progress.ts`) as they would have been made at the end of each month:
 * the assignment, the unit's open report entries and the roll-up to the task (and up a cascade) move
 * together. (Stating it through each report entry's autosave instead cost a write per entry per
 * month: twice the first start's time for the same figures.)
 */
import { sql } from "drizzle-orm";
import type { IsoDate } from "../../../../core/src/deadlines/deadline.types";
import { type Db, rowsOf } from "../../app/db";
import { writeAudit } from "../audit/audit.repository";
import { checkStatement, writeProgress } from "../plans/assignments/progress";
import { finalStatement, type Statement, statementBy } from "./demo.fates";

export interface DemoAssignment {
  id: string;
  unitId: string;
  unitName: string;
  taskId: string;
  taskNumber: string;
  due: IsoDate | null;
  recurring: boolean;
  /** What the unit has stated so far. */
  stated: Statement;
  /** What it will have stated by today. */
  final: Statement;
}

/** The open assignments of a plan with the final statement the demo gives each. */
export async function demoAssignments(
  db: Db,
  planId: string,
  { issued, today }: { issued: IsoDate; today: IsoDate },
): Promise<DemoAssignment[]> {
  const result = await db.execute(sql`select a.id, a.unit_id as "unitId", u.name as "unitName",
      a.task_id as "taskId", t.number as "taskNumber", a.due_date::text as due,
      (t.deadline->>'kind' = 'recurring') as recurring, a.progress, a.completed_at::text as "completedAt"
    from task_assignments a join plan_tasks t on t.id = a.task_id join org_units u on u.id = a.unit_id
    where a.plan_id = ${planId} and a.ended_at is null order by t.sort_order, u.name`);
  return rowsOf<Omit<DemoAssignment, "stated" | "final"> & { progress: number; completedAt: IsoDate | null }>(
    result,
  ).map(({ progress, completedAt, ...a }) => ({
    ...a,
    stated: { progress, completedAt },
    final: finalStatement({
      key: `${a.taskNumber}|${a.unitName}`,
      due: a.due,
      recurring: a.recurring,
      issued,
      today,
    }),
  }));
}

/**
 * Each unit states, as of `day`, what it had done by then, on its assignment: the write path also
 * writes the statement into the unit's open report entries (drafts, returned reports) and rolls up.
 * Recurring work starts each month's entry afresh, so it is stated again whenever it is open in a
 * report (`restateRecurring`): the entries take the figure, the assignment is unchanged (no roll-up).
 */
export async function stateProgressBy({
  db,
  assignments,
  day,
  issued,
  today,
  restateRecurring = false,
}: {
  db: Db;
  assignments: DemoAssignment[];
  day: IsoDate;
  issued: IsoDate;
  today: IsoDate;
  restateRecurring?: boolean;
}) {
  await db.transaction(async (tx) => {
    let written = 0;
    for (const a of assignments) {
      const next = statementBy(a.final, day, issued, today);
      const same = next.progress === a.stated.progress && next.completedAt === a.stated.completedAt;
      if (same && !(restateRecurring && a.recurring && next.progress > 0)) continue;
      const statement = checkStatement({
        before: a.stated,
        progress: next.progress,
        completedAt: next.completedAt,
        today: day,
        planIssued: issued,
      });
      await writeProgress(tx, { assignmentId: a.id, statement, recurring: a.recurring, openEntries: true });
      a.stated = statement;
      written++;
    }
    await writeAudit({
      tx,
      actor: { userId: null, displayName: "Dữ liệu mẫu", ip: null },
      record: { entity: "demo", entityId: null, action: "progress", after: { day, statements: written } },
    });
  });
}
