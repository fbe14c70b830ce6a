/**
 * The follow-up items' writes and reads. Inspections (a finding's remediation) and dialogues (a
 * recommendation) create items only through `insertItems`, so every item starts the same way; an
 * item's acts go through `updateItem` (compare-and-set on its version) with an event each.
 */
import { and, eq, sql } from "drizzle-orm";
import { foldForMatch } from "../../../../../core/src/text/vietnamese";
import { type DbOrTx, rowsOf } from "../../../app/db";
import { notifications } from "../../reporting/reporting.table";
import { followUpEvents, followUpItems } from "../follow-up.table";

export type NewItem = Omit<typeof followUpItems.$inferInsert, "id" | "searchText" | "version">;

/**
 * What a list searches: the content, the required result, who raised it (unless anonymous: a search
 * by the name must not find what the page hides) and the field.
 */
export const itemSearchText = (
  i: Pick<NewItem, "content" | "requiredResult" | "raiserName" | "field" | "anonymous">,
) =>
  foldForMatch(
    [i.content, i.requiredResult ?? "", i.anonymous ? "" : (i.raiserName ?? ""), i.field ?? ""].join(" "),
  );

/**
 * An item row `i` as lists and the item's page present it: its units' names and where it comes from
 * (the inspection's unit and day, or the dialogue's title and day), with its files and comments counted.
 */
export const ITEM_COLUMNS = sql`i.id, i.kind, i.state, i.content, i.province_id as "provinceId",
  i.unit_id as "unitId", i.unit_path as "unitPath", u.name as "unitName",
  i.follower_unit_id as "followerUnitId", i.follower_unit_path as "followerUnitPath",
  fu.name as "followerUnitName", fu.kind as "followerUnitKind",
  i.arose_on::text as "aroseOn", i.due_date::text as "dueDate", i.reported_on::text as "reportedOn",
  i.done_on::text as "doneOn", i.version, i.finding_id as "findingId", f.inspection_id as "inspectionId",
  iu.name as "inspectedUnitName", coalesce(ins.held_on, ins.starts_on)::text as "inspectionDate",
  i.dialogue_id as "dialogueId", d.title as "dialogueTitle", d.held_on::text as "dialogueDate",
  (select count(*) from follow_up_files x where x.item_id = i.id)::int as "fileCount",
  (select count(*) from follow_up_events e where e.item_id = i.id and e.action = 'comment')::int as "commentCount"`;

export const ITEM_JOINS = sql`left join org_units u on u.id = i.unit_id
  join org_units fu on fu.id = i.follower_unit_id
  left join inspection_findings f on f.id = i.finding_id
  left join inspections ins on ins.id = f.inspection_id
  left join org_units iu on iu.id = ins.unit_id
  left join dialogues d on d.id = i.dialogue_id`;

export interface ItemRowView {
  id: string;
  kind: string;
  state: string;
  content: string;
  provinceId: string;
  unitId: string | null;
  unitPath: string | null;
  unitName: string | null;
  followerUnitId: string;
  followerUnitPath: string;
  followerUnitName: string;
  followerUnitKind: string;
  aroseOn: string;
  dueDate: string | null;
  reportedOn: string | null;
  doneOn: string | null;
  version: number;
  findingId: string | null;
  inspectionId: string | null;
  inspectedUnitName: string | null;
  inspectionDate: string | null;
  dialogueId: string | null;
  dialogueTitle: string | null;
  dialogueDate: string | null;
  fileCount: number;
  commentCount: number;
}

export interface ItemView extends ItemRowView {
  requiredResult: string;
  raiserKind: string | null;
  raiserName: string;
  anonymous: boolean;
  field: string;
  versionCode: string | null;
  componentCode: string | null;
  answer: string;
  reason: string;
  published: boolean;
}

export interface EventView {
  id: string;
  action: string;
  fromState: string | null;
  toState: string | null;
  fromUnitName: string | null;
  toUnitName: string | null;
  note: string;
  byName: string | null;
  byUnitName: string | null;
  at: Date | string;
}

export type NewNotice = typeof notifications.$inferInsert;

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

    /** Takes the item's row lock: two acts on one item queue here, the second sees the first. */
    async lockItem(id: string) {
      await db.execute(sql`select id from follow_up_items where id = ${id} for update`);
    },

    async findItem(id: string): Promise<ItemView | null> {
      const result = await db.execute(sql`select ${ITEM_COLUMNS}, i.required_result as "requiredResult",
          i.raiser_kind as "raiserKind", i.raiser_name as "raiserName", i.anonymous, i.field,
          i.version_code as "versionCode", i.component_code as "componentCode", i.answer, i.reason, i.published
        from follow_up_items i ${ITEM_JOINS} where i.id = ${id}`);
      return rowsOf<ItemView>(result)[0] ?? null;
    },

    /** Writes the act's changes only if the item is still at `version`; false when someone was first. */
    async updateItem({
      id,
      version,
      set,
    }: {
      id: string;
      version: number;
      set: Partial<
        Pick<
          typeof followUpItems.$inferInsert,
          "state" | "unitId" | "unitPath" | "dueDate" | "answer" | "reportedOn" | "doneOn" | "reason"
        >
      >;
    }) {
      const rows = await db
        .update(followUpItems)
        .set({ ...set, version: sql`${followUpItems.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(followUpItems.id, id), eq(followUpItems.version, version)))
        .returning({ id: followUpItems.id });
      return rows.length > 0;
    },

    async insertEvent(values: typeof followUpEvents.$inferInsert) {
      const [row] = await db.insert(followUpEvents).values(values).returning({ id: followUpEvents.id });
      return row.id;
    },

    /** The item's history, oldest first, with the names of units and people (never their ids). */
    async events(itemId: string) {
      const result = await db.execute(sql`select e.id, e.action, e.from_state as "fromState",
          e.to_state as "toState", fu.name as "fromUnitName", tu.name as "toUnitName", e.note,
          us.display_name as "byName", bu.name as "byUnitName", e.at
        from follow_up_events e
        left join org_units fu on fu.id = e.from_unit_id
        left join org_units tu on tu.id = e.to_unit_id
        left join users us on us.id = e.by_user_id
        left join org_units bu on bu.id = e.by_unit_id
        where e.item_id = ${itemId} order by e.at, e.id`);
      return rowsOf<EventView>(result);
    },

    /** In-app notices, mailed too where the unit's people take e-mail one by one (`runNoticeMail`). */
    async insertNotices(values: NewNotice[]) {
      if (values.length) await db.insert(notifications).values(values);
    },
  };
}
