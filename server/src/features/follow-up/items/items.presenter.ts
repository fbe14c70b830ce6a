/** An item as the API carries it: its class by dates from core's one rule, its source, names not ids. */
import type { z } from "zod";
import type { itemEvent, itemFile, itemRow } from "../../../../../core/src/api/follow-up-items.schemas";
import { raiserShown } from "../../../../../core/src/follow-up/dialogues";
import {
  type FollowUpKind,
  type FollowUpState,
  followUpStatus,
} from "../../../../../core/src/follow-up/items";
import { iso } from "../../reporting/reports/report.presenter";
import type { FileView } from "./items.files.repository";
import type { EventView, ItemRowView, ItemView } from "./items.repository";

export function presentItemRow(r: ItemRowView, today: string): z.infer<typeof itemRow> {
  const state = r.state as FollowUpState;
  return {
    id: r.id,
    kind: r.kind as FollowUpKind,
    state,
    status: followUpStatus({ state, dueDate: r.dueDate, doneOn: r.doneOn, today }),
    content: r.content,
    unitId: r.unitId,
    unitName: r.unitName,
    followerUnitId: r.followerUnitId,
    followerUnitName: r.followerUnitName,
    aroseOn: r.aroseOn,
    dueDate: r.dueDate,
    reportedOn: r.reportedOn,
    doneOn: r.doneOn,
    source: r.dialogueId
      ? {
          kind: "dialogue",
          id: r.dialogueId,
          findingId: null,
          label: r.dialogueTitle ?? "",
          date: r.dialogueDate,
        }
      : {
          kind: "inspection",
          id: r.inspectionId ?? "",
          findingId: r.findingId,
          label: r.inspectedUnitName ?? "",
          date: r.inspectionDate,
        },
    fileCount: Number(r.fileCount),
    commentCount: Number(r.commentCount),
    version: Number(r.version),
  };
}

/** Who raised a recommendation as the page shows it: the name never leaves the server when anonymous. */
export const presentRaiser = (r: Pick<ItemView, "raiserKind" | "raiserName" | "anonymous">) =>
  r.raiserKind
    ? raiserShown({ kind: r.raiserKind as never, name: r.raiserName, anonymous: r.anonymous })
    : null;

export const presentEvent = (e: EventView): z.infer<typeof itemEvent> => ({
  id: e.id,
  action: e.action,
  fromState: e.fromState as FollowUpState | null,
  toState: e.toState as FollowUpState | null,
  fromUnitName: e.fromUnitName,
  toUnitName: e.toUnitName,
  note: e.note,
  byName: e.byName,
  byUnitName: e.byUnitName,
  at: iso(e.at) ?? "",
});

export const presentFile = (f: FileView, canDelete: boolean): z.infer<typeof itemFile> => ({
  id: f.id,
  kind: f.kind as "file" | "link",
  fileName: f.fileName,
  contentType: f.contentType,
  size: Number(f.size),
  url: f.url,
  title: f.title,
  unitName: f.unitName,
  createdByName: f.createdByName,
  createdAt: iso(f.createdAt) ?? "",
  canDelete,
});
