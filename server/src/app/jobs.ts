/**
 * Background work of the server process: every hour, open the periods whose day has come and send
 * the reminders, then the daily digest (once a day, at the first run after 07:00); with SMTP, the
 * review notices' e-mail every minute. Started by main.ts beside the HTTP app and stopped before the
 * database closes; tests never start it and call the runs directly with a fixed day.
 */
import { createSmtpMailer } from "../features/reporting/reporting.mail";
import { runPeriodOpening } from "../features/reporting/reporting.opening.service";
import {
  type MailLog,
  runDigests,
  runNoticeMail,
  runReminders,
} from "../features/reporting/reporting.reminders.service";
import type { AppConfig } from "./config";
import type { Db } from "./db";

const FIRST_RUN_MS = 30_000;
const EVERY_MS = 3_600_000;
/** A returned report should reach the commune's inbox within a minute, not an hour. */
const NOTICE_MAIL_EVERY_MS = 60_000;

/** Starts the jobs; the returned stop waits for a run in progress, so the database can close after it. */
export function startJobs({ db, config, log }: { db: Db; config: AppConfig; log: MailLog }) {
  const mailer = config.smtp ? createSmtpMailer(config.smtp) : null;
  let running: Promise<void> | null = null;
  const tick = () => {
    // A run still in progress (a slow SMTP relay) is not doubled; claiming is idempotent anyway.
    if (running) return;
    running = (async () => {
      try {
        // Periods first: a report opened today can be reminded of today.
        await runPeriodOpening({ db, log });
        await runReminders({ db, mailer, log });
        if (mailer) await runDigests({ db, mailer, log });
      } catch (error) {
        // The next tick retries.
        log.warn({ err: error }, "Chạy nhắc hạn báo cáo thất bại");
      }
    })().finally(() => {
      running = null;
    });
  };
  let mailing: Promise<void> | null = null;
  const mailTick = () => {
    if (!mailer || mailing) return;
    mailing = runNoticeMail({ db, mailer, log })
      .then(() => undefined)
      .catch((error) => log.warn({ err: error }, "Gửi email thông báo thất bại"))
      .finally(() => {
        mailing = null;
      });
  };
  const first = setTimeout(tick, FIRST_RUN_MS);
  const timer = setInterval(tick, EVERY_MS);
  const mailTimer = setInterval(mailTick, NOTICE_MAIL_EVERY_MS);
  first.unref();
  timer.unref();
  mailTimer.unref();
  return async () => {
    clearTimeout(first);
    clearInterval(timer);
    clearInterval(mailTimer);
    await Promise.all([running, mailing]);
  };
}
