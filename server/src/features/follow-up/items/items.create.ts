/**
 * Creating follow-up items, the one way in for inspections and dialogues: each item checked (a
 * deadline not before the day it arose, a remediation always has a responsible unit), written with
 * its first event and an audit record, in the caller's transaction; each responsible unit is told of
 * its new work in one notice per call.
 */
import {
  deadlineProblem,
  FOLLOW_UP_STATE_LABELS_VI,
  type FollowUpKind,
  type FollowUpState,
} from "../../../../../core/src/follow-up/items";
import type { Actor, AuditActor } from "../../../app/actor";
import type { DbOrTx } from "../../../app/db";
import { badRequest } from "../../../app/errors";
import { writeAudit } from "../../audit/audit.repository";
import { createOrgUnitsRepository } from "../../org-units/org-units.repository";
import { newItemNotices } from "./items.notices";
import { createItemsRepository, type NewItem } from "./items.repository";

export interface ItemDraft {
  kind: FollowUpKind;
  provinceId: string;
  findingId?: string | null;
  dialogueId?: string | null;
  follower: { id: string; path: string };
  /** The responsible unit; a recommendation may arrive without one ("received"). */
  unit: { id: string; path: string } | null;
  aroseOn: string;
  content: string;
  requiredResult?: string;
  raiserKind?: string | null;
  raiserName?: string;
  anonymous?: boolean;
  field?: string;
  versionCode?: string | null;
  componentCode?: string | null;
  dueDate: string | null;
}

/** A refusal naming the item (its position in what was sent, counting from 1) and what is wrong. */
const refuse = (index: number, total: number, message: string) =>
  badRequest("followUp.itemInvalid", total > 1 ? `Mục ${index + 1}: ${message}` : message);

export async function createItems({
  tx,
  actor,
  drafts,
}: {
  tx: DbOrTx;
  actor: (Actor | AuditActor) & { unitId?: string };
  drafts: ItemDraft[];
}) {
  const rows: NewItem[] = drafts.map((d, i) => {
    if (!d.content.trim()) throw refuse(i, drafts.length, "Nội dung không được để trống.");
    if (d.kind === "remediation" && !d.unit)
      throw refuse(i, drafts.length, "Cần chọn đơn vị chịu trách nhiệm khắc phục.");
    const problem = deadlineProblem(d.dueDate, d.aroseOn);
    if (problem) throw refuse(i, drafts.length, problem);
    return {
      kind: d.kind,
      provinceId: d.provinceId,
      findingId: d.findingId ?? null,
      dialogueId: d.dialogueId ?? null,
      followerUnitId: d.follower.id,
      followerUnitPath: d.follower.path,
      unitId: d.unit?.id ?? null,
      unitPath: d.unit?.path ?? null,
      aroseOn: d.aroseOn,
      content: d.content.trim(),
      requiredResult: d.requiredResult?.trim() ?? "",
      raiserKind: d.raiserKind ?? null,
      raiserName: d.raiserName?.trim() ?? "",
      anonymous: d.anonymous ?? false,
      field: d.field?.trim() ?? "",
      versionCode: d.versionCode ?? null,
      componentCode: d.componentCode ?? null,
      dueDate: d.dueDate,
      state: d.unit ? "open" : "received",
      createdBy: actor.userId,
    };
  });
  const repo = createItemsRepository(tx);
  const ids = await repo.insertItems(rows, {
    userId: actor.userId,
    unitId: "unitId" in actor ? (actor.unitId ?? null) : null,
  });
  // The responsible units hear of their new work: one notice per unit, however many items it got.
  const followers = await createOrgUnitsRepository(tx).findByIds([
    ...new Set(drafts.map((d) => d.follower.id)),
  ]);
  await repo.insertNotices(
    newItemNotices(
      ids.map((id, i) => ({
        id,
        unitId: rows[i].unitId ?? null,
        content: rows[i].content,
        dueDate: rows[i].dueDate ?? null,
        kind: rows[i].kind as FollowUpKind,
      })),
      new Map(followers.map((u) => [u.id, u.name])),
      (i) => drafts[i].follower.id,
    ),
  );
  for (const [i, id] of ids.entries())
    await writeAudit({
      tx,
      actor,
      record: {
        entity: "followUpItem",
        entityId: id,
        action: "create",
        // The state in words: the audit panel shows values as they are written here.
        after: {
          content: rows[i].content,
          dueDate: rows[i].dueDate,
          state: FOLLOW_UP_STATE_LABELS_VI[rows[i].kind as FollowUpKind][rows[i].state as FollowUpState],
        },
      },
    });
  return ids;
}
