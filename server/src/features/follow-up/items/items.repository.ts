/**
 * The follow-up items' writes and reads. Inspections (a finding's remediation) and dialogues (a
 * recommendation) create items only through `insertItems`, so every item starts the same way.
 */
import { foldForMatch } from "../../../../../core/src/text/vietnamese";
import type { DbOrTx } from "../../../app/db";
import { followUpEvents, followUpItems } from "../follow-up.table";

export type NewItem = Omit<typeof followUpItems.$inferInsert, "id" | "searchText" | "version">;

/** What a list searches: the content, the required result, who raised it and the field. */
export const itemSearchText = (i: Pick<NewItem, "content" | "requiredResult" | "raiserName" | "field">) =>
  foldForMatch([i.content, i.requiredResult ?? "", i.raiserName ?? "", i.field ?? ""].join(" "));

export function createItemsRepository(db: DbOrTx) {
  return {
    /** Inserts items with their first event ("create"); answers their ids in the given order. */
    async insertItems(rows: NewItem[], by: { userId: string | null; unitId: string | null }) {
      if (!rows.length) return [] as string[];
      const ids: string[] = [];
      // In slices: a dialogue's hundreds of recommendations stay well under the parameter limit.
      for (let i = 0; i < rows.length; i += 500) {
        const slice = rows.slice(i, i + 500);
        const inserted = await db
          .insert(followUpItems)
          .values(slice.map((r) => ({ ...r, searchText: itemSearchText(r) })))
          .returning({ id: followUpItems.id, state: followUpItems.state, unitId: followUpItems.unitId });
        await db.insert(followUpEvents).values(
          inserted.map((r) => ({
            itemId: r.id,
            action: "create",
            toState: r.state,
            toUnitId: r.unitId,
            byUserId: by.userId,
            byUnitId: by.unitId,
          })),
        );
        ids.push(...inserted.map((r) => r.id));
      }
      return ids;
    },
  };
}
