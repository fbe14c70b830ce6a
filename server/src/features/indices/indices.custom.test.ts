import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/database";
import { buildProvince, buildUnit, buildUser } from "../../../test/factories";
import { buildTestApp, createClient } from "../../../test/http";
import type { Database } from "../../app/db";

let database: Database;
let app: FastifyInstance;
const users: Record<string, string> = {};
const units: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildTestApp(database);
  const db = database.db;
  for (const name of ["a", "b"]) {
    const province = await buildProvince(db, { name: `Tỉnh ${name.toUpperCase()}` });
    const office = await buildUnit(db, { parentId: province.id, name: `Sở Kế hoạch ${name}` });
    units[`dept-${name}`] = office.id;
    units[`commune-${name}`] = (
      await buildUnit(db, { parentId: province.id, kind: "commune", name: `Xã Hòa ${name}` })
    ).id;
    users[`coord-${name}`] = (await buildUser(db, { unitId: office.id, roles: ["coordinator"] })).username;
    users[`officer-${name}`] = (await buildUser(db, { unitId: office.id, roles: ["officer"] })).username;
    users[`admin-${name}`] = (await buildUser(db, { unitId: office.id, roles: ["admin"] })).username;
  }
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const as = async (who: string) => {
  const c = createClient(app);
  await c.login(users[who] as string);
  return c;
};
type Client = Awaited<ReturnType<typeof as>>;
type Version = {
  code: string;
  status: string;
  basedOn: string | null;
  validFromYear: number;
  validToYear: number | null;
  scaleMax: number;
  totalRule: { aggregation: string; multiplier: number; description: string };
  components: Array<
    Record<string, unknown> & { code: string; weight: number | null; subjectKind: string | null }
  >;
};

async function myDdci(c: Client) {
  const res = await c.get("/api/indices/custom");
  expect(res.statusCode).toBe(200);
  const [ddci] = res.json().indices;
  const code = ddci.versions[0].code as string;
  const version = (await c.get(`/api/indices/versions/${code}`)).json().version as Version;
  return { ddci, version };
}

const inputOf = (v: Version) => ({
  validFromYear: v.validFromYear,
  validToYear: v.validToYear,
  scaleMax: v.scaleMax,
  totalRule: v.totalRule,
  components: v.components as Array<Record<string, unknown>>,
});

describe("a province's DDCI in the catalogue", () => {
  it("is there for each province, rating its departments and communes, as a draft with equal weights", async () => {
    const c = await as("coord-a");
    const { ddci, version } = await myDdci(c);
    expect(ddci).toMatchObject({ custom: true, subjects: "units", editable: true });
    expect(ddci.nameVi).toContain("DDCI");
    expect(ddci.nameVi).toContain("Tỉnh A");
    expect(version.status).toBe("draft");
    const dept = version.components.filter((x) => x.subjectKind === "department");
    const communes = version.components.filter((x) => x.subjectKind === "commune");
    expect(dept.map((x) => x.nameVi)).toContain("Chi phí thời gian");
    expect(communes.map((x) => x.nameVi)).toContain("An ninh trật tự");
    expect(dept.reduce((s, x) => s + (x.weight ?? 0), 0)).toBe(100);
    expect(communes.every((x) => x.weight === 10)).toBe(true);
    expect(version.totalRule.description).toContain("tỉnh cần quy định trọng số");
    // The general catalogue lists it with the national indices; a second listing adds nothing.
    const all = (await c.get("/api/indices")).json().indices.map((d: { code: string }) => d.code);
    expect(all).toContain("PCI");
    expect(all).toContain(ddci.code);
    expect((await c.get("/api/indices/custom")).json().indices).toHaveLength(1);
  });

  it("is invisible to another province: not listed, its versions 404 to read or write", async () => {
    const a = await myDdci(await as("coord-a"));
    const b = await as("admin-b");
    const listed = (await b.get("/api/indices")).json().indices.map((d: { code: string }) => d.code);
    expect(listed).not.toContain(a.ddci.code);
    const mine = (await b.get("/api/indices/custom")).json().indices;
    expect(mine.map((d: { code: string }) => d.code)).not.toContain(a.ddci.code);
    expect((await b.get(`/api/indices/versions/${a.version.code}`)).statusCode).toBe(404);
    expect(
      (await b.put(`/api/indices/custom/versions/${a.version.code}`, inputOf(a.version))).statusCode,
    ).toBe(404);
    expect((await b.post(`/api/indices/custom/versions/${a.version.code}/publish`)).statusCode).toBe(404);
    expect((await b.post(`/api/indices/custom/versions/${a.version.code}/revise`)).statusCode).toBe(404);
    expect((await b.post(`/api/indices/custom/${a.ddci.code}/versions`, inputOf(a.version))).statusCode).toBe(
      404,
    );
  });
});

describe("writing versions", () => {
  it("answers 401 without a session", async () => {
    const c = createClient(app);
    for (const [method, url] of [
      ["GET", "/api/indices/custom"],
      ["POST", "/api/indices/custom/DDCI_X/versions"],
      ["PUT", "/api/indices/custom/versions/DDCI_X-2026"],
      ["POST", "/api/indices/custom/versions/DDCI_X-2026/publish"],
      ["POST", "/api/indices/custom/versions/DDCI_X-2026/revise"],
    ] as const)
      expect((await c.request(method, url, method === "GET" ? undefined : {})).statusCode).toBe(401);
  });

  it("refuses a national index with a message (403), an officer (403) and a bad body (400)", async () => {
    const c = await as("coord-a");
    const { version } = await myDdci(c);
    const pci = await c.post("/api/indices/custom/PCI/versions", inputOf(version));
    expect(pci.statusCode).toBe(403);
    expect(pci.json().error.message).toContain("chỉ số quốc gia");
    expect((await c.put("/api/indices/custom/versions/PCI-2022", inputOf(version))).statusCode).toBe(403);
    expect((await c.post("/api/indices/custom/versions/PAPI-2018/revise")).statusCode).toBe(403);
    const officer = await as("officer-a");
    const seen = (await officer.get("/api/indices/custom")).json();
    expect(seen.indices[0].editable).toBe(false);
    expect(seen.can.editCustom).toBe(false);
    expect(
      (await officer.put(`/api/indices/custom/versions/${version.code}`, inputOf(version))).statusCode,
    ).toBe(403);
    expect((await officer.post(`/api/indices/custom/versions/${version.code}/publish`)).statusCode).toBe(403);
    const empty = await c.put(`/api/indices/custom/versions/${version.code}`, {
      ...inputOf(version),
      components: [],
    });
    expect(empty.statusCode).toBe(400);
    // The national catalogue's editor sends a province's index to its own screen.
    const admin = await as("admin-a");
    const elsewhere = await admin.put(`/api/indices/versions/${version.code}`, inputOf(version));
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().error.message).toContain("Chỉ số của tỉnh");
  });

  it("validates weights per level, naming the component, in Vietnamese", async () => {
    const c = await as("coord-a");
    const { version } = await myDdci(c);
    const off = inputOf(version);
    off.components = off.components.map((x) => (x.code === "X_LAND" ? { ...x, weight: 0 } : x));
    const res = await c.put(`/api/indices/custom/versions/${version.code}`, off);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe(
      "Trọng số các thành phần chấm cho xã, phường cộng lại 90, phải bằng 100.",
    );
    const nested = inputOf(version);
    nested.components = [
      ...nested.components.map((x) => (x.code === "X_ENTRY" ? { ...x, aggregation: "weightedMean" } : x)),
      {
        code: "X_ENTRY_1",
        parentCode: "X_ENTRY",
        nameVi: "Số ngày đăng ký kinh doanh",
        max: 30,
        unit: "days",
        polarity: "lowerIsBetter",
        weight: 30,
      },
      {
        code: "X_ENTRY_2",
        parentCode: "X_ENTRY",
        nameVi: "Tỷ lệ hồ sơ đúng hạn",
        max: 100,
        unit: "percent",
        weight: 50,
      },
    ];
    const bad = await c.put(`/api/indices/custom/versions/${version.code}`, nested);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain("“Chi phí gia nhập thị trường” cộng lại 80");
    const stored = (await c.get(`/api/indices/versions/${version.code}`)).json().version as Version;
    expect(stored.components).toHaveLength(15);
  });

  it("edits a draft, publishes it (audited), refuses to edit it then, and revises it into a new draft", async () => {
    const c = await as("coord-a");
    const { ddci, version } = await myDdci(c);
    const input = inputOf(version);
    input.components = [
      ...input.components.map((x) =>
        x.code === "X_ENTRY"
          ? { ...x, aggregation: "weightedMean" }
          : x.code === "X_LAND"
            ? { ...x, weight: 15 }
            : x.code === "X_SECURITY"
              ? { ...x, weight: 5 }
              : x,
      ),
      {
        code: "X_ENTRY_1",
        parentCode: "X_ENTRY",
        nameVi: "Số ngày đăng ký kinh doanh",
        nameEn: "Days to register",
        max: 30,
        unit: "days",
        polarity: "lowerIsBetter",
        weight: 40,
      },
      {
        code: "X_ENTRY_2",
        parentCode: "X_ENTRY",
        nameVi: "Tỷ lệ hồ sơ đúng hạn",
        max: 100,
        unit: "percent",
        weight: 60,
      },
    ];
    const saved = await c.put(`/api/indices/custom/versions/${version.code}`, input);
    expect(saved.statusCode).toBe(200);
    const draft = saved.json().version as Version;
    expect(draft.status).toBe("draft");
    expect(draft.components.find((x) => x.code === "X_ENTRY_1")).toMatchObject({
      polarity: "lowerIsBetter",
      unit: "days",
      weight: 40,
    });
    expect(draft.components.find((x) => x.code === "X_LAND")?.weight).toBe(15);

    const published = await c.post(`/api/indices/custom/versions/${version.code}/publish`);
    expect(published.statusCode).toBe(200);
    expect(published.json().version.status).toBe("published");
    expect(published.json().version.publishedAt).not.toBeNull();
    const audit = await database.query<{ action: string }>(
      `select action from audit_log where entity = 'indexVersion' and entity_id = '${version.code}' order by at`,
    );
    expect(audit.map((r) => r.action)).toEqual(["update", "publish"]);

    // Once published it applies to its years, for its province only: elsewhere the index is 404.
    const weights = `/api/indices/${ddci.code}/weights?year=${version.validFromYear}`;
    const own = await c.get(weights);
    expect(own.statusCode).toBe(200);
    expect(own.json().rows.find((r: { code: string }) => r.code === "X_LAND").weight).toBe(15);
    const b = await as("coord-b");
    expect((await b.get(weights)).statusCode).toBe(404);
    expect((await c.get(`/api/indices/results/${ddci.code}/${version.validFromYear}`)).statusCode).toBe(200);
    expect((await b.get(`/api/indices/results/${ddci.code}/${version.validFromYear}`)).statusCode).toBe(404);
    expect((await b.get(`/api/indices/${ddci.code}/ranking?year=${version.validFromYear}`)).statusCode).toBe(
      404,
    );

    const edit = await c.put(`/api/indices/custom/versions/${version.code}`, input);
    expect(edit.statusCode).toBe(400);
    expect(edit.json().error.message).toContain("tạo bản sửa đổi");
    expect((await c.post(`/api/indices/custom/versions/${version.code}/publish`)).statusCode).toBe(400);

    const revised = await c.post(`/api/indices/custom/versions/${version.code}/revise`);
    expect(revised.statusCode).toBe(201);
    const r2 = revised.json().version as Version;
    expect(r2).toMatchObject({ status: "draft", basedOn: version.code, code: `${version.code}.r2` });
    expect(r2.components).toHaveLength(17);
    const next = { ...inputOf(r2), validFromYear: r2.validFromYear + 1 };
    expect((await c.put(`/api/indices/custom/versions/${r2.code}`, next)).statusCode).toBe(200);
    // The published version is untouched.
    const again = (await c.get(`/api/indices/versions/${version.code}`)).json().version as Version;
    expect(again.validFromYear).toBe(version.validFromYear);

    // A new version from scratch is a draft too.
    const fresh = await c.post(`/api/indices/custom/${ddci.code}/versions`, {
      validFromYear: 2030,
      scaleMax: 100,
      totalRule: { aggregation: "weightedMean", multiplier: 10 },
      components: [
        { code: "S1", nameVi: "Minh bạch", max: 10, weight: 100, subjectKind: "department" },
        { code: "X1", nameVi: "Một cửa", max: 10, weight: 100, subjectKind: "commune" },
      ],
    });
    expect(fresh.statusCode).toBe(201);
    expect(fresh.json().version.status).toBe("draft");
    const versions = (await c.get("/api/indices/custom")).json().indices[0].versions;
    expect(versions.map((v: { status: string }) => v.status).sort()).toEqual(["draft", "draft", "published"]);
  });
});

describe("results per department and commune", () => {
  it("stores a unit's result on its kind's components, computes its total, and guards who and what", async () => {
    const c = await as("coord-a");
    const { ddci } = await myDdci(c);
    const created = await c.post(`/api/indices/custom/${ddci.code}/versions`, {
      validFromYear: 2031,
      scaleMax: 100,
      totalRule: { aggregation: "weightedMean", multiplier: 10 },
      components: [
        { code: "S1", nameVi: "Minh bạch", max: 10, weight: 100, subjectKind: "department" },
        { code: "X1", nameVi: "Một cửa", max: 10, weight: 50, subjectKind: "commune" },
        { code: "X2", nameVi: "An ninh trật tự", max: 10, weight: 50, subjectKind: "commune" },
      ],
    });
    const code = created.json().version.code;
    expect((await c.post(`/api/indices/custom/versions/${code}/publish`)).statusCode).toBe(200);
    const url = (unit: string, year = 2031) =>
      `/api/indices/custom/${ddci.code}/results/${year}/${units[unit]}`;

    const commune = await c.put(url("commune-a"), {
      components: [
        { code: "X1", value: 8 },
        { code: "X2", value: 6 },
      ],
    });
    expect(commune.statusCode).toBe(200);
    expect(commune.json().result).toMatchObject({
      unitName: "Xã Hòa a",
      unitKind: "commune",
      computedTotal: 70,
    });
    const dept = await c.put(url("dept-a"), { total: 81.5, components: [{ code: "S1", value: 8 }] });
    expect(dept.json().result).toMatchObject({ total: 81.5, computedTotal: 80 });

    const wrongKind = await c.put(url("dept-a"), { components: [{ code: "X1", value: 8 }] });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().error.message).toBe("“Một cửa” không chấm cho “Sở Kế hoạch a”.");
    const range = await c.put(url("commune-a"), { components: [{ code: "X2", value: 12 }] });
    expect(range.json().error.message).toBe("“An ninh trật tự”: giá trị 12 nằm ngoài khoảng 0–10.");
    const noVersion = await c.put(url("commune-a", 2020), { components: [] });
    expect(noVersion.statusCode).toBe(400);
    expect(noVersion.json().error.message).toBe("Chưa có phiên bản DDCI nào được công bố cho năm 2020.");
    expect((await c.put(url("commune-b"), { components: [] })).statusCode).toBe(404);
    expect(
      (await c.put(`/api/indices/custom/${ddci.code}/results/2031/khong-phai-uuid`, {})).statusCode,
    ).toBe(400);

    expect((await (await as("officer-a")).put(url("commune-a"), { components: [] })).statusCode).toBe(403);
    const b = await as("coord-b");
    expect((await b.put(url("commune-a"), { components: [] })).statusCode).toBe(404);
    expect((await b.get(`/api/indices/custom/${ddci.code}/results/2031`)).statusCode).toBe(404);
    expect((await createClient(app).get(`/api/indices/custom/${ddci.code}/results/2031`)).statusCode).toBe(
      401,
    );

    const page = (await c.get(`/api/indices/custom/${ddci.code}/results/2031?pageSize=1`)).json();
    expect(page.total).toBe(2);
    expect(page.versionCode).toBe(code);
    expect(page.results).toHaveLength(1);
    const audit = await database.query<{ n: number }>(
      `select count(*)::int as n from audit_log where entity = 'indexResult' and entity_id like '${ddci.code}:2031:%'`,
    );
    expect(audit[0]?.n).toBe(2);
  });
});
