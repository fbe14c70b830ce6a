/**
 * The follow-up registers in the yearly scorecards and in the coordinator's dashboard: the score is
 * core's over the counts, a remediation completed late lowers it, the counts are core's
 * `followUpStatus` over the items' rows, every dashboard figure is what the list it links to shows,
 * and a unit outside the actor's scope (another province, outside a coordinator's part of one) is
 * counted nowhere. 401 without a session, 400 for a bad query.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  FOLLOW_UP_FIGURES,
  FOLLOW_UP_KINDS,
  type FollowUpState,
  followUpFiguresOf,
  followUpStatus,
} from "../../../../../core/src/follow-up/items";
import { judgementDay } from "../../../../../core/src/plans/status";
import {
  type ScorecardCounts,
  scorecardRates,
  scorecardScore,
  scorecardWeightsText,
} from "../../../../../core/src/reporting/scorecard";
import { createTestDatabase } from "../../../../test/database";
import { buildUser } from "../../../../test/factories";
import { buildItemsWorld, type ItemsWho, type ItemsWorld } from "../../../../test/follow-up-items-world";
import { buildTestApp, createClient } from "../../../../test/http";
import { setClockForTests } from "../../../app/clock";
import { type Database, rowsOf } from "../../../app/db";
import { initiatives } from "../../follow-up/follow-up.table";

let database: Database;
let app: FastifyInstance;
let w: ItemsWorld;
let other: ItemsWorld;
let dataDir: string;
/** Xã Bình Minh's remediation, reported after its deadline. */
let lateId: string;

/** 10:00 in Vietnam on `day`. */
const at = (day: string) => setClockForTests(new Date(`${day}T03:00:00Z`));

beforeAll(async () => {
  at("2026-04-01");
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "chiso-fu-dashboard-"));
  database = await createTestDatabase();
  app = await buildTestApp(database, { dataDir });
  w = await buildItemsWorld({ db: database.db, app });
  other = await buildItemsWorld({ db: database.db, app, tag: "Tỉnh Khác" });
  const comB = w.units.comB;
  lateId = await w.newItem({ unit: { id: comB.id, path: comB.path }, content: "Cập nhật quy chế một cửa" });
  // Xã An Phú registered an initiative this year; no other unit did.
  await database.db.insert(initiatives).values({
    provinceId: w.province.id,
    unitId: w.units.comA.id,
    unitPath: w.units.comA.path,
    year: 2026,
    title: "Số hóa hồ sơ một cửa",
  });
}, 120_000);

afterAll(async () => {
  setClockForTests(null);
  await app.close();
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const view = async (id: string) =>
  (await (await w.as("coord")).get(`/api/follow-up/items/${id}`)).json().item;
async function act(who: ItemsWho, id: string, body: Record<string, unknown>) {
  const res = await (await w.as(who)).post(`/api/follow-up/items/${id}/transitions`, {
    version: (await view(id)).version,
    ...body,
  });
  expect(res.statusCode, res.body).toBe(200);
}
const get = async (who: ItemsWho | ReturnType<typeof createClient>, url: string) => {
  const client = typeof who === "string" ? await w.as(who) : who;
  const res = await client.get(url);
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json();
};

type Card = ScorecardCounts & { unitId: string; unitName: string; rank: number; score: number | null };

describe("the follow-up registers in the yearly scorecards", () => {
  beforeAll(async () => {
    // Xã An Phú remedies on 20/04 (due 30/04), Xã Bình Minh on 05/05 (late); both are accepted.
    at("2026-04-20");
    await act("officerA", w.items.a, { action: "report", answer: "Đã niêm yết đầy đủ" });
    await act("coord", w.items.a, { action: "accept" });
    at("2026-05-05");
    await act("officerB", lateId, { action: "report", answer: "Đã cập nhật quy chế" });
    await act("coord", lateId, { action: "accept" });
    at("2026-06-01");
  });

  it("scores each unit by core's formula over its counts, ranks by score, and lists units with only follow-up work", async () => {
    const cards: Card[] = (await get("coord", "/api/reporting/scorecards?year=2026")).scorecards;
    for (const c of cards) expect(c.score, c.unitName).toBe(scorecardScore(scorecardRates(c)));
    const byName = (name: string) => cards.find((c) => c.unitName === name) as Card;
    const a = byName("Xã An Phú");
    const b = byName("Xã Bình Minh");
    // Neither commune has a task or a report: their follow-up work puts them on the scorecard.
    expect(a).toMatchObject({
      tasksDue: 0,
      remediationDue: 1,
      remediationOnTime: 1,
      initiatives: 1,
      initiativesRequired: 1,
    });
    expect(b).toMatchObject({
      remediationDue: 1,
      remediationOnTime: 0,
      initiatives: 0,
      initiativesRequired: 1,
    });
    expect(a.score).toBe(100);
    // Late remediation (0 of 15 points) and no initiative (0 of 5).
    expect(b.score).toBe(0);
    // The room's recommendation, due 15/04 and still open on 01/06: due, not answered on time.
    expect(byName("Phòng Quản lý nhà")).toMatchObject({
      answersDue: 1,
      answersOnTime: 0,
      initiativesRequired: 0,
    });
    // Departments asked for an initiative appear with that alone.
    expect(byName("Sở Xây dựng")).toMatchObject({ initiatives: 0, initiativesRequired: 1, score: 0 });
    expect(cards.map((c) => c.rank)).toEqual(cards.map((_, i) => i + 1));
    const scores = cards.map((c) => c.score ?? -1);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    expect(a.rank).toBeLessThan(b.rank);
    // Another province's units are counted nowhere.
    const others = new Set(Object.values(other.units).map((u) => u.id));
    expect(cards.filter((c) => others.has(c.unitId))).toEqual([]);
  });

  it("lowers a unit's score when its remediation is completed late", async () => {
    const score = async () =>
      ((await get("coord", "/api/reporting/scorecards?year=2026")).scorecards as Card[]).find(
        (c) => c.unitName === "Xã An Phú",
      ) as Card;
    const before = await score();
    // A second shortcoming at Xã An Phú, due 10/05, remedied on 15/05.
    at("2026-05-01");
    const id = await w.newItem({ content: "Công khai kết quả giải quyết hồ sơ", dueDate: "2026-05-10" });
    at("2026-05-15");
    await act("officerA", id, { action: "report", answer: "Đã công khai" });
    await act("coord", id, { action: "accept" });
    at("2026-06-01");
    const after = await score();
    expect(after).toMatchObject({ remediationDue: 2, remediationOnTime: 1 });
    expect(after.score as number).toBeLessThan(before.score as number);
    expect(after.score).toBe(scorecardScore(scorecardRates(after)));
  });

  it("counts remediation and answers as core's followUpStatus does over the items' rows, at the year's end", async () => {
    const check = async (year: number, today: string) => {
      at(today);
      const cards: Card[] = (await get("admin", `/api/reporting/scorecards?year=${year}`)).scorecards;
      const rows = rowsOf<{
        unitId: string;
        kind: string;
        state: FollowUpState;
        dueDate: string;
        doneOn: string | null;
      }>(
        await database.db.execute(sql`select unit_id as "unitId", kind, state, due_date::text as "dueDate",
          done_on::text as "doneOn" from follow_up_items
          where unit_id is not null and due_date between ${`${year}-01-01`} and ${`${year}-12-31`}`),
      );
      const day = judgementDay(today, `${year}-12-31`);
      for (const unitId of new Set(rows.map((r) => r.unitId))) {
        const mine = (kind: string) =>
          rows
            .filter((r) => r.unitId === unitId && r.kind === kind)
            .map((r) => followUpStatus({ ...r, today: day }));
        const counts = (kind: string) => ({
          due: mine(kind).filter((s) => s !== null).length,
          onTime: mine(kind).filter((s) => s === "completedOnTime").length,
        });
        const card = cards.find((c) => c.unitId === unitId);
        expect(card, unitId).toBeDefined();
        expect({
          remediation: [card?.remediationDue, card?.remediationOnTime],
          answers: [card?.answersDue, card?.answersOnTime],
        }).toEqual({
          remediation: [counts("remediation").due, counts("remediation").onTime],
          answers: [counts("recommendation").due, counts("recommendation").onTime],
        });
      }
      return cards;
    };
    // Inside the year, and judged at its end from the next year.
    await check(2026, "2026-06-01");
    const later = await check(2026, "2027-02-01");
    expect(later.find((c) => c.unitName === "Phòng Quản lý nhà")).toMatchObject({ answersDue: 1 });
    // A year with no item due: no follow-up counts.
    const empty = await check(2025, "2026-06-01");
    expect(empty.every((c) => c.remediationDue === 0 && c.answersDue === 0)).toBe(true);
    at("2026-06-01");
  });

  it("cuts the scorecards to the actor's scope, and exports the same columns with the weights stated", async () => {
    const own: Card[] = (await get("officerB", "/api/reporting/scorecards?year=2026")).scorecards;
    expect(own.map((c) => c.unitName)).toEqual(["Xã Bình Minh"]);
    const res = await (await w.as("coord")).get("/api/reporting/scorecards.xlsx?year=2026");
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet.getRow(2).getCell(1).value).toBe(scorecardWeightsText("vi"));
    const header = (sheet.getRow(3).values as unknown[]).slice(1);
    expect(header).toEqual(
      expect.arrayContaining(["Điểm", "Khắc phục đúng hạn", "Trả lời đúng hạn", "Sáng kiến được tính"]),
    );
    const col = (name: string) => header.indexOf(name) + 1;
    const rowB = sheet.getRows(4, sheet.rowCount - 3)?.find((r) => r.getCell(2).value === "Xã Bình Minh");
    expect(rowB?.getCell(col("Khắc phục đến hạn")).value).toBe(1);
    expect(rowB?.getCell(col("Điểm")).value).toBe(0);
    expect((await createClient(app).get("/api/reporting/scorecards?year=2026")).statusCode).toBe(401);
  });
});

type Counts = Record<(typeof FOLLOW_UP_FIGURES)[number], number>;
type KindCounts = { remediation: Counts; recommendation: Counts };
type Summary = KindCounts extends infer K
  ? {
      scopeUnitId: string | null;
      totals: K;
      byLevel: Array<K & { level: string }>;
      unassigned: { remediation: number; recommendation: number };
      initiatives: { year: number; units: number; unitsShort: number; unitsWithNone: number };
    }
  : never;
type UnitRow = KindCounts & { unitId: string; unitName: string; level: string };

describe("the dashboard's follow-up section", () => {
  const summary = async (who: ItemsWho | ReturnType<typeof createClient>): Promise<Summary> =>
    get(who, "/api/reporting/dashboard/follow-up");
  const units = async (who: ItemsWho | ReturnType<typeof createClient>, page = 1, pageSize = 50) =>
    get(who, `/api/reporting/dashboard/follow-up/units?page=${page}&pageSize=${pageSize}`) as Promise<{
      items: UnitRow[];
      total: number;
    }>;

  it("refuses anyone not signed in (401) and a bad query (400)", async () => {
    const anonymous = createClient(app);
    for (const url of ["/api/reporting/dashboard/follow-up", "/api/reporting/dashboard/follow-up/units"])
      expect((await anonymous.get(url)).statusCode, url).toBe(401);
    const c = await w.as("coord");
    // Each refusal names what is wrong, in Vietnamese.
    for (const [url, words] of [
      ["/api/reporting/dashboard/follow-up?year=2026", '"year"'],
      ["/api/reporting/dashboard/follow-up/units?page=0", '"page"'],
      ["/api/reporting/dashboard/follow-up/units?pageSize=5000", '"pageSize"'],
      ["/api/reporting/dashboard/follow-up/units?unitId=x", '"unitId"'],
    ]) {
      const res = await c.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.message, url).toContain(words);
      expect(res.json().error.message, url).toMatch(/tham số truy vấn/);
    }
  });

  it("counts each unit's items by core's figures, by level and in all, as the items' rows say", async () => {
    const s = await summary("coord");
    const page = await units("coord");
    const rows = rowsOf<{
      unitId: string | null;
      kind: string;
      state: FollowUpState;
      dueDate: string | null;
      doneOn: string | null;
    }>(
      await database.db.execute(sql`select unit_id as "unitId", kind, state, due_date::text as "dueDate",
        done_on::text as "doneOn" from follow_up_items where province_id = ${w.province.id}`),
    );
    const today = "2026-06-01";
    const expected = (filter: (r: (typeof rows)[number]) => boolean) => {
      const out = {} as KindCounts;
      for (const kind of FOLLOW_UP_KINDS) {
        out[kind] = Object.fromEntries(FOLLOW_UP_FIGURES.map((f) => [f, 0])) as Counts;
        for (const r of rows.filter((x) => x.kind === kind && filter(x)))
          for (const f of followUpFiguresOf(r.state, followUpStatus({ ...r, today }))) out[kind][f] += 1;
      }
      return out;
    };
    expect(s.totals).toEqual(expected(() => true));
    expect(page.total).toBe(new Set(rows.flatMap((r) => (r.unitId ? [r.unitId] : []))).size);
    for (const u of page.items) {
      const { remediation, recommendation } = expected((r) => r.unitId === u.unitId);
      expect({ unit: u.unitName, remediation: u.remediation, recommendation: u.recommendation }).toEqual({
        unit: u.unitName,
        remediation,
        recommendation,
      });
    }
    // The communes at commune level; the departments' room at province level; nothing of the other province.
    const level = (name: string) => page.items.find((u) => u.unitName === name)?.level;
    expect([level("Xã An Phú"), level("Phòng Quản lý nhà")]).toEqual(["commune", "province"]);
    const commune = s.byLevel.find((l) => l.level === "commune");
    expect(commune?.remediation.completedOnTime).toBe(1);
    expect(commune?.remediation.completedLate).toBe(2);
    expect(s.unassigned).toEqual({ remediation: 0, recommendation: 1 });
    const others = new Set(Object.values(other.units).map((u) => u.id));
    expect(page.items.filter((u) => others.has(u.unitId))).toEqual([]);
    // Most overdue first: the room's recommendation is the only overdue item.
    expect(page.items[0].unitName).toBe("Phòng Quản lý nhà");
    expect(s.initiatives).toMatchObject({ year: 2026, units: 4, unitsShort: 3, unitsWithNone: 3 });
  });

  it("gives each figure the count of the list it links to", async () => {
    const check = async (who: ItemsWho | ReturnType<typeof createClient>) => {
      const s = await summary(who);
      const scoped = s.scopeUnitId ? `&unitId=${s.scopeUnitId}` : "";
      const listTotal = async (kind: string, figure: string, unit: string) => {
        const filter = figure === "closed" ? "state=closed" : `status=${figure}`;
        return (await get(who, `/api/follow-up/items?kind=${kind}&${filter}${unit}&pageSize=1`)).total;
      };
      for (const kind of FOLLOW_UP_KINDS)
        for (const figure of FOLLOW_UP_FIGURES) {
          expect(await listTotal(kind, figure, scoped), `${kind} ${figure}`).toBe(
            s.totals[kind][figure as keyof Counts],
          );
          for (const u of (await units(who)).items)
            expect(
              await listTotal(kind, figure, `&unitId=${u.unitId}`),
              `${u.unitName} ${kind} ${figure}`,
            ).toBe(u[kind][figure as keyof Counts]);
        }
      const received = await get(
        who,
        `/api/follow-up/items?kind=recommendation&state=received${scoped}&pageSize=1`,
      );
      expect(received.total).toBe(s.unassigned.recommendation);
      const year = s.initiatives.year;
      const coverage = await get(
        who,
        `/api/follow-up/initiatives/coverage?year=${year}&onlyShort=true${scoped}&pageSize=1`,
      );
      expect(coverage.summary).toMatchObject({
        unitsShort: s.initiatives.unitsShort,
        unitsWithNone: s.initiatives.unitsWithNone,
      });
      return s;
    };
    await check("coord");
    // A coordinator of Xã An Phú's part only, and the commune's officer: their subtree, its unit in the links.
    const user = await buildUser(database.db, {
      unitId: w.units.snv.id,
      roles: ["coordinator"],
      scopeUnitId: w.units.comA.id,
    });
    const part = createClient(app);
    await part.login(user.username);
    const mine = await check(part);
    expect(mine.scopeUnitId).toBe(w.units.comA.id);
    expect((await units(part)).items.map((u) => u.unitName)).toEqual(["Xã An Phú"]);
    expect(mine.initiatives).toMatchObject({ units: 1, unitsWithNone: 0 });
    const b = await check("officerB");
    expect(b.totals.remediation.completedLate).toBe(1);
    expect(b.totals.recommendation).toEqual(Object.fromEntries(FOLLOW_UP_FIGURES.map((f) => [f, 0])));
  });

  it("is exact at once after an act, though kept in memory", async () => {
    const before = await summary("coord");
    const id = await w.newItem({ content: "Bổ sung sổ theo dõi hồ sơ", dueDate: "2026-06-30" });
    const opened = await summary("coord");
    expect(opened.totals.remediation.unfinished).toBe(before.totals.remediation.unfinished + 1);
    await act("coord", id, { action: "close", reason: "Đã khắc phục ngay trong buổi kiểm tra" });
    const closed = await summary("coord");
    expect(closed.totals.remediation).toEqual({
      ...before.totals.remediation,
      closed: before.totals.remediation.closed + 1,
    });
  });

  it("pages the units with their true total", async () => {
    const all = await units("coord");
    const first = await units("coord", 1, 1);
    const second = await units("coord", 2, 1);
    expect(first.total).toBe(all.total);
    expect([first.items[0].unitId, second.items[0].unitId]).toEqual(
      all.items.slice(0, 2).map((u) => u.unitId),
    );
    const past = await units("coord", 99, 1);
    expect(past).toMatchObject({ items: [], total: all.total });
  });
});
