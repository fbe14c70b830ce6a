/**
 * SQL of the dialogues: the events (list cut to the actor's scope, paged with the true total), their
 * minutes files, and the reads of their recommendations (the follow-up items whose `dialogue_id` is
 * the dialogue). Recommendations are written only through `items/items.create.ts`.
 */
import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import { type DbOrTx, rowsOf } from "../../../app/db";
import { escapeLike } from "../../org-units/org-units.repository";
import { orgUnits } from "../../org-units/org-units.table";
import { textMatch } from "../../plans/plans.repository";
import { dialogues, followUpFiles, followUpItems } from "../follow-up.table";

export type DialogueRow = typeof dialogues.$inferSelect;
export type DialogueWithHost = DialogueRow & { hostUnitKind: string; hostUnitName: string };

/** Whose dialogues an actor sees: every province's, one province's, or a unit's line (its own and below). */
export type DialogueScope =
  | { kind: "all" }
  | { kind: "province"; provinceId: string }
  | { kind: "subtree"; provinceId: string; unitPath: string }
  | { kind: "none" };

const scopeWhere = (scope: DialogueScope, provinceCol: SQL, pathCol: SQL): SQL => {
  if (scope.kind === "all") return sql`true`;
  if (scope.kind === "none") return sql`false`;
  if (scope.kind === "province") return sql`${provinceCol} = ${scope.provinceId}`;
  return sql`${provinceCol} = ${scope.provinceId} and ${pathCol} like ${`${escapeLike(scope.unitPath)}%`}`;
};

/** A calendar year as a range of days, so the index on (province, held_on) serves it. */
const yearWhere = (col: SQL, year: number) =>
  sql`${col} >= ${`${year}-01-01`}::date and ${col} < ${`${year + 1}-01-01`}::date`;

/** What a page of a dialogue's recommendations and its export read of each one. */
export interface RecommendationDbRow {
  id: string;
  provinceId: string;
  content: string;
  raiserKind: string | null;
  raiserName: string;
  anonymous: boolean;
  field: string;
  versionCode: string | null;
  componentCode: string | null;
  componentName: string | null;
  unitId: string | null;
  unitName: string | null;
  unitPath: string | null;
  followerUnitId: string;
  followerUnitPath: string;
  followerUnitKind: string;
  dueDate: string | null;
  state: string;
  reportedOn: string | null;
  doneOn: string | null;
  answer: string;
  published: boolean;
}

const RECOMMENDATION_COLUMNS = sql`i.id, i.province_id as "provinceId", i.content, i.raiser_kind as "raiserKind",
  i.raiser_name as "raiserName", i.anonymous, i.field, i.version_code as "versionCode",
  i.component_code as "componentCode", c.name_vi as "componentName", i.unit_id as "unitId",
  u.name as "unitName", i.unit_path as "unitPath", i.follower_unit_id as "followerUnitId",
  i.follower_unit_path as "followerUnitPath", f.kind as "followerUnitKind", i.due_date::text as "dueDate",
  i.state, i.reported_on::text as "reportedOn", i.done_on::text as "doneOn", i.answer, i.published`;
const RECOMMENDATION_FROM = sql`follow_up_items i
  join org_units f on f.id = i.follower_unit_id
  left join org_units u on u.id = i.unit_id
  left join index_components c on c.version_code = i.version_code and c.code = i.component_code`;

export function createDialoguesRepository(db: DbOrTx) {
  return {
    async find(id: string): Promise<DialogueWithHost | null> {
      const rows = await db
        .select({ d: dialogues, hostUnitKind: orgUnits.kind, hostUnitName: orgUnits.name })
        .from(dialogues)
        .innerJoin(orgUnits, eq(orgUnits.id, dialogues.hostUnitId))
        .where(eq(dialogues.id, id))
        .limit(1);
      const r = rows[0];
      return r ? { ...r.d, hostUnitKind: r.hostUnitKind, hostUnitName: r.hostUnitName } : null;
    },

    /** A page of the dialogues in scope, newest first, with the true total and their recommendations counted. */
    async list(f: {
      scope: DialogueScope;
      year?: number;
      kind?: string;
      hostUnitId?: string;
      q?: string;
      limit: number;
      offset: number;
    }) {
      const where: SQL[] = [scopeWhere(f.scope, sql`d.province_id`, sql`d.host_unit_path`)];
      if (f.year) where.push(yearWhere(sql`d.held_on`, f.year));
      if (f.kind) where.push(sql`d.kind = ${f.kind}`);
      if (f.hostUnitId) where.push(sql`d.host_unit_id = ${f.hostUnitId}`);
      if (f.q) where.push(textMatch(sql`d.search_text`, f.q));
      const result = await db.execute(sql`
        select d.id, d.held_on::text as "heldOn", d.kind, d.title, d.chair, d.sector,
          d.participant_count as "participantCount", d.host_unit_id as "hostUnitId", h.name as "hostUnitName",
          (select count(*)::int from follow_up_items i where i.dialogue_id = d.id) as "recommendationCount",
          (select count(*)::int from follow_up_items i where i.dialogue_id = d.id and i.state = 'accepted')
            as "acceptedCount",
          count(*) over ()::int as total
        from dialogues d join org_units h on h.id = d.host_unit_id
        where ${sql.join(where, sql` and `)}
        order by d.held_on desc, d.id
        limit ${f.limit} offset ${f.offset}`);
      const rows = rowsOf<{
        id: string;
        heldOn: string;
        kind: string;
        title: string;
        chair: string;
        sector: string;
        participantCount: number | null;
        hostUnitId: string;
        hostUnitName: string;
        recommendationCount: number;
        acceptedCount: number;
        total: number;
      }>(result);
      // A page past the end carries no count: ask for it alone.
      const total = rows.length
        ? Number(rows[0].total)
        : f.offset === 0
          ? 0
          : Number(
              rowsOf<{ n: number }>(
                await db.execute(sql`select count(*)::int as n from dialogues d
                  where ${sql.join(where, sql` and `)}`),
              )[0].n,
            );
      return { rows, total };
    },

    async insert(values: typeof dialogues.$inferInsert) {
      const [row] = await db.insert(dialogues).values(values).returning();
      return row;
    },

    /** Writes the changes only while the dialogue is at `version`; null when it moved meanwhile. */
    async update(id: string, version: number, values: Partial<typeof dialogues.$inferInsert>) {
      const [row] = await db
        .update(dialogues)
        .set({ ...values, version: sql`${dialogues.version} + 1`, updatedAt: new Date() })
        .where(and(eq(dialogues.id, id), eq(dialogues.version, version)))
        .returning();
      return row ?? null;
    },

    async delete(id: string) {
      await db.delete(dialogues).where(eq(dialogues.id, id));
    },

    /** Locks the dialogue's row for the rest of the transaction (recommendations added, the day moved). */
    async lock(id: string) {
      await db.execute(sql`select id from dialogues where id = ${id} for update`);
    },

    /** Whether any recommendation has been answered (reported on, even if returned or accepted since). */
    async hasAnswered(id: string) {
      const result = await db.execute(sql`select exists (select 1 from follow_up_items
        where dialogue_id = ${id} and (reported_on is not null or state in ('reported', 'returned', 'accepted')))
        as answered`);
      return rowsOf<{ answered: boolean }>(result)[0].answered;
    },

    /** The earliest deadline of the dialogue's recommendations (none may come before the dialogue). */
    async earliestDue(id: string) {
      const result = await db.execute(
        sql`select min(due_date)::text as due from follow_up_items where dialogue_id = ${id}`,
      );
      return rowsOf<{ due: string | null }>(result)[0].due;
    },

    /** Numbers newly written recommendations after the dialogue's others, in the order given. */
    async numberRecommendations(id: string, itemIds: string[]) {
      if (!itemIds.length) return;
      await db.execute(sql`update follow_up_items i set position = base.n + o.ord
        from unnest(${sql.param(itemIds)}::uuid[]) with ordinality as o(id, ord),
          (select coalesce(max(position), 0) as n from follow_up_items
            where dialogue_id = ${id} and id <> all(${sql.param(itemIds)}::uuid[])) base
        where i.id = o.id`);
    },

    /** The day the recommendations arose follows the dialogue's day. */
    async moveAroseOn(id: string, heldOn: string) {
      await db
        .update(followUpItems)
        .set({ aroseOn: heldOn, updatedAt: new Date() })
        .where(eq(followUpItems.dialogueId, id));
    },

    async countRecommendations(id: string) {
      const result = await db.execute(
        sql`select count(*)::int as n from follow_up_items where dialogue_id = ${id}`,
      );
      return Number(rowsOf<{ n: number }>(result)[0].n);
    },

    /** What the summary counts of each recommendation (a dialogue has at most a few hundred). */
    async countFacts(id: string) {
      const result =
        await db.execute(sql`select state, due_date::text as "dueDate", done_on::text as "doneOn",
        published from follow_up_items where dialogue_id = ${id}`);
      return rowsOf<{ state: string; dueDate: string | null; doneOn: string | null; published: boolean }>(
        result,
      );
    },

    /** A page of the dialogue's recommendations in the order they were entered, with the true total. */
    async recommendationsPage(id: string, p: { limit: number; offset: number }) {
      const [rows, count] = await Promise.all([
        db.execute(sql`select ${RECOMMENDATION_COLUMNS} from ${RECOMMENDATION_FROM}
          where i.dialogue_id = ${id} order by i.position nulls last, i.created_at, i.id limit ${p.limit} offset ${p.offset}`),
        db.execute(sql`select count(*)::int as n from follow_up_items where dialogue_id = ${id}`),
      ]);
      return {
        rows: rowsOf<RecommendationDbRow>(rows),
        total: Number(rowsOf<{ n: number }>(count)[0].n),
      };
    },

    /** Every recommendation of the dialogue (the export). */
    async allRecommendations(id: string) {
      const result = await db.execute(sql`select ${RECOMMENDATION_COLUMNS} from ${RECOMMENDATION_FROM}
        where i.dialogue_id = ${id} order by i.position nulls last, i.created_at, i.id`);
      return rowsOf<RecommendationDbRow>(result);
    },

    async findRecommendation(dialogueId: string, itemId: string) {
      const result = await db.execute(sql`select ${RECOMMENDATION_COLUMNS} from ${RECOMMENDATION_FROM}
        where i.id = ${itemId} and i.dialogue_id = ${dialogueId} and i.kind = 'recommendation'`);
      return rowsOf<RecommendationDbRow>(result)[0] ?? null;
    },

    /**
     * Sets the publication flag. Publishing holds only while the answer is accepted (checked in the
     * statement, so an answer reopened meanwhile is not published); withdrawing always holds.
     */
    async setPublished(itemId: string, published: boolean) {
      const rows = await db
        .update(followUpItems)
        .set({ published, updatedAt: new Date() })
        .where(
          published
            ? and(eq(followUpItems.id, itemId), eq(followUpItems.state, "accepted"))
            : eq(followUpItems.id, itemId),
        )
        .returning({ id: followUpItems.id, published: followUpItems.published });
      return rows[0] ?? null;
    },

    /**
     * Published recommendations in scope, the latest dialogue first. Only accepted answers count (an
     * answer reopened after publication drops out). The search reads the dialogue and, for a raiser
     * who did not ask to stay anonymous, the recommendation's own text: an anonymous raiser's name is
     * in the item's search text, and a search must not find it by that name.
     */
    async publishedPage(f: {
      scope: DialogueScope;
      year?: number;
      hostUnitId?: string;
      q?: string;
      limit: number;
      offset: number;
    }) {
      const where: SQL[] = [
        scopeWhere(f.scope, sql`i.province_id`, sql`i.follower_unit_path`),
        sql`i.published and i.state = 'accepted' and i.kind = 'recommendation'`,
      ];
      if (f.year) where.push(yearWhere(sql`d.held_on`, f.year));
      if (f.hostUnitId) where.push(sql`d.host_unit_id = ${f.hostUnitId}`);
      if (f.q)
        where.push(
          sql`(${textMatch(sql`d.search_text`, f.q)} or (not i.anonymous and ${textMatch(sql`i.search_text`, f.q)}))`,
        );
      const from = sql`follow_up_items i join dialogues d on d.id = i.dialogue_id
        join org_units h on h.id = d.host_unit_id left join org_units u on u.id = i.unit_id`;
      const [rows, count] = await Promise.all([
        db.execute(sql`select i.id, d.id as "dialogueId", d.held_on::text as "heldOn", d.kind as "dialogueKind",
            d.title as "dialogueTitle", h.name as "hostUnitName", i.content, i.raiser_kind as "raiserKind",
            i.raiser_name as "raiserName", i.anonymous, i.field, u.name as "unitName", i.answer,
            i.reported_on::text as "answeredOn"
          from ${from} where ${sql.join(where, sql` and `)}
          order by d.held_on desc, d.id, i.position nulls last, i.created_at, i.id limit ${f.limit} offset ${f.offset}`),
        db.execute(sql`select count(*)::int as n from ${from} where ${sql.join(where, sql` and `)}`),
      ]);
      return {
        rows: rowsOf<{
          id: string;
          dialogueId: string;
          heldOn: string;
          dialogueKind: string;
          dialogueTitle: string;
          hostUnitName: string;
          content: string;
          raiserKind: string | null;
          raiserName: string;
          anonymous: boolean;
          field: string;
          unitName: string | null;
          answer: string;
          answeredOn: string | null;
        }>(rows),
        total: Number(rowsOf<{ n: number }>(count)[0].n),
      };
    },

    /** Index components by reference, with the province that owns their index (null: national). */
    async components(refs: Array<{ versionCode: string; componentCode: string }>) {
      if (!refs.length) return [];
      const pairs = sql.join(
        refs.map((r) => sql`(${r.versionCode}, ${r.componentCode})`),
        sql`, `,
      );
      const result = await db.execute(sql`select c.version_code as "versionCode", c.code as "componentCode",
          c.name_vi as name, d.owner_unit_id as "ownerUnitId", v.status
        from index_components c join index_versions v on v.code = c.version_code
        join index_definitions d on d.code = v.index_code
        where (c.version_code, c.code) in (${pairs})`);
      return rowsOf<{
        versionCode: string;
        componentCode: string;
        name: string;
        ownerUnitId: string | null;
        status: string;
      }>(result);
    },

    // ——— minutes files ———
    async files(dialogueId: string) {
      return db
        .select()
        .from(followUpFiles)
        .where(eq(followUpFiles.dialogueId, dialogueId))
        .orderBy(asc(followUpFiles.createdAt), asc(followUpFiles.id));
    },
    async findFile(dialogueId: string, fileId: string) {
      const rows = await db
        .select()
        .from(followUpFiles)
        .where(and(eq(followUpFiles.id, fileId), eq(followUpFiles.dialogueId, dialogueId)))
        .limit(1);
      return rows[0] ?? null;
    },
    async insertFile(values: typeof followUpFiles.$inferInsert) {
      const [row] = await db.insert(followUpFiles).values(values).returning();
      return row;
    },
    async deleteFile(fileId: string) {
      await db.delete(followUpFiles).where(eq(followUpFiles.id, fileId));
    },
    /** Files stored for the dialogue or any of its recommendations, removed from disk when it is deleted. */
    async storedKeys(dialogueId: string) {
      const result = await db.execute(sql`select storage_key as key from follow_up_files
        where storage_key is not null and (dialogue_id = ${dialogueId}
          or item_id in (select id from follow_up_items where dialogue_id = ${dialogueId}))`);
      return rowsOf<{ key: string }>(result).map((r) => r.key);
    },
  };
}
