/**
 * Reminders: a job in the database. Each run claims the reminders due today for reports not yet sent and
 * writes in-app notices in one statement; e-mail goes out only when SMTP is configured. The unique key
 * per obligation, unit, period and offset means a reminder is never sent twice, across restarts too.
 */
import type { z } from "zod";
import type { notificationListQuery } from "../../../../../core/src/api/reporting.schemas";
import { REMINDER_CATCH_UP_DAYS } from "../../../../../core/src/reporting/reminders";
import { formatDateVi } from "../../../../../core/src/text/dates";
import { instantIn } from "../../../../../core/src/time/clock";
import type { Actor } from "../../../app/actor";
import { now as clockNow, provinceTime, provinceTimeZone, provinceToday } from "../../../app/clock";
import type { Db } from "../../../app/db";
import { notFound } from "../../../app/errors";
import { writeAudit } from "../../audit/audit.repository";
import { TOTAL_CAP } from "../../plans/views/views.repository";
import { monitoredPath } from "../reporting.policy";
import { iso } from "../reports/report.presenter";
import { type ClaimedReminder, createRemindersRepository } from "./reminders.repository";

/** The outside world: mail. Tests pass a fake; production an SMTP client when configured. */
export interface Mailer {
  send(message: { to: string[]; subject: string; text: string }): Promise<void>;
}

/** Where a failed e-mail is told (the server's logger); a failure never undoes what was committed. */
export interface MailLog {
  warn(obj: unknown, msg?: string): void;
}

/**
 * One run of the reminder job for `today` (the province's day by default); returns the notices it
 * wrote, one per report at most (see `claimAndNotify`).
 */
export async function runReminders({
  db,
  today = provinceToday(),
  mailer = null,
  log,
}: {
  db: Db;
  today?: string;
  mailer?: Mailer | null;
  log?: MailLog;
}) {
  const claimed = await db.transaction((tx) =>
    createRemindersRepository(tx).claimAndNotify({ today, catchUpDays: REMINDER_CATCH_UP_DAYS }),
  );
  // Mail after the commit: a crash here loses an e-mail, never duplicates an in-app notice.
  if (mailer)
    for (const r of claimed)
      await mailOne({ db, mailer, reminder: r }).catch((error) =>
        log?.warn({ err: error, reportId: r.reportId }, "Gửi email nhắc hạn thất bại"),
      );
  return claimed;
}

async function mailOne({ db, mailer, reminder }: { db: Db; mailer: Mailer; reminder: ClaimedReminder }) {
  const late = reminder.offsetDays > 0;
  // Late reports escalate from the officers to the unit's head.
  const to = await createRemindersRepository(db).recipients({ unitId: reminder.unitId, headsOnly: late });
  if (!to.length) return;
  const due = formatDateVi(reminder.dueDate);
  await mailer.send({
    to,
    subject: `${late ? "Quá hạn" : "Nhắc hạn"} báo cáo: ${reminder.title}`,
    text: `${reminder.title} — ${reminder.periodName}: hạn gửi ${due}. Vui lòng vào ChiSo để hoàn thành báo cáo.`,
  });
}

/**
 * E-mails the review notices written since the last run (returned, accepted, received, resubmitted,
 * comments) to the notified unit's officers and heads, and its coordinators for a receiving unit, or
 * to the one person a notice is for (awaiting approval, approved or returned by the head), who take
 * e-mail one by one (the daily digest carries them for the others). Returns the notices.
 */
export async function runNoticeMail({ db, mailer, log }: { db: Db; mailer: Mailer; log?: MailLog }) {
  const repo = createRemindersRepository(db);
  const claimed = await repo.claimNoticeMail({ limit: 200 });
  // A busy receiving unit gets many notices a minute: its recipients are read once per run.
  const recipientsOf = new Map<string, Promise<string[]>>();
  for (const n of claimed) {
    // Per unit and report: a coordinator's monitored area decides whether the report is theirs.
    const key = `${n.unitId}|${n.reportId ?? ""}|${n.userId ?? ""}`;
    if (!recipientsOf.has(key))
      recipientsOf.set(
        key,
        repo.recipients({
          unitId: n.unitId,
          headsOnly: false,
          coordinators: true,
          reportId: n.reportId,
          userId: n.userId,
        }),
      );
    const to = await (recipientsOf.get(key) as Promise<string[]>);
    if (!to.length) continue;
    await mailer
      .send({ to, subject: n.title, text: `${n.body}\n\nVui lòng vào ChiSo để xem chi tiết.` })
      .catch((error) => log?.warn({ err: error, notificationId: n.id }, "Gửi email thông báo thất bại"));
  }
  return claimed;
}

/** The digest goes out at 07:00 on the province's clock (PROVINCE_TIME_ZONE), covering the 24 hours before. */
const DIGEST_HOUR = 7;

/**
 * The daily digest: at the first run at or after 07:00 province time, one e-mail per user who chose
 * it, listing the unread notices of the user's unit from the 24 hours before. Claimed per user and
 * day before sending, so no digest goes twice, across restarts too. Returns the users mailed.
 */
export async function runDigests({
  db,
  now = clockNow(),
  mailer,
  log,
}: {
  db: Db;
  now?: Date;
  mailer: Mailer;
  log?: MailLog;
}) {
  const local = provinceTime(now);
  if (local.hour < DIGEST_HOUR) return [];
  const day = local.day;
  const until = instantIn(provinceTimeZone(), day, DIGEST_HOUR);
  const since = new Date(until.getTime() - 24 * 3_600_000);
  const repo = createRemindersRepository(db);
  const claimed = await repo.claimDigests({ day, since, until });
  for (const user of claimed) {
    const { items, total } = await repo.digestItems({ ...user, since, until });
    const text = [
      `Các thông báo mới trên ChiSo trong 24 giờ qua (${total}):`,
      "",
      ...items.map((n) => `- ${n.title}${n.body ? `\n  ${n.body}` : ""}`),
      ...(total > items.length ? [`… và ${total - items.length} thông báo khác.`] : []),
      "",
      "Vui lòng vào ChiSo để xem và xử lý.",
    ].join("\n");
    await mailer
      .send({
        to: [user.email],
        subject: `ChiSo: ${total} thông báo ngày ${formatDateVi(day)}`,
        text,
      })
      .catch((error) => log?.warn({ err: error, userId: user.userId }, "Gửi email tổng hợp thất bại"));
  }
  return claimed;
}

/** How the actor takes reminder e-mails. */
export async function getEmailMode({ db, actor }: { db: Db; actor: Actor }) {
  return { emailMode: await createRemindersRepository(db).emailMode(actor.userId) };
}

export async function setEmailMode({
  db,
  actor,
  emailMode,
}: {
  db: Db;
  actor: Actor;
  emailMode: "immediate" | "daily";
}) {
  await db.transaction(async (tx) => {
    const repo = createRemindersRepository(tx);
    const before = await repo.emailMode(actor.userId);
    await repo.setEmailMode({ userId: actor.userId, mode: emailMode });
    await writeAudit({
      tx,
      actor,
      record: {
        entity: "notificationPreference",
        entityId: actor.userId,
        action: "update",
        before: { emailMode: before },
        after: { emailMode },
      },
    });
  });
  return { emailMode };
}

/** One page of the actor's unit's notices, newest first, with how many there are and are unread. */
export async function listNotifications({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: z.infer<typeof notificationListQuery>;
}) {
  const { rows, total, unread } = await createRemindersRepository(db).listNotifications({
    unitId: actor.unitId,
    userId: actor.userId,
    monitoredPath: monitoredPath(actor),
    limit: query.pageSize,
    offset: Math.min((query.page - 1) * query.pageSize, TOTAL_CAP),
  });
  return {
    notifications: rows.map((r) => ({ ...r, readAt: iso(r.readAt), createdAt: iso(r.createdAt) ?? "" })),
    total,
    unread,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function markNotificationRead({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  const ok = await createRemindersRepository(db).markRead({
    id,
    unitId: actor.unitId,
    userId: actor.userId,
    monitoredPath: monitoredPath(actor),
  });
  if (!ok) throw notFound("notification.notFound", "Không tìm thấy thông báo.");
}
