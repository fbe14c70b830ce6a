/**
 * Whom a request asks and about what: the units chosen (one by one or as a group) and the plan's
 * tasks chosen, checked; and the warning before a second request like an existing one.
 */
import type { z } from "zod";
import type { obligationCreateBody } from "../../../../../core/src/api/reporting.schemas";
import { questionId, type ReportQuestion } from "../../../../../core/src/reporting/questions";
import { formatDateVi } from "../../../../../core/src/text/dates";
import { foldVietnamese } from "../../../../../core/src/text/vietnamese";
import type { Actor } from "../../../app/actor";
import type { Db, DbOrTx } from "../../../app/db";
import { AppError, badRequest } from "../../../app/errors";
import { expandGroup } from "../../org-units/org-groups.service";
import { canReadUnit } from "../../org-units/org-units.policy";
import { createOrgUnitsRepository } from "../../org-units/org-units.repository";
import { createObligationsRepository } from "./obligations.repository";

type ObligationInput = z.infer<typeof obligationCreateBody>;

/**
 * The units asked: those chosen and the members of the chosen group, all of the plan's province;
 * null when none is chosen (every unit assigned to the plan or its chosen tasks, as before).
 */
export async function resolveRequestUnits({
  db,
  actor,
  input,
  provinceId,
}: {
  db: Db;
  actor: Actor;
  input: Pick<ObligationInput, "unitIds" | "groupId">;
  provinceId: string;
}): Promise<string[] | null> {
  const chosen = [...new Set(input.unitIds)];
  const units = await createOrgUnitsRepository(db).findByIds(chosen);
  if (units.length !== chosen.length || units.some((u) => !canReadUnit(actor, u)))
    throw badRequest("reporting.unitNotFound", "Có đơn vị được chọn không tồn tại.");
  const members = input.groupId
    ? await expandGroup({ db, actor, id: input.groupId }).catch(() => {
        throw badRequest("reporting.groupNotFound", "Không tìm thấy nhóm đơn vị được chọn.");
      })
    : [];
  if (input.groupId && members.length === 0)
    throw badRequest("reporting.groupEmpty", "Nhóm đơn vị được chọn hiện không có đơn vị nào.");
  const all = [...units, ...members];
  const foreign = all.find((u) => u.provinceId !== provinceId);
  if (foreign)
    throw badRequest(
      "reporting.unitProvince",
      `Đơn vị “${foreign.name}” không thuộc tỉnh, thành phố của kế hoạch.`,
    );
  return all.length ? [...new Set(all.map((u) => u.id))] : null;
}

/** The plan's tasks asked about, checked to be tasks of the plan; null when none is chosen. */
export async function resolveRequestTasks({
  db,
  planId,
  taskIds,
}: {
  db: DbOrTx;
  planId: string;
  taskIds: string[];
}): Promise<string[] | null> {
  const chosen = [...new Set(taskIds)];
  if (!chosen.length) return null;
  const found = await createObligationsRepository(db).planTasks({ planId, taskIds: chosen });
  if (found.length !== chosen.length)
    throw badRequest(
      "reporting.taskNotFound",
      `${chosen.length - found.length} nhiệm vụ được chọn không thuộc kế hoạch này.`,
    );
  return chosen;
}

/** The questions as written, each given its id in order. */
export const numberQuestions = (questions: ObligationInput["questions"]): ReportQuestion[] =>
  questions.map((q, i) => ({
    id: questionId(i),
    text: q.text,
    type: q.type,
    required: q.required,
    choices: q.type === "choice" ? q.choices : [],
  }));

/**
 * Refuses, with a warning the caller may override (`confirmDuplicate`), a request with the title
 * (letters and spacing aside) and the period or deadline of one the plan already has.
 */
export async function refuseDuplicate({
  db,
  planId,
  input,
}: {
  db: DbOrTx;
  planId: string;
  input: ObligationInput;
}) {
  if (input.confirmDuplicate) return;
  const adHoc = input.frequency === "adHoc";
  const candidates = await createObligationsRepository(db).sameSchedule({
    planId,
    frequency: input.frequency,
    dueRule: adHoc ? null : (input.dueRule ?? null),
    adHocStart: adHoc ? input.adHocStart : null,
    adHocDue: adHoc ? input.adHocDue : null,
  });
  const title = foldVietnamese(input.title);
  const same = candidates.find((c) => foldVietnamese(c.title) === title);
  if (!same) return;
  const when = adHoc ? `hạn ${formatDateVi(input.adHocDue)}` : "cùng tần suất và hạn báo cáo";
  throw new AppError(
    409,
    "reporting.duplicate",
    `Kế hoạch đã có yêu cầu báo cáo “${same.title}” (${when}), tạo ngày ${formatDateVi(same.createdAt)}. Nếu vẫn muốn tạo thêm, hãy xác nhận.`,
    { existingId: same.id },
  );
}
