import net from "node:net";
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, parsePeriodKey, periodDates } from "../../../../core/src/reporting/periods";
import { createTestDatabase } from "../../../test/database";
import { buildAssignedPlan, buildProvince, buildUnit, buildUser } from "../../../test/factories";
import { buildTestApp, createClient } from "../../../test/http";
import type { Database } from "../../app/db";
import { users } from "../users/users.table";
import { createSmtpMailer } from "./reporting.mail";
import { createRemindersRepository } from "./reporting.reminders.repository";
import { type Mailer, runDigests, runReminders } from "./reporting.reminders.service";
import { createReportingRepository } from "./reporting.repository";
import { notifications, reportingObligations, reports } from "./reporting.table";

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
  await createReportingRepository(db).insertReportsForPeriod({
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
    // Unit A's officers and head are mailed before the deadline; after it, the head only.
    expect(sent).toHaveLength(5);
    expect(sent.at(-1)).toMatchObject({ to: ["chutich@xamot.gov.vn"] });
    expect(sent[0].to.sort()).toEqual(["canbo@xamot.gov.vn", "chutich@xamot.gov.vn"]);
  });

  it("catches up what a stopped server missed, within two days", async () => {
    const db = database.db;
    await db
      .update(reports)
      .set({ dueDate: "2024-03-15", periodKey: "2024-M03" })
      .where(eq(reports.unitId, units.a.id));
    const claimed = await runReminders({ db, today: "2024-03-14" });
    expect(claimed.map((c) => c.offsetDays).sort((x, y) => x - y)).toEqual([-3, -1]);
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
