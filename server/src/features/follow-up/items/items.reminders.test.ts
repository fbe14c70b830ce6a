/**
 * The follow-up core's notices outside any act: new items told to their units (one notice per unit
 * per call), and the daily pass (due within 3 days and overdue to the responsible unit, overdue by more
 * than 7 days to the follower), each once however often it runs.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../../test/database";
import { buildItemsWorld, type ItemsWorld } from "../../../../test/follow-up-items-world";
import { buildTestApp } from "../../../../test/http";
import { systemActor } from "../../../app/actor";
import { setClockForTests } from "../../../app/clock";
import type { Database } from "../../../app/db";
import { runHourlyJobs } from "../../../app/jobs";
import { createItems } from "./items.create";
import { runFollowUpReminders } from "./items.reminders";

let database: Database;
let app: FastifyInstance;
let w: ItemsWorld;

beforeAll(async () => {
  setClockForTests(new Date("2026-04-01T03:00:00Z"));
  database = await createTestDatabase();
  app = await buildTestApp(database);
  w = await buildItemsWorld({ db: database.db, app });
}, 120_000);

afterAll(async () => {
  setClockForTests(null);
  await app.close();
  await database.close();
});

type Notice = {
  unit_id: string;
  kind: string;
  title: string;
  body: string;
  follow_up_item_id: string | null;
};
const noticesOf = (kinds: string[]) =>
  database.query<Notice>(
    "select unit_id, kind, title, body, follow_up_item_id from notifications where kind = any($1::text[]) order by unit_id, kind",
    [kinds],
  );

describe("new items", () => {
  it("tell each responsible unit once per call, naming the item when there is one", async () => {
    const created = await noticesOf(["followUp.created"]);
    expect(created).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          unit_id: w.units.comA.id,
          follow_up_item_id: w.items.a,
          title: "Được giao xử lý: Niêm yết đầy đủ thủ tục hành chính tại bộ phận một cửa",
          body: "Đơn vị theo dõi: Sở Nội vụ. Hạn xử lý: 30/04/2026.",
        }),
        expect.objectContaining({ unit_id: w.units.room.id, follow_up_item_id: w.items.room }),
      ]),
    );
    // The received recommendation has no unit yet: nobody is told.
    expect(created).toHaveLength(2);
    const draft = {
      kind: "remediation" as const,
      provinceId: w.province.id,
      findingId: w.finding.id,
      follower: { id: w.units.snv.id, path: w.units.snv.path },
      unit: { id: w.units.comB.id, path: w.units.comB.path },
      aroseOn: "2026-03-10",
    };
    await database.db.transaction((tx) =>
      createItems({
        tx,
        actor: systemActor("Kiểm thử"),
        drafts: [
          { ...draft, content: "Việc một", dueDate: "2026-05-10" },
          { ...draft, content: "Việc hai", dueDate: "2026-04-20" },
          { ...draft, content: "Việc ba", dueDate: null },
        ],
      }),
    );
    const toB = (await noticesOf(["followUp.created"])).filter((n) => n.unit_id === w.units.comB.id);
    expect(toB).toEqual([
      {
        unit_id: w.units.comB.id,
        kind: "followUp.created",
        follow_up_item_id: null,
        title: "Được giao 3 việc cần xử lý (khắc phục sau kiểm tra)",
        body: "Đơn vị theo dõi: Sở Nội vụ. Hạn xử lý sớm nhất: 20/04/2026.",
      },
    ]);
  });
});

describe("the daily reminder pass", () => {
  it("reminds of items due within 3 days and overdue, escalates past 7 days, each once however often it runs", async () => {
    const soon = await w.newItem({ content: "Sắp đến hạn", dueDate: "2026-04-03" });
    const later = await w.newItem({ content: "Còn xa", dueDate: "2026-04-05" });
    const late = await w.newItem({ content: "Quá hạn hai ngày", dueDate: "2026-03-30" });
    const veryLate = await w.newItem({ content: "Quá hạn mười ngày", dueDate: "2026-03-22" });
    const closed = await w.newItem({ content: "Đã đóng", dueDate: "2026-03-22" });
    await database.query("update follow_up_items set state = 'closed' where id = $1", [closed]);
    const reported = await w.newItem({ content: "Đã báo cáo, chờ xem xét", dueDate: "2026-03-20" });
    await database.query(
      "update follow_up_items set state = 'reported', reported_on = '2026-03-19' where id = $1",
      [reported],
    );

    const first = await runFollowUpReminders({ db: database.db, today: "2026-04-01" });
    expect(first).toEqual({ dueSoon: 1, overdue: 1, escalated: 2, notices: 3 });
    const again = await runFollowUpReminders({ db: database.db, today: "2026-04-01" });
    expect(again).toEqual({ dueSoon: 0, overdue: 0, escalated: 0, notices: 0 });
    // The hourly job runs the same pass: nothing left to send today.
    expect(await runHourlyJobs({ database, mailer: null, log: { warn: () => {} } })).toMatchObject({
      followUp: 0,
    });

    const told = await noticesOf(["followUp.dueSoon", "followUp.overdue", "followUp.escalated"]);
    expect(told).toHaveLength(3);
    const byKind = Object.fromEntries(told.map((n) => [n.kind, n]));
    expect(byKind["followUp.dueSoon"]).toMatchObject({
      unit_id: w.units.comA.id,
      follow_up_item_id: soon,
      title: "Sắp đến hạn xử lý: Sắp đến hạn",
      body: "Khắc phục sau kiểm tra. Sắp đến hạn (hạn 03/04/2026).",
    });
    // Overdue by more than the week a late run catches up: escalated, no longer announced as overdue.
    expect(byKind["followUp.overdue"]).toMatchObject({
      unit_id: w.units.comA.id,
      follow_up_item_id: late,
      title: "Đã quá hạn xử lý: Quá hạn hai ngày",
    });
    // The inspecting unit hears of what is overdue by more than 7 days, reported or not: one notice.
    expect(byKind["followUp.escalated"]).toMatchObject({
      unit_id: w.units.snv.id,
      follow_up_item_id: null,
      title: "Có 2 việc quá hạn hơn 7 ngày chưa xong",
    });
    expect(byKind["followUp.escalated"].body.split("\n")).toEqual([
      "- Đã báo cáo, chờ xem xét — Xã An Phú (hạn 20/03/2026)",
      "- Quá hạn mười ngày — Xã An Phú (hạn 22/03/2026)",
    ]);
    expect(told.some((n) => n.body.includes("Còn xa") || n.body.includes("Đã đóng"))).toBe(false);
    expect(veryLate).toBeTruthy();

    // Three days on: the item due soon is now overdue (told once), the next one due soon, the rest told.
    const next = await runFollowUpReminders({ db: database.db, today: "2026-04-04" });
    expect(next).toEqual({ dueSoon: 1, overdue: 1, escalated: 0, notices: 2 });
    expect(later).toBeTruthy();
    // A new deadline (the item reopened with another date) reminds afresh.
    await database.query("update follow_up_items set due_date = '2026-04-06' where id = $1", [late]);
    expect(await runFollowUpReminders({ db: database.db, today: "2026-04-04" })).toMatchObject({
      dueSoon: 1,
    });
  });
});
