import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/database";
import { buildUser } from "../../../test/factories";
import { buildTestApp, createClient } from "../../../test/http";
import { expectOfficialTable, firstSheet } from "../../../test/xlsx-shape";
import type { Database } from "../../app/db";
import { seedDemoProvince } from "../demo/demo.seed";
import { ensureIndexCatalog } from "../indices/indices.catalog";

let database: Database;
let app: FastifyInstance;
let ids: Map<string, string>;
let groups: Array<{ id: string; name: string }>;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ unitIds: ids } = await seedDemoProvince({ database }));
  await ensureIndexCatalog({ db: database.db });
  app = await buildTestApp(database);
  groups = (await (await as("admin")).get("/api/org-groups")).json().groups;
}, 120_000);
afterAll(async () => {
  await app.close();
  await database.close();
});

// One signed-in client per demo user: logging in again for every step would hit the login rate limit.
const clients = new Map<string, ReturnType<typeof createClient>>();
async function as(username: string, password = "ChiSo@2026") {
  const known = clients.get(username);
  if (known) return known;
  const c = createClient(app);
  await c.login(username, password);
  clients.set(username, c);
  return c;
}
const groupId = (name: string) => groups.find((g) => g.name === name)!.id;
const unit = (key: string) => ids.get(key)!;

/** A draft province plan of the coordinator with a section and two tasks (one led by a group). */
async function draftPlan(overrides: Record<string, unknown> = {}) {
  const c = await as("dieuphoi");
  const created = await c.post("/api/plans", {
    ownerUnitId: unit("gl"),
    number: "",
    issuedDate: "2025-08-20",
    place: "Gia Lai",
    title: "Kế hoạch thử nghiệm cải thiện chỉ số PCI năm 2025",
    periodFrom: 2025,
    periodTo: 2025,
    legalBases: ["Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ"],
    signerName: "Nguyễn Văn A",
    ...overrides,
  });
  expect(created.statusCode, created.body).toBe(201);
  const plan = created.json().plan;
  const grid = await c.put(`/api/plans/${plan.id}/tasks`, {
    rows: [
      { key: "s1", kind: "section", content: "CHỈ SỐ NĂNG LỰC CẠNH TRANH CẤP TỈNH (PCI)" },
      {
        key: "t1",
        parentKey: "s1",
        content: "Công khai thu, chi ngân sách cấp xã theo quy định",
        leads: [{ groupId: groupId("UBND các xã, phường") }],
        coordinators: [{ unitId: unit("gl-stc") }],
        expectedOutput: "Thu chi ngân sách cấp xã được công bố công khai",
        deadlineText: "Trước ngày 31/8/2025",
        components: [{ versionCode: "PCI-2022", componentCode: "TRANSPARENCY" }],
      },
      {
        key: "t2",
        parentKey: "s1",
        content: "Tổ chức đối thoại giữa Chủ tịch UBND tỉnh với doanh nghiệp",
        leads: [{ unitId: unit("gl-stc") }],
        coordinators: [{ name: "Văn phòng UBND tỉnh" }, { name: "Hội Người Sao Hỏa" }],
        expectedOutput: "Từ 02 lần đối thoại trở lên",
        deadlineText: "Tháng 06/2025 và Tháng 12/2025",
        quantitativeTargets: [{ measure: "Số cuộc đối thoại", comparator: "≥", value: 2, unit: "cuộc" }],
      },
    ],
  });
  expect(grid.statusCode, grid.body).toBe(200);
  return { c, plan, grid: grid.json() };
}

describe("plans: access and validation", () => {
  it("answers 401 without a session", async () => {
    for (const [method, url] of [
      ["GET", "/api/plans"],
      ["POST", "/api/plans"],
      ["GET", "/api/tasks/mine"],
      ["GET", "/api/tasks"],
    ] as const) {
      const c = createClient(app);
      const res = await c.request(method, url, method === "POST" ? {} : undefined);
      expect(res.statusCode, url).toBe(401);
    }
  });

  it("answers 400 with a Vietnamese message for a short title and unknown fields", async () => {
    const c = await as("dieuphoi");
    const res = await c.post("/api/plans", { ownerUnitId: unit("gl"), title: "KH" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/title.*Trích yếu quá ngắn/);
    const extra = await c.post("/api/plans", {
      ownerUnitId: unit("gl"),
      title: "Kế hoạch hợp lệ",
      color: "red",
    });
    expect(extra.statusCode).toBe(400);
  });

  it("lets a commune officer make its own plan but not the province's (403)", async () => {
    const c = await as("canbo");
    const denied = await c.post("/api/plans", { ownerUnitId: unit("gl"), title: "Kế hoạch của tỉnh" });
    expect(denied.statusCode).toBe(403);
    const own = await c.post("/api/plans", { title: "Kế hoạch của phường năm 2025" });
    expect(own.statusCode).toBe(201);
    expect(own.json().plan.can).toMatchObject({ update: true, issue: true, amend: false });
  });

  it("refuses circular parent plans", async () => {
    const c = await as("dieuphoi");
    const a = (await c.post("/api/plans", { ownerUnitId: unit("gl"), title: "Kế hoạch cấp trên A" })).json()
      .plan;
    const b = (
      await c.post("/api/plans", {
        ownerUnitId: unit("gl"),
        title: "Kế hoạch cấp dưới B",
        parentPlanId: a.id,
      })
    ).json().plan;
    const res = await c.patch(`/api/plans/${a.id}`, { parentPlanId: b.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("plan.parentCycle");
  });

  it("refuses a lead that is not a unit and a component of another index version", async () => {
    const { c, plan } = await draftPlan();
    const notUnit = await c.put(`/api/plans/${plan.id}/tasks`, {
      rows: [
        { content: "Nhiệm vụ có chủ trì lạ", leads: [{ unitId: "00000000-0000-4000-8000-000000000000" }] },
      ],
    });
    expect(notUnit.statusCode).toBe(400);
    expect(notUnit.json().error.code).toBe("plan.task.leadNotUnit");
    const oldVersion = await c.put(`/api/plans/${plan.id}/tasks`, {
      rows: [
        {
          content: "Nhiệm vụ gắn phiên bản cũ",
          components: [{ versionCode: "PCI-2013", componentCode: "ENTRY" }],
        },
      ],
    });
    expect(oldVersion.statusCode).toBe(400);
    expect(oldVersion.json().error.code).toBe("plan.task.componentVersion");
    expect(oldVersion.json().error.message).toMatch(/PCI-2022/);
  });

  it("keeps an impossible date as written and flags it; issuing is refused with the list to fix", async () => {
    const { c, plan, grid } = await draftPlan();
    const t2 = grid.rows.find((r: { content: string }) => r.content.startsWith("Tổ chức đối thoại"));
    expect(t2.deadline.kind).toBe("milestones");
    expect(t2.coordinators.map((p: { matched: boolean }) => p.matched)).toEqual([true, false]);
    const bad = await c.put(`/api/plans/${plan.id}/tasks`, {
      rows: [{ ...rowInput(t2), deadlineText: "Trước ngày 31/02/2025" }],
    });
    const row = bad.json().rows.find((r: { id: string }) => r.id === t2.id);
    expect(row.deadline.understood).toBe(false);
    expect(row.deadlineText).toBe("Trước ngày 31/02/2025");
    const refused = await c.post(`/api/plans/${plan.id}/issue`, {});
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe("plan.notReady");
    const fields = refused.json().error.details.problems.map((p: { field: string }) => p.field);
    expect(fields).toEqual(expect.arrayContaining(["number", "deadline", "coordinators"]));
    expect(refused.json().error.message).toMatch(/31\/02\/2025/);
  });

  it("answers 404 to a unit reading a draft that is not its own", async () => {
    const { plan } = await draftPlan();
    const officer = await as("canbo");
    expect((await officer.get(`/api/plans/${plan.id}`)).statusCode).toBe(404);
    expect((await officer.get(`/api/plans/${plan.id}/tasks`)).statusCode).toBe(404);
    const viewer = await as("xem");
    expect((await viewer.get(`/api/plans/${plan.id}`)).statusCode).toBe(200);
    expect((await viewer.put(`/api/plans/${plan.id}/tasks`, { rows: [] })).statusCode).toBe(403);
  });
});

type GridRow = {
  id: string;
  parentId: string | null;
  kind: string;
  number: string;
  content: string;
  expectedOutput: string;
  deadlineText: string;
  leads: Array<{ unitId: string | null; groupId: string | null; name: string }>;
  coordinators: Array<{ unitId: string | null; groupId: string | null; name: string }>;
};
const ref = (p: GridRow["leads"][number]) =>
  p.unitId ? { unitId: p.unitId } : p.groupId ? { groupId: p.groupId } : { name: p.name };
const rowInput = (r: GridRow) => ({
  id: r.id,
  kind: r.kind,
  content: r.content,
  expectedOutput: r.expectedOutput,
  deadlineText: r.deadlineText,
  leads: r.leads.map(ref),
  coordinators: r.coordinators.map(ref),
});

/** The draft fixed and issued; returns the plan and its grid. */
async function issuedPlan() {
  const { c, plan, grid } = await draftPlan();
  const t2 = grid.rows.find((r: GridRow) => r.content.startsWith("Tổ chức đối thoại"));
  await c.put(`/api/plans/${plan.id}/tasks`, {
    rows: [{ ...rowInput(t2), coordinators: [{ name: "Văn phòng UBND tỉnh" }, { unitId: unit("gl-mttq") }] }],
  });
  const issued = await c.post(`/api/plans/${plan.id}/issue`, {
    number: `${Math.floor(Math.random() * 900) + 100}/KH-UBND`,
  });
  expect(issued.statusCode, issued.body).toBe(200);
  return {
    c,
    plan: issued.json().plan,
    assignmentsCreated: issued.json().assignmentsCreated as number,
    grid: (await c.get(`/api/plans/${plan.id}/tasks`)).json(),
  };
}

describe("issuing, assignments and the views", () => {
  it("expands groups as of the plan's date: a commune created later gets nothing", async () => {
    const admin = await as("admin");
    const late = await admin.post("/api/org-units", {
      kind: "commune",
      parentId: unit("gl"),
      name: "Xã Thành Lập Sau",
      validFrom: "2026-01-01",
    });
    expect(late.statusCode).toBe(201);
    const { c, plan, assignmentsCreated, grid } = await issuedPlan();
    const communes = (
      await c.get(`/api/org-groups/${groupId("UBND các xã, phường")}/members?at=2025-08-20`)
    ).json().orgUnits;
    // t1: every commune leads + Sở Tài chính coordinates; t2: Sở Tài chính leads, VP and MTTQ (requested).
    expect(assignmentsCreated).toBe(communes.length + 1 + 3);
    expect(plan.status).toBe("issued");
    const t1 = grid.rows.find((r: GridRow) => r.content.startsWith("Công khai thu"));
    const detail = (await c.get(`/api/tasks/${t1.id}`)).json();
    expect(detail.assignments.some((a: { unitId: string }) => a.unitId === late.json().orgUnit.id)).toBe(
      false,
    );
    expect(
      detail.assignments.find((a: { unitId: string }) => a.unitId === unit("gl-p-quy-nhon-nam")).viaGroupName,
    ).toBe("UBND các xã, phường");
    const t2 = grid.rows.find((r: GridRow) => r.content.startsWith("Tổ chức đối thoại"));
    const roles = (await c.get(`/api/tasks/${t2.id}`))
      .json()
      .assignments.map((a: { role: string }) => a.role)
      .sort();
    expect(roles).toEqual(["coordinating", "lead", "requested"]);
    // An issued plan changes only by amendment.
    const edit = await c.patch(`/api/plans/${plan.id}`, { title: "Sửa trực tiếp không được" });
    expect(edit.statusCode).toBe(400);
    expect(edit.json().error.code).toBe("plan.notDraft");
  });

  it("shows a member commune its task in 'my unit's tasks' (end-to-end path)", async () => {
    const { plan } = await issuedPlan();
    const officer = await as("canbo");
    const mine = await officer.get(`/api/tasks/mine?planId=${plan.id}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items.map((i: { content: string }) => i.content)).toEqual([
      "Công khai thu, chi ngân sách cấp xã theo quy định",
    ]);
    const item = mine.json().items[0];
    expect(item.deadlineRendered).toBe("Trước ngày 31/08/2025");
    expect(item.status).toBe("overdue");
    expect(item.can.update).toBe(true);
    expect(mine.json().counts.overdue).toBeGreaterThanOrEqual(1);
    // The commune reads the issued plan it carries out, and reports progress.
    expect((await officer.get(`/api/plans/${plan.id}`)).statusCode).toBe(200);
    const done = await officer.patch(`/api/assignments/${item.assignmentId}`, { completedAt: "2025-08-30" });
    expect(done.statusCode, done.body).toBe(200);
    const after = (await officer.get(`/api/tasks/mine?planId=${plan.id}&status=completedOnTime`)).json();
    expect(after.items).toHaveLength(1);
    const bad = await officer.patch(`/api/assignments/${item.assignmentId}`, { progress: 150 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/Tiến độ từ 0 đến 100/);
  });

  it("answers a repeated list from memory, and afresh as soon as anything it shows changes", async () => {
    const { plan } = await issuedPlan();
    const officer = await as("canbo");
    const mine = async () => (await officer.get(`/api/tasks/mine?planId=${plan.id}`)).json().items[0];
    const revision = async () =>
      Number(
        (
          await database.query<{ revision: string }>(
            "select sum(revision)::text as revision from app_revisions where name = 'plans'",
          )
        )[0].revision,
      );
    const first = await mine();
    expect(first.progress).toBe(0);
    expect(await mine()).toEqual(first);
    // Through the API…
    expect((await officer.patch(`/api/assignments/${first.assignmentId}`, { progress: 40 })).statusCode).toBe(
      200,
    );
    expect((await mine()).progress).toBe(40);
    // …and from another process: a rewrite with the same values leaves the revision (and the answer) alone,
    // a real change is seen at once.
    const before = await revision();
    await database.query("update task_assignments set progress = progress where id = $1", [
      first.assignmentId,
    ]);
    expect(await revision()).toBe(before);
    await database.query("update task_assignments set progress = 70 where id = $1", [first.assignmentId]);
    // The assignment and the task it rolls up to (the trigger of migration 0018) both changed.
    expect(await revision()).toBeGreaterThan(before);
    expect((await mine()).progress).toBe(70);
    // A unit renamed elsewhere shows under its new name in the coordinator's task list.
    const coordinator = await as("dieuphoi");
    const leads = async () =>
      (await coordinator.get(`/api/tasks?planId=${plan.id}&q=doi thoai`)).json().tasks[0].leads as string[];
    const [stc] = await leads();
    await database.query("update org_units set name = name || ' (mới)' where id = $1", [unit("gl-stc")]);
    expect(await leads()).toEqual([`${stc} (mới)`]);
    await database.query("update org_units set name = $2 where id = $1", [unit("gl-stc"), stc]);
  });

  it("filters the task list by text without diacritics, group, component, unit, deadline and status", async () => {
    const { plan } = await issuedPlan();
    const viewer = await as("xem");
    const base = `/api/tasks?planId=${plan.id}`;
    const q = (await viewer.get(`${base}&q=${encodeURIComponent("doi thoai doanh nghiep")}`)).json();
    expect(q.tasks.map((t: { content: string }) => t.content)).toEqual([
      "Tổ chức đối thoại giữa Chủ tịch UBND tỉnh với doanh nghiệp",
    ]);
    expect(q.tasks[0].leads).toEqual(["Sở Tài chính"]);
    const byGroup = (await viewer.get(`${base}&groupId=${groupId("UBND các xã, phường")}`)).json();
    expect(byGroup.total).toBe(1);
    const byComponent = (await viewer.get(`${base}&indexCode=PCI&componentCode=TRANSPARENCY`)).json();
    expect(byComponent.tasks[0].components).toEqual(["PCI-2022|TRANSPARENCY"]);
    const byUnit = (await viewer.get(`${base}&unitId=${unit("gl-stc")}`)).json();
    expect(byUnit.total).toBe(2);
    const window = (await viewer.get(`${base}&dueFrom=2025-12-01&dueTo=2025-12-31`)).json();
    expect(window.tasks.map((t: { number: string }) => t.number)).toEqual(["2"]);
    const overdue = (await viewer.get(`${base}&status=overdue&sort=due`)).json();
    expect(overdue.total).toBe(2);
    const bad = await viewer.get(`${base}&status=late`);
    expect(bad.statusCode).toBe(400);
    // A commune sees only what is assigned to it.
    const officer = await as("canbo");
    expect((await officer.get(`${base}`)).json().total).toBe(1);
  });

  it("gives a timeline of deadlines with milestones, and the coverage of PCI with gaps", async () => {
    const { c, plan } = await issuedPlan();
    const tl = (await c.get(`/api/tasks/timeline?planId=${plan.id}&from=2025-01-01&to=2025-12-31`)).json();
    expect(tl.items.map((i: { date: string }) => i.date)).toEqual(["2025-06-30", "2025-08-31", "2025-12-31"]);
    const draft = (
      await c.post("/api/plans", {
        ownerUnitId: unit("gl"),
        title: "Kế hoạch mục tiêu PCI 2025",
        periodFrom: 2025,
      })
    ).json().plan;
    await c.put(`/api/plans/${draft.id}/tasks`, {
      rows: [
        {
          content: "Cải thiện tính minh bạch",
          leads: [{ unitId: unit("gl-vp") }],
          components: [{ versionCode: "PCI-2022", componentCode: "TRANSPARENCY" }],
        },
      ],
    });
    const targets = await c.put(`/api/plans/${draft.id}/targets`, {
      targets: [
        { indexCode: "PCI", componentCode: null, targetValue: 68.5, rankFrom: 10, rankTo: 15 },
        { indexCode: "PCI", componentCode: "TRANSPARENCY", targetValue: 6.23 },
        { indexCode: "PCI", componentCode: "LAND", targetValue: 7.3 },
      ],
    });
    expect(targets.statusCode, targets.body).toBe(200);
    expect(targets.json().targets[0].versionCode).toBe("PCI-2022");
    const badTarget = await c.put(`/api/plans/${draft.id}/targets`, {
      targets: [{ indexCode: "PCI", componentCode: "NOPE" }],
    });
    expect(badTarget.statusCode).toBe(400);
    const cov = (await c.get(`/api/tasks/coverage?indexCode=PCI&planId=${draft.id}`)).json();
    const byCode = Object.fromEntries(cov.components.map((x: { code: string }) => [x.code, x]));
    expect(byCode.TRANSPARENCY).toMatchObject({ taskCount: 1, gap: false });
    expect(byCode.LAND).toMatchObject({ taskCount: 0, gap: true });
    expect(byCode.ENTRY.gap).toBe(false);
  });

  it("amends an issued plan by a recorded document: new coordinator assigned, history kept", async () => {
    const { c, plan, grid } = await issuedPlan();
    const t2 = grid.rows.find((r: GridRow) => r.content.startsWith("Tổ chức đối thoại"));
    const res = await c.post(`/api/plans/${plan.id}/amendments`, {
      documentNumber: "200/KH-UBND",
      documentDate: "2025-10-01",
      summary: "Bổ sung Sở Tư pháp phối hợp; bỏ Văn phòng UBND tỉnh",
      rows: [{ ...rowInput(t2), coordinators: [{ unitId: unit("gl-stp") }, { unitId: unit("gl-mttq") }] }],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ assignmentsCreated: 1, assignmentsEnded: 1 });
    expect(res.json().plan.amendments[0].documentNumber).toBe("200/KH-UBND");
    const detail = (await c.get(`/api/tasks/${t2.id}`)).json();
    expect(
      detail.history.map((h: { unitName: string; endedReason: string }) => [h.unitName, h.endedReason]),
    ).toEqual([["Văn phòng UBND tỉnh", "Sửa đổi theo 200/KH-UBND"]]);
    const noDoc = await c.post(`/api/plans/${plan.id}/amendments`, { documentNumber: "", summary: "x" });
    expect(noDoc.statusCode).toBe(400);
    // Closing: superseded needs the plan that replaces it; then nothing more can be amended.
    const noNext = await c.post(`/api/plans/${plan.id}/status`, { status: "superseded" });
    expect(noNext.statusCode).toBe(400);
    expect(noNext.json().error.message).toMatch(/kế hoạch thay thế/);
    const next = (
      await c.post("/api/plans", { ownerUnitId: unit("gl"), title: "Kế hoạch thay thế năm sau" })
    ).json().plan;
    const closed = await c.post(`/api/plans/${plan.id}/status`, {
      status: "superseded",
      supersededById: next.id,
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().plan).toMatchObject({ status: "superseded", can: { amend: false } });
    expect((await c.post(`/api/plans/${plan.id}/status`, { status: "completed" })).statusCode).toBe(400);
  });

  it("re-expands groups after a membership change: a new commune gets the task", async () => {
    const { c, plan, grid } = await issuedPlan();
    const admin = await as("admin");
    const added = (
      await admin.post("/api/org-units", {
        kind: "commune",
        parentId: unit("gl"),
        name: "Xã Mới Gia Nhập",
        validFrom: "2025-07-01",
      })
    ).json().orgUnit;
    const res = await c.post(`/api/plans/${plan.id}/assignments/resync`, {
      at: "2025-09-01",
      reason: "Bổ sung xã mới thành lập",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ assignmentsCreated: 1, assignmentsEnded: 0 });
    const t1 = grid.rows.find((r: GridRow) => r.content.startsWith("Công khai thu"));
    const detail = (await c.get(`/api/tasks/${t1.id}`)).json();
    expect(detail.assignments.some((a: { unitId: string }) => a.unitId === added.id)).toBe(true);
    const noReason = await c.post(`/api/plans/${plan.id}/assignments/resync`, {});
    expect(noReason.statusCode).toBe(400);
    expect(
      (await (await as("canbo")).post(`/api/plans/${plan.id}/assignments/resync`, { reason: "Thử quyền" }))
        .statusCode,
    ).toBe(403);
  });

  it("moves a merged commune's assignments to its successor, keeping the old rows ended", async () => {
    const admin = await as("admin");
    const a = (
      await admin.post("/api/org-units", {
        kind: "commune",
        parentId: unit("gl"),
        name: "Xã Sáp Nhập A",
        validFrom: "2025-07-01",
      })
    ).json().orgUnit;
    const { plan, grid } = await issuedPlan();
    const merged = await admin.post("/api/org-units/events", {
      kind: "merge",
      predecessorIds: [a.id],
      newSuccessor: { kind: "commune", parentId: unit("gl"), name: "Xã Sáp Nhập Mới" },
      effectiveDate: "2026-01-01",
      decision: "Nghị quyết thử nghiệm",
    });
    const [successorId] = merged.json().successorIds;
    const coordinator = await as("dieuphoi");
    const officer = await as("canbo");
    expect((await officer.post("/api/assignments/reassign-merged", { fromUnitId: a.id })).statusCode).toBe(
      403,
    );
    const moved = await coordinator.post("/api/assignments/reassign-merged", { fromUnitId: a.id });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().toUnitIds).toEqual([successorId]);
    expect(moved.json().moved).toBeGreaterThanOrEqual(1);
    const t1 = grid.rows.find((r: GridRow) => r.content.startsWith("Công khai thu"));
    const detail = (await coordinator.get(`/api/tasks/${t1.id}`)).json();
    const ended = detail.history.find((h: { unitId: string }) => h.unitId === a.id);
    expect(ended.endedReason).toMatch(/Sáp nhập/);
    const current = detail.assignments.find((x: { unitId: string }) => x.unitId === successorId);
    expect(current.previousId).toBe(ended.id);
    expect(plan.status).toBe("issued");
  });
});

describe("the grid", () => {
  it("reorders and renumbers, bulk-assigns a group, bulk-links a component, deletes a row", async () => {
    const { c, plan, grid } = await draftPlan();
    const [section, t1, t2] = grid.rows as GridRow[];
    expect([section.number, t1.number, t2.number]).toEqual(["I", "1", "2"]);
    const reordered = await c.post(`/api/plans/${plan.id}/tasks/reorder`, {
      items: [
        { id: t2.id, parentId: section.id, sortOrder: 1 },
        { id: t1.id, parentId: section.id, sortOrder: 2 },
      ],
    });
    expect(reordered.statusCode, reordered.body).toBe(200);
    expect(reordered.json().rows.map((r: GridRow) => [r.number, r.content.slice(0, 8)])).toEqual([
      ["I", "CHỈ SỐ N"],
      ["1", "Tổ chức "],
      ["2", "Công kha"],
    ]);
    const cycle = await c.post(`/api/plans/${plan.id}/tasks/reorder`, {
      items: [{ id: section.id, parentId: t1.id, sortOrder: 0 }],
    });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error.code).toBe("plan.task.cycle");
    const assigned = await c.post(`/api/plans/${plan.id}/tasks/bulk-assign`, {
      taskIds: [t1.id, t2.id],
      role: "coordinating",
      participants: [{ groupId: groupId("Các sở, ban, ngành") }],
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    for (const r of assigned.json().rows.filter((x: GridRow) => x.kind === "task"))
      expect(r.coordinators.map((p: { name: string }) => p.name)).toContain("Các sở, ban, ngành");
    const noTasks = await c.post(`/api/plans/${plan.id}/tasks/bulk-assign`, {
      taskIds: [],
      role: "lead",
      participants: [{ unitId: unit("gl-snv") }],
    });
    expect(noTasks.statusCode).toBe(400);
    expect(noTasks.json().error.message).toMatch(/Chọn ít nhất một nhiệm vụ/);
    const linked = await c.post(`/api/plans/${plan.id}/tasks/bulk-link`, {
      taskIds: [t2.id],
      components: [{ versionCode: "PCI-2022", componentCode: "PROACTIVITY" }],
    });
    expect(
      linked
        .json()
        .rows.find((r: GridRow) => r.id === t2.id)
        .components.map((x: { componentCode: string }) => x.componentCode),
    ).toEqual(["PROACTIVITY"]);
    // A row sent with only what changed keeps the rest.
    const partial = await c.put(`/api/plans/${plan.id}/tasks`, {
      rows: [{ id: t1.id, content: "Công khai thu, chi ngân sách (sửa)" }],
    });
    const kept = partial.json().rows.find((r: GridRow) => r.id === t1.id);
    expect(kept.leads.map((p: { name: string }) => p.name)).toEqual(["UBND các xã, phường"]);
    expect(kept.deadlineText).toBe("Trước ngày 31/8/2025");
    const deleted = await c.put(`/api/plans/${plan.id}/tasks`, { rows: [], deleteIds: [section.id] });
    expect(deleted.json().rows).toEqual([]);
    const readiness = (await c.get(`/api/plans/${plan.id}/readiness`)).json();
    expect(readiness.ready).toBe(false);
    expect(readiness.problems.map((p: { field: string }) => p.field)).toContain("tasks");
    expect((await c.delete(`/api/plans/${plan.id}`)).statusCode).toBe(200);
    expect((await c.get(`/api/plans/${plan.id}`)).statusCode).toBe(404);
  });

  it("shows the plan as a document with deadlines in Vietnamese", async () => {
    const { plan } = await issuedPlan();
    const viewer = await as("xem");
    const doc = (await viewer.get(`/api/plans/${plan.id}/document`)).json();
    expect(doc.motto).toEqual(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]);
    expect(doc.placeAndDate).toBe("Gia Lai, ngày 20 tháng 8 năm 2025");
    expect(doc.rows.map((r: { deadlineRendered: string }) => r.deadlineRendered).slice(1)).toEqual([
      "Trước ngày 31/08/2025",
      "Tháng 06/2025; Tháng 12/2025",
    ]);
    expect(doc.plan.can).toMatchObject({ update: false, amend: false, export: true });
  });
});

describe("cascade", () => {
  it("a department's own plan implements a province task; progress rolls up", async () => {
    const { plan, grid } = await issuedPlan();
    const t2 = grid.rows.find((r: GridRow) => r.content.startsWith("Tổ chức đối thoại"));
    const head = await buildUser(database.db, { unitId: unit("gl-stc"), roles: ["head"] });
    const c = createClient(app);
    await c.login(head.username);
    const mine = (await c.get(`/api/tasks/mine?planId=${plan.id}&ownOnly=true`)).json();
    expect(mine.items.length).toBe(2);
    const child = await c.post(`/api/plans/${plan.id}/child-plans`, { taskIds: [t2.id] });
    expect(child.statusCode, child.body).toBe(201);
    const childPlan = child.json().plan;
    expect(childPlan.parentPlan.id).toBe(plan.id);
    const copied = (await c.get(`/api/plans/${childPlan.id}/tasks`))
      .json()
      .rows.find((r: { kind: string }) => r.kind === "task");
    expect(copied.parentTaskId).toBe(t2.id);
    const wrongParent = await c.put(`/api/plans/${childPlan.id}/tasks`, {
      rows: [{ content: "Sai nhiệm vụ cấp trên", parentTaskId: copied.id }],
    });
    expect(wrongParent.statusCode).toBe(400);
    await c.put(`/api/plans/${childPlan.id}/tasks`, {
      rows: [
        { ...rowInput(copied), leads: [{ unitId: unit("gl-stc-dn") }] },
        {
          content: "Chuẩn bị nội dung đối thoại với doanh nghiệp",
          parentId: copied.parentId,
          parentTaskId: t2.id,
          deadlineText: "Tháng 05/2025",
          leads: [{ unitId: unit("gl-stc-khth") }],
        },
      ],
    });
    const issued = await c.post(`/api/plans/${childPlan.id}/issue`, {
      number: "15/KH-STC",
      issuedDate: "2025-09-01",
    });
    expect(issued.statusCode, issued.body).toBe(200);
    const childRows = (await c.get(`/api/plans/${childPlan.id}/tasks`))
      .json()
      .rows.filter((r: { kind: string }) => r.kind === "task");
    const progressOf = [100, 50];
    for (const [i, r] of childRows.entries()) {
      const a = (await c.get(`/api/tasks/${r.id}`)).json().assignments[0];
      const res = await c.patch(`/api/assignments/${a.id}`, { progress: progressOf[i] });
      expect(res.statusCode, res.body).toBe(200);
    }
    const parent = (await c.get(`/api/tasks/${t2.id}`)).json();
    expect(parent.childTasks.map((x: { progress: number }) => x.progress).sort()).toEqual([100, 50].sort());
    expect(parent.assignments.find((a: { unitId: string }) => a.unitId === unit("gl-stc")).progress).toBe(75);
    expect(parent.progress).toBe(75);
  });

  it("instantiates a framework for every commune of a group, each an editable draft", async () => {
    const c = await as("dieuphoi");
    const fw = (
      await c.post("/api/plans", {
        ownerUnitId: unit("gl"),
        title: "Khung nhiệm vụ cải thiện PAPI cấp xã",
        isFramework: true,
        issuedDate: "2025-08-20",
        number: "KHUNG-01",
      })
    ).json().plan;
    await c.put(`/api/plans/${fw.id}/tasks`, {
      rows: [
        {
          content: "Niêm yết công khai danh sách hộ nghèo",
          leads: [{ name: "Văn phòng HĐND và UBND xã" }],
          deadlineText: "Quý IV/2025",
        },
      ],
    });
    expect(
      (await c.post(`/api/plans/${fw.id}/instantiate`, { unitIds: [unit("gl-p-quy-nhon-nam")] })).statusCode,
    ).toBe(403);
    expect((await c.post(`/api/plans/${fw.id}/issue`, {})).statusCode).toBe(200);
    const res = await c.post(`/api/plans/${fw.id}/instantiate`, {
      groupIds: [groupId("UBND các xã, phường")],
    });
    expect(res.statusCode, res.body).toBe(201);
    const communes = (await c.get(`/api/org-groups/${groupId("UBND các xã, phường")}/members`)).json()
      .orgUnits;
    expect(res.json().planIds.length).toBe(communes.length);
    const officer = await as("canbo");
    const own = (await officer.get("/api/plans?framework=false&status=draft"))
      .json()
      .plans.find((p: { title: string }) => p.title.startsWith("Khung nhiệm vụ"));
    expect(own.ownerUnitId).toBe(unit("gl-p-quy-nhon-nam"));
    const detail = (await officer.get(`/api/plans/${own.id}`)).json().plan;
    expect(detail.can.update).toBe(true);
    const again = (
      await c.post(`/api/plans/${fw.id}/instantiate`, { unitIds: [unit("gl-p-quy-nhon-nam")] })
    ).json();
    expect(again).toEqual({ planIds: [], skipped: [unit("gl-p-quy-nhon-nam")] });
  });
});

describe("Excel and Word", () => {
  it("round-trips the task table through XLSX: export then import gives the same rows", async () => {
    const { c, plan, grid } = await issuedPlan();
    const xlsx = await c.get(`/api/plans/${plan.id}/tasks.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-type"]).toMatch(/spreadsheetml/);
    // The table as officials make it: frozen, filtered header; the deadline stays the plan's words.
    expectOfficialTable(await firstSheet(xlsx.rawPayload), { headerRow: 2, numbers: [] });
    const target = (
      await c.post("/api/plans", {
        ownerUnitId: unit("gl"),
        title: "Kế hoạch nhập từ Excel",
        issuedDate: "2025-08-20",
      })
    ).json().plan;
    const file = { fileName: "nhiem-vu.xlsx", data: xlsx.rawPayload };
    const preview = await c.upload(`/api/plans/${target.id}/tasks/import`, file);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().committed).toBe(false);
    expect(preview.json().mapping).toMatchObject({
      number: "A",
      content: "B",
      lead: "C",
      coordinating: "D",
      expectedOutput: "E",
      deadline: "F",
    });
    const committed = await c.upload(`/api/plans/${target.id}/tasks/import?commit=true`, file);
    expect(committed.json().committed).toBe(true);
    const imported = (await c.get(`/api/plans/${target.id}/tasks`)).json().rows;
    const shape = (rows: GridRow[]) =>
      rows.map((r) => [
        r.kind,
        r.number,
        r.content,
        r.leads.map((p) => p.name),
        r.coordinators.map((p) => p.name),
        r.expectedOutput,
        r.deadlineText,
      ]);
    expect(shape(imported)).toEqual(shape(grid.rows));
    expect(imported[1].parentId).toBe(imported[0].id);
  });

  it("reads merged cells, flags unmatched names and reports a missing column", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("PL2");
    ws.addRow(["STT", "NHIỆM VỤ THỰC HIỆN", "PHÂN CÔNG THỰC HIỆN", "", "KẾT QUẢ ĐẠT ĐƯỢC"]);
    ws.addRow(["", "", "CHỦ TRÌ", "PHỐI HỢP", ""]);
    ws.mergeCells("C1:D1");
    ws.addRow(["I", "NHÓM NHIỆM VỤ CHUNG"]);
    ws.addRow([
      "1",
      "Nhiệm vụ thứ nhất",
      "- Sở Nội vụ; - Các sở, ban, ngành",
      "Ban Không Tồn Tại",
      "Kết quả 1",
    ]);
    ws.addRow(["2", "Nhiệm vụ thứ hai", "", "", "Kết quả 2"]);
    ws.mergeCells("C4:C5");
    const data = new Uint8Array(await wb.xlsx.writeBuffer());
    const c = await as("dieuphoi");
    const target = (
      await c.post("/api/plans", { ownerUnitId: unit("gl"), title: "Kế hoạch nhập bảng gộp ô" })
    ).json().plan;
    const res = await c.upload(`/api/plans/${target.id}/tasks/import`, { fileName: "pl2.xlsx", data });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.rows.map((r: { kind: string; number: string }) => [r.kind, r.number])).toEqual([
      ["section", "I"],
      ["task", "1"],
      ["task", "2"],
    ]);
    expect(body.rows[2].leads.map((p: { name: string }) => p.name)).toEqual([
      "Sở Nội vụ",
      "Các sở, ban, ngành",
    ]);
    expect(body.problems.map((p: { message: string }) => p.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Ban Không Tồn Tại/),
        expect.stringMatching(/Thời gian hoàn thành/),
      ]),
    );
    const notXlsx = await c.upload(`/api/plans/${target.id}/tasks/import`, {
      fileName: "x.xlsx",
      data: "khong phai excel",
    });
    expect(notXlsx.statusCode).toBe(400);
    expect(notXlsx.json().error.message).toMatch(/XLSX/);
  });

  it("exports the plan to DOCX in the administrative layout with the appendix table", async () => {
    const { c, plan, grid } = await issuedPlan();
    const res = await c.get(`/api/plans/${plan.id}/plan.docx`);
    expect(res.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = await zip.file("word/document.xml")!.async("string");
    expect(xml).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(xml).toContain("Độc lập - Tự do - Hạnh phúc");
    expect(xml).toContain(`Số: ${plan.number}`);
    expect(xml).toContain("Gia Lai, ngày 20 tháng 8 năm 2025");
    expect(xml).toContain("Times New Roman");
    const tables = xml.split("<w:tbl>").slice(1);
    const appendix = tables.find((t) => t.includes("Cơ quan chủ trì"))!;
    const rows = appendix
      .split("<w:tr>")
      .slice(1)
      .map((r) => [...r.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]));
    expect(rows[0]).toEqual([
      "STT",
      "Nhiệm vụ",
      "Cơ quan chủ trì",
      "Cơ quan phối hợp",
      "Kết quả/sản phẩm",
      "Thời gian hoàn thành",
    ]);
    expect(rows.length).toBe(1 + grid.rows.length);
    expect(rows[2]).toContain("Công khai thu, chi ngân sách cấp xã theo quy định");
    expect(rows[2]).toContain("UBND các xã, phường");
    const other = createClient(app);
    expect((await other.get(`/api/plans/${plan.id}/plan.docx`)).statusCode).toBe(401);
  });
});
