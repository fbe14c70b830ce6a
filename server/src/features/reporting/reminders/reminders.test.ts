import net from "node:net";
import { and, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { addDays, parsePeriodKey, periodDates } from "../../../../../core/src/reporting/periods";
import { findCodes } from "../../../../../core/src/words/code-patterns";
import { createTestDatabase } from "../../../../test/database";
import { buildAssignedPlan, buildProvince, buildUnit, buildUser } from "../../../../test/factories";
import { buildTestApp, createClient } from "../../../../test/http";
import { provinceTimeZone, setClockForTests, setProvinceTimeZone } from "../../../app/clock";
import type { Database } from "../../../app/db";
import { users } from "../../users/users.table";
import { createPeriodsRepository } from "../obligations/periods.repository";
import { notifications, reportingObligations, reports } from "../reporting.table";
import { createSmtpMailer } from "./reminders.mail";
import { createRemindersRepository } from "./reminders.repository";
import { type Mailer, runDigests, runReminders } from "./reminders.service";

let database: Database;
let app: FastifyInstance;
const units: Record<string, { id: string; path: string }> = {};
let officerA: string;
const period = periodDates({
  period: parsePeriodKey("2024-M02")!,
  dueRule: { kind: "dayOfLastMonth", day: 15 },
});
const due = period.due; // 2024-02-15

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const province = await buildProvince(db);
  units.snv = await buildUnit(db, { kind: "department", name: "Sở Nội vụ", parentId: province.id });
  units.a = await buildUnit(db, { kind: "commune", name: "Xã Một", parentId: province.id });
  units.b = await buildUnit(db, { kind: "commune", name: "Xã Hai", parentId: province.id });
  const officer = await buildUser(db, { unitId: units.a.id, roles: ["officer"] });
  officerA = officer.username;
  const head = await buildUser(db, { unitId: units.a.id, roles: ["head"] });
  await db.update(users).set({ email: "canbo@xamot.gov.vn" }).where(eq(users.id, officer.id));
  await db.update(users).set({ email: "chutich@xamot.gov.vn" }).where(eq(users.id, head.id));
  const { plan } = await buildAssignedPlan(db, { provinceId: province.id, units: [units.a, units.b] });
  const [obligation] = await db
    .insert(reportingObligations)
    .values({
      planId: plan.id,
      provinceId: province.id,
      title: "Báo cáo tháng",
      frequency: "monthly",
      dueRule: { kind: "dayOfLastMonth", day: 15 },
      receivingUnitId: units.snv.id,
    })
    .returning();
  await createPeriodsRepository(db).insertReportsForPeriod({
    obligation,
    periodKey: period.key,
    start: period.start,
    end: period.end,
    opensOn: period.opensOn,
    due,
    lockDate: null,
  });
  app = await buildTestApp(database);
}, 120_000);
const zoneAtStart = provinceTimeZone();
afterEach(() => {
  setClockForTests(null);
  setProvinceTimeZone(zoneAtStart);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const fakeMailer = () => {
  const sent: Array<{ to: string[]; subject: string; text: string }> = [];
  const mailer: Mailer = { send: async (m) => void sent.push({ ...m }) };
  return { sent, mailer };
};

describe("reminder job", () => {
  it("sends 7, 3, 1 days before, on the day and after, each once across reruns; none after submission", async () => {
    const db = database.db;
    const { sent, mailer } = fakeMailer();
    const claimedOn: Record<string, number> = {};
    for (let d = -9; d <= 3; d++) {
      const today = addDays(due, d);
      // Unit B submits three days before the deadline.
      if (d === -2)
        await db.update(reports).set({ state: "submitted" }).where(eq(reports.unitId, units.b.id));
      claimedOn[today] = (await runReminders({ db, today, mailer })).length;
      // A restart the same day (the job runs again): nothing new.
      expect(await runReminders({ db, today, mailer })).toEqual([]);
    }
    expect(claimedOn).toMatchObject({
      "2024-02-06": 0,
      "2024-02-08": 2,
      "2024-02-12": 2,
      "2024-02-14": 1,
      "2024-02-15": 1,
      "2024-02-16": 1,
      "2024-02-17": 0,
    });
    const notesA = await db.select().from(notifications).where(eq(notifications.unitId, units.a.id));
    expect(notesA.map((n) => n.kind).sort()).toEqual([
      "dueToday",
      "overdue",
      "reminder",
      "reminder",
      "reminder",
    ]);
    const notesB = await db.select().from(notifications).where(eq(notifications.unitId, units.b.id));
    expect(notesB).toHaveLength(2);
    const toReceiver = await db.select().from(notifications).where(eq(notifications.unitId, units.snv.id));
    expect(toReceiver.map((n) => n.title)).toEqual(["Đơn vị chưa gửi báo cáo: Xã Một"]);
    // Words, not codes: the period is named, never "2024-M02".
    expect(notesA.map((n) => n.body)).toContain("Kỳ báo cáo: Tháng 2/2024. Hạn gửi: 15/02/2024.");
    expect(toReceiver[0]?.body).toBe("Báo cáo tháng — Tháng 2/2024, hạn 15/02/2024.");
    expect(sent[0]?.text).toBe(
      "Báo cáo tháng — Tháng 2/2024: hạn gửi 15/02/2024. Vui lòng vào ChiSo để hoàn thành báo cáo.",
    );
    for (const text of [...notesA, ...toReceiver].flatMap((n) => [n.title, n.body ?? ""]))
      expect(findCodes(text), text).toEqual([]);
    // Unit A's officers and head are mailed before the deadline; after it, the head only.
    expect(sent).toHaveLength(5);
    expect(sent.at(-1)).toMatchObject({ to: ["chutich@xamot.gov.vn"] });
    expect(sent[0].to.sort()).toEqual(["canbo@xamot.gov.vn", "chutich@xamot.gov.vn"]);
  });

  it("catches up what a stopped server missed, within two days, with one notice per report and day", async () => {
    const db = database.db;
    await db
      .update(reports)
      .set({ dueDate: "2024-03-15", periodKey: "2024-M03" })
      .where(eq(reports.unitId, units.a.id));
    const [report] = await db.select().from(reports).where(eq(reports.unitId, units.a.id));
    const notices = () =>
      db
        .select()
        .from(notifications)
        .where(and(eq(notifications.reportId, report.id), eq(notifications.reminderDay, "2024-03-14")));
    // Offsets -3 (12/03) and -1 (14/03) are both due: one notice, the latest one's.
    const claimed = await runReminders({ db, today: "2024-03-14" });
    expect(claimed.map((c) => c.offsetDays)).toEqual([-1]);
    expect((await notices()).map((n) => n.title)).toEqual(["Sắp đến hạn báo cáo: Báo cáo tháng"]);
    // Both offsets were claimed: the next run the same day writes nothing.
    const remembered = await database.query<{ offset_days: number }>(
      "select offset_days from report_reminders where unit_id = $1 and period_key = '2024-M03' order by 1",
      [units.a.id],
    );
    expect(remembered.map((r) => r.offset_days)).toEqual([-3, -1]);
    expect(await runReminders({ db, today: "2024-03-14" })).toEqual([]);
    expect(await notices()).toHaveLength(1);
  });

  it("refuses, in the database, a second reminder notice of a kind for a report on one province day", async () => {
    const db = database.db;
    const [report] = await db.select().from(reports).where(eq(reports.unitId, units.a.id));
    const notice = {
      unitId: units.a.id,
      kind: "reminder",
      title: "Sắp đến hạn báo cáo: Báo cáo tháng",
      reportId: report.id,
      reminderDay: "2024-03-14",
    };
    await expect(db.insert(notifications).values(notice)).rejects.toThrow();
    // Another day, or a notice that is not a reminder (no day), is another notice.
    await db.insert(notifications).values({ ...notice, reminderDay: "2024-03-13" });
    await db.insert(notifications).values({ ...notice, kind: "returned", reminderDay: null });
    await db.insert(notifications).values({ ...notice, kind: "returned", reminderDay: null });
  });

  it("sends a day's reminder from 00:30 that day in the province, while UTC is still the day before", async () => {
    const db = database.db;
    await db
      .update(reports)
      .set({ dueDate: "2024-04-15", periodKey: "2024-M04" })
      .where(eq(reports.unitId, units.a.id));
    // The default day is the province's: 23:30 on 11/04 in Hanoi, nothing due (-3 falls on 12/04).
    setClockForTests(new Date("2024-04-11T16:30:00Z"));
    expect(await runReminders({ db })).toEqual([]);
    // 00:30 on 12/04 in Hanoi, still 11/04 in UTC: the reminder three days before goes out.
    setClockForTests(new Date("2024-04-11T17:30:00Z"));
    const claimed = await runReminders({ db });
    expect(claimed.map((c) => [c.unitId, c.offsetDays])).toEqual([[units.a.id, -3]]);
    const [note] = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.unitId, units.a.id), eq(notifications.reminderDay, "2024-04-12")));
    expect(note.title).toBe("Sắp đến hạn báo cáo: Báo cáo tháng");
  });

  it("shows the unit its notices in the app", async () => {
    const c = createClient(app);
    await c.login(officerA);
    const res = await c.get("/api/notifications");
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json().notifications;
    expect(list.length).toBeGreaterThanOrEqual(5);
    expect((await c.post(`/api/notifications/${list[0].id}/read`)).statusCode).toBe(200);
    expect((await c.post("/api/notifications/00000000-0000-4000-8000-000000000000/read")).statusCode).toBe(
      404,
    );
    expect((await app.inject({ method: "GET", url: "/api/notifications" })).statusCode).toBe(401);
  });

  it("mails a digest once a day to a user who chose it, and no single reminders to that user", async () => {
    const db = database.db;
    const c = createClient(app);
    await c.login(officerA);
    expect((await app.inject({ method: "GET", url: "/api/notifications/preferences" })).statusCode).toBe(401);
    expect((await c.get("/api/notifications/preferences")).json()).toEqual({ emailMode: "immediate" });
    const bad = await c.put("/api/notifications/preferences", { emailMode: "weekly" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/Cách nhận email/);
    expect(
      (
        await app.inject({
          method: "PUT",
          url: "/api/notifications/preferences",
          payload: { emailMode: "daily" },
        })
      ).statusCode,
    ).toBe(403); // no session, no CSRF token: refused before anything else
    expect((await c.put("/api/notifications/preferences", { emailMode: "daily" })).json()).toEqual({
      emailMode: "daily",
    });
    const [audit] = await database.query<{ before: unknown; after: unknown }>(
      "select before, after from audit_log where entity = 'notificationPreference' order by at desc limit 1",
    );
    expect(audit).toEqual({ before: { emailMode: "immediate" }, after: { emailMode: "daily" } });
    // Single reminders now go to the head only.
    expect(await createRemindersRepository(db).recipients({ unitId: units.a.id, headsOnly: false })).toEqual([
      "chutich@xamot.gov.vn",
    ]);
    // A fresh notice for the unit, then the digest after the next 07:00 in the province (UTC+7).
    await db
      .insert(notifications)
      .values({ unitId: units.a.id, kind: "returned", title: "Báo cáo bị trả lại: Kế hoạch" });
    const local = new Date(Date.now() + 7 * 3_600_000);
    const nextSeven =
      Date.parse(`${local.toISOString().slice(0, 10)}T07:00:00Z`) +
      (local.getUTCHours() >= 7 ? 86_400_000 : 0);
    const at = (localMs: number) => new Date(localMs - 7 * 3_600_000);
    const { sent, mailer } = fakeMailer();
    expect(await runDigests({ db, mailer, now: at(nextSeven - 3_600_000) })).toEqual([]);
    const mailed = await runDigests({ db, mailer, now: at(nextSeven + 2 * 3_600_000) });
    expect(mailed.map((m) => m.email)).toEqual(["canbo@xamot.gov.vn"]);
    expect(sent).toHaveLength(1);
    expect(sent[0].subject).toMatch(/^ChiSo: \d+ thông báo ngày \d{2}\/\d{2}\/\d{4}$/);
    expect(sent[0].text).toContain("Báo cáo bị trả lại: Kế hoạch");
    // The same day again (a second run, a restart): nothing.
    expect(await runDigests({ db, mailer, now: at(nextSeven + 5 * 3_600_000) })).toEqual([]);
    expect(sent).toHaveLength(1);
  });

  const digestAt = async (instant: string) => {
    const { sent, mailer } = fakeMailer();
    setClockForTests(new Date(instant));
    const mailed = await runDigests({ db: database.db, mailer });
    return { mailed: mailed.map((m) => m.email), subjects: sent.map((m) => m.subject), sent };
  };
  const noticeAt = (createdAt: string, title: string) =>
    database.db
      .insert(notifications)
      .values({ unitId: units.a.id, kind: "returned", title, createdAt: new Date(createdAt) });

  it("mails the digest at 07:00 on the province's clock, with the 24 hours before it", async () => {
    await noticeAt("2030-02-09T20:00:00Z", "Báo cáo bị trả lại: trong ngày");
    await noticeAt("2030-02-10T00:05:00Z", "Báo cáo bị trả lại: sau 07:00");
    // 06:50 on 10/02 in Hanoi: not yet.
    expect((await digestAt("2030-02-09T23:50:00Z")).mailed).toEqual([]);
    // 07:10 in Hanoi (00:10Z): the digest of the 24 hours to 07:00, dated on the province's day.
    const at710 = await digestAt("2030-02-10T00:10:00Z");
    expect(at710.mailed).toEqual(["canbo@xamot.gov.vn"]);
    expect(at710.subjects).toEqual(["ChiSo: 1 thông báo ngày 10/02/2030"]);
    expect(at710.sent[0].text).toContain("trong ngày");
    expect(at710.sent[0].text).not.toContain("sau 07:00");
  });

  it("follows the configured zone (PROVINCE_TIME_ZONE) for the digest's hour and day", async () => {
    setProvinceTimeZone("Asia/Tokyo");
    await noticeAt("2030-03-09T21:30:00Z", "Báo cáo bị trả lại: giờ Tokyo");
    // 06:50 on 10/03 in Tokyo.
    expect((await digestAt("2030-03-09T21:50:00Z")).mailed).toEqual([]);
    // 07:10 on 10/03 in Tokyo: 05:10 in Hanoi, so a clock fixed to UTC+7 would send nothing yet.
    const tokyo = await digestAt("2030-03-09T22:10:00Z");
    expect(tokyo.mailed).toEqual(["canbo@xamot.gov.vn"]);
    expect(tokyo.subjects).toEqual(["ChiSo: 1 thông báo ngày 10/03/2030"]);
    expect(tokyo.sent[0].text).toContain("giờ Tokyo");
  });
});

describe("SMTP mailer", () => {
  it("delivers a message to a local SMTP sink", async () => {
    const received: string[] = [];
    const server = net.createServer((socket) => {
      let inData = false;
      let data = "";
      socket.write("220 sink ESMTP\r\n");
      socket.on("data", (chunk) => {
        for (const line of chunk.toString().split("\r\n")) {
          if (inData) {
            if (line === ".") {
              inData = false;
              received.push(data);
              socket.write("250 OK\r\n");
            } else data += `${line}\n`;
            continue;
          }
          if (!line) continue;
          if (/^EHLO/i.test(line)) socket.write("250-sink\r\n250 8BITMIME\r\n");
          else if (/^DATA/i.test(line)) {
            inData = true;
            socket.write("354 go\r\n");
          } else if (/^QUIT/i.test(line)) socket.end("221 bye\r\n");
          else socket.write("250 OK\r\n");
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as net.AddressInfo).port;
    const mailer = createSmtpMailer({
      host: "127.0.0.1",
      port,
      user: null,
      password: null,
      from: "ChiSo <no-reply@localhost>",
    });
    await mailer.send({ to: ["a@x.vn"], subject: "Nhắc hạn báo cáo", text: "Hạn gửi 15/02/2024." });
    server.close();
    expect(received).toHaveLength(1);
    expect(received[0]).toContain("To: a@x.vn");
    const body = received[0].split("\n\n")[1].replace(/\n/g, "");
    expect(Buffer.from(body, "base64").toString("utf8")).toBe("Hạn gửi 15/02/2024.");
  });
});
