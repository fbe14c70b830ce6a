/**
 * The demo's follow-up story (issue 17), after the reporting story: Sở Nội vụ's inspections and the
 * remediation of their findings, the units' reform initiatives, and the dialogues with businesses and
 * citizens with the recommendations they raised, each item in the state its history leaves it today.
 * Every act through the services, on the day it happened, by the demo account or stand-in who took it;
 * then the reminders the hourly job sent over the last two weeks. Dated relative to the province's today.
 */
import type { AppConfig } from "../../app/config";
import type { Db } from "../../app/db";
import { runFollowUpReminders } from "../follow-up/items/items.reminders";
import type { DemoCalendar } from "./demo.calendar";
import { seedDemoDialogues } from "./demo.dialogues";
import { followUpCast } from "./demo.follow-up.acts";
import { seedDemoInitiatives } from "./demo.initiatives";
import { seedDemoInspections } from "./demo.inspections";

export async function seedDemoFollowUp({
  db,
  config,
  calendar,
  unitIds,
}: {
  db: Db;
  config: AppConfig;
  calendar: DemoCalendar;
  unitIds: Map<string, string>;
}) {
  const cast = await followUpCast({ db, config, calendar, unitIds });
  await seedDemoInspections(cast);
  await seedDemoInitiatives(cast);
  await seedDemoDialogues(cast);
  // The hourly job's daily pass over the last two weeks (it catches up a week): reminders of work due
  // soon and overdue, escalations to the follower, as they would have been sent.
  for (let offset = -14; offset <= 0; offset++)
    await runFollowUpReminders({ db, today: calendar.day(offset) });
}
