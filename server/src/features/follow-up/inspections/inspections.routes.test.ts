/**
 * Inspections through the API: plans by year, units added with their dates, the record with its
 * findings and their remediation items in one transaction, findings added and corrected later, a
 * unit's history with its remediation counts, cancellation, deletion, minutes; who may do each, and
 * nothing written when anything is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "../../../../test/http";
import { buildInspectionsWorld, type InspectionsWorld } from "./inspections.world";

let w: InspectionsWorld;
const BASE = "/api/follow-up/inspections";
const COMPONENT = { versionCode: "PCI-2022", componentCode: "TRANSPARENCY" };

beforeAll(async () => {
  w = await buildInspectionsWorld();
}, 120_000);
afterAll(async () => {
  await w?.close();
});

const count = async (sql: string, params: unknown[] = []) =>
  Number((await w.database.query<{ n: number }>(sql, params))[0].n);

async function newPlan(title = "Kế hoạch kiểm tra công tác cải cách hành chính năm 2026", year = 2026) {
  const res = await (await w.as("coord")).post(`${BASE}/plans`, {
    ownerUnitId: w.units.snv.id,
    year,
    title,
    number: "45/KH-SNV",
    scope: "Cải cách thủ tục hành chính; chuyển đổi số",
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().plan as { id: string; version: number };
}

async function addUnits(planId: string, body: Record<string, unknown>) {
  const res = await (await w.as("coord")).post(`${BASE}/plans/${planId}/inspections`, {
    startsOn: "2026-05-04",
    endsOn: "2026-05-08",
    team: "Đoàn kiểm tra số 1",
    ...body,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { added: number; skipped: Array<{ unitName: string }> };
}

async function inspectionsOf(planId: string) {
  const res = await (await w.as("coord")).get(`${BASE}?planId=${planId}&pageSize=50`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().inspections as Array<{ id: string; unitId: string; version: number; state: string }>;
}

const finding = (extra: Record<string, unknown> = {}, remediation: Record<string, unknown> = {}) => ({
  content: "Chưa niêm yết công khai thủ tục hành chính tại bộ phận một cửa",
  severity: "high",
  ...COMPONENT,
  ...extra,
  remediation: { dueDate: "2026-07-31", requiredResult: "Niêm yết đủ 100% thủ tục", ...remediation },
});

describe("inspection plans", () => {
  it("answers 401 without a session", async () => {
    const anonymous = createClient(w.app);
    expect((await anonymous.get(`${BASE}/plans`)).statusCode).toBe(401);
    expect((await anonymous.post(`${BASE}/plans`, { year: 2026, title: "Kế hoạch thử" })).statusCode).toBe(
      401,
    );
    expect((await anonymous.get(BASE)).statusCode).toBe(401);
  });

  it("refuses bad bodies with a message naming the field", async () => {
    const c = await w.as("coord");
    const short = await c.post(`${BASE}/plans`, { year: 2026, title: "KH" });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.message).toContain("Tên kế hoạch quá ngắn");
    expect((await c.post(`${BASE}/plans`, { year: 1990, title: "Kế hoạch kiểm tra" })).statusCode).toBe(400);
  });

  it("lets Sở Nội vụ and the coordinators plan, nobody else", async () => {
    const body = { ownerUnitId: w.units.snv.id, year: 2026, title: "Kế hoạch của người khác" };
    expect((await (await w.as("officerA")).post(`${BASE}/plans`, body)).statusCode).toBe(403);
    expect((await (await w.as("viewer")).post(`${BASE}/plans`, body)).statusCode).toBe(403);
    // Another province's coordinator does not even see the unit.
    expect((await (await w.as("coordQ")).post(`${BASE}/plans`, body)).statusCode).toBe(404);
    const own = await (await w.as("snvOfficer")).post(`${BASE}/plans`, {
      year: 2025,
      title: "Kế hoạch kiểm tra năm 2025 của Sở",
    });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json().plan.ownerUnitName).toBe("Sở Nội vụ");
    expect((await (await w.as("officerA")).get(`${BASE}/plans`)).json().can.create).toBe(true);
    expect((await (await w.as("viewer")).get(`${BASE}/plans`)).json().can.create).toBe(false);
  });

  it("lists a year's plans page by page with the true total", async () => {
    for (const n of [1, 2, 3]) await newPlan(`Kế hoạch kiểm tra chuyên đề số ${n}`, 2027);
    const c = await w.as("coord");
    const first = (await c.get(`${BASE}/plans?year=2027&pageSize=2`)).json();
    const second = (await c.get(`${BASE}/plans?year=2027&pageSize=2&page=2`)).json();
    expect(first.total).toBe(3);
    expect(second.total).toBe(3);
    expect(first.plans).toHaveLength(2);
    expect(second.plans).toHaveLength(1);
    const ids = [...first.plans, ...second.plans].map((p: { id: string }) => p.id);
    expect(new Set(ids).size).toBe(3);
    // A unit neither inspecting nor inspected sees none of them; another province none either.
    expect((await (await w.as("depOfficer")).get(`${BASE}/plans?year=2027`)).json().total).toBe(0);
    expect((await (await w.as("coordQ")).get(`${BASE}/plans?year=2027`)).json().total).toBe(0);
  });

  it("edits a plan; the year only while it has no inspection", async () => {
    const plan = await newPlan("Kế hoạch sẽ được sửa");
    const c = await w.as("coord");
    const edited = await c.patch(`${BASE}/plans/${plan.id}`, {
      title: "Kế hoạch đã được sửa tên",
      year: 2028,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().plan).toMatchObject({ title: "Kế hoạch đã được sửa tên", year: 2028 });
    expect(
      (await (await w.as("officerA")).patch(`${BASE}/plans/${plan.id}`, { title: "Không được sửa" }))
        .statusCode,
    ).toBe(404);
    await (await w.as("coord")).post(`${BASE}/plans/${plan.id}/inspections`, {
      unitIds: [w.units.comA.id],
      startsOn: "2028-03-01",
      endsOn: "2028-03-02",
    });
    const year = await c.patch(`${BASE}/plans/${plan.id}`, { year: 2026 });
    expect(year.statusCode).toBe(400);
    expect(year.json().error.message).toContain("không đổi được năm");
  });
});

describe("inspections of a plan", () => {
  let planId: string;
  beforeAll(async () => {
    planId = (await newPlan()).id;
  });

  it("refuses dates outside the plan's year, an end before the start, and units of another province", async () => {
    const c = await w.as("coord");
    const url = `${BASE}/plans/${planId}/inspections`;
    const outside = await c.post(url, {
      unitIds: [w.units.comA.id],
      startsOn: "2025-12-29",
      endsOn: "2026-01-02",
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.message).toBe(
      "Ngày bắt đầu (29/12/2025) phải nằm trong năm 2026 của kế hoạch kiểm tra.",
    );
    const backwards = await c.post(url, {
      unitIds: [w.units.comA.id],
      startsOn: "2026-05-08",
      endsOn: "2026-05-04",
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.message).toContain("không thể trước ngày bắt đầu");
    const foreign = await c.post(url, {
      unitIds: [w.other.comQ.id],
      startsOn: "2026-05-04",
      endsOn: "2026-05-08",
    });
    expect(foreign.statusCode).toBe(400);
    expect(
      (await c.post(url, { unitIds: [], startsOn: "2026-05-04", endsOn: "2026-05-08" })).statusCode,
    ).toBe(400);
    expect(await count("select count(*)::int as n from inspections where plan_id = $1", [planId])).toBe(0);
  });

  it("adds a group's units at once, and leaves a unit already planned as it is", async () => {
    const added = await addUnits(planId, { groupIds: [w.groupId] });
    expect(added).toEqual({ added: 2, skipped: [] });
    const again = await addUnits(planId, { unitIds: [w.units.comA.id, w.units.dep.id] });
    expect(again.added).toBe(1);
    expect(again.skipped.map((s) => s.unitName)).toEqual(["Xã An Phú"]);
    // Commune A reads the plan that inspects it, but does not run it.
    const body = { unitIds: [w.units.comB.id], startsOn: "2026-05-04", endsOn: "2026-05-08" };
    expect(
      (await (await w.as("officerA")).post(`${BASE}/plans/${planId}/inspections`, body)).statusCode,
    ).toBe(403);
    expect((await (await w.as("coordQ")).post(`${BASE}/plans/${planId}/inspections`, body)).statusCode).toBe(
      404,
    );
  });

  it("shows each unit its own inspection only", async () => {
    const all = await inspectionsOf(planId);
    expect(all).toHaveLength(3);
    const ofA = all.find((i) => i.unitId === w.units.comA.id)!;
    expect((await (await w.as("officerA")).get(`${BASE}/${ofA.id}`)).statusCode).toBe(200);
    expect((await (await w.as("viewer")).get(`${BASE}/${ofA.id}`)).statusCode).toBe(200);
    for (const who of ["officerB", "depOfficer", "coordQ"])
      expect((await (await w.as(who)).get(`${BASE}/${ofA.id}`)).statusCode, who).toBe(404);
    // Commune A reads the plan that inspects it, and in it only its own inspection.
    expect((await (await w.as("officerA")).get(`${BASE}/plans/${planId}`)).statusCode).toBe(200);
    const listed = (await (await w.as("officerA")).get(`${BASE}?planId=${planId}`)).json();
    expect(listed.total).toBe(1);
    expect(listed.inspections[0].unitName).toBe("Xã An Phú");
    expect((await (await w.as("coordQ")).get(`${BASE}/plans/${planId}`)).statusCode).toBe(404);
  });

  it("edits a planned inspection at its version, and cancels one with a reason", async () => {
    const c = await w.as("coord");
    const dep = (await inspectionsOf(planId)).find((i) => i.unitId === w.units.dep.id)!;
    const edited = await c.patch(`${BASE}/${dep.id}`, {
      version: dep.version,
      team: "Đoàn số 2",
      endsOn: "2026-05-09",
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().inspection).toMatchObject({ team: "Đoàn số 2", endsOn: "2026-05-09" });
    const stale = await c.patch(`${BASE}/${dep.id}`, { version: dep.version, team: "Đoàn cũ" });
    expect(stale.statusCode).toBe(409);
    expect(
      (await c.post(`${BASE}/${dep.id}/cancel`, { version: dep.version + 1, reason: "" })).statusCode,
    ).toBe(400);
    const cancelled = await c.post(`${BASE}/${dep.id}/cancel`, {
      version: dep.version + 1,
      reason: "Đơn vị đang sắp xếp tổ chức bộ máy",
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json().inspection).toMatchObject({
      state: "cancelled",
      cancelReason: "Đơn vị đang sắp xếp tổ chức bộ máy",
    });
    const record = await c.post(`${BASE}/${dep.id}/record`, {
      version: dep.version + 2,
      heldOn: "2026-05-05",
    });
    expect(record.statusCode).toBe(409);
    expect(record.json().error.message).toContain("đã bị hủy");
    // A cancelled unit may be planned again.
    expect((await addUnits(planId, { unitIds: [w.units.dep.id] })).added).toBe(1);
  });
});

describe("the record", () => {
  let planId: string;
  let ofA: { id: string; version: number };
  beforeAll(async () => {
    planId = (await newPlan("Kế hoạch kiểm tra có biên bản")).id;
    await addUnits(planId, { unitIds: [w.units.comA.id, w.units.comB.id] });
    ofA = (await inspectionsOf(planId)).find((i) => i.unitId === w.units.comA.id)!;
  });
  const record = async (who: string, body: Record<string, unknown>) =>
    (await w.as(who)).post(`${BASE}/${ofA.id}/record`, {
      version: ofA.version,
      conclusion: "Kết luận",
      ...body,
    });

  it("is refused to the inspected unit, to a unit of another province, and without a session", async () => {
    const body = { heldOn: "2026-05-05", findings: [finding()] };
    expect((await record("officerA", body)).statusCode).toBe(403);
    expect((await record("coordQ", body)).statusCode).toBe(404);
    expect((await record("depOfficer", body)).statusCode).toBe(404);
    expect((await createClient(w.app).post(`${BASE}/${ofA.id}/record`, body)).statusCode).toBe(401);
  });

  it("refuses a day in the future, before the start, a deadline before the inspection, an unknown component or a foreign unit, writing nothing", async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [
        { heldOn: "2026-06-16", findings: [finding()] },
        `Ngày kiểm tra (16/06/2026) không thể sau hôm nay (15/06/2026).`,
      ],
      [
        { heldOn: "2026-05-01", findings: [finding()] },
        "không thể trước ngày bắt đầu theo kế hoạch (04/05/2026)",
      ],
      [
        { heldOn: "2026-05-05", findings: [finding(), finding({}, { dueDate: "2026-05-04" })] },
        "Tồn tại, hạn chế thứ 2: Hạn xử lý (04/05/2026) không thể trước ngày phát sinh (05/05/2026).",
      ],
      [
        { heldOn: "2026-05-05", findings: [finding({ componentCode: "NO_SUCH" })] },
        "không có chỉ số thành phần “NO_SUCH” trong PCI-2022",
      ],
      [
        { heldOn: "2026-05-05", findings: [finding({ versionCode: "PCI-1999" })] },
        "không có phiên bản bộ chỉ số “PCI-1999”",
      ],
      [
        { heldOn: "2026-05-05", findings: [finding({}, { unitId: w.other.comQ.id })] },
        "đơn vị khắc phục không thuộc tỉnh, thành phố của kế hoạch",
      ],
    ];
    for (const [body, message] of cases) {
      const res = await record("coord", body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.message).toContain(message);
    }
    const schema = await record("coord", {
      heldOn: "2026-05-05",
      findings: [finding({ severity: "extreme" })],
    });
    expect(schema.statusCode).toBe(400);
    const halfComponent = await record("coord", {
      heldOn: "2026-05-05",
      findings: [finding({ versionCode: null })],
    });
    expect(halfComponent.statusCode).toBe(400);
    expect(
      await count("select count(*)::int as n from inspection_findings where inspection_id = $1", [ofA.id]),
    ).toBe(0);
    expect(
      await count("select count(*)::int as n from follow_up_items where province_id = $1", [
        w.units.province.id,
      ]),
    ).toBe(0);
    expect((await (await w.as("coord")).get(`${BASE}/${ofA.id}`)).json().inspection.state).toBe("planned");
  });

  it("records the inspection, its findings and their remediation items in one go, audited", async () => {
    const res = await record("coord", {
      heldOn: "2026-05-05",
      conclusion: "Xã thực hiện cơ bản đầy đủ; còn 2 tồn tại.",
      findings: [
        finding(),
        finding(
          {
            content: "Tỷ lệ hồ sơ trực tuyến toàn trình thấp",
            severity: "medium",
            versionCode: null,
            componentCode: null,
          },
          { unitId: w.units.comB.id, dueDate: "2026-06-01", requiredResult: "" },
        ),
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const inspection = res.json().inspection;
    expect(inspection).toMatchObject({ state: "done", heldOn: "2026-05-05", findingCount: 2 });
    expect(inspection.remediation).toEqual({ open: 1, overdue: 1, closed: 0 });
    expect(inspection.findings.map((f: { position: number }) => f.position)).toEqual([1, 2]);
    expect(inspection.findings[0]).toMatchObject({
      severity: "high",
      componentCode: "TRANSPARENCY",
      remediation: { state: "open", status: "notStarted", unitName: "Xã An Phú", dueDate: "2026-07-31" },
    });
    expect(inspection.findings[1].remediation).toMatchObject({ unitName: "Xã Bình Minh", status: "overdue" });
    const items = await w.database.query<{
      kind: string;
      follower_unit_id: string;
      arose_on: string;
      state: string;
    }>(
      "select kind, follower_unit_id, arose_on::text, state from follow_up_items where finding_id in (select id from inspection_findings where inspection_id = $1)",
      [ofA.id],
    );
    expect(items).toHaveLength(2);
    for (const item of items)
      expect(item).toEqual({
        kind: "remediation",
        follower_unit_id: w.units.snv.id,
        arose_on: "2026-05-05",
        state: "open",
      });
    const audited = async (entity: string, action: string, ids: string) =>
      count(
        `select count(*)::int as n from audit_log where entity = $1 and action = $2 and entity_id in (${ids})`,
        [entity, action],
      );
    const findingIds = `select id::text from inspection_findings where inspection_id = '${ofA.id}'`;
    expect(await audited("inspection", "inspection.record", `'${ofA.id}'`)).toBe(1);
    expect(await audited("inspectionFinding", "create", findingIds)).toBe(2);
    expect(
      await audited(
        "followUpItem",
        "create",
        `select id::text from follow_up_items where finding_id::text in (${findingIds})`,
      ),
    ).toBe(2);
    // Once recorded: not again, and not at an old version.
    const again = await record("coord", { heldOn: "2026-05-05" });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain("đã được ghi kết quả");
  });

  it("adds findings later by the same rules, numbered after the others", async () => {
    const c = await w.as("coord");
    const late = await c.post(`${BASE}/${ofA.id}/findings`, {
      findings: [finding({}, { dueDate: "2026-05-01" })],
    });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.message).toContain("không thể trước ngày phát sinh (05/05/2026)");
    expect(
      (await (await w.as("officerA")).post(`${BASE}/${ofA.id}/findings`, { findings: [finding()] }))
        .statusCode,
    ).toBe(403);
    const added = await c.post(`${BASE}/${ofA.id}/findings`, {
      findings: [finding({ content: "Chưa cập nhật kết quả giải quyết hồ sơ lên cổng" })],
    });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json().inspection.findings.map((f: { position: number }) => f.position)).toEqual([1, 2, 3]);
    const ofB = (await inspectionsOf(planId)).find((i) => i.unitId === w.units.comB.id)!;
    const notYet = await c.post(`${BASE}/${ofB.id}/findings`, { findings: [finding()] });
    expect(notYet.statusCode).toBe(409);
  });

  it("corrects a finding and its remediation item's words, until the remediation is accepted", async () => {
    const c = await w.as("coord");
    const [first] = (await c.get(`${BASE}/${ofA.id}`)).json().inspection.findings;
    const fixed = await c.patch(`${BASE}/findings/${first.id}`, {
      content: "Chưa niêm yết đủ thủ tục hành chính",
      severity: "medium",
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    const [item] = await w.database.query<{ content: string; version: number }>(
      "select content, version from follow_up_items where finding_id = $1",
      [first.id],
    );
    expect(item).toEqual({ content: "Chưa niêm yết đủ thủ tục hành chính", version: 2 });
    const unknown = await c.patch(`${BASE}/findings/${first.id}`, {
      versionCode: "PCI-2022",
      componentCode: "NOPE",
    });
    expect(unknown.statusCode).toBe(400);
    expect(
      (await (await w.as("officerA")).patch(`${BASE}/findings/${first.id}`, { content: "Sửa" })).statusCode,
    ).toBe(403);
    expect(
      (await (await w.as("coordQ")).patch(`${BASE}/findings/${first.id}`, { content: "Sửa" })).statusCode,
    ).toBe(404);
    // The remediation accepted (the items' own transitions do it; here set directly): no more corrections.
    await w.database.query(
      "update follow_up_items set state = 'accepted', done_on = '2026-06-10' where finding_id = $1",
      [first.id],
    );
    const refused = await c.patch(`${BASE}/findings/${first.id}`, { content: "Sửa sau khi chấp nhận" });
    expect(refused.statusCode).toBe(409);
    const after = (await c.get(`${BASE}/${ofA.id}`)).json().inspection;
    expect(after.findings[0].can.update).toBe(false);
    expect(after.findings[0].remediation).toMatchObject({ state: "accepted", status: "completedOnTime" });
  });

  it("gives a unit's history with its findings and how many remediations are open, overdue and closed", async () => {
    const history = await (await w.as("officerA")).get(`${BASE}?unitId=${w.units.comA.id}`);
    expect(history.statusCode).toBe(200);
    const mine = history.json().inspections.find((i: { id: string }) => i.id === ofA.id);
    expect(mine).toMatchObject({ findingCount: 3, remediation: { open: 1, overdue: 1, closed: 1 } });
    // Another unit's officer sees nothing of A's history.
    expect((await (await w.as("officerB")).get(`${BASE}?unitId=${w.units.comA.id}`)).json().total).toBe(0);
    const plan = (await (await w.as("coord")).get(`${BASE}/plans/${planId}`)).json().plan;
    expect(plan).toMatchObject({
      inspectionCount: 2,
      doneCount: 1,
      findingCount: 3,
      remediation: { open: 1, overdue: 1, closed: 1 },
    });
    expect(plan.can).toEqual({ update: true, delete: false, manage: true });
  });

  it("refuses to delete a plan with a record, and deletes one without", async () => {
    const c = await w.as("coord");
    const refused = await c.delete(`${BASE}/plans/${planId}`);
    expect(refused.statusCode).toBe(409);
    const empty = await newPlan("Kế hoạch sẽ bị xóa");
    await addUnits(empty.id, { unitIds: [w.units.comB.id] });
    expect((await (await w.as("officerB")).delete(`${BASE}/plans/${empty.id}`)).statusCode).toBe(403);
    expect((await c.delete(`${BASE}/plans/${empty.id}`)).statusCode).toBe(200);
    expect(await count("select count(*)::int as n from inspections where plan_id = $1", [empty.id])).toBe(0);
    expect((await c.get(`${BASE}/plans/${empty.id}`)).statusCode).toBe(404);
  });

  it("keeps the minutes, checked by content, for whoever may read the inspection", async () => {
    const c = await w.as("coord");
    const pdf = new TextEncoder().encode("%PDF-1.4\nbien ban kiem tra\n%%EOF\n");
    const up = await c.upload(`${BASE}/${ofA.id}/files`, { fileName: "bien-ban-kiem-tra.pdf", data: pdf });
    expect(up.statusCode, up.body).toBe(201);
    const fileId = up.json().file.id;
    const fake = await c.upload(`${BASE}/${ofA.id}/files`, {
      fileName: "bien-ban.pdf",
      data: "khong phai pdf",
    });
    expect(fake.statusCode).toBe(400);
    expect(
      (await (await w.as("officerA")).upload(`${BASE}/${ofA.id}/files`, { fileName: "a.pdf", data: pdf }))
        .statusCode,
    ).toBe(403);
    const download = await (await w.as("officerA")).get(`${BASE}/files/${fileId}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(Buffer.from(pdf))).toBe(true);
    expect((await (await w.as("officerB")).get(`${BASE}/files/${fileId}`)).statusCode).toBe(404);
    expect((await (await w.as("coordQ")).get(`${BASE}/files/${fileId}`)).statusCode).toBe(404);
    expect(
      (await c.get(`${BASE}/${ofA.id}`)).json().inspection.files.map((f: { fileName: string }) => f.fileName),
    ).toEqual(["bien-ban-kiem-tra.pdf"]);
    expect((await (await w.as("officerA")).delete(`${BASE}/files/${fileId}`)).statusCode).toBe(403);
    expect((await c.delete(`${BASE}/files/${fileId}`)).statusCode).toBe(200);
    expect((await c.get(`${BASE}/files/${fileId}`)).statusCode).toBe(404);
  });
});
