/** SQL of an initiative's evidence in `follow_up_files` (the initiative owns the row). */
import { sql } from "drizzle-orm";
import { type DbOrTx, rowsOf } from "../../../app/db";
import { followUpFiles } from "../follow-up.table";

export function createInitiativeFilesRepository(db: DbOrTx) {
  return {
    async list(initiativeId: string) {
      return db
        .select()
        .from(followUpFiles)
        .where(sql`${followUpFiles.initiativeId} = ${initiativeId}`)
        .orderBy(followUpFiles.createdAt, followUpFiles.id);
    },
    async find(id: string) {
      const [row] = await db.select().from(followUpFiles).where(sql`${followUpFiles.id} = ${id}`);
      return row ?? null;
    },
    async insert(values: Omit<typeof followUpFiles.$inferInsert, "itemId" | "inspectionId" | "dialogueId">) {
      const [row] = await db.insert(followUpFiles).values(values).returning();
      return row;
    },
    async remove(id: string) {
      await db.delete(followUpFiles).where(sql`${followUpFiles.id} = ${id}`);
    },
    /** The stored keys of an initiative's files, to remove them from the disk once it is deleted. */
    async storageKeys(initiativeId: string) {
      const result = await db.execute(sql`select storage_key as key from follow_up_files
        where initiative_id = ${initiativeId} and storage_key is not null`);
      return rowsOf<{ key: string }>(result).map((r) => r.key);
    },
  };
}
