/**
 * What a unit is told, in the app (and by e-mail where its people take it one by one), of an item's
 * acts: the responsible unit of a new assignment, a transfer to it, a return, an acceptance and a
 * reopening; the follower of a report. Pure: the act's transaction writes what this returns, and its
 * audit record lists the titles.
 */
import type { FollowUpAction, FollowUpKind } from "../../../../../core/src/follow-up/items";
import { formatDateVi } from "../../../../../core/src/text/dates";
import type { NewNotice } from "./items.repository";

export const excerpt = (text: string, max = 120) => {
  const one = text.replace(/\s+/g, " ").trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
};

const WORK: Record<FollowUpKind, { item: string; result: string }> = {
  remediation: { item: "Khắc phục sau kiểm tra", result: "kết quả khắc phục" },
  recommendation: { item: "Kiến nghị", result: "nội dung trả lời kiến nghị" },
};

export interface NoticeFacts {
  id: string;
  kind: FollowUpKind;
  content: string;
  followerUnitId: string;
  followerUnitName: string;
  /** The responsible unit after the act. */
  unitId: string | null;
  unitName: string | null;
  dueDate: string | null;
}

const dueWords = (due: string | null) => (due ? `Hạn xử lý: ${formatDateVi(due)}.` : "Chưa đặt hạn xử lý.");

export function itemNotices({
  item,
  action,
  reason,
}: {
  item: NoticeFacts;
  action: FollowUpAction;
  reason: string | null;
}): NewNotice[] {
  const base = { followUpItemId: item.id, mailState: "pending" as const };
  const what = `${WORK[item.kind].item}: ${excerpt(item.content)}`;
  const why = reason ? ` Lý do: ${excerpt(reason, 300)}` : "";
  const toUnit = (kind: string, title: string, body: string): NewNotice[] =>
    item.unitId ? [{ ...base, unitId: item.unitId, kind, title, body }] : [];
  switch (action) {
    case "assign":
      return toUnit(
        "followUp.assigned",
        `Được giao xử lý: ${excerpt(item.content)}`,
        `${WORK[item.kind].item}, đơn vị theo dõi: ${item.followerUnitName}. ${dueWords(item.dueDate)}${why}`,
      );
    case "transfer":
      return toUnit(
        "followUp.transferred",
        `Được chuyển đến để xử lý: ${excerpt(item.content)}`,
        `${WORK[item.kind].item}, đơn vị theo dõi: ${item.followerUnitName}. ${dueWords(item.dueDate)}${why}`,
      );
    case "return":
      return toUnit(
        "followUp.returned",
        `Kết quả xử lý bị trả lại: ${excerpt(item.content)}`,
        `${what}.${why}`,
      );
    case "accept":
      return toUnit(
        "followUp.accepted",
        `Kết quả xử lý đã được chấp nhận: ${excerpt(item.content)}`,
        `Đơn vị theo dõi ${item.followerUnitName} đã chấp nhận ${WORK[item.kind].result}.`,
      );
    case "reopen":
      return toUnit(
        "followUp.reopened",
        `Việc được mở lại để xử lý: ${excerpt(item.content)}`,
        `${dueWords(item.dueDate)}${why}`,
      );
    case "report":
      return [
        {
          ...base,
          unitId: item.followerUnitId,
          kind: "followUp.reported",
          title: `${item.unitName ?? "Đơn vị"} đã báo cáo ${WORK[item.kind].result}`,
          body: `${what}. Hãy xem và chấp nhận hoặc trả lại kèm lý do.`,
        },
      ];
    default:
      return [];
  }
}

/**
 * New items assigned at once (an inspection's findings, a dialogue's recommendations): one notice
 * per responsible unit, however many items it got, naming the item when there is one.
 */
export function newItemNotices(
  items: Array<{
    id: string;
    unitId: string | null;
    content: string;
    dueDate: string | null;
    kind: FollowUpKind;
  }>,
  followerNames: Map<string, string>,
  followerOf: (index: number) => string,
): NewNotice[] {
  const byUnit = new Map<string, number[]>();
  items.forEach((it, n) => {
    if (it.unitId) byUnit.set(it.unitId, [...(byUnit.get(it.unitId) ?? []), n]);
  });
  return [...byUnit].map(([unitId, ns]) => {
    const first = items[ns[0]];
    const follower = followerNames.get(followerOf(ns[0])) ?? "";
    const dues = ns.map((n) => items[n].dueDate).filter((d): d is string => Boolean(d));
    const soonest = dues.length ? dues.reduce((a, b) => (a < b ? a : b)) : null;
    const single = ns.length === 1;
    return {
      unitId,
      kind: "followUp.created",
      followUpItemId: single ? first.id : null,
      mailState: "pending",
      title: single
        ? `Được giao xử lý: ${excerpt(first.content)}`
        : `Được giao ${ns.length} việc cần xử lý (${WORK[first.kind].item.toLowerCase()})`,
      body: `Đơn vị theo dõi: ${follower}. ${
        single ? dueWords(soonest) : soonest ? `Hạn xử lý sớm nhất: ${formatDateVi(soonest)}.` : ""
      }`.trim(),
    };
  });
}
