/**
 * A finding's remediation item carries the finding's words and component (so the item's lists,
 * search and the unit's work list read them). When the inspecting unit corrects the finding, the item
 * follows in the same transaction: only those fields, never its state, unit or deadline (those move
 * through the item's own transitions).
 */
import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../app/db";
import { conflict } from "../../../app/errors";
import { followUpItems } from "../follow-up.table";

type ItemWords = { content: string; requiredResult: string; raiserName: string; field: string };

export async function updateItemFromFinding(
  tx: DbOrTx,
  itemId: string,
  next: {
    content: string;
    versionCode: string | null;
    componentCode: string | null;
    searchText: (item: ItemWords) => string;
  },
) {
  // Locked first: an acceptance committed meanwhile is seen, and the correction refused.
  const [item] = await tx.select().from(followUpItems).where(eq(followUpItems.id, itemId)).for("update");
  if (!item) return null;
  if (item.state === "accepted")
    throw conflict(
      "inspectionFinding.accepted",
      "Kết quả khắc phục tồn tại này vừa được chấp nhận; không sửa được nội dung tồn tại nữa.",
    );
  const [after] = await tx
    .update(followUpItems)
    .set({
      content: next.content,
      versionCode: next.versionCode,
      componentCode: next.componentCode,
      searchText: next.searchText({ ...item, content: next.content }),
      version: sql`${followUpItems.version} + 1`,
      updatedAt: new Date(),
    })
    .where(eq(followUpItems.id, itemId))
    .returning();
  return {
    before: { content: item.content, componentCode: item.componentCode },
    after: { content: after.content, componentCode: after.componentCode },
  };
}
