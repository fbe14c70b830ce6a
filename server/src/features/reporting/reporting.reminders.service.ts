/**
 * Reminders: a job in the database. Each run claims the reminders due today for reports not yet sent and
 * writes in-app notices in one statement; e-mail goes out only when SMTP is configured. The unique key
 * per obligation, unit, period and offset means a reminder is never sent twice, across restarts too.
 */
import { REMINDER_CATCH_UP_DAYS } from "../../../../core/src/reporting/reminders";
import type { Actor } from "../../app/actor";
import type { Db } from "../../app/db";
import { notFound } from "../../app/errors";
import { today as todayUtc } from "../org-units/org-units.service";
import { iso } from "./reporting.presenter";
import { type ClaimedReminder, createRemindersRepository } from "./reporting.reminders.repository";

/** The outside world: mail. Tests pass a fake; production an SMTP client when configured. */
export interface Mailer {
  send(message: { to: string[]; subject: string; text: string }): Promise<void>;
}

/** Where a failed e-mail is told (the server's logger); a failure never undoes what was committed. */
export interface MailLog {
  warn(obj: unknown, msg?: string): void;
}

/** One run of the reminder job for `today`; returns what it claimed. */
export async function runReminders({
  db,
  today = todayUtc(),
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
  const due = reminder.dueDate.split("-").reverse().join("/");
  await mailer.send({
    to,
    subject: `${late ? "Quá hạn" : "Nhắc hạn"} báo cáo: ${reminder.title}`,
    text: `${reminder.title}, kỳ ${reminder.periodKey}: hạn gửi ${due}. Vui lòng vào ChiSo để hoàn thành báo cáo.`,
  });
}

/** The actor's unit's notices, newest first. */
export async function listNotifications({ db, actor }: { db: Db; actor: Actor }) {
  const rows = await createRemindersRepository(db).listNotifications({
    unitId: actor.unitId,
    userId: actor.userId,
    limit: 100,
  });
  return rows.map((r) => ({ ...r, readAt: iso(r.readAt), createdAt: iso(r.createdAt) ?? "" }));
}

export async function markNotificationRead({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  const ok = await createRemindersRepository(db).markRead({ id, unitId: actor.unitId });
  if (!ok) throw notFound("notification.notFound", "Không tìm thấy thông báo.");
}
