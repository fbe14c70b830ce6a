/**
 * The demo's reporting story, replayed through the real services on the days it happened
 * (`atInstant`): Sở Nội vụ sets a monthly report on the demo plan (due the 5th of the next month, the
 * head approves before it leaves the unit), the last three months are opened (entries carried
 * forward), units state their progress at each month's end, then write, send, get returned, send
 * again and get accepted, or miss the deadline. The demo accounts each find work on first login:
 * canbo this month's draft, lanhdao last month's report awaiting approval, dieuphoi reports to review.
 */
import { sql } from "drizzle-orm";
import { obligationCreateBody } from "../../../../core/src/api/reporting.schemas";
import type { IsoDate } from "../../../../core/src/deadlines/deadline.types";
import { addDays, type Period, periodLabel } from "../../../../core/src/reporting/periods";
import type { ReportAction } from "../../../../core/src/reporting/report-state";
import type { Actor } from "../../app/actor";
import { atInstant } from "../../app/clock";
import type { AppConfig } from "../../app/config";
import { type Db, rowsOf } from "../../app/db";
import { createOrgUnitsRepository, type OrgUnitRow } from "../org-units/org-units.repository";
import { saveEntry } from "../reporting/entries/entry-save.service";
import { uploadEvidence } from "../reporting/evidence/evidence.service";
import { createObligation } from "../reporting/obligations/obligations.service";
import { openPeriod } from "../reporting/obligations/periods.service";
import { runReminders } from "../reporting/reminders/reminders.service";
import { updateReport } from "../reporting/reports/reports.service";
import { transitionReport } from "../reporting/review/transitions.service";
import { accountActor, standInHead } from "./demo.actors";
import { type DemoCalendar, pastInstant } from "./demo.calendar";
import { demoDocx, demoPdf } from "./demo.evidence";
import { type Conduct, conductOf, draw } from "./demo.fates";
import { type DemoAssignment, stateProgressBy } from "./demo.progress";
import { generalPart, narrative, returnReason } from "./demo.texts";

interface PeriodReport {
  id: string;
  unitId: string;
  version: number;
  dueDate: IsoDate;
}

/** Everything one period's replay needs. */
interface Story {
  db: Db;
  config: AppConfig;
  today: IsoDate;
  coordinator: Actor;
  officer: Actor;
  head: Actor;
  units: Map<string, OrgUnitRow>;
  /** Who writes and sends each unit's report: canbo for the demo ward, a stand-in head elsewhere. */
  writers: Map<string, Actor>;
}

const minDay = (a: IsoDate, b: IsoDate) => (a < b ? a : b);
const maxDay = (a: IsoDate, b: IsoDate) => (a > b ? a : b);

const at = pastInstant;

export async function seedDemoReporting({
  db,
  config,
  planId,
  assignments,
  calendar: c,
  issued,
  receivingUnitId,
}: {
  db: Db;
  config: AppConfig;
  planId: string;
  assignments: DemoAssignment[];
  calendar: DemoCalendar;
  issued: IsoDate;
  receivingUnitId: string;
}) {
  const story: Story = {
    db,
    config,
    today: c.today,
    coordinator: await accountActor(db, "dieuphoi"),
    officer: await accountActor(db, "canbo"),
    head: await accountActor(db, "lanhdao"),
    units: new Map(),
    writers: new Map(),
  };
  const periods = c.periods();
  const obligation = await atInstant(at(addDays(periods[0].start, -5), 9), () =>
    createObligation({
      db,
      actor: story.coordinator,
      planId,
      input: obligationCreateBody.parse({
        title: "Báo cáo tháng kết quả thực hiện Kế hoạch cải thiện các chỉ số",
        frequency: "monthly",
        dueRule: { kind: "daysAfterEnd", days: 5 },
        receivingUnitId,
        requiresApproval: true,
        questions: ["Số hồ sơ thủ tục hành chính giải quyết quá hạn trong tháng và nguyên nhân?"],
      }),
    }),
  );
  const unitIds = [...new Set(assignments.map((a) => a.unitId))];
  for (const u of await createOrgUnitsRepository(db).findByIds(unitIds)) {
    story.units.set(u.id, u);
    story.writers.set(u.id, u.id === story.officer.unitId ? story.officer : standInHead(u));
  }
  for (const [index, period] of periods.entries()) {
    const age = periods.length - 1 - index;
    await atInstant(at(period.start, 7), () =>
      openPeriod({ db, actor: story.coordinator, obligationId: obligation.id, periodKey: period.key }),
    );
    await stateProgressBy({
      db,
      assignments,
      day: minDay(period.end, c.today),
      issued,
      today: c.today,
      restateRecurring: index > 0,
    });
    const reports = await periodReports(db, obligation.id, period.key);
    for (const report of reports) await conduct(story, report, period, age);
  }
  // The reminders the hourly job would send today (due soon, overdue): the workflow's own notices.
  await runReminders({ db, today: c.today });
  return obligation.id;
}

async function periodReports(db: Db, obligationId: string, periodKey: string) {
  const result = await db.execute(sql`select id, unit_id as "unitId", version, due_date::text as "dueDate"
    from reports where obligation_id = ${obligationId} and period_key = ${periodKey} order by unit_path`);
  return rowsOf<PeriodReport>(result);
}

/** One unit's report of one period, as its conduct says. */
async function conduct(story: Story, report: PeriodReport, period: Period, age: number) {
  const unit = story.units.get(report.unitId);
  if (!unit) return;
  const isDemoUnit = unit.id === story.officer.unitId;
  const writer = story.writers.get(unit.id)!;
  const key = `${unit.name}|${period.key}`;
  const kind: Conduct = isDemoUnit
    ? age === 2
      ? "accepted"
      : age === 1
        ? "pendingApproval"
        : "draft"
    : conductOf(key, age);
  const due = report.dueDate;
  const spread = draw(`${key}#day`);
  // The day the unit sends: a few days before the due day, or some days after it when late (a late
  // sending is only late once the due day has passed); never after today.
  const late = kind === "acceptedLate" || (kind === "submittedLate" && story.today > due);
  const sent = minDay(
    late ? addDays(due, 1 + Math.floor(spread * 8)) : addDays(due, -1 - Math.floor(spread * 4)),
    story.today,
  );
  const version = { current: report.version };
  const act = async (actor: Actor, day: IsoDate, hour: number, action: ReportAction, reason?: string) => {
    const r = await atInstant(at(day, hour), () =>
      transitionReport({
        db: story.db,
        actor,
        id: report.id,
        input: { action, version: version.current, ...(reason ? { reason } : {}) },
      }),
    );
    version.current = r.version;
  };
  // Written the day before sending (not before the month's report opened), or today for a draft.
  const writeDay =
    kind === "draft" ? story.today : maxDay(period.start, minDay(addDays(sent, -1), story.today));
  // Most units write the general part of what they send (the older month's only some, to keep the
  // first start quick); a few have begun a draft.
  const writes = kind === "draft" ? draw(`${key}#writes`) < 0.15 : age < 2 || draw(`${key}#writes`) < 0.3;
  if (writes || isDemoUnit) {
    await write(story, writer, report, version.current, period, writeDay, isDemoUnit, age);
    const after = await story.db.execute(sql`select version from reports where id = ${report.id}`);
    version.current = rowsOf<{ version: number }>(after)[0].version;
  }
  if (isDemoUnit && age === 2) {
    await act(story.officer, addDays(due, -2), 10, "submit");
    await act(story.head, addDays(due, -1), 15, "approve");
    await act(story.coordinator, addDays(due, 2), 9, "accept");
    return;
  }
  if (isDemoUnit && age === 1) return act(story.officer, minDay(addDays(due, -1), story.today), 10, "submit");
  if (kind === "draft") return;
  if (kind === "pendingApproval")
    return act(
      { ...writer, roles: ["officer"], displayName: `Cán bộ ${unit.shortName || unit.name}` },
      sent,
      10,
      "submit",
    );
  await act(writer, sent, 10, "submit");
  const review = (days: number) => minDay(addDays(sent, days), story.today);
  if (kind === "accepted" || kind === "acceptedLate")
    return act(story.coordinator, review(1 + Math.floor(spread * 3)), 14, "accept");
  if (kind === "returned" || kind === "resubmitted" || kind === "returnedThenAccepted") {
    await act(story.coordinator, review(1), 15, "return", returnReason(key));
    if (kind === "returned") return;
    await act(writer, review(2), 16, "resubmit");
    if (kind === "returnedThenAccepted") await act(story.coordinator, review(4), 9, "accept");
  }
}

/** The unit writes its report: the general part, a note on some tasks, evidence on the demo ward's. */
async function write(
  story: Story,
  writer: Actor,
  report: PeriodReport,
  version: number,
  period: Period,
  day: IsoDate,
  isDemoUnit: boolean,
  age: number,
) {
  const unit = story.units.get(report.unitId)!;
  const label = periodLabel(period);
  const when = at(day, 9);
  // This month's draft of the demo ward is left half written: canbo finishes it.
  const general =
    isDemoUnit && age === 0
      ? { results: generalPart(unit.name, label).results }
      : generalPart(unit.name, label);
  const updated = await atInstant(when, () =>
    updateReport({ db: story.db, actor: writer, id: report.id, input: { version, ...general } }),
  );
  // The demo ward writes a line on each task (this month's draft: on two so far).
  // Some other units write on their first tasks.
  const entries = isDemoUnit
    ? updated.entries.filter((e) => !e.narrative).slice(0, age === 0 ? 2 : undefined)
    : draw(`${unit.name}|${period.key}#notes`) < 0.12
      ? updated.entries.slice(0, 2)
      : [];
  for (const entry of entries)
    await atInstant(when, () =>
      saveEntry({
        db: story.db,
        actor: writer,
        id: entry.id,
        input: { version: entry.version, narrative: narrative(`${entry.id}`) },
      }),
    );
  if (!isDemoUnit && draw(`${unit.name}|${period.key}#evidence`) > 0.1) return;
  // Named as a person names a file: the month in words, never the period's code.
  const month = `thang-${period.start.slice(5, 7)}-${period.start.slice(0, 4)}`;
  const file =
    age === 2
      ? {
          fileName: `Ke-hoach-trien-khai-${month}.docx`,
          data: await demoDocx(`Kế hoạch triển khai của ${unit.name}`, [
            `${label}: phân công thực hiện Kế hoạch cải thiện các chỉ số.`,
          ]),
        }
      : {
          fileName: `Bien-ban-hoi-nghi-${month}.pdf`,
          data: demoPdf([
            "BIEN BAN HOI NGHI",
            `Quan triet ke hoach cai thien cac chi so - ${label.replace("Tháng", "Thang")}`,
          ]),
        };
  await atInstant(when, () =>
    uploadEvidence({
      db: story.db,
      config: story.config,
      actor: writer,
      id: report.id,
      entryId: updated.entries[0]?.id ?? null,
      file,
    }),
  );
}
