/** Export (XLSX, DOCX) and import (XLSX with mapping and preview) of a plan's task table. */
import type { z } from "zod";
import type { taskImportQuery } from "../../../../core/src/api/plans.schemas";
import type { Actor } from "../../app/actor";
import type { Db, DbOrTx } from "../../app/db";
import { badRequest, forbidden, notFound } from "../../app/errors";
import { writeAudit } from "../audit/audit.repository";
import { planDocx, previewToRows, readTaskTable, taskTableXlsx } from "./plans.documents";
import { canExportPlan, canUpdatePlan } from "./plans.policy";
import { createPlansRepository } from "./plans.repository";
import { getVisiblePlan } from "./plans.service";
import { createTasksRepository } from "./tasks/tasks.repository";
import { applyTaskRows, getTaskGrid } from "./tasks/tasks.service";

const fileSlug = (number: string, id: string) => (number ? number.replace(/[^\w-]+/g, "-") : id.slice(0, 8));

/** The task table as XLSX; `actor` null for the command line (no scope). */
export async function exportTasksXlsx({ db, actor, id }: { db: DbOrTx; actor: Actor | null; id: string }) {
  const plan = actor ? await getVisiblePlan({ db, actor, id }) : await createPlansRepository(db).findById(id);
  if (!plan) throw notFound("plan.notFound", "Không tìm thấy kế hoạch.");
  if (actor && !canExportPlan(actor, plan)) throw forbidden();
  const grid = await getTaskGrid({ db, plan });
  return {
    fileName: `nhiem-vu-${fileSlug(plan.number, plan.id)}.xlsx`,
    data: await taskTableXlsx({ plan, grid }),
  };
}

/** The plan as DOCX in the Decree 30/2020 layout. */
export async function exportPlanDocx({ db, actor, id }: { db: DbOrTx; actor: Actor | null; id: string }) {
  const plan = actor ? await getVisiblePlan({ db, actor, id }) : await createPlansRepository(db).findById(id);
  if (!plan) throw notFound("plan.notFound", "Không tìm thấy kế hoạch.");
  if (actor && !canExportPlan(actor, plan)) throw forbidden();
  const grid = await getTaskGrid({ db, plan });
  return {
    fileName: `ke-hoach-${fileSlug(plan.number, plan.id)}.docx`,
    data: await planDocx({ plan, grid }),
  };
}

/** Reads an XLSX task table into a preview; with commit, writes it into the draft plan. */
export async function importTaskTable({
  db,
  actor,
  id,
  file,
  query,
}: {
  db: Db;
  actor: Actor;
  id: string;
  file: { data: Uint8Array };
  query: z.infer<typeof taskImportQuery>;
}) {
  const plan = await getVisiblePlan({ db, actor, id });
  if (!canUpdatePlan(actor, plan))
    throw plan.status === "draft"
      ? forbidden()
      : badRequest("plan.notDraft", "Chỉ nhập bảng nhiệm vụ vào kế hoạch dự thảo.");
  const preview = await readTaskTable({ db, plan, data: file.data, options: query });
  if ("fatal" in preview) throw badRequest("plan.import.file", preview.fatal as string);
  const blocking = preview.problems.filter((p) => /bắt buộc/.test(p.message));
  if (query.commit !== "true" || blocking.length) return { ...preview, committed: false };
  await db.transaction(async (tx) => {
    const existing =
      query.mode === "replace" ? (await createTasksRepository(tx).listTasks(plan.id)).map((t) => t.id) : [];
    await applyTaskRows({
      tx,
      plan,
      rows: previewToRows(preview.rows),
      deleteIds: existing,
      softDelete: false,
    });
    await writeAudit({
      tx,
      actor,
      record: {
        entity: "plan",
        entityId: plan.id,
        action: "tasks.import",
        after: { rows: preview.rows.length, mode: query.mode },
      },
    });
  });
  return { ...preview, committed: true, created: preview.rows.length };
}
