/**
 * The daily pass of the follow-up core, run by the hourly job (app/jobs.ts) on the province's day:
 * the responsible unit hears of its items due within 3 days and of those overdue; the follower hears
 * of items overdue by more than 7 days (escalation). Each reminder is claimed once per item, kind and
 * deadline in `follow_up_reminders` (migration 0026), in the same transaction as its notices, so a
 * second run, a restart or another process sends nothing twice, and a new deadline reminds afresh.
 * A unit gets one notice per kind and run, however many items it names.
 */
import { sql } from "drizzle-orm";
import { FOLLOW_UP_KIND_LABELS_VI, type FollowUpKind } from "../../../../../core/src/follow-up/items";
import { formatDateVi } from "../../../../../core/src/text/dates";
import { provinceToday } from "../../../app/clock";
import { type Db, type DbOrTx, rowsOf } from "../../../app/db";
import { excerpt } from "./items.notices";
import { createItemsRepository, type NewNotice } from "./items.repository";

/** How many days before its deadline an item is called due soon. */
export const DUE_SOON_DAYS = 3;
/** How many days past its deadline an item is escalated to the unit that follows it. */
export const ESCALATE_AFTER_DAYS = 7;
/**
 * How long a reminder may still be sent late: a server stopped for some days catches up within a
 * week; older deadlines (before the pass existed) are not announced all at once. It also keeps each
 * hourly run to two weeks of deadlines (an index range), not every item ever overdue.
 */
export const CATCH_UP_DAYS = 7;

export type ReminderKind = "dueSoon" | "overdue" | "escalated";

interface Claimed {
  itemId: string;
  kind: ReminderKind;
  toUnitId: string;
  dueDate: string;
  content: string;
  itemKind: FollowUpKind;
  unitName: string | null;
}

/** Claims today's reminders; only those no run claimed before come back. */
async function claimReminders(db: DbOrTx, today: string) {
  // Waiting on the responsible unit: open or returned. Escalation also counts work reported but not
  // yet judged, since by then the follower is the one who keeps it overdue.
  const result = await db.execute(sql`with due as (
      select i.id as item_id, 'dueSoon' as kind, i.unit_id as to_unit_id, i.due_date from follow_up_items i
        where i.state in ('open', 'returned') and i.unit_id is not null
          and i.due_date >= ${today}::date and i.due_date <= ${today}::date + ${DUE_SOON_DAYS}::int
      union all
      select i.id, 'overdue', i.unit_id, i.due_date from follow_up_items i
        where i.state in ('open', 'returned') and i.unit_id is not null
          and i.due_date < ${today}::date and i.due_date >= ${today}::date - ${CATCH_UP_DAYS}::int
      union all
      select i.id, 'escalated', i.follower_unit_id, i.due_date from follow_up_items i
        where i.state in ('open', 'returned', 'reported')
          and i.due_date < ${today}::date - ${ESCALATE_AFTER_DAYS}::int
          and i.due_date >= ${today}::date - ${ESCALATE_AFTER_DAYS + CATCH_UP_DAYS}::int
    ), claimed as (
      insert into follow_up_reminders (item_id, kind, due_date, sent_on)
      select item_id, kind, due_date, ${today}::date from due
      on conflict on constraint follow_up_reminders_once do nothing
      returning item_id, kind
    )
    select d.item_id as "itemId", d.kind, d.to_unit_id as "toUnitId", d.due_date::text as "dueDate",
      i.content, i.kind as "itemKind", u.name as "unitName"
    from due d join claimed c on c.item_id = d.item_id and c.kind = d.kind
    join follow_up_items i on i.id = d.item_id left join org_units u on u.id = i.unit_id
    order by d.to_unit_id, d.kind, d.due_date, d.item_id`);
  return rowsOf<Claimed>(result);
}

const WORDS: Record<
  ReminderKind,
  { one: string; many: (n: number) => string; line: (c: Claimed) => string }
> = {
  dueSoon: {
    one: "Sắp đến hạn xử lý",
    many: (n) => `Có ${n} việc sắp đến hạn xử lý`,
    line: (c) => `${excerpt(c.content, 100)} (hạn ${formatDateVi(c.dueDate)})`,
  },
  overdue: {
    one: "Đã quá hạn xử lý",
    many: (n) => `Có ${n} việc đã quá hạn xử lý`,
    line: (c) => `${excerpt(c.content, 100)} (hạn ${formatDateVi(c.dueDate)})`,
  },
  escalated: {
    one: `Quá hạn hơn ${ESCALATE_AFTER_DAYS} ngày`,
    many: (n) => `Có ${n} việc quá hạn hơn ${ESCALATE_AFTER_DAYS} ngày chưa xong`,
    line: (c) => `${excerpt(c.content, 100)} — ${c.unitName ?? ""} (hạn ${formatDateVi(c.dueDate)})`,
  },
};

/** Lines a notice lists; the rest are counted. */
const LISTED = 5;

/** One notice per unit and kind of reminder. */
export function reminderNotices(claimed: Claimed[]): NewNotice[] {
  const groups = new Map<string, Claimed[]>();
  for (const c of claimed) {
    const key = `${c.toUnitId}|${c.kind}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups.values()].map((items) => {
    const [first] = items;
    const words = WORDS[first.kind];
    const single = items.length === 1;
    const lines = items.slice(0, LISTED).map((c) => `- ${words.line(c)}`);
    if (items.length > LISTED) lines.push(`… và ${items.length - LISTED} việc khác.`);
    return {
      unitId: first.toUnitId,
      kind: `followUp.${first.kind}`,
      followUpItemId: single ? first.itemId : null,
      mailState: "pending",
      title: single ? `${words.one}: ${excerpt(first.content)}` : words.many(items.length),
      body: single ? `${FOLLOW_UP_KIND_LABELS_VI[first.itemKind]}. ${words.line(first)}.` : lines.join("\n"),
    };
  });
}

/** One run of the pass for `today` (the province's day by default); answers what it claimed and told. */
export async function runFollowUpReminders({ db, today = provinceToday() }: { db: Db; today?: string }) {
  return db.transaction(async (tx) => {
    const claimed = await claimReminders(tx, today);
    const notices = reminderNotices(claimed);
    await createItemsRepository(tx).insertNotices(notices);
    const count = (kind: ReminderKind) => claimed.filter((c) => c.kind === kind).length;
    return {
      dueSoon: count("dueSoon"),
      overdue: count("overdue"),
      escalated: count("escalated"),
      notices: notices.length,
    };
  });
}
