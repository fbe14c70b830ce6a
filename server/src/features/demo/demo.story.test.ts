import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ASSIGNMENT_STATUSES } from "../../../../core/src/plans/status";
import { createTestDatabase } from "../../../test/database";
import { provinceToday } from "../../app/clock";
import { testConfig } from "../../app/config";
import type { Database } from "../../app/db";
import { runFollowUpReminders } from "../follow-up/items/items.reminders";
import { assignmentStatusSql } from "../plans/views/status.sql";
import { runPeriodOpening } from "../reporting/obligations/period-opening.service";
import { runReminders } from "../reporting/reminders/reminders.service";
import { demoCalendar } from "./demo.calendar";
import { seedDemoIfEmpty } from "./demo.seed";

let database: Database;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "chiso-demo-"));
const config = testConfig({ dataDir });
const today = provinceToday();
const [older, last, current] = demoCalendar(today).periods();

const one = async <T>(text: string, params: unknown[] = []) => (await database.query<T>(text, params))[0];
const userUnit = async (username: string) =>
  (await one<{ unit_id: string }>("select unit_id from users where username = $1", [username])).unit_id;

beforeAll(async () => {
  database = await createTestDatabase();
  const started = Date.now();
  const cpu = process.cpuUsage();
  await seedDemoIfEmpty({ database, config });
  const used = process.cpuUsage(cpu);
  // Reported, not asserted (no timing assertions in tests): the README quotes it.
  console.log(
    `Demo seed (province, indices, plan, story, follow-up): ${Date.now() - started} ms, CPU ${Math.round((used.user + used.system) / 1000)} ms`,
  );
}, 300_000);
afterAll(async () => {
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("the demo seeded on an empty database", () => {
  it("opens the monthly report's last three months, each with a report per assigned unit", async () => {
    const rows = await database.query<{ period_key: string; n: number }>(
      "select period_key, count(*)::int as n from reports group by period_key order by period_key",
    );
    expect(rows.map((r) => r.period_key)).toEqual([older.key, last.key, current.key]);
    const units = await one<{ n: number }>(
      "select count(distinct unit_id)::int as n from task_assignments a join plans p on p.id = a.plan_id where p.parent_plan_id is null",
    );
    for (const r of rows) expect(r.n).toBe(units.n);
    const [{ n: entries }] = await database.query<{ n: number }>(
      "select count(*)::int as n from report_entries",
    );
    expect(entries).toBeGreaterThan(units.n * 3);
  });

  it("has reports in every state, late ones and missing ones", async () => {
    const states = await database.query<{ state: string; n: number }>(
      "select state, count(*)::int as n from reports group by state",
    );
    const byState = Object.fromEntries(states.map((s) => [s.state, s.n]));
    for (const state of ["draft", "pendingApproval", "submitted", "returned", "resubmitted", "accepted"])
      expect(byState[state] ?? 0, state).toBeGreaterThan(0);
    const late = await one<{ n: number }>(
      `select count(*)::int as n from reports
       where (first_submitted_at at time zone 'Asia/Ho_Chi_Minh')::date > due_date`,
    );
    expect(late.n).toBeGreaterThan(0);
    const missing = await one<{ n: number }>(
      "select count(*)::int as n from reports where state = 'draft' and due_date < $1",
      [today],
    );
    expect(missing.n).toBeGreaterThan(0);
    const returned = await one<{ n: number }>(
      "select count(*)::int as n from reports where state = 'returned' and length(return_reason) > 10",
    );
    expect(returned.n).toBe(byState.returned);
  });

  it("gives each demo account real work on first login", async () => {
    const ward = await userUnit("canbo");
    expect(await userUnit("lanhdao")).toBe(ward);
    const mine = await database.query<{ period_key: string; state: string }>(
      "select period_key, state from reports where unit_id = $1 order by period_key",
      [ward],
    );
    expect(mine).toEqual([
      { period_key: older.key, state: "accepted" },
      { period_key: last.key, state: "pendingApproval" },
      { period_key: current.key, state: "draft" },
    ]);
    const coordinatorUnit = await userUnit("dieuphoi");
    const toReview = await one<{ n: number }>(
      `select count(*)::int as n from reports r join reporting_obligations o on o.id = r.obligation_id
       where o.receiving_unit_id = $1 and r.state in ('submitted', 'resubmitted')`,
      [coordinatorUnit],
    );
    expect(toReview.n).toBeGreaterThan(5);
  });

  it("shows the five status classes, most work on track", async () => {
    const { sql } = await import("drizzle-orm");
    const { rowsOf } = await import("../../app/db");
    const result =
      await database.db.execute(sql`select ${assignmentStatusSql(today)} as status, count(*)::int as n
      from task_assignments a where a.ended_at is null group by 1`);
    const counts = Object.fromEntries(
      rowsOf<{ status: string; n: number }>(result).map((r) => [r.status, r.n]),
    );
    console.log("Demo status classes:", counts);
    for (const status of ASSIGNMENT_STATUSES) expect(counts[status] ?? 0, status).toBeGreaterThan(0);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    expect(counts.inProgress / total).toBeGreaterThan(0.35);
    expect(counts.overdue / total).toBeLessThan(0.2);
  });

  it("cascades a plan to the ward and to Sở Nội vụ's internal units, rolled up into the parent", async () => {
    const children = await database.query<{ id: string; owner_kind: string; status: string }>(
      `select p.id, u.kind as owner_kind, p.status from plans p join org_units u on u.id = p.owner_unit_id
       where p.parent_plan_id is not null order by u.kind`,
    );
    expect(children.map((c) => [c.owner_kind, c.status])).toEqual([
      ["commune", "issued"],
      ["department", "issued"],
    ]);
    const internal = await one<{ n: number }>(
      `select count(distinct a.unit_id)::int as n from task_assignments a join org_units u on u.id = a.unit_id
       where a.plan_id = $1 and u.kind = 'internalUnit'`,
      [children[1].id],
    );
    expect(internal.n).toBeGreaterThan(1);
    // The owner's assignment on each implemented parent task whose child tasks moved is the mean of
    // their progress (a roll-up follows a statement; a child plan not started leaves the parent as is).
    const rolled = await database.query<{ own: number; mean: number }>(
      `select pa.progress as own, round(avg(ct.progress))::int as mean
       from plan_tasks ct join plans cp on cp.id = ct.plan_id
       join task_assignments pa on pa.task_id = ct.parent_task_id and pa.unit_id = cp.owner_unit_id and pa.ended_at is null
       where cp.parent_plan_id is not null group by pa.id, pa.progress having max(ct.progress) > 0`,
    );
    expect(rolled.length).toBeGreaterThan(2);
    for (const r of rolled) expect(r.own).toBe(r.mean);
    expect(rolled.some((r) => r.own > 0)).toBe(true);
  });

  it("stores real evidence files and the workflow's notifications", async () => {
    const files = await database.query<{ storage_key: string; file_name: string }>(
      "select storage_key, file_name from report_evidence where kind = 'file'",
    );
    expect(files.some((f) => f.file_name.endsWith(".pdf"))).toBe(true);
    expect(files.some((f) => f.file_name.endsWith(".docx"))).toBe(true);
    for (const f of files) {
      const found = fs
        .readdirSync(path.join(dataDir, "files"), { recursive: true, withFileTypes: true })
        .find((d) => d.isFile() && path.join(d.parentPath, d.name).endsWith(f.storage_key));
      expect(found, f.storage_key).toBeDefined();
      const bytes = fs.readFileSync(path.join(found!.parentPath, found!.name));
      expect(bytes.subarray(0, 4).toString("latin1")).toBe(
        f.file_name.endsWith(".pdf") ? "%PDF" : "PK\u0003\u0004",
      );
    }
    const kinds = await database.query<{ kind: string }>("select distinct kind from notifications");
    // The follow-up story comes after the reporting one (its own test: demo.follow-up.test.ts).
    expect(kinds.map((k) => k.kind)).toEqual(
      expect.arrayContaining(["followUp.created", "followUp.returned", "initiativeRecognised"]),
    );
    expect(kinds.map((k) => k.kind)).toEqual(expect.arrayContaining(["returned", "accepted", "received"]));
  });

  it("changes nothing when started again on the same database", async () => {
    const snapshot = async () =>
      database.query(
        `select (select count(*) from org_units) units, (select count(*) from plans) plans,
          (select count(*) from task_assignments) assignments, (select sum(progress) from task_assignments) progress,
          (select count(*) from reports) reports, (select string_agg(state, ',' order by id) from reports) states,
          (select count(*) from report_entries) entries, (select count(*) from report_evidence) evidence,
          (select count(*) from notifications) notices, (select count(*) from users) users,
          (select string_agg(state || version, ',' order by id) from follow_up_items) items,
          (select count(*) from follow_up_events) item_events, (select count(*) from initiatives) initiatives,
          (select count(*) from inspections) inspections, (select count(*) from dialogues) dialogues`,
      );
    const before = await snapshot();
    const again = await seedDemoIfEmpty({ database, config });
    expect(again.accounts.map((a) => a.username).sort()).toEqual([
      "admin",
      "canbo",
      "dieuphoi",
      "lanhdao",
      "xem",
    ]);
    // The jobs a start runs: the clock's opening finds this month's reports there, and today's
    // reminders were sent by the seed.
    expect(await runPeriodOpening({ db: database.db, today })).toEqual([]);
    await runReminders({ db: database.db, today });
    await runFollowUpReminders({ db: database.db, today });
    expect(await snapshot()).toEqual(before);
  });
});
