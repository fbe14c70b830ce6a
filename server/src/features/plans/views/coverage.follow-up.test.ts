/**
 * The coverage view's follow-up part: per index component, the follow-up items linked to it (open,
 * overdue, done; a closed one in none) and the year's initiatives aimed at it (and how many stand
 * recognised), each count the total of the list its link opens (the items list and the register
 * filtered by the component), each cut to what the actor may see.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../../test/database";
import { buildItemsWorld, type ItemsWho, type ItemsWorld } from "../../../../test/follow-up-items-world";
import { buildTestApp } from "../../../../test/http";
import { setClockForTests } from "../../../app/clock";
import type { Database } from "../../../app/db";
import { createInitiativesRepository } from "../../follow-up/initiatives/initiatives.repository";
import { ensureIndexCatalog } from "../../indices/indices.catalog";

let database: Database;
let app: FastifyInstance;
let w: ItemsWorld;
let other: ItemsWorld;
let dataDir: string;
let version: string;
let x: string;
let y: string;

type Component = {
  code: string;
  followUp: {
    items: { open: number; overdue: number; done: number };
    initiatives: { total: number; recognised: number };
  };
};

const coverage = async (who: ItemsWho) => {
  const res = await (await w.as(who)).get("/api/tasks/coverage?indexCode=PCI&year=2026");
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as { versionCode: string; year: number; components: Component[] };
  return { ...body, of: (code: string) => body.components.find((c) => c.code === code)?.followUp };
};

async function act(who: ItemsWho, id: string, body: Record<string, unknown>) {
  const c = await w.as(who);
  const item = (await c.get(`/api/follow-up/items/${id}`)).json().item;
  const res = await c.post(`/api/follow-up/items/${id}/transitions`, { version: item.version, ...body });
  expect(res.statusCode, res.body).toBe(200);
}

beforeAll(async () => {
  setClockForTests(new Date("2026-04-01T03:00:00Z"));
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "chiso-coverage-follow-up-"));
  database = await createTestDatabase();
  await ensureIndexCatalog({ db: database.db });
  app = await buildTestApp(database, { dataDir });
  w = await buildItemsWorld({ db: database.db, app });
  other = await buildItemsWorld({ db: database.db, app, tag: "Tỉnh Khác" });
  const first = await coverage("coord");
  version = first.versionCode;
  [x, y] = first.components.filter((c) => !c.code.includes(".")).map((c) => c.code) as [string, string];
  const at = { versionCode: version, componentCode: x };
  // Component x: Xã An Phú's remediation open, overdue, accepted and closed; the room's recommendation.
  const open = await w.newItem({ ...at, content: "Niêm yết công khai các khoản thu", dueDate: "2026-04-30" });
  await w.newItem({ ...at, content: "Cập nhật quy chế đã quá hạn", dueDate: "2026-03-25" });
  const done = await w.newItem({ ...at, content: "Công khai ngân sách xã", dueDate: "2026-04-30" });
  const closed = await w.newItem({ ...at, content: "Nội dung đã rút lại", dueDate: "2026-04-30" });
  await act("officerA", done, { action: "report", answer: "Đã công khai trên cổng thông tin." });
  await act("coord", done, { action: "accept" });
  await act("coord", closed, { action: "close", reason: "Đoàn kiểm tra rút lại kết luận." });
  expect(open).toBeTruthy();
  // Component y: one more of Xã An Phú's, open. Another province's items on x are never counted.
  await w.newItem({ versionCode: version, componentCode: y, content: "Số hóa hồ sơ", dueDate: "2026-05-30" });
  await other.newItem({ ...at, content: "Việc của tỉnh khác", dueDate: "2026-03-25" });
  // Initiatives on x: commune A's recognised one and commune B's proposed one this year; one of 2025.
  const repo = createInitiativesRepository(database.db);
  const initiative = (unit: { id: string; path: string }, year: number, state: string, title: string) =>
    repo.insert({
      provinceId: w.province.id,
      unitId: unit.id,
      unitPath: unit.path,
      year,
      title,
      problem: "",
      solution: "",
      field: "",
      expectedResult: "",
      actualResult: "",
      state,
      ...at,
    });
  await initiative(w.units.comA, 2026, "recognised", "Bảng công khai điện tử tại một cửa");
  await initiative(w.units.comB, 2026, "proposed", "Hộp thư góp ý trực tuyến");
  await initiative(w.units.comA, 2025, "recognised", "Sáng kiến năm trước");
}, 120_000);

afterAll(async () => {
  setClockForTests(null);
  await app.close();
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const total = async (who: ItemsWho, url: string) => {
  const res = await (await w.as(who)).get(url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().total as number;
};

describe("the coverage view's follow-up counts per component", () => {
  it("counts the items linked to each component, open (overdue included), overdue and done", async () => {
    const cov = await coverage("coord");
    expect(cov.year).toBe(2026);
    expect(cov.of(x)).toEqual({
      items: { open: 2, overdue: 1, done: 1 },
      initiatives: { total: 2, recognised: 1 },
    });
    expect(cov.of(y)).toEqual({
      items: { open: 1, overdue: 0, done: 0 },
      initiatives: { total: 0, recognised: 0 },
    });
    // A component nothing is linked to.
    const rest = cov.components.filter((c) => c.code !== x && c.code !== y);
    expect(
      rest.every((c) => c.followUp.items.open + c.followUp.items.done + c.followUp.initiatives.total === 0),
    ).toBe(true);
  });

  it("each count is the total of the list its link opens", async () => {
    for (const who of ["coord", "officerA", "officerB"] as const) {
      const of = (await coverage(who)).of(x);
      const items = `/api/follow-up/items?versionCode=${version}&componentCode=${x}`;
      const register = `/api/follow-up/initiatives?year=2026&versionCode=${version}&componentCode=${x}`;
      expect({ who, ...of }).toEqual({
        who,
        items: {
          open: await total(who, `${items}&awaiting=any`),
          overdue: await total(who, `${items}&status=overdue`),
          done: await total(who, `${items}&state=accepted`),
        },
        initiatives: {
          total: await total(who, register),
          recognised: await total(who, `${register}&state=recognised`),
        },
      });
    }
  });

  it("cuts the counts to what the actor may see", async () => {
    // Commune B owes nothing on x; it sees its own initiative only.
    expect((await coverage("officerB")).of(x)).toEqual({
      items: { open: 0, overdue: 0, done: 0 },
      initiatives: { total: 1, recognised: 0 },
    });
    expect((await coverage("officerA")).of(x)).toEqual({
      items: { open: 2, overdue: 1, done: 1 },
      initiatives: { total: 1, recognised: 1 },
    });
  });

  it("refuses a bad filter of the items list with a message naming it", async () => {
    const c = await w.as("coord");
    const awaiting = await c.get("/api/follow-up/items?awaiting=someone");
    expect(awaiting.statusCode).toBe(400);
    expect(awaiting.json().error.message).toContain("Bước chờ xử lý không hợp lệ");
    const alone = await c.get(`/api/follow-up/items?componentCode=${x}`);
    expect(alone.statusCode).toBe(400);
    expect(alone.json().error.message).toBe("Chỉ số thành phần cần đi kèm bộ chỉ số.");
    const none = await c.get(`/api/follow-up/items?versionCode=${version}&componentCode=NOPE`);
    expect(none.json()).toMatchObject({ items: [], total: 0 });
  });
});
