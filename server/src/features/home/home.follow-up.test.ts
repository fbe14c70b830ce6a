/**
 * The home page's follow-up work: the items waiting on the person's unit (open, returned), overdue
 * first, counted as the items list counts them with the filters its links carry; another unit's items
 * never appear; an item reported leaves the list, comes back when returned, and leaves for good when
 * accepted, at once (the answer is kept under the 'follow_up' revision, not for a minute).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/database";
import { buildItemsWorld, type ItemsWho, type ItemsWorld } from "../../../test/follow-up-items-world";
import { buildTestApp } from "../../../test/http";
import { setClockForTests } from "../../app/clock";
import type { Database } from "../../app/db";

let database: Database;
let app: FastifyInstance;
let w: ItemsWorld;
let dataDir: string;
const extra: Record<string, string> = {};

beforeAll(async () => {
  // 01/04/2026, 10:00 in Vietnam: Xã An Phú's remediation (due 30/04) is within its deadline.
  setClockForTests(new Date("2026-04-01T03:00:00Z"));
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "chiso-home-follow-up-"));
  database = await createTestDatabase();
  app = await buildTestApp(database, { dataDir });
  w = await buildItemsWorld({ db: database.db, app });
  extra.overdue = await w.newItem({ content: "Cập nhật quy chế làm việc đã quá hạn", dueDate: "2026-03-25" });
  extra.soon = await w.newItem({ content: "Bổ sung sổ theo dõi hồ sơ", dueDate: "2026-04-10" });
}, 120_000);

afterAll(async () => {
  setClockForTests(null);
  await app.close();
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

type Work = {
  counts: { awaiting: number; overdue: number; dueSoon: number };
  dueSoonDays: number;
  items: Array<{
    id: string;
    status: string | null;
    dueDate: string | null;
    state: string;
    commentCount: number;
  }>;
};
const home = async (who: ItemsWho) => {
  const res = await (await w.as(who)).get("/api/home");
  expect(res.statusCode, res.body).toBe(200);
  return res.json().followUp as Work | null;
};
const listTotal = async (who: ItemsWho, query: string) => {
  const res = await (await w.as(who)).get(`/api/follow-up/items?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().total as number;
};
async function act(who: ItemsWho, id: string, body: Record<string, unknown>) {
  const c = await w.as(who);
  const item = (await c.get(`/api/follow-up/items/${id}`)).json().item;
  const res = await c.post(`/api/follow-up/items/${id}/transitions`, { version: item.version, ...body });
  expect(res.statusCode, res.body).toBe(200);
}

describe("the home page's follow-up work", () => {
  it("lists the items waiting on the unit, overdue first, with their deadline and class", async () => {
    const work = (await home("officerA")) as Work;
    expect(work.items.map((i) => i.id)).toEqual([extra.overdue, extra.soon, w.items.a]);
    expect(work.items.map((i) => i.status)).toEqual(["overdue", "notStarted", "notStarted"]);
    expect(work.items[0]?.dueDate).toBe("2026-03-25");
    // Due soon: 10/04 falls within the two weeks, 30/04 does not.
    expect(work.counts).toEqual({ awaiting: 3, overdue: 1, dueSoon: 1 });
    expect(work.dueSoonDays).toBe(14);
  });

  it("counts as the items list counts with the filters its links carry", async () => {
    const work = (await home("officerA")) as Work;
    const base = `unitId=${w.units.comA.id}&awaiting=unit`;
    expect(work.counts).toEqual({
      awaiting: await listTotal("officerA", base),
      overdue: await listTotal("officerA", `${base}&status=overdue`),
      dueSoon: await listTotal("officerA", `${base}&dueFrom=2026-04-01&dueTo=2026-04-15`),
    });
  });

  it("shows no other unit's item: commune B has none, the inspecting unit follows but does not owe", async () => {
    expect(await home("officerB")).toEqual({
      counts: { awaiting: 0, overdue: 0, dueSoon: 0 },
      dueSoonDays: 14,
      items: [],
    });
    const snv = (await home("officerSnv")) as Work;
    expect(snv.items).toEqual([]);
    // The room's recommendation waits on the room, and on the department above it (its subtree).
    expect(((await home("officerRoom")) as Work).items.map((i) => i.id)).toEqual([w.items.room]);
    expect(((await home("headSxd")) as Work).items.map((i) => i.id)).toEqual([w.items.room]);
    // A viewer has no work of its own.
    expect(await home("viewer")).toBeNull();
  });

  it("drops an item once reported, brings it back when returned, and drops it for good once accepted", async () => {
    const ids = async () => ((await home("officerA")) as Work).items.map((i) => i.id);
    await act("officerA", extra.soon, { action: "report", answer: "Đã lập sổ theo dõi." });
    expect(await ids()).toEqual([extra.overdue, w.items.a]);
    await act("coord", extra.soon, { action: "return", reason: "Thiếu ảnh chụp sổ." });
    expect(await ids()).toEqual([extra.overdue, extra.soon, w.items.a]);
    expect(((await home("officerA")) as Work).items[1]?.state).toBe("returned");
    await act("officerA", extra.soon, { action: "report", answer: "Đã bổ sung ảnh chụp." });
    await act("coord", extra.soon, { action: "accept" });
    expect(await ids()).toEqual([extra.overdue, w.items.a]);
    expect(((await home("officerA")) as Work).counts).toEqual({ awaiting: 2, overdue: 1, dueSoon: 0 });
  });
  it("carries a new comment at once: comments and files bump the revision too", async () => {
    const count = async () =>
      ((await home("officerA")) as Work).items.find((i) => i.id === w.items.a)?.commentCount;
    expect(await count()).toBe(0);
    const res = await (await w.as("coord")).post(`/api/follow-up/items/${w.items.a}/comments`, {
      body: "Đề nghị gửi kèm ảnh chụp bảng niêm yết.",
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(await count()).toBe(1);
  });
});
