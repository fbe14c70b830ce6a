/**
 * The reminder job's SQL. Claiming a reminder and writing its notices is one statement: the unique key
 * (obligation, unit, period, offset) makes a second run, or a run after a restart, a no-op.
 */
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../app/db";

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

export interface ClaimedReminder {
  reportId: string;
  unitId: string;
  receivingUnitId: string;
  offsetDays: number;
  title: string;
  dueDate: string;
  periodKey: string;
}

export function createRemindersRepository(db: DbOrTx) {
  return {
    /** Claims the reminders due on `today` (within the catch-up window) of reports not yet sent. */
    async claimAndNotify({ today, catchUpDays }: { today: string; catchUpDays: number }) {
      const result = await db.execute(sql`with due as (
          select r.id as report_id, r.obligation_id, r.unit_id, r.period_key, r.due_date, o.title,
            o.receiving_unit_id, off.offset_days, (r.due_date + off.offset_days) as send_on
          from reports r join reporting_obligations o on o.id = r.obligation_id
          cross join lateral unnest(o.reminder_offsets) as off(offset_days)
          where r.state in ('draft', 'returned', 'pendingApproval')
            and r.due_date + off.offset_days <= ${today}::date
            and r.due_date + off.offset_days >= ${today}::date - ${catchUpDays}::int
        ), claimed as (
          insert into report_reminders (obligation_id, unit_id, period_key, offset_days, send_on, status, sent_at)
          select obligation_id, unit_id, period_key, offset_days, send_on, 'sent', now() from due
          on conflict on constraint report_reminders_once_key do nothing
          returning obligation_id, unit_id, period_key, offset_days
        ), sent as (
          select d.* from due d join claimed c using (obligation_id, unit_id, period_key, offset_days)
        ), to_units as (
          insert into notifications (unit_id, kind, title, body, report_id)
          select unit_id,
            case when offset_days < 0 then 'reminder' when offset_days = 0 then 'dueToday' else 'overdue' end,
            case when offset_days < 0 then 'Sắp đến hạn báo cáo: ' when offset_days = 0 then 'Hôm nay là hạn báo cáo: '
              else 'Đã quá hạn báo cáo: ' end || title,
            'Hạn gửi báo cáo kỳ ' || period_key || ': ' || to_char(due_date, 'DD/MM/YYYY') || '.', report_id
          from sent returning id
        ), to_receivers as (
          insert into notifications (unit_id, kind, title, body, report_id)
          select s.receiving_unit_id, 'lateUnit', 'Đơn vị chưa gửi báo cáo: ' || u.name,
            s.title || ', kỳ ' || s.period_key || ', hạn ' || to_char(s.due_date, 'DD/MM/YYYY') || '.', s.report_id
          from sent s join org_units u on u.id = s.unit_id where s.offset_days > 0 returning id
        )
        select report_id as "reportId", unit_id as "unitId", receiving_unit_id as "receivingUnitId",
          offset_days as "offsetDays", title, due_date::text as "dueDate", period_key as "periodKey"
        from sent`);
      return rowsOf<ClaimedReminder>(result);
    },

    /** E-mail addresses of a unit's active officers and heads (heads only once the report is late). */
    async recipients({ unitId, headsOnly }: { unitId: string; headsOnly: boolean }) {
      const roles = headsOnly ? sql`'{head}'::text[]` : sql`'{officer,head}'::text[]`;
      const result = await db.execute(sql`select email from users
        where unit_id = ${unitId} and active and email is not null and email <> '' and roles && ${roles}`);
      return rowsOf<{ email: string }>(result).map((r) => r.email);
    },

    async listNotifications({ unitId, userId, limit }: { unitId: string; userId: string; limit: number }) {
      const result = await db.execute(sql`select id, kind, title, body, report_id as "reportId",
          read_at as "readAt", created_at as "createdAt"
        from notifications where unit_id = ${unitId} and (user_id is null or user_id = ${userId})
        order by created_at desc limit ${limit}`);
      return rowsOf<{
        id: string;
        kind: string;
        title: string;
        body: string;
        reportId: string | null;
        readAt: Date | string | null;
        createdAt: Date | string;
      }>(result);
    },
    async markRead({ id, unitId }: { id: string; unitId: string }) {
      const result = await db.execute(sql`update notifications set read_at = coalesce(read_at, now())
        where id = ${id} and unit_id = ${unitId} returning id`);
      return rowsOf(result).length > 0;
    },
  };
}
