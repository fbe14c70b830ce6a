/**
 * The acts on an item (assign, transfer, report, return, accept, close, reopen), each all or nothing
 * in one transaction: the item locked, seen (else 404), the act allowed by core's
 * `followUpTransition` for what the actor is to the item, the version the actor saw still current,
 * the act's own input checked, then the item, an event, the notices and an audit record written.
 */
import type { z } from "zod";
import type { itemTransitionBody } from "../../../../../core/src/api/follow-up-items.schemas";
import {
  deadlineProblem,
  FOLLOW_UP_STATE_LABELS_VI,
  type FollowUpAction,
  type FollowUpKind,
  type FollowUpState,
  followUpTransition,
} from "../../../../../core/src/follow-up/items";
import type { Actor } from "../../../app/actor";
import { provinceToday } from "../../../app/clock";
import type { Db, DbOrTx } from "../../../app/db";
import { badRequest, conflict, forbidden, notFound } from "../../../app/errors";
import { writeAudit } from "../../audit/audit.repository";
import { canReadUnit } from "../../org-units/org-units.policy";
import { createOrgUnitsRepository } from "../../org-units/org-units.repository";
import { itemRelations } from "../follow-up.policy";
import { itemLike, loadVisibleItem } from "./items.access";
import { itemNotices } from "./items.notices";
import { createItemsRepository, type ItemView } from "./items.repository";
import { getItem } from "./items.service";

type Input = z.infer<typeof itemTransitionBody>;

const REFUSALS = {
  forbidden: (m: string) => forbidden("followUp.forbidden", m),
  invalidState: (m: string) => conflict("followUp.invalidState", m),
  reasonRequired: (m: string) => badRequest("followUp.reasonRequired", m),
};

export const staleItem = () =>
  conflict("followUp.conflict", "Mục này vừa được người khác thay đổi. Hãy tải lại để xem bản mới nhất.");

/** Which acts take which extra input: anything else sent is refused, naming it. */
const TAKES: Record<"unitId" | "dueDate" | "answer", { actions: FollowUpAction[]; refusal: string }> = {
  unitId: {
    actions: ["assign", "transfer", "reopen"],
    refusal: "Chỉ chọn đơn vị khi giao, chuyển hoặc mở lại việc.",
  },
  dueDate: { actions: ["assign", "reopen"], refusal: "Hạn xử lý chỉ đặt khi giao việc hoặc mở lại việc." },
  answer: { actions: ["report"], refusal: "Kết quả xử lý chỉ gửi kèm khi báo cáo." },
};

const ANSWER_REQUIRED: Record<FollowUpKind, string> = {
  remediation: "Cần nêu kết quả khắc phục đã thực hiện.",
  recommendation: "Cần nêu nội dung trả lời kiến nghị.",
};

/** The unit that becomes responsible: one the actor may see, of the item's province, still active. */
async function responsibleUnit(tx: DbOrTx, actor: Actor, item: ItemView, unitId: string, today: string) {
  const unit = await createOrgUnitsRepository(tx).findById(unitId);
  if (!unit || !canReadUnit(actor, unit)) throw notFound("orgUnit.notFound", "Không tìm thấy đơn vị.");
  if (unit.provinceId !== item.provinceId)
    throw badRequest("followUp.unitOtherProvince", "Đơn vị xử lý phải thuộc cùng tỉnh với việc cần xử lý.");
  if (unit.validTo && unit.validTo <= today)
    throw badRequest("followUp.unitInactive", `${unit.name} đã ngừng hoạt động, không thể giao việc.`);
  if (unit.id === item.unitId)
    throw badRequest("followUp.sameUnit", `Việc này đang do ${unit.name} xử lý; hãy chọn đơn vị khác.`);
  return unit;
}

/** What the act changes on the item, after checking the input it takes. */
async function changeOf(tx: DbOrTx, actor: Actor, item: ItemView, input: Input, today: string) {
  const action = input.action;
  for (const [field, rule] of Object.entries(TAKES) as Array<[keyof typeof TAKES, (typeof TAKES)["unitId"]]>)
    if (input[field] !== undefined && !rule.actions.includes(action))
      throw badRequest("followUp.inputNotTaken", rule.refusal);
  const needsUnit = action === "assign" || action === "transfer" || (action === "reopen" && !item.unitId);
  if (needsUnit && !input.unitId)
    throw badRequest(
      "followUp.unitRequired",
      action === "reopen"
        ? "Việc này chưa giao đơn vị: cần chọn đơn vị xử lý khi mở lại."
        : "Cần chọn đơn vị chịu trách nhiệm xử lý.",
    );
  const unit = input.unitId ? await responsibleUnit(tx, actor, item, input.unitId, today) : null;
  const dueDate = input.dueDate !== undefined ? input.dueDate : item.dueDate;
  if (action === "assign" && !dueDate)
    throw badRequest("followUp.dueRequired", "Cần đặt hạn xử lý khi giao việc.");
  const problem = input.dueDate !== undefined ? deadlineProblem(dueDate, item.aroseOn) : null;
  if (problem) throw badRequest("followUp.deadline", problem);
  const answer = input.answer?.trim() ?? "";
  if (action === "report" && !answer)
    throw badRequest("followUp.answerRequired", ANSWER_REQUIRED[item.kind as FollowUpKind]);
  const reason = input.reason?.trim() ?? "";
  const moved = unit ? { unitId: unit.id, unitPath: unit.path } : {};
  const due = input.dueDate !== undefined ? { dueDate: input.dueDate } : {};
  const set = {
    assign: { ...moved, ...due },
    transfer: { ...moved, reason },
    report: { answer, reportedOn: today },
    return: { reason },
    // The completion day of the status rule: the day the report accepted was given.
    accept: { doneOn: item.reportedOn ?? today },
    close: { reason },
    reopen: { ...moved, ...due, doneOn: null, reason },
  }[action];
  return { set, unit, note: action === "report" ? answer : reason };
}

/** Takes an act on an item; answers the item's page as it is after. */
export async function transitionItem({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: string;
  input: Input;
}) {
  await db.transaction(async (tx) => {
    const item = await loadVisibleItem({ db: tx, actor, id, lock: true });
    const state = item.state as FollowUpState;
    const result = followUpTransition({
      state,
      action: input.action,
      relations: itemRelations(actor, itemLike(item)),
      reason: input.reason ?? null,
    });
    if (!result.ok) throw REFUSALS[result.code](result.message);
    if (item.version !== input.version) throw staleItem();
    const today = provinceToday();
    const { set, unit, note } = await changeOf(tx, actor, item, input, today);
    const repo = createItemsRepository(tx);
    const updated = await repo.updateItem({ id, version: item.version, set: { ...set, state: result.next } });
    if (!updated) throw staleItem();
    await repo.insertEvent({
      itemId: id,
      action: input.action,
      fromState: state,
      toState: result.next,
      fromUnitId: item.unitId,
      toUnitId: unit?.id ?? item.unitId,
      note,
      byUserId: actor.userId,
      byUnitId: actor.unitId,
    });
    const dueDate = "dueDate" in set ? (set.dueDate ?? null) : item.dueDate;
    const notices = itemNotices({
      item: {
        id,
        kind: item.kind as FollowUpKind,
        content: item.content,
        followerUnitId: item.followerUnitId,
        followerUnitName: item.followerUnitName,
        unitId: unit?.id ?? item.unitId,
        unitName: unit?.name ?? item.unitName,
        dueDate,
      },
      action: input.action,
      reason: note && input.action !== "report" ? note : null,
    });
    await repo.insertNotices(notices);
    const kind = item.kind as FollowUpKind;
    await writeAudit({
      tx,
      actor,
      record: {
        entity: "followUpItem",
        entityId: id,
        action: `followUp.${input.action}` as const,
        // States in words: the audit panel shows values as they are written here.
        before: {
          state: FOLLOW_UP_STATE_LABELS_VI[kind][state],
          responsibleUnit: item.unitName,
          dueDate: item.dueDate,
        },
        after: {
          state: FOLLOW_UP_STATE_LABELS_VI[kind][result.next],
          responsibleUnit: unit?.name ?? item.unitName,
          dueDate,
          ...(note ? { [input.action === "report" ? "answer" : "reason"]: note } : {}),
          // In words, as the audit panel shows them: the notices' titles.
          notified: notices.map((n) => n.title),
        },
      },
    });
  });
  return getItem({ db, actor, id, justActed: true });
}
