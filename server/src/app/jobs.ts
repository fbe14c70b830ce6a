/**
 * Background work of the server process: every hour, open the periods whose day has come and send
 * the reminders (reports', then follow-up items' due soon, overdue and escalated), then the daily digest (once a day, at the first run after 07:00); with SMTP, the
 * review notices' e-mail every minute. Started by main.ts beside the HTTP app and stopped before the
 * database closes; tests never start it and call the runs directly with a fixed day.
 *
 * Several processes on one database (behind a load balancer) each start the jobs; each run takes an
 * advisory lock on the database first (`Database.exclusive`) and a process that finds it held skips
 * that run, so a run happens in one process at a time. The runs also claim what they send, so a later
 * run anywhere (or one after a restart) never repeats a notice or an e-mail.
 */

import { runFollowUpReminders } from "../features/follow-up/items/items.reminders";
import { runPeriodOpening } from "../features/reporting/obligations/period-opening.service";
import { createSmtpMailer } from "../features/reporting/reminders/reminders.mail";
import {
  type Mailer,
  type MailLog,
  runDigests,
  runNoticeMail,
  runReminders,
} from "../features/reporting/reminders/reminders.service";
import type { AppConfig } from "./config";
import type { Database } from "./db";

const FIRST_RUN_MS = 30_000;
const EVERY_MS = 3_600_000;
/** A returned report should reach the commune's inbox within a minute, not an hour. */
const NOTICE_MAIL_EVERY_MS = 60_000;

/** What one hourly run did, or null when another process was running it. */
export type HourlyRun = {
  opened: number;
  reminders: number;
  /** Follow-up items reminded (due soon, overdue) or escalated: each once per deadline. */
  followUp: number;
  digests: number;
} | null;

/** One hourly run, in this process only if no other holds the jobs' lock. */
export async function runHourlyJobs({
  database,
  mailer,
  log,
}: {
  database: Database;
  mailer: Mailer | null;
  log: MailLog;
}): Promise<HourlyRun> {
  const db = database.db;
  const done = await database.exclusive("jobs", async () => {
    // Periods first: a report opened today can be reminded of today.
    const opened = await runPeriodOpening({ db, log });
    const reminders = await runReminders({ db, mailer, log });
    const followUp = await runFollowUpReminders({ db });
    const digests = mailer ? await runDigests({ db, mailer, log }) : [];
    return {
      opened: opened.length,
      reminders: reminders.length,
      followUp: followUp.dueSoon + followUp.overdue + followUp.escalated,
      digests: digests.length,
    };
  });
  return done?.value ?? null;
}

/**
 * Starts the jobs; `stop` waits for a run in progress, so the database can close after it, and
 * `runNow` runs the hourly work at once (main.ts on SIGUSR2) and tells what it did.
 */
export function startJobs({
  database,
  config,
  log,
}: {
  database: Database;
  config: AppConfig;
  log: MailLog;
}) {
  const mailer = config.smtp ? createSmtpMailer(config.smtp) : null;
  let running: Promise<HourlyRun | "failed"> | null = null;
  const tick = () => {
    // A run still in progress (a slow SMTP relay) is not doubled; claiming is idempotent anyway.
    running ??= runHourlyJobs({ database, mailer, log })
      .catch((error): "failed" => {
        // The next tick retries.
        log.warn({ err: error }, "Chạy nhắc hạn báo cáo thất bại");
        return "failed";
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  let mailing: Promise<void> | null = null;
  const mailTick = () => {
    if (!mailer || mailing) return;
    mailing = database
      .exclusive("noticeMail", () => runNoticeMail({ db: database.db, mailer, log }))
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
  return {
    runNow: tick,
    stop: async () => {
      clearTimeout(first);
      clearInterval(timer);
      clearInterval(mailTimer);
      await Promise.all([running, mailing]);
    },
  };
}
