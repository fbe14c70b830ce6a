/** SQL of an item's evidence: files (stored as reporting's evidence is) and links, and a unit's usage. */
import { and, eq, sql } from "drizzle-orm";
import { type DbOrTx, rowsOf } from "../../../app/db";
import { followUpFiles } from "../follow-up.table";

export interface FileView {
  id: string;
  kind: string;
  fileName: string;
  contentType: string;
  size: number | string;
  storageKey: string | null;
  url: string | null;
  title: string;
  unitName: string | null;
  createdBy: string | null;
  createdByName: string | null;
  createdAt: Date | string;
}

const FILE_COLUMNS = sql`x.id, x.kind, x.file_name as "fileName", x.content_type as "contentType", x.size,
  x.storage_key as "storageKey", x.url, x.title, u.name as "unitName", x.created_by as "createdBy",
  us.display_name as "createdByName", x.created_at as "createdAt"`;
const FILE_JOINS = sql`left join org_units u on u.id = x.unit_id left join users us on us.id = x.created_by`;

export function createItemFilesRepository(db: DbOrTx) {
  return {
    async files(itemId: string) {
      const result = await db.execute(sql`select ${FILE_COLUMNS} from follow_up_files x ${FILE_JOINS}
        where x.item_id = ${itemId} order by x.created_at, x.id`);
      return rowsOf<FileView>(result);
    },
    /** One file of the item, or null (a file of another item is not this item's). */
    async findFile(itemId: string, fileId: string) {
      const result = await db.execute(sql`select ${FILE_COLUMNS} from follow_up_files x ${FILE_JOINS}
        where x.id = ${fileId} and x.item_id = ${itemId}`);
      return rowsOf<FileView>(result)[0] ?? null;
    },
    async insertFile(values: typeof followUpFiles.$inferInsert) {
      const [row] = await db.insert(followUpFiles).values(values).returning({ id: followUpFiles.id });
      return row.id;
    },
    async deleteFile(itemId: string, fileId: string) {
      const rows = await db
        .delete(followUpFiles)
        .where(and(eq(followUpFiles.id, fileId), eq(followUpFiles.itemId, itemId)))
        .returning({ id: followUpFiles.id });
      return rows.length > 0;
    },
  };
}
