/**
 * SQL of the assignments (one row per task and unit): inserted in bulk at issue, ended and linked to
 * their replacements, never deleted. Progress is written through `progress.ts` only.
 */
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../app/db";
import { orgGroups, orgUnits } from "../../org-units/org-units.table";
import { type AssignmentRow, insertChunked, type NewAssignmentRow } from "../plans.repository";
import { taskAssignments } from "../plans.table";

export function createAssignmentsRepository(db: DbOrTx) {
  return {
    // ——— assignments ———
    /**
     * Many assignments in a few statements: one array parameter per column, expanded by unnest; plan,
     * province and unit path are joined in, not sent, so 75,000 rows (300 tasks × 250 units) stay light.
     */
    async insertAssignments(
      rows: Array<
        Pick<
          NewAssignmentRow,
          | "taskId"
          | "unitId"
          | "role"
          | "viaGroupId"
          | "dueDate"
          | "progress"
          | "completedAt"
          | "note"
          | "previousId"
        >
      >,
    ) {
      const fresh = rows.every((r) => !r.progress && !r.completedAt && !r.note && !r.previousId);
      await insertChunked(rows, 25_000, (chunk) => {
        const col = <T>(pick: (r: (typeof chunk)[number]) => T) => sql.param(chunk.map(pick));
        // New assignments (issuing) carry five columns; moved ones also their progress and history.
        const values = fresh
          ? sql`select v.task_id, t.plan_id, t.province_id, v.unit_id, u.path, v.role, v.via_group_id, v.due_date, 0, null::date, '', null::uuid
              from unnest(${col((r) => r.taskId)}::uuid[], ${col((r) => r.unitId)}::uuid[], ${col((r) => r.role)}::text[],
                ${col((r) => r.viaGroupId ?? null)}::uuid[], ${col((r) => r.dueDate ?? null)}::date[])
                as v(task_id, unit_id, role, via_group_id, due_date)`
          : sql`select v.task_id, t.plan_id, t.province_id, v.unit_id, u.path, v.role, v.via_group_id, v.due_date, v.progress, v.completed_at, v.note, v.previous_id
              from unnest(
                ${col((r) => r.taskId)}::uuid[], ${col((r) => r.unitId)}::uuid[], ${col((r) => r.role)}::text[],
                ${col((r) => r.viaGroupId ?? null)}::uuid[], ${col((r) => r.dueDate ?? null)}::date[],
                ${col((r) => r.progress ?? 0)}::int[], ${col((r) => r.completedAt ?? null)}::date[],
                ${col((r) => r.note ?? "")}::text[], ${col((r) => r.previousId ?? null)}::uuid[]
              ) as v(task_id, unit_id, role, via_group_id, due_date, progress, completed_at, note, previous_id)`;
        return db.execute(sql`insert into task_assignments
          (task_id, plan_id, province_id, unit_id, unit_path, role, via_group_id, due_date, progress, completed_at, note, previous_id)
          ${values}
          join plan_tasks t on t.id = v.task_id
          join org_units u on u.id = v.unit_id`);
      });
    },
    /** Points ended rows at the rows that replaced them (those naming them as previous). */
    async linkReplacements(previousIds: string[]) {
      await insertChunked(previousIds, 25_000, (chunk) =>
        db.execute(sql`update task_assignments old set replaced_by_id = new.id
          from task_assignments new
          where new.previous_id = old.id and old.id = any(${sql.param(chunk)}::uuid[]) and new.task_id = old.task_id`),
      );
    },
    async activeAssignmentsOf(taskIds: string[]) {
      if (!taskIds.length) return [];
      const out: AssignmentRow[] = [];
      for (let i = 0; i < taskIds.length; i += 5000)
        out.push(
          ...(await db
            .select()
            .from(taskAssignments)
            .where(
              and(
                inArray(taskAssignments.taskId, taskIds.slice(i, i + 5000)),
                isNull(taskAssignments.endedAt),
              ),
            )),
        );
      return out;
    },
    async assignmentsOfTask(taskId: string) {
      return db
        .select({ a: taskAssignments, unitName: orgUnits.name, groupName: orgGroups.name })
        .from(taskAssignments)
        .innerJoin(orgUnits, eq(orgUnits.id, taskAssignments.unitId))
        .leftJoin(orgGroups, eq(orgGroups.id, taskAssignments.viaGroupId))
        .where(eq(taskAssignments.taskId, taskId))
        .orderBy(asc(taskAssignments.createdAt));
    },
    async findAssignment(id: string) {
      const rows = await db.select().from(taskAssignments).where(eq(taskAssignments.id, id)).limit(1);
      return rows[0] ?? null;
    },
    /** A unit's open assignments, found through the unit-path index (equality on the unit's own path). */
    async activeAssignmentsOfUnit(unit: { id: string; path: string }) {
      return db
        .select()
        .from(taskAssignments)
        .where(
          and(
            eq(taskAssignments.unitPath, unit.path),
            eq(taskAssignments.unitId, unit.id),
            isNull(taskAssignments.endedAt),
          ),
        );
    },
    async endAssignments(ids: string[], reason: string) {
      for (let i = 0; i < ids.length; i += 5000)
        await db
          .update(taskAssignments)
          .set({ endedAt: new Date(), endedReason: reason, updatedAt: new Date() })
          .where(inArray(taskAssignments.id, ids.slice(i, i + 5000)));
    },
    async updateAssignment(id: string, values: Partial<NewAssignmentRow>) {
      const [row] = await db
        .update(taskAssignments)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(taskAssignments.id, id))
        .returning();
      return row;
    },
    async setDueDates(taskId: string, dueDate: string | null) {
      await db
        .update(taskAssignments)
        .set({ dueDate })
        .where(and(eq(taskAssignments.taskId, taskId), isNull(taskAssignments.endedAt)));
    },
    /** Active assignments of a unit on tasks of a plan owned by `ownerUnitId` implementing `taskId`. */
    async assignmentOf(taskId: string, unitId: string) {
      const rows = await db
        .select()
        .from(taskAssignments)
        .where(
          and(
            eq(taskAssignments.taskId, taskId),
            eq(taskAssignments.unitId, unitId),
            isNull(taskAssignments.endedAt),
          ),
        )
        .limit(1);
      return rows[0] ?? null;
    },
  };
}
