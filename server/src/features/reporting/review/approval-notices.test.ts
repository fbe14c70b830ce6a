/**
 * Approval that flows: the unit's head hears (in the app and by e-mail) that a report awaits her,
 * the officer who asked hears when she sends it on or returns it, and nobody outside the unit hears.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../../test/database";
import { buildTestApp } from "../../../../test/http";
import { buildReportingProvince } from "../../../../test/reporting-world";
import type { Database } from "../../../app/db";
import { runNoticeMail } from "../reminders/reminders.service";

let database: Database;
let app: FastifyInstance;
let world: Awaited<ReturnType<typeof buildReportingProvince>>;
let reportId: string;
const as = (key: Parameters<typeof world.as>[0]) => world.as(key);
const email = (key: keyof typeof world.users) => `${world.users[key].username}@chiso.test`;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildTestApp(database);
  world = await buildReportingProvince({ db: database.db, app, requiresApproval: true });
  reportId = world.reportA.id;
  await database.query("update users set email = username || '@chiso.test'");
}, 120_000);

afterAll(async () => {
  await app.close();
  await database.close();
});

const act = async (who: Parameters<typeof as>[0], action: string, extra: Record<string, unknown> = {}) => {
  const c = await as(who);
  const version = (await c.get(`/api/reports/${reportId}`)).json().report.version;
  return c.post(`/api/reports/${reportId}/transitions`, { action, version, ...extra });
};
const noticesOf = async (who: Parameters<typeof as>[0]) =>
  (
    (await (await as(who)).get("/api/notifications")).json().notifications as Array<{
      kind: string;
      title: string;
      body: string;
      reportId: string | null;
    }>
  ).filter((n) => n.reportId === reportId);
const mailRun = async () => {
  const sent: Array<{ to: string[]; subject: string; text: string }> = [];
  await runNoticeMail({ db: database.db, mailer: { send: async (m) => void sent.push(m) } });
  return sent;
};

describe("approval inside the unit", () => {
  it("the send button leads the officer to her head, and the head straight to the receiver", async () => {
    const officer = (await (await as("officerA")).get(`/api/reports/${reportId}`)).json().report;
    expect(officer).toMatchObject({ submitLeadsTo: "pendingApproval", receivingUnitName: "Sở Nội vụ" });
    const head = (await (await as("headA")).get(`/api/reports/${reportId}`)).json().report;
    expect(head.submitLeadsTo).toBe("submitted");
    const coord = (await (await as("coord")).get(`/api/reports/${reportId}`)).json().report;
    expect(coord.submitLeadsTo).toBeNull();
  });

  it("the head gets a notice and an e-mail when the officer submits for approval; no one else does", async () => {
    const res = await act("officerA", "submit");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().report.state).toBe("pendingApproval");
    const head = await noticesOf("headA");
    expect(head.map((n) => n.kind)).toEqual(["awaitingApproval"]);
    expect(head[0].title).toBe("Báo cáo chờ lãnh đạo duyệt: Báo cáo hằng tháng");
    expect(head[0].body).toContain(`Kỳ ${res.json().report.periodLabel}`);
    // For the head only: the officer who asked, the other commune and the receiver hear nothing yet.
    expect(await noticesOf("officerA")).toEqual([]);
    expect(await noticesOf("headB")).toEqual([]);
    expect(await noticesOf("coord")).toEqual([]);
    // Another officer of the unit cannot mark the head's notice read: not found.
    const id = (await (await as("headA")).get("/api/notifications")).json().notifications[0].id;
    expect((await (await as("officerA")).post(`/api/notifications/${id}/read`)).statusCode).toBe(404);
    expect((await (await as("headA")).post(`/api/notifications/${id}/read`)).statusCode).toBe(200);
    const sent = await mailRun();
    expect(sent.map((m) => [m.subject, m.to])).toEqual([
      ["Báo cáo chờ lãnh đạo duyệt: Báo cáo hằng tháng", [email("headA")]],
    ]);
  });

  it("the officer hears when the head returns it, with the reason, by notice and e-mail", async () => {
    const other = await (await as("headB")).post(`/api/reports/${reportId}/transitions`, {
      action: "return",
      version: 2,
      reason: "x",
    });
    expect(other.statusCode).toBe(404);
    const res = await act("headA", "return", { reason: "Bổ sung số liệu quý" });
    expect(res.statusCode, res.body).toBe(200);
    const officer = await noticesOf("officerA");
    expect(officer.map((n) => n.kind)).toEqual(["returnedByHead"]);
    expect(officer[0].title).toBe("Lãnh đạo đơn vị trả lại báo cáo: Báo cáo hằng tháng");
    expect(officer[0].body).toContain("Lý do: Bổ sung số liệu quý");
    expect(await noticesOf("officerB")).toEqual([]);
    expect(await noticesOf("coord")).toEqual([]);
    const sent = await mailRun();
    expect(sent.map((m) => m.to)).toEqual([[email("officerA")]]);
    expect(sent[0].text).toContain("Bổ sung số liệu quý");
  });

  it("the officer hears when the head approves and sends it; the receiver hears it arrived", async () => {
    expect((await act("officerA", "resubmit")).json().report.state).toBe("pendingApproval");
    expect((await noticesOf("headA")).map((n) => n.kind)).toEqual(["awaitingApproval", "awaitingApproval"]);
    await mailRun();
    const res = await act("headA", "approve");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().report.state).toBe("resubmitted");
    const officer = await noticesOf("officerA");
    expect(officer[0]).toMatchObject({
      kind: "approved",
      title: "Lãnh đạo đơn vị đã duyệt và gửi báo cáo: Báo cáo hằng tháng",
    });
    expect((await noticesOf("coord")).map((n) => n.kind)).toEqual(["resubmitted"]);
    expect(await noticesOf("headB")).toEqual([]);
    const sent = await mailRun();
    const approved = sent.find((m) => m.subject.startsWith("Lãnh đạo đơn vị đã duyệt"));
    expect(approved?.to).toEqual([email("officerA")]);
    expect(sent.find((m) => m.subject.startsWith("Báo cáo gửi lại"))?.to).toContain(email("coord"));
  });

  it("records whom each act told in its audit record, in the act's transaction", async () => {
    const rows = await database.query<{ action: string; after: { notified: string[] } }>(
      "select action, after from audit_log where entity = 'report' and entity_id = $1 order by at",
      [reportId],
    );
    const waits = "Báo cáo chờ lãnh đạo duyệt: Báo cáo hằng tháng";
    expect(rows.map((r) => [r.action, r.after.notified])).toEqual([
      ["submit", [waits]],
      ["return", ["Lãnh đạo đơn vị trả lại báo cáo: Báo cáo hằng tháng"]],
      ["resubmit", [waits]],
      [
        "approve",
        [
          `Báo cáo gửi lại: ${world.units.comA.name}`,
          "Lãnh đạo đơn vị đã duyệt và gửi báo cáo: Báo cáo hằng tháng",
        ],
      ],
    ]);
  });
});
