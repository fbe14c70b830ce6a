/**
 * The demo's story on top of the province and its issued plan, dated relative to today: the monthly
 * report of the last three months in every state, progress that gives the five status classes, a
 * cascade to a ward and to a department's internal units, evidence files and notifications; then the
 * follow-up story (inspections, initiatives, dialogues: demo.follow-up.ts). Every
 * step goes through the services a person's act goes through (see demo.reporting.ts).
 */
import { provinceToday } from "../../app/clock";
import type { AppConfig } from "../../app/config";
import type { Database } from "../../app/db";
import { createPlansRepository } from "../plans/plans.repository";
import { accountActor } from "./demo.actors";
import { demoCalendar } from "./demo.calendar";
import { seedDemoCascade } from "./demo.cascade";
import { seedDemoFollowUp } from "./demo.follow-up";
import { demoAssignments } from "./demo.progress";
import { seedDemoReporting } from "./demo.reporting";
import { DEMO_COMMUNE_KEY, GIA_LAI } from "./gia-lai.units";

/** The department whose internal units get the cascaded plan, and that receives the reports. */
export const DEMO_DEPARTMENT_KEY = "gl-snv";

export async function seedDemoStory({
  database,
  config,
  unitIds,
  planId,
  today = provinceToday(),
}: {
  database: Database;
  config: AppConfig;
  unitIds: Map<string, string>;
  planId: string;
  today?: string;
}) {
  const db = database.db;
  const calendar = demoCalendar(today);
  const plan = await createPlansRepository(db).findById(planId);
  if (!plan?.issuedDate) return null;
  const issued = plan.issuedDate;
  const assignments = await demoAssignments(db, planId, { issued, today });
  const department = unitIds.get(DEMO_DEPARTMENT_KEY)!;
  const obligationId = await seedDemoReporting({
    db,
    config,
    planId,
    assignments,
    calendar,
    issued,
    receivingUnitId: department,
  });
  const internalUnitIds = GIA_LAI.units
    .filter((u) => u.parentKey === DEMO_DEPARTMENT_KEY && u.kind === "internalUnit")
    .map((u) => unitIds.get(u.key)!);
  const childPlanIds = await seedDemoCascade({
    db,
    parentId: planId,
    calendar,
    parentAssignments: assignments,
    ward: { actor: await accountActor(db, "lanhdao"), unitId: unitIds.get(DEMO_COMMUNE_KEY)! },
    department: { actor: await accountActor(db, "dieuphoi"), unitId: department, internalUnitIds },
  });
  await seedDemoFollowUp({ db, config, calendar, unitIds });
  return { obligationId, childPlanIds };
}
