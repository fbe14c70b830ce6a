/**
 * The recommendations raised at a dialogue: checked (the responsible unit in the dialogue's province,
 * the component in the index catalogue, the deadline not before the dialogue), written in one
 * transaction through the items' one way in (`createItems`), listed for the dialogue's page, and
 * made public once their answer is accepted.
 */
import type { z } from "zod";
import type {
  publishedQuery,
  recommendationInput,
  recommendationListQuery,
} from "../../../../../core/src/api/follow-up-dialogues.schemas";
import { type DialogueKind, type RaiserKind, raiserShown } from "../../../../../core/src/follow-up/dialogues";
import { deadlineProblem, type FollowUpState, followUpStatus } from "../../../../../core/src/follow-up/items";
import { formatDateVi } from "../../../../../core/src/text/dates";
import { type Actor, hasRole } from "../../../app/actor";
import type { Db, DbOrTx } from "../../../app/db";
import { badRequest, conflict, forbidden, notFound } from "../../../app/errors";
import { writeAudit } from "../../audit/audit.repository";
import { createOrgUnitsRepository } from "../../org-units/org-units.repository";
import { today } from "../../org-units/org-units.service";
import { createItems, type ItemDraft } from "../items/items.create";
import { canPublish } from "./dialogues.policy";
import {
  createDialoguesRepository,
  type DialogueScope,
  type DialogueWithHost,
  type RecommendationDbRow,
} from "./dialogues.repository";
import { getManagedDialogue, getVisibleDialogue, isHeld } from "./dialogues.service";

export type RecommendationInput = z.infer<typeof recommendationInput>;

/** One problem of what was sent, by its position (from 0), worded for a person. */
export interface RecommendationProblem {
  index: number;
  field: "content" | "unit" | "component" | "dueDate";
  message: string;
}

/**
 * Checks recommendations against the dialogue without writing: each unit found, of the dialogue's
 * province and active; each component of a published index version the province may use; each
 * deadline not before the dialogue. Answers the problems (every one, by position) and the units.
 */
export async function checkRecommendations(
  db: DbOrTx,
  dialogue: DialogueWithHost,
  inputs: Array<
    Pick<RecommendationInput, "content" | "unitId" | "dueDate"> & {
      component?: RecommendationInput["component"];
    }
  >,
) {
  const problems: RecommendationProblem[] = [];
  const unitIds = [...new Set(inputs.map((r) => r.unitId).filter((x): x is string => !!x))];
  const units = new Map((await createOrgUnitsRepository(db).findByIds(unitIds)).map((u) => [u.id, u]));
  const refs = inputs.flatMap((r) => (r.component ? [r.component] : []));
  const components = await createDialoguesRepository(db).components(refs);
  const componentOf = (c: { versionCode: string; componentCode: string }) =>
    components.find((x) => x.versionCode === c.versionCode && x.componentCode === c.componentCode);
  const day = today();
  inputs.forEach((r, index) => {
    if (!r.content.trim())
      problems.push({ index, field: "content", message: "Nội dung kiến nghị không được để trống." });
    if (r.unitId) {
      const unit = units.get(r.unitId);
      // A unit of another province is never named: to the sender it does not exist.
      if (!unit || unit.provinceId !== dialogue.provinceId)
        problems.push({
          index,
          field: "unit",
          message: "Không tìm thấy đơn vị xử lý trong danh mục của tỉnh.",
        });
      else if (unit.validTo && unit.validTo < day)
        problems.push({ index, field: "unit", message: `Đơn vị "${unit.name}" không còn hoạt động.` });
    }
    if (r.component) {
      const c = componentOf(r.component);
      const usable =
        c && c.status === "published" && (c.ownerUnitId === null || c.ownerUnitId === dialogue.provinceId);
      if (!usable)
        problems.push({
          index,
          field: "component",
          message: `Không có chỉ số thành phần “${r.component.componentCode}” trong phiên bản chỉ số “${r.component.versionCode}”.`,
        });
    }
    const late = deadlineProblem(r.dueDate, dialogue.heldOn);
    if (late)
      problems.push({
        index,
        field: "dueDate",
        message: late.replace("ngày phát sinh", "ngày tổ chức đối thoại"),
      });
  });
  return { problems, units };
}

/** The held dialogue the actor may add recommendations to. */
export async function dialogueForRecommendations({
  db,
  actor,
  id,
}: {
  db: DbOrTx;
  actor: Actor;
  id: string;
}) {
  const dialogue = await getManagedDialogue({ db, actor, id });
  if (!isHeld(dialogue))
    throw badRequest(
      "dialogue.notHeld",
      `Hội nghị đối thoại chưa diễn ra (ngày ${formatDateVi(dialogue.heldOn)}): chưa thể ghi kiến nghị.`,
    );
  return dialogue;
}

/**
 * Writes checked recommendations as follow-up items in the caller's transaction: kind recommendation,
 * followed by the host unit, arisen the day of the dialogue; without a responsible unit an item is
 * "received", to be assigned later on the items' page.
 */
export async function writeRecommendations({
  tx,
  actor,
  dialogue,
  inputs,
  units,
}: {
  tx: DbOrTx;
  actor: Actor;
  dialogue: DialogueWithHost;
  inputs: RecommendationInput[];
  units: Map<string, { id: string; path: string }>;
}) {
  const drafts: ItemDraft[] = inputs.map((r) => {
    const unit = r.unitId ? units.get(r.unitId) : null;
    return {
      kind: "recommendation",
      provinceId: dialogue.provinceId,
      dialogueId: dialogue.id,
      follower: { id: dialogue.hostUnitId, path: dialogue.hostUnitPath },
      unit: unit ? { id: unit.id, path: unit.path } : null,
      aroseOn: dialogue.heldOn,
      content: r.content,
      raiserKind: r.raiserKind,
      raiserName: r.raiserName,
      anonymous: r.anonymous,
      field: r.field,
      versionCode: r.component?.versionCode ?? null,
      componentCode: r.component?.componentCode ?? null,
      dueDate: r.dueDate,
    };
  });
  const ids = await createItems({ tx, actor, drafts });
  // Written in one statement, they share their creation time: their place keeps the order entered.
  await createDialoguesRepository(tx).numberRecommendations(dialogue.id, ids);
  return ids;
}

/** Recommendations entered in bulk: all written in one transaction, or none with every problem named. */
export async function addRecommendations({
  db,
  actor,
  id,
  inputs,
}: {
  db: Db;
  actor: Actor;
  id: string;
  inputs: RecommendationInput[];
}) {
  return db.transaction(async (tx) => {
    await createDialoguesRepository(tx).lock(id);
    const dialogue = await dialogueForRecommendations({ db: tx, actor, id });
    const { problems, units } = await checkRecommendations(tx, dialogue, inputs);
    if (problems.length) {
      const worded = problems.map((p) => ({ ...p, message: `Kiến nghị ${p.index + 1}: ${p.message}` }));
      throw badRequest(
        "dialogue.recommendationInvalid",
        worded.length > 1
          ? `${worded[0].message} (và ${worded.length - 1} lỗi khác; chưa ghi kiến nghị nào)`
          : `${worded[0].message} Chưa ghi kiến nghị nào.`,
        { problems: worded },
      );
    }
    return writeRecommendations({ tx, actor, dialogue, inputs, units });
  });
}

const canUnpublish = (actor: Actor, r: RecommendationDbRow) => r.published && canPublish(actor, r);

function presentRecommendation(actor: Actor, r: RecommendationDbRow, day: string) {
  const state = r.state as FollowUpState;
  const raiserKind = (r.raiserKind as RaiserKind | null) ?? null;
  return {
    id: r.id,
    content: r.content,
    raiserKind,
    raiserName: r.raiserName,
    anonymous: r.anonymous,
    raiserShown: raiserShown({ kind: raiserKind ?? "other", name: r.raiserName, anonymous: r.anonymous }),
    field: r.field,
    component:
      r.versionCode && r.componentCode
        ? {
            versionCode: r.versionCode,
            componentCode: r.componentCode,
            name: r.componentName ?? r.componentCode,
          }
        : null,
    unit: r.unitId ? { id: r.unitId, name: r.unitName ?? "" } : null,
    dueDate: r.dueDate,
    state,
    status: followUpStatus({ state, dueDate: r.dueDate, doneOn: r.doneOn, today: day }),
    reportedOn: r.reportedOn,
    answer: r.answer,
    published: r.published && state === "accepted",
    can: {
      publish: state === "accepted" && !r.published && canPublish(actor, r),
      unpublish: canUnpublish(actor, r),
    },
  };
}

export async function listRecommendations({
  db,
  actor,
  id,
  query,
}: {
  db: Db;
  actor: Actor;
  id: string;
  query: z.infer<typeof recommendationListQuery>;
}) {
  await getVisibleDialogue({ db, actor, id });
  const { rows, total } = await createDialoguesRepository(db).recommendationsPage(id, {
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  const day = today();
  return {
    recommendations: rows.map((r) => presentRecommendation(actor, r, day)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Makes an accepted answer public, or withdraws it: audited as followUp.publish / followUp.unpublish. */
export async function setPublication({
  db,
  actor,
  id,
  itemId,
  published,
}: {
  db: Db;
  actor: Actor;
  id: string;
  itemId: string;
  published: boolean;
}) {
  return db.transaction(async (tx) => {
    await getVisibleDialogue({ db: tx, actor, id });
    const repo = createDialoguesRepository(tx);
    const item = await repo.findRecommendation(id, itemId);
    if (!item) throw notFound("followUp.itemNotFound", "Không tìm thấy kiến nghị.");
    if (!canPublish(actor, item))
      throw forbidden(
        "followUp.publishForbidden",
        "Chỉ đơn vị chủ trì đối thoại hoặc điều phối viên của tỉnh được công khai kết quả trả lời.",
      );
    if (published && item.state !== "accepted")
      throw badRequest(
        "followUp.notAccepted",
        "Chỉ công khai được kiến nghị đã có trả lời được duyệt (đã chấp nhận).",
      );
    if (item.published === published) return { id: itemId, published };
    const row = await repo.setPublished(itemId, published);
    // The answer was reopened between the read and the write.
    if (!row) throw conflict("followUp.notAccepted", "Kiến nghị vừa thay đổi trạng thái; hãy tải lại trang.");
    await writeAudit({
      tx,
      actor,
      record: {
        entity: "followUpItem",
        entityId: itemId,
        action: published ? "followUp.publish" : "followUp.unpublish",
        before: { published: item.published },
        after: { published },
      },
    });
    return row;
  });
}

/** Whose published recommendations an actor reads: they are public, so the whole province's. */
function publishedScope(actor: Actor): DialogueScope {
  if (hasRole(actor, "admin")) return { kind: "all" };
  return actor.provinceId ? { kind: "province", provinceId: actor.provinceId } : { kind: "none" };
}

/** The province's published recommendations, for the public page: nothing internal in them. */
export async function listPublished({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: z.infer<typeof publishedQuery>;
}) {
  const { rows, total } = await createDialoguesRepository(db).publishedPage({
    scope: publishedScope(actor),
    year: query.year,
    hostUnitId: query.hostUnitId,
    q: query.q,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return {
    recommendations: rows.map((r) => ({
      id: r.id,
      dialogue: {
        id: r.dialogueId,
        heldOn: r.heldOn,
        kind: r.dialogueKind as DialogueKind,
        title: r.dialogueTitle,
        hostUnitName: r.hostUnitName,
      },
      content: r.content,
      raiserShown: raiserShown({
        kind: (r.raiserKind as RaiserKind | null) ?? "other",
        name: r.raiserName,
        anonymous: r.anonymous,
      }),
      field: r.field,
      unitName: r.unitName,
      answer: r.answer,
      answeredOn: r.answeredOn,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
