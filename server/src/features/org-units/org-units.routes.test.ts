import { gunzipSync } from "node:zlib";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareVietnamese } from "../../../../core/src/text/vietnamese";
import { createTestDatabase } from "../../../test/database";
import { buildProvince, buildUnit, buildUser } from "../../../test/factories";
import { buildTestApp, createClient } from "../../../test/http";
import type { Database } from "../../app/db";
import { seedDemoProvince } from "../demo/demo.seed";

let database: Database;
let app: FastifyInstance;
let ids: Map<string, string>;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ unitIds: ids } = await seedDemoProvince({ database }));
  app = await buildTestApp(database);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const asAdmin = async () => {
  const c = createClient(app);
  await c.login("admin", "ChiSo@2026");
  return c;
};
const asOfficer = async () => {
  const c = createClient(app);
  await c.login("canbo", "ChiSo@2026");
  return c;
};

describe("directory search", () => {
  it("finds Sở Nội vụ first for 'so noi vu', 'SNV' and 'Sở Nội Vụ'", async () => {
    const c = await asOfficer();
    for (const q of ["so noi vu", "SNV", "Sở Nội Vụ", "noi vu"]) {
      const res = await c.get(`/api/org-units?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().orgUnits[0].name, q).toBe("Sở Nội vụ");
      expect(res.json().orgUnits[0].active).toBe(true);
    }
  });

  it("expands abbreviations: 'Sở KH&ĐT' finds the former planning department in history", async () => {
    const c = await asOfficer();
    const res = await c.get(`/api/org-units?q=${encodeURIComponent("Sở KH&ĐT")}&includeHistorical=true`);
    expect(res.json().orgUnits.map((u: { name: string }) => u.name)).toContain("Sở Kế hoạch và Đầu tư");
    const current = await c.get(`/api/org-units?q=${encodeURIComponent("Sở KH&ĐT")}`);
    expect(current.json().orgUnits).toEqual([]);
  });

  it("lists units without a query, by kind", async () => {
    const c = await asOfficer();
    const res = await c.get("/api/org-units?kind=department&limit=200");
    expect(res.statusCode).toBe(200);
    expect(res.json().orgUnits.length).toBeGreaterThan(10);
    expect(
      res
        .json()
        .orgUnits.every((u: { kind: string; active: boolean }) => u.kind === "department" && u.active),
    ).toBe(true);
  });

  it("answers 401 without a session and 400 with a Vietnamese message for a bad kind", async () => {
    expect((await app.inject({ method: "GET", url: "/api/org-units?q=so" })).statusCode).toBe(401);
    const c = await asOfficer();
    const res = await c.get("/api/org-units?kind=planet");
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/kind/);
    expect(res.json().error.message).toMatch(/Loại đơn vị không hợp lệ/);
  });

  it("never shows another province's units: search, tree and detail", async () => {
    const other = await buildProvince(database.db, { name: "Tỉnh Khác Biệt" });
    const hidden = await buildUnit(database.db, { parentId: other.id, name: "Sở Nội vụ tỉnh khác" });
    const c = await asOfficer();
    const search = await c.get(`/api/org-units?q=${encodeURIComponent("tỉnh khác")}`);
    expect(search.json().orgUnits).toEqual([]);
    const tree = await c.get("/api/org-units/tree");
    expect(tree.json().nodes.some((n: { id: string }) => n.id === hidden.id)).toBe(false);
    expect((await c.get(`/api/org-units/${hidden.id}`)).statusCode).toBe(404);
  });
});

describe("tree and detail", () => {
  it("returns the current tree, and history on request", async () => {
    const c = await asOfficer();
    const current = (await c.get("/api/org-units/tree")).json().nodes;
    const all = (await c.get("/api/org-units/tree?includeHistorical=true")).json().nodes;
    expect(current.length).toBeGreaterThan(150);
    expect(all.length).toBeGreaterThan(current.length);
    expect(current.every((n: { active: boolean }) => n.active)).toBe(true);
    expect(all.some((n: { name: string }) => n.name === "Tỉnh Bình Định")).toBe(true);
  });

  it("answers 304 to a repeated tree request and a new tree after any change", async () => {
    const c = await asAdmin();
    const first = await c.get("/api/org-units/tree");
    const etag = first.headers.etag as string;
    expect(etag).toBeTruthy();
    const again = await c.request("GET", "/api/org-units/tree", undefined, { "if-none-match": etag });
    expect(again.statusCode).toBe(304);
    await c.post("/api/org-units", { kind: "commune", parentId: ids.get("gl"), name: "Xã Mới Thành Lập" });
    const changed = await c.request("GET", "/api/org-units/tree", undefined, { "if-none-match": etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().nodes.some((n: { name: string }) => n.name === "Xã Mới Thành Lập")).toBe(true);
  });

  it("sends the tree gzipped to a client that accepts it", async () => {
    const c = await asAdmin();
    const res = await c.request("GET", "/api/org-units/tree", undefined, { "accept-encoding": "gzip, br" });
    expect(res.headers["content-encoding"]).toBe("gzip");
    const nodes = JSON.parse(gunzipSync(res.rawPayload).toString("utf8")).nodes;
    expect(nodes.some((n: { name: string }) => n.name === "Sở Nội vụ")).toBe(true);
  });

  it("shows a unit's ancestors, groups and merge history", async () => {
    const c = await asOfficer();
    const res = await c.get(`/api/org-units/${ids.get("gl-stc")}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.ancestors.map((a: { name: string }) => a.name)).toEqual(["Tỉnh Gia Lai"]);
    expect(body.events.length).toBeGreaterThan(0);
    expect(body.can).toEqual({ update: false, merge: false, createChild: false });
  });

  it("answers 404 for an unknown id and 400 for a malformed one", async () => {
    const c = await asOfficer();
    expect((await c.get("/api/org-units/00000000-0000-4000-8000-000000000000")).statusCode).toBe(404);
    expect((await c.get("/api/org-units/abc")).statusCode).toBe(400);
  });
});

describe("directory changes", () => {
  it("lets an admin create and rename a unit, audited; an officer gets 403", async () => {
    const admin = await asAdmin();
    const created = await admin.post("/api/org-units", {
      kind: "internalUnit",
      parentId: ids.get("gl-snv"),
      name: "Phòng Thử nghiệm số",
      aliases: ["PTNS"],
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().orgUnit.id;
    const renamed = await admin.patch(`/api/org-units/${id}`, { name: "Phòng Chuyển đổi số" });
    expect(renamed.json().orgUnit.name).toBe("Phòng Chuyển đổi số");
    const found = await admin.get(`/api/org-units?q=${encodeURIComponent("phong chuyen doi so")}`);
    expect(found.json().orgUnits[0].id).toBe(id);
    const audit = await admin.get(`/api/audit?entity=orgUnit&entityId=${id}`);
    expect(audit.json().entries.map((e: { action: string }) => e.action)).toEqual(["update", "create"]);
    expect(audit.json().entries[0].before.name).toBe("Phòng Thử nghiệm số");
    expect(audit.json().entries[0].after).not.toHaveProperty("sortKey");

    const officer = await asOfficer();
    const denied = await officer.post("/api/org-units", {
      kind: "other",
      parentId: ids.get("gl"),
      name: "Không được",
    });
    expect(denied.statusCode).toBe(403);
  });

  it("rejects unknown fields, an end before the start, and a move into its own subtree", async () => {
    const admin = await asAdmin();
    const extra = await admin.post("/api/org-units", {
      kind: "other",
      parentId: ids.get("gl"),
      name: "Đơn vị X",
      color: "red",
    });
    expect(extra.statusCode).toBe(400);
    const dates = await admin.post("/api/org-units", {
      kind: "other",
      parentId: ids.get("gl"),
      name: "Đơn vị Y",
      validFrom: "2025-07-01",
      validTo: "2025-01-01",
    });
    expect(dates.statusCode).toBe(400);
    expect(dates.json().error.message).toMatch(/hết hiệu lực/);
    const badDate = await admin.post("/api/org-units", {
      kind: "other",
      parentId: ids.get("gl"),
      name: "Đơn vị Z",
      validFrom: "2025-02-31",
    });
    expect(badDate.statusCode).toBe(400);
    const cycle = await admin.patch(`/api/org-units/${ids.get("gl-snv")}`, {
      parentId: [...ids.entries()].find(([k]) => k.startsWith("gl-snv-"))?.[1],
    });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error.code).toBe("orgUnit.cycle");
  });

  it("records a merge: predecessors end the day before, the successor lists them", async () => {
    const admin = await asAdmin();
    const a = (
      await admin.post("/api/org-units", { kind: "commune", parentId: ids.get("gl"), name: "Xã Thử A" })
    ).json().orgUnit;
    const b = (
      await admin.post("/api/org-units", { kind: "commune", parentId: ids.get("gl"), name: "Xã Thử B" })
    ).json().orgUnit;
    const res = await admin.post("/api/org-units/events", {
      kind: "merge",
      predecessorIds: [a.id, b.id],
      newSuccessor: { kind: "commune", parentId: ids.get("gl"), name: "Xã Thử AB" },
      effectiveDate: "2026-01-01",
      decision: "Nghị quyết thử nghiệm",
    });
    expect(res.statusCode).toBe(201);
    const [successorId] = res.json().successorIds;
    const detail = (await admin.get(`/api/org-units/${successorId}`)).json();
    expect(detail.events[0].predecessors.map((p: { name: string }) => p.name).sort()).toEqual([
      "Xã Thử A",
      "Xã Thử B",
    ]);
    const old = (await admin.get(`/api/org-units/${a.id}`)).json().orgUnit;
    expect(old.validTo).toBe("2025-12-31");
    expect(old.active).toBe(false);
  });
});

describe("groups", () => {
  it("expands 'Các sở, ban, ngành' to the departments valid at a date", async () => {
    const c = await asOfficer();
    const groups = (await c.get("/api/org-groups")).json().groups;
    const departments = groups.find((g: { name: string }) => g.name === "Các sở, ban, ngành");
    const today = (await c.get(`/api/org-groups/${departments.id}/members`)).json().orgUnits;
    expect(today.map((u: { name: string }) => u.name)).toContain("Sở Nội vụ");
    expect(today.every((u: { kind: string }) => u.kind === "department")).toBe(true);
    const before = (await c.get(`/api/org-groups/${departments.id}/members?at=2025-01-01`)).json().orgUnits;
    expect(before).toEqual([]);
    const bad = await c.get(`/api/org-groups/${departments.id}/members?at=2025-02-30`);
    expect(bad.statusCode).toBe(400);
  });

  it("lets an admin define a group of explicit members, and refuses an empty one", async () => {
    const admin = await asAdmin();
    const empty = await admin.post("/api/org-groups", { name: "Nhóm rỗng" });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toMatch(/quy tắc hoặc ít nhất một/);
    const created = await admin.post("/api/org-groups", {
      name: "Nhóm thí điểm",
      memberIds: [ids.get("gl-snv"), ids.get("gl-stc")],
    });
    expect(created.statusCode).toBe(201);
    const members = (await admin.get(`/api/org-groups/${created.json().id}/members`)).json().orgUnits;
    expect(members.map((u: { name: string }) => u.name).sort()).toEqual(["Sở Nội vụ", "Sở Tài chính"]);
    const officer = await asOfficer();
    expect((await officer.delete(`/api/org-groups/${created.json().id}`)).statusCode).toBe(403);
    expect((await admin.delete(`/api/org-groups/${created.json().id}`)).statusCode).toBe(200);
  });
});

describe("users of other units", () => {
  it("an officer cannot list users (403) but reads itself", async () => {
    const officer = await asOfficer();
    expect((await officer.get("/api/users")).statusCode).toBe(403);
    const me = (await officer.get("/api/me")).json();
    expect((await officer.get(`/api/users/${me.user.id}`)).statusCode).toBe(200);
    const stranger = await buildUser(database.db);
    expect((await officer.get(`/api/users/${stranger.id}`)).statusCode).toBe(404);
  });
});

// Intl.Collator('vi', { numeric: true }) order, written out: the web sorts with the same collator
// (compareVietnamese), numbers by value. PGlite has no ICU collation, so this fails with ORDER BY name.
const VIETNAMESE_ORDER = [
  "An Nhơn Đông",
  "An Nhơn Nam",
  "Ayun Pa",
  "Ân Hảo",
  "Bình Định",
  "Chư Păh",
  "Chư Sê",
  "Đak Đoa",
  "Đak Pơ",
  "Đức Cơ",
  "Ia Grai",
  "Phường 2",
  "Phường 10",
];
// Inserted in an order that neither ids nor byte order of the names would put right.
const INSERTION_ORDER = [...VIETNAMESE_ORDER].sort((a, b) => (a < b ? 1 : -1));

describe("Vietnamese order", () => {
  const names = (list: Array<{ name: string }>) => list.map((u) => u.name);
  let parentId: string;
  let unitIds: string[];
  // One session for the three tests: logins are rate-limited per address.
  let admin: Awaited<ReturnType<typeof asAdmin>>;

  beforeAll(async () => {
    admin = await asAdmin();
    expect([...INSERTION_ORDER].sort(compareVietnamese)).toEqual(VIETNAMESE_ORDER);
    const parent = await buildUnit(database.db, {
      kind: "district",
      parentId: ids.get("gl"),
      name: "Huyện Thứ Tự",
    });
    parentId = parent.id;
    unitIds = [];
    for (const name of INSERTION_ORDER)
      unitIds.push((await buildUnit(database.db, { kind: "commune", parentId, name })).id);
  });

  it("lists units by name in Vietnamese order: search, tree and a unit's children", async () => {
    const c = admin;
    const search = await c.get(`/api/org-units?parentId=${parentId}&limit=50`);
    expect(names(search.json().orgUnits)).toEqual(VIETNAMESE_ORDER);
    const tree = (await c.get("/api/org-units/tree")).json().nodes;
    expect(names(tree.filter((n: { parentId: string }) => n.parentId === parentId))).toEqual(
      VIETNAMESE_ORDER,
    );
    const detail = (await c.get(`/api/org-units/${parentId}`)).json();
    expect(names(detail.children)).toEqual(VIETNAMESE_ORDER);
    // A search ranks matches first; among equally good matches, names keep Vietnamese order.
    const found = await c.get(`/api/org-units?q=${encodeURIComponent("an nhon")}&parentId=${parentId}`);
    expect(names(found.json().orgUnits)).toEqual(["An Nhơn Đông", "An Nhơn Nam"]);
  });

  it("lists groups and a group's members in Vietnamese order", async () => {
    const created: string[] = [];
    for (const name of INSERTION_ORDER) {
      const res = await admin.post("/api/org-groups", { name: `Nhóm ${name}`, memberIds: unitIds });
      expect(res.statusCode).toBe(201);
      created.push(res.json().id);
    }
    const groups = (await admin.get("/api/org-groups")).json().groups as Array<{ id: string; name: string }>;
    expect(names(groups.filter((g) => created.includes(g.id)))).toEqual(
      VIETNAMESE_ORDER.map((n) => `Nhóm ${n}`),
    );
    const members = (await admin.get(`/api/org-groups/${created[0]}/members`)).json().orgUnits;
    expect(names(members)).toEqual(VIETNAMESE_ORDER);
    const detail = (await admin.get(`/api/org-units/${unitIds[0]}`)).json();
    expect(names(detail.groups)).toEqual(VIETNAMESE_ORDER.map((n) => `Nhóm ${n}`));
    for (const id of created) await admin.delete(`/api/org-groups/${id}`);
  });

  it("lists users by display name and by unit name in Vietnamese order, both ways", async () => {
    for (const [i, name] of INSERTION_ORDER.entries())
      await buildUser(database.db, { unitId: unitIds[i], displayName: name });
    const list = async (query: string) =>
      (await admin.get(`/api/users?${query}&pageSize=200`))
        .json()
        .users.filter((u: { unitId: string }) => unitIds.includes(u.unitId)) as Array<{
        displayName: string;
        unitName: string;
      }>;
    expect((await list("sort=displayName&order=asc")).map((u) => u.displayName)).toEqual(VIETNAMESE_ORDER);
    expect((await list("sort=displayName&order=desc")).map((u) => u.displayName)).toEqual(
      [...VIETNAMESE_ORDER].reverse(),
    );
    expect((await list("sort=unitName&order=asc")).map((u) => u.unitName)).toEqual(VIETNAMESE_ORDER);
  });
});
