/**
 * The items list's SQL: one filter (scope, kind, state, class by dates, units with their subtrees,
 * source, text, deadlines) for the page, its count and the Excel export alike. The page is chosen on
 * `follow_up_items` alone (sorted, limited) and only its rows are joined to names and counts.
 */
import { type SQL, sql } from "drizzle-orm";
import {
  AWAITING_STATES,
  type FollowUpAwaiting,
  type FollowUpKind,
  type FollowUpState,
  type ItemStatusFilter,
} from "../../../../../core/src/follow-up/items";
import type { AssignmentStatus } from "../../../../../core/src/plans/status";
import { type DbOrTx, rowsOf } from "../../../app/db";
import { textMatch } from "../../plans/plans.repository";
import { itemStatusCondition, itemStatusSql } from "./follow-up-status.sql";
import { ITEM_COLUMNS, ITEM_JOINS, type ItemRowView } from "./items.repository";
import { type ItemScope, itemScopeSql, likePrefix } from "./items.scope";

export interface ItemListFilter {
  scope: ItemScope;
  /** The province's today: the class by dates is judged on it. */
  today: string;
  kind?: FollowUpKind;
  state?: FollowUpState;
  status?: ItemStatusFilter;
  /** Whose move the items wait for (core's AWAITING_STATES). */
  awaiting?: FollowUpAwaiting;
  /** The index component the items are linked to. */
  versionCode?: string;
  componentCode?: string;
  /** Paths: the unit and the units under it. */
  unitPath?: string;
  followerPath?: string;
  inspectionId?: string;
  findingId?: string;
  dialogueId?: string;
  q?: string;
  dueFrom?: string;
  dueTo?: string;
}

export type ItemSort = { sort: "due" | "state" | "unit"; order: "asc" | "desc" };

export function itemWhere(f: ItemListFilter): SQL {
  const where: SQL[] = [itemScopeSql(f.scope)];
  if (f.kind) where.push(sql`i.kind = ${f.kind}`);
  if (f.state) where.push(sql`i.state = ${f.state}`);
  if (f.status) where.push(itemStatusCondition(f.status, f.today));
  if (f.awaiting)
    where.push(
      sql`i.state in (${sql.join(
        AWAITING_STATES[f.awaiting].map((s) => sql`${s}`),
        sql`, `,
      )})`,
    );
  if (f.versionCode) where.push(sql`i.version_code = ${f.versionCode}`);
  if (f.componentCode) where.push(sql`i.component_code = ${f.componentCode}`);
  if (f.unitPath) where.push(sql`i.unit_path like ${likePrefix(f.unitPath)}`);
  if (f.followerPath) where.push(sql`i.follower_unit_path like ${likePrefix(f.followerPath)}`);
  if (f.findingId) where.push(sql`i.finding_id = ${f.findingId}`);
  if (f.inspectionId)
    where.push(
      sql`i.finding_id in (select id from inspection_findings where inspection_id = ${f.inspectionId})`,
    );
  if (f.dialogueId) where.push(sql`i.dialogue_id = ${f.dialogueId}`);
  if (f.q) where.push(textMatch(sql`i.search_text`, f.q));
  if (f.dueFrom) where.push(sql`i.due_date >= ${f.dueFrom}::date`);
  if (f.dueTo) where.push(sql`i.due_date <= ${f.dueTo}::date`);
  return sql.join(where, sql` and `);
}

/** Work waiting on the responsible unit first, then on the follower, then what is done. */
const STATE_ORDER = sql`array_position(array['received', 'open', 'returned', 'reported', 'accepted', 'closed'], i.state)`;

/** The order of a sort, the id last so equal keys keep one order across pages. */
function orderBy({ sort, order }: ItemSort, unitKey: SQL): SQL {
  const dir = order === "desc" ? sql`desc` : sql`asc`;
  const due = sql`i.due_date ${dir} nulls last`;
  if (sort === "state") return sql`${STATE_ORDER} ${dir}, i.due_date nulls last, i.id`;
  if (sort === "unit") return sql`${unitKey} ${dir} nulls last, i.due_date nulls last, i.id`;
  return sql`${due}, i.id ${dir}`;
}

export function createItemListRepository(db: DbOrTx) {
  return {
    /** One page of items and how many match in all. */
    async pageItems(f: ItemListFilter & ItemSort & { limit: number; offset: number }) {
      const where = itemWhere(f);
      // Sorting by unit name needs the unit's Vietnamese sort key before the page is cut.
      const byUnit = f.sort === "unit";
      const [page, count] = await Promise.all([
        db.execute(sql`select ${ITEM_COLUMNS} from (
            select i.id ${byUnit ? sql`, su.sort_key as unit_key` : sql``} from follow_up_items i
            ${byUnit ? sql`left join org_units su on su.id = i.unit_id` : sql``}
            where ${where} order by ${orderBy(f, sql`su.sort_key collate "C"`)}
            limit ${f.limit} offset ${f.offset}) p
          join follow_up_items i on i.id = p.id ${ITEM_JOINS}
          order by ${orderBy(f, sql`p.unit_key collate "C"`)}`),
        db.execute(sql`select count(*)::int as n from follow_up_items i where ${where}`),
      ]);
      return {
        rows: rowsOf<ItemRowView>(page),
        total: Number(rowsOf<{ n: number }>(count)[0]?.n ?? 0),
      };
    },

    /** How many match: the list's true total, for counts that link to the list (the home page's). */
    async countItems(f: ItemListFilter) {
      const result = await db.execute(
        sql`select count(*)::int as n from follow_up_items i where ${itemWhere(f)}`,
      );
      return Number(rowsOf<{ n: number }>(result)[0]?.n ?? 0);
    },

    /**
     * Per component of one index version, how many items of each class by dates (core's
     * `followUpStatus` through its SQL mirror; a closed item has none and is left out): the coverage
     * view's counts, each the total of the list filtered by that component (and class).
     */
    async countByComponent(f: ItemListFilter & { versionCode: string }) {
      const status = itemStatusSql(f.today);
      const result = await db.execute(sql`select i.component_code as "componentCode", ${status} as status,
          count(*)::int as n
        from follow_up_items i where ${itemWhere(f)} and i.component_code is not null and ${status} is not null
        group by 1, 2`);
      return rowsOf<{ componentCode: string; status: AssignmentStatus; n: number }>(result);
    },

    /** Every item that matches, in the list's order (the Excel export: not the page, not a cap). */
    async allItems(f: ItemListFilter & ItemSort) {
      const result = await db.execute(sql`select ${ITEM_COLUMNS}, i.required_result as "requiredResult",
          i.answer, i.reason
        from follow_up_items i ${ITEM_JOINS}
        where ${itemWhere(f)} order by ${orderBy(f, sql`u.sort_key collate "C"`)}`);
      return rowsOf<ItemRowView & { requiredResult: string; answer: string; reason: string }>(result);
    },
  };
}
