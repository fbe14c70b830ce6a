/**
 * The reminder job's SQL. Claiming a reminder and writing its notices is one statement: the unique key
 * (obligation, unit, period, offset) makes a second run, or a run after a restart, a no-op, and the
 * notices' key (report, kind, province day; migration 0012) keeps each notice to one a day.
 */
import { type SQL, sql } from "drizzle-orm";
import { type DbOrTx, rowsOf } from "../../../app/db";
import { escapeLike } from "../../org-units/org-units.repository";
import { periodNameSql } from "../period-name.sql";

/** Notices listed in one digest e-mail; the rest are counted and left to the app. */
export const DIGEST_MAX = 100;

export interface ClaimedReminder {
  reportId: string;
  unitId: string;
  receivingUnitId: string;
  offsetDays: number;
  title: string;
  dueDate: string;
  periodKey: string;
  /** "Tháng 12/2026": what a person reads (the key is not). */
  periodName: string;
}

/**
 * A notice about a report outside a coordinator's monitored area is not the coordinator's to see,
 * though it went to the coordinator's unit; notices about the unit's own reports and without a report
 * are.
 */
const inMonitoredArea = (unitId: string, monitoredPath: string | null) =>
  monitoredPath === null
    ? sql`true`
    : sql`(report_id is null or exists (select 1 from reports r where r.id = notifications.report_id
        and (r.unit_id = ${unitId} or r.unit_path like ${`${escapeLike(monitoredPath)}%`})))`;

/**
 * The same rule for mail: a notice `n` about a report is for user `u` unless `u` is a coordinator with
 * a monitored area that leaves the report's unit out (`monitoredPath` in reporting.policy.ts).
 */
const userSeesNotice = (reportId: SQL, u: SQL) => sql`(${reportId} is null
  or not ('coordinator' = any(${u}.roles) and ${u}.scope_unit_id is not null)
  or exists (select 1 from reports r join org_units s on s.id = ${u}.scope_unit_id
    where r.id = ${reportId} and (r.unit_id = ${u}.unit_id or starts_with(r.unit_path, s.path))))`;

export function createRemindersRepository(db: DbOrTx) {
  return {
    /**
     * Claims the reminders due on `today` (within the catch-up window) of reports not yet sent. Every
     * due offset is claimed, but a report gets one notice per run, the latest offset's: a server
     * stopped for two days would otherwise tell a unit "due soon" twice at once (offsets -3 and -1).
     * Returns the notices written, one per report.
     */
    async claimAndNotify({ today, catchUpDays }: { today: string; catchUpDays: number }) {
      const result = await db.execute(sql`with due as (
          select r.id as report_id, r.obligation_id, r.unit_id, r.period_key, r.due_date, o.title,
            ${periodNameSql({ key: sql`r.period_key`, start: sql`r.period_start`, end: sql`r.period_end` })} as period_name,
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
        ), latest as (
          select distinct on (d.report_id) d.* from due d
          join claimed c using (obligation_id, unit_id, period_key, offset_days)
          order by d.report_id, d.offset_days desc
        ), to_units as (
          insert into notifications (unit_id, kind, title, body, report_id, reminder_day)
          select unit_id,
            case when offset_days < 0 then 'reminder' when offset_days = 0 then 'dueToday' else 'overdue' end,
            case when offset_days < 0 then 'Sắp đến hạn báo cáo: ' when offset_days = 0 then 'Hôm nay là hạn báo cáo: '
              else 'Đã quá hạn báo cáo: ' end || title,
            'Kỳ báo cáo: ' || period_name || '. Hạn gửi: ' || to_char(due_date, 'DD/MM/YYYY') || '.', report_id,
            ${today}::date
          from latest on conflict do nothing returning report_id
        ), sent as (
          select l.* from latest l join to_units n using (report_id)
        ), to_receivers as (
          insert into notifications (unit_id, kind, title, body, report_id, reminder_day)
          select s.receiving_unit_id, 'lateUnit', 'Đơn vị chưa gửi báo cáo: ' || u.name,
            s.title || ' — ' || s.period_name || ', hạn ' || to_char(s.due_date, 'DD/MM/YYYY') || '.', s.report_id,
            ${today}::date
          from sent s join org_units u on u.id = s.unit_id where s.offset_days > 0
          on conflict do nothing returning id
        )
        select report_id as "reportId", unit_id as "unitId", receiving_unit_id as "receivingUnitId",
          offset_days as "offsetDays", title, due_date::text as "dueDate", period_key as "periodKey",
          period_name as "periodName"
        from sent`);
      return rowsOf<ClaimedReminder>(result);
    },

    /**
     * E-mail addresses of a unit's active officers and heads (heads only once the report is late) who
     * take reminders one by one: those who chose the daily digest get them there (migration 0009).
     */
    async recipients({
      unitId,
      headsOnly,
      coordinators = false,
      reportId = null,
      userId = null,
    }: {
      unitId: string;
      headsOnly: boolean;
      /** Also the unit's coordinators: a receiving unit's staff who review reports. */
      coordinators?: boolean;
      /** The report the notice is about: a coordinator whose monitored area leaves it out is not told. */
      reportId?: string | null;
      /** A notice for one person (a head asked to approve, the officer who asked): only that person. */
      userId?: string | null;
    }) {
      const roles = headsOnly
        ? sql`'{head}'::text[]`
        : coordinators
          ? sql`'{officer,head,coordinator}'::text[]`
          : sql`'{officer,head}'::text[]`;
      const result = await db.execute(sql`select u.email from users u
        left join notification_preferences np on np.user_id = u.id
        where u.unit_id = ${unitId} and u.active and u.email is not null and u.email <> '' and u.roles && ${roles}
          and coalesce(np.email_mode, 'immediate') = 'immediate'
          and (${userId}::uuid is null or u.id = ${userId}::uuid)
          and ${userSeesNotice(sql`${reportId}::uuid`, sql`u`)}`);
      return rowsOf<{ email: string }>(result).map((r) => r.email);
    },

    /**
     * Claims review notices waiting for e-mail, oldest first, marking them sent before any is sent:
     * a crash loses an e-mail, never sends one twice. Notices a day old (SMTP was off) expire instead.
     */
    async claimNoticeMail({ limit }: { limit: number }) {
      await db.execute(sql`update notifications set mail_state = 'expired'
        where mail_state = 'pending' and created_at <= now() - interval '1 day'`);
      const result = await db.execute(sql`update notifications n set mail_state = 'sent'
        from (select id from notifications where mail_state = 'pending'
          order by created_at limit ${limit} for update skip locked) p
        where n.id = p.id
        returning n.id, n.unit_id as "unitId", n.user_id as "userId", n.report_id as "reportId", n.kind, n.title, n.body`);
      return rowsOf<{
        id: string;
        unitId: string;
        userId: string | null;
        reportId: string | null;
        kind: string;
        title: string;
        body: string;
      }>(result);
    },
    async emailMode(userId: string): Promise<"immediate" | "daily"> {
      const result = await db.execute(
        sql`select email_mode as mode from notification_preferences where user_id = ${userId}`,
      );
      return rowsOf<{ mode: "immediate" | "daily" }>(result)[0]?.mode ?? "immediate";
    },
    async setEmailMode({ userId, mode }: { userId: string; mode: "immediate" | "daily" }) {
      await db.execute(sql`insert into notification_preferences (user_id, email_mode) values (${userId}, ${mode})
        on conflict (user_id) do update set email_mode = excluded.email_mode, updated_at = now()`);
    },

    /**
     * Claims today's digest of every active digest user with an e-mail and something to tell: the
     * unread notices of the user's unit from the day before `until`. The (user, day) key makes a
     * second run, or a run after a restart, claim nothing.
     */
    async claimDigests({ day, since, until }: { day: string; since: Date; until: Date }) {
      const result = await db.execute(sql`with candidates as (
          select u.id as user_id, u.email, u.unit_id,
            (select count(*)::int from notifications n where n.unit_id = u.unit_id
              and (n.user_id is null or n.user_id = u.id) and n.read_at is null and ${userSeesNotice(sql`n.report_id`, sql`u`)}
              and n.created_at >= ${since.toISOString()} and n.created_at < ${until.toISOString()}) as items
          from users u join notification_preferences np on np.user_id = u.id and np.email_mode = 'daily'
          where u.active and u.email is not null and u.email <> ''
        ), claimed as (
          insert into notification_digests (user_id, day, items)
          select user_id, ${day}::date, items from candidates where items > 0
          on conflict do nothing returning user_id
        )
        select c.user_id as "userId", c.email, c.unit_id as "unitId" from candidates c join claimed using (user_id)`);
      return rowsOf<{ userId: string; email: string; unitId: string }>(result);
    },
    async digestItems({
      userId,
      unitId,
      since,
      until,
    }: {
      userId: string;
      unitId: string;
      since: Date;
      until: Date;
    }) {
      // The mail lists the first DIGEST_MAX and counts them all, so it never claims fewer than there are.
      const result = await db.execute(sql`select n.title, n.body, count(*) over ()::int as total
        from notifications n join users u on u.id = ${userId}
        where n.unit_id = ${unitId} and (n.user_id is null or n.user_id = ${userId}) and n.read_at is null
          and ${userSeesNotice(sql`n.report_id`, sql`u`)}
          and n.created_at >= ${since.toISOString()} and n.created_at < ${until.toISOString()}
        order by n.created_at, n.id limit ${DIGEST_MAX}`);
      const rows = rowsOf<{ title: string; body: string; total: number }>(result);
      return { items: rows.map(({ title, body }) => ({ title, body })), total: Number(rows[0]?.total ?? 0) };
    },

    /** One page of the notices, newest first (the id breaks ties), with how many there are and are unread. */
    async listNotifications({
      unitId,
      userId,
      monitoredPath,
      limit,
      offset,
    }: {
      unitId: string;
      userId: string;
      monitoredPath: string | null;
      limit: number;
      offset: number;
    }) {
      const mine = sql`unit_id = ${unitId} and (user_id is null or user_id = ${userId}) and ${inMonitoredArea(unitId, monitoredPath)}`;
      const [rows, counts] = await Promise.all([
        db.execute(sql`select id, kind, title, body, report_id as "reportId",
            follow_up_item_id as "followUpItemId", read_at as "readAt", created_at as "createdAt"
          from notifications where ${mine}
          order by created_at desc, id limit ${limit} offset ${offset}`),
        db.execute(sql`select count(*)::int as total, (count(*) filter (where read_at is null))::int as unread
          from notifications where ${mine}`),
      ]);
      const n = rowsOf<{ total: number; unread: number }>(counts)[0];
      return {
        rows: rowsOf<{
          id: string;
          kind: string;
          title: string;
          body: string;
          reportId: string | null;
          followUpItemId: string | null;
          readAt: Date | string | null;
          createdAt: Date | string;
        }>(rows),
        total: Number(n?.total ?? 0),
        unread: Number(n?.unread ?? 0),
      };
    },
    async markRead({
      id,
      unitId,
      userId,
      monitoredPath,
    }: {
      id: string;
      unitId: string;
      /** A notice for one person (a head's approval, say) is marked read by that person only. */
      userId: string;
      monitoredPath: string | null;
    }) {
      const result = await db.execute(sql`update notifications set read_at = coalesce(read_at, now())
        where id = ${id} and unit_id = ${unitId} and (user_id is null or user_id = ${userId})
          and ${inMonitoredArea(unitId, monitoredPath)} returning id`);
      return rowsOf(result).length > 0;
    },
  };
}
