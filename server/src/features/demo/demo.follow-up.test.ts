import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initiativeCoverageQuery } from "../../../../core/src/api/follow-up-initiatives.schemas";
import { itemListQuery } from "../../../../core/src/api/follow-up-items.schemas";
import { INITIATIVE_STATES } from "../../../../core/src/follow-up/initiatives";
import { FOLLOW_UP_STATES } from "../../../../core/src/follow-up/items";
import { ASSIGNMENT_STATUSES } from "../../../../core/src/plans/status";
import { createTestDatabase } from "../../../test/database";
import { provinceToday } from "../../app/clock";
import { testConfig } from "../../app/config";
import type { Database } from "../../app/db";
import { initiativeCoverage } from "../follow-up/initiatives/coverage.service";
import { itemStatusSql } from "../follow-up/items/follow-up-status.sql";
import { listItems } from "../follow-up/items/items.service";
import { ensureIndexCatalog } from "../indices/indices.catalog";
import { accountActor } from "./demo.actors";
import { demoCalendar } from "./demo.calendar";
import { seedDemoFollowUp } from "./demo.follow-up";
import { seedDemoProvince } from "./demo.seed";

const today = provinceToday();
const year = Number(today.slice(0, 4));

/** A fresh database with the demo province and, on it, the follow-up story alone (it needs no plan). */
async function seeded() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "chiso-demo-fu-"));
  const database = await createTestDatabase();
  const { unitIds } = await seedDemoProvince({ database });
  await ensureIndexCatalog({ db: database.db });
  const started = Date.now();
  const cpu = process.cpuUsage();
  await seedDemoFollowUp({
    db: database.db,
    config: testConfig({ dataDir }),
    calendar: demoCalendar(today),
    unitIds,
  });
  const used = process.cpuUsage(cpu);
  // Reported, not asserted (no timing assertions in tests): what the story adds to a first start.
  console.log(
    `Demo follow-up story: ${Date.now() - started} ms, CPU ${Math.round((used.user + used.system) / 1000)} ms`,
  );
  return {
    database,
    dataDir,
    async close() {
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Everything a person could see of the story, without ids (which differ from seed to seed). */
async function fingerprint(database: Database) {
  const [row] = await database.query<Record<string, string>>(
    `select
      (select string_agg(concat_ws('|', i.kind, i.state, u.name, fu.name, i.arose_on, i.due_date, i.reported_on,
          i.done_on, i.content, i.answer, i.reason, i.published,
          (select string_agg(e.action || ':' || coalesce(e.to_state, '') || ':' || e.note, ',' order by e.at, e.action)
           from follow_up_events e where e.item_id = i.id),
          (select string_agg(f.file_name, ',' order by f.file_name) from follow_up_files f where f.item_id = i.id)),
        E'\\n' order by i.kind, i.arose_on, i.content, u.name)
       from follow_up_items i left join org_units u on u.id = i.unit_id join org_units fu on fu.id = i.follower_unit_id) items,
      (select string_agg(concat_ws('|', p.year, p.title, u.name, s.starts_on, s.ends_on, s.state, s.held_on, s.cancel_reason,
          (select count(*) from inspection_findings f where f.inspection_id = s.id)), E'\\n' order by s.starts_on, u.name)
       from inspections s join inspection_plans p on p.id = s.plan_id join org_units u on u.id = s.unit_id) inspections,
      (select string_agg(concat_ws('|', i.year, u.name, i.state, i.title, i.decided_on, i.decision_note,
          (select string_agg(ru.name || '@' || r.from_date, ',' order by ru.name)
           from initiative_replications r join org_units ru on ru.id = r.unit_id where r.initiative_id = i.id)),
        E'\\n' order by i.year, u.name, i.title)
       from initiatives i join org_units u on u.id = i.unit_id) initiatives,
      (select string_agg(concat_ws('|', d.held_on, d.kind, d.title, d.participant_count, u.name), E'\\n' order by d.held_on)
       from dialogues d join org_units u on u.id = d.host_unit_id) dialogues,
      (select string_agg(concat_ws('|', u.name, n.kind, n.title), E'\\n' order by u.name, n.kind, n.title)
       from notifications n join org_units u on u.id = n.unit_id) notices`,
  );
  return row;
}

let first: Awaited<ReturnType<typeof seeded>>;
let second: Awaited<ReturnType<typeof seeded>>;
let database: Database;

const one = async <T>(text: string, params: unknown[] = []) => (await database.query<T>(text, params))[0];
const countsBy = async (text: string, params: unknown[] = []) =>
  Object.fromEntries(
    (await database.query<{ key: string; n: number }>(text, params)).map((r) => [r.key, r.n]),
  ) as Record<string, number>;

beforeAll(async () => {
  first = await seeded();
  second = await seeded();
  database = first.database;
}, 300_000);
afterAll(async () => {
  await first?.close();
  await second?.close();
});

describe("the demo's follow-up story", () => {
  it("is the same story on every fresh seed of the same day", async () => {
    const a = await fingerprint(first.database);
    expect(Object.values(a).every((v) => v && v.length > 100)).toBe(true);
    expect(await fingerprint(second.database)).toEqual(a);
  });

  it("inspects 8-12 units, records 2-4 findings per inspection held, each linked to an index component", async () => {
    const byState = await countsBy("select state as key, count(*)::int as n from inspections group by state");
    const total = Object.values(byState).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(8);
    expect(total).toBeLessThanOrEqual(12);
    expect(byState.done).toBeGreaterThan(4);
    expect(byState.planned).toBeGreaterThan(0);
    expect(byState.cancelled).toBe(1);
    const findings = await database.query<{ n: number; linked: number; kinds: string[] }>(
      `select count(f.id)::int as n, count(c.code)::int as linked, array_agg(distinct u.kind) as kinds
       from inspections s join org_units u on u.id = s.unit_id
       left join inspection_findings f on f.inspection_id = s.id
       left join index_components c on c.version_code = f.version_code and c.code = f.component_code
       where s.state = 'done' group by s.id`,
    );
    for (const f of findings) {
      expect(f.n).toBeGreaterThanOrEqual(2);
      expect(f.n).toBeLessThanOrEqual(4);
      expect(f.linked).toBe(f.n);
    }
    const kinds = new Set(findings.flatMap((f) => f.kinds));
    expect([...kinds].sort()).toEqual(["commune", "department"]);
    const indices = await database.query<{ code: string }>(
      "select distinct split_part(version_code, '-', 1) as code from inspection_findings order by 1",
    );
    expect(indices.map((i) => i.code)).toEqual(["INDEX_766", "PAR_INDEX", "PCI", "SIPAS"]);
  });

  it("has remediation and recommendations in every state and every status class", async () => {
    const states = await countsBy(
      "select state as key, count(*)::int as n from follow_up_items group by state",
    );
    for (const state of FOLLOW_UP_STATES) expect(states[state] ?? 0, state).toBeGreaterThan(0);
    const remediationStates = await countsBy(
      "select state as key, count(*)::int as n from follow_up_items where kind = 'remediation' group by state",
    );
    for (const state of FOLLOW_UP_STATES.filter((s) => s !== "received"))
      expect(remediationStates[state] ?? 0, `remediation ${state}`).toBeGreaterThan(0);
    for (const kind of ["remediation", "recommendation"]) {
      const { sql } = await import("drizzle-orm");
      const { rowsOf } = await import("../../app/db");
      const result = await database.db.execute(sql`select ${itemStatusSql(today)} as key, count(*)::int as n
        from follow_up_items i where i.kind = ${kind} group by 1`);
      const classes = Object.fromEntries(rowsOf<{ key: string; n: number }>(result).map((r) => [r.key, r.n]));
      for (const status of ASSIGNMENT_STATUSES)
        expect(classes[status] ?? 0, `${kind} ${status}`).toBeGreaterThan(0);
    }
    // A return and a closure say why; reported and accepted remediation carries evidence and a report.
    const unexplained = await one<{ n: number }>(
      "select count(*)::int as n from follow_up_items where state in ('returned', 'closed') and length(reason) < 20",
    );
    expect(unexplained.n).toBe(0);
    const withoutEvidence = await one<{ n: number; all: number }>(
      `select count(*) filter (where not exists (select 1 from follow_up_files f where f.item_id = i.id))::int as n,
         count(*)::int as "all"
       from follow_up_items i where i.kind = 'remediation' and i.state in ('reported', 'accepted')`,
    );
    expect(withoutEvidence.all).toBeGreaterThan(5);
    expect(withoutEvidence.n).toBeLessThan(withoutEvidence.all / 2);
    const comments = await one<{ n: number }>(
      "select count(*)::int as n from follow_up_events where action = 'comment' and length(note) > 20",
    );
    expect(comments.n).toBeGreaterThan(3);
  });

  it("stores the evidence and minutes as real files", async () => {
    const files = await database.query<{ storage_key: string; file_name: string }>(
      "select storage_key, file_name from follow_up_files where kind <> 'link'",
    );
    expect(files.length).toBeGreaterThan(10);
    const stored = fs
      .readdirSync(path.join(first.dataDir, "files"), { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => path.join(d.parentPath, d.name));
    for (const f of files) {
      const found = stored.find((p) => p.endsWith(f.storage_key));
      expect(found, f.file_name).toBeDefined();
      expect(fs.readFileSync(found!).subarray(0, 4).toString("latin1")).toBe(
        f.file_name.endsWith(".pdf") ? "%PDF" : "PK\u0003\u0004",
      );
    }
  });

  it("gives the demo ward work to do: canbo's list has open and returned items", async () => {
    const canbo = await accountActor(database.db, "canbo");
    const list = await listItems({ db: database.db, actor: canbo, query: itemListQuery.parse({}) });
    const mine = list.items.filter((i) => i.unitId === canbo.unitId);
    const states = new Set(mine.map((i) => `${i.kind}:${i.state}`));
    expect(states.has("remediation:open")).toBe(true);
    expect(states.has("remediation:returned")).toBe(true);
    expect(states.has("recommendation:open")).toBe(true);
    expect(mine.some((i) => i.status === "overdue")).toBe(true);
    const returned = mine.find((i) => i.state === "returned")!;
    expect(returned.commentCount).toBeGreaterThan(0);
    expect(returned.fileCount).toBeGreaterThan(0);
    // dieuphoi has reports to review.
    const dieuphoi = await accountActor(database.db, "dieuphoi");
    const toReview = await listItems({
      db: database.db,
      actor: dieuphoi,
      query: itemListQuery.parse({ state: "reported", followerUnitId: dieuphoi.unitId }),
    });
    expect(toReview.total).toBeGreaterThan(1);
  });

  it("registers initiatives of this year and last in every state, replicated to 2-3 units, with shortfalls", async () => {
    const states = await countsBy(
      "select state as key, count(*)::int as n from initiatives where year = $1 group by state",
      [year],
    );
    for (const state of INITIATIVE_STATES) expect(states[state] ?? 0, state).toBeGreaterThan(0);
    const lastYear = await one<{ n: number }>("select count(*)::int as n from initiatives where year = $1", [
      year - 1,
    ]);
    expect(lastYear.n).toBeGreaterThan(2);
    const replicated = await database.query<{ n: number }>(
      `select count(r.unit_id)::int as n from initiatives i join initiative_replications r on r.initiative_id = i.id
       where i.state = 'replicated' group by i.id`,
    );
    expect(replicated.length).toBeGreaterThan(0);
    for (const r of replicated) expect([2, 3]).toContain(r.n);
    const rejected = await one<{ n: number }>(
      "select count(*)::int as n from initiatives where state = 'notRecognised' and length(decision_note) < 20",
    );
    expect(rejected.n).toBe(0);
    const canbo = await accountActor(database.db, "canbo");
    const ward = await database.query<{ state: string }>(
      "select state from initiatives where unit_id = $1 and year = $2",
      [canbo.unitId, year],
    );
    expect(ward).toEqual([{ state: "proposed" }]);
    const coverage = await initiativeCoverage({
      db: database.db,
      actor: await accountActor(database.db, "dieuphoi"),
      query: initiativeCoverageQuery.parse({ year: String(year), kind: "department" }),
    });
    expect(coverage.summary.unitsWithNone).toBeGreaterThan(2);
    expect(coverage.summary.units - coverage.summary.unitsShort).toBeGreaterThan(4);
  });

  it("records the chairman's dialogue with 80 businesses and a ward's with its citizens", async () => {
    const dialogues = await database.query<{
      kind: string;
      host_kind: string;
      participant_count: number;
      recs: number;
      published: number;
      anonymous: number;
      assigned: number;
    }>(
      `select d.kind, u.kind as host_kind, d.participant_count, count(i.id)::int as recs,
         count(*) filter (where i.published)::int as published, count(*) filter (where i.anonymous)::int as anonymous,
         count(distinct i.unit_id)::int as assigned
       from dialogues d join org_units u on u.id = d.host_unit_id join follow_up_items i on i.dialogue_id = d.id
       group by d.id, u.kind order by d.held_on`,
    );
    expect(dialogues).toHaveLength(2);
    const [business, ward] = dialogues;
    expect(business).toMatchObject({ kind: "businesses", host_kind: "province" });
    expect(business.participant_count).toBeGreaterThanOrEqual(80);
    expect(business.recs).toBeGreaterThanOrEqual(10);
    expect(business.recs).toBeLessThanOrEqual(15);
    expect(business.published).toBeGreaterThanOrEqual(3);
    expect(business.published).toBeLessThanOrEqual(4);
    expect(business.anonymous).toBeGreaterThan(1);
    expect(business.assigned).toBeGreaterThan(5);
    expect(ward).toMatchObject({ kind: "citizens", host_kind: "commune", recs: 3 });
    const transferred = await one<{ n: number }>(
      "select count(*)::int as n from follow_up_events where action = 'transfer' and length(note) > 20",
    );
    expect(transferred.n).toBeGreaterThan(0);
    const late = await one<{ n: number }>(
      "select count(*)::int as n from follow_up_items where kind = 'recommendation' and done_on > due_date",
    );
    expect(late.n).toBeGreaterThan(0);
  });

  it("sends today's reminders of overdue work, once", async () => {
    const reminded = await one<{ n: number }>(
      "select count(*)::int as n from follow_up_reminders where kind = 'overdue'",
    );
    expect(reminded.n).toBeGreaterThan(2);
    const escalated = await one<{ n: number }>(
      "select count(*)::int as n from follow_up_reminders where kind = 'escalated'",
    );
    expect(escalated.n).toBeGreaterThan(0);
    const { runFollowUpReminders } = await import("../follow-up/items/items.reminders");
    expect(await runFollowUpReminders({ db: database.db, today })).toMatchObject({ notices: 0 });
  });
});
