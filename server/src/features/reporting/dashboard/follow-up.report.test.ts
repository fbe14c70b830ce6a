/**
 * The consolidated report's section on the follow-up registers, through the API: inspections held in
 * the period and their findings, remediation by unit since the start of the year (on time, late,
 * overdue, the overdue units named), dialogues and recommendations, the year's initiatives and the
 * units without one; a coordinator limited to one commune counts nothing of another; the section is
 * in words (no code), its figures as the items list counts them.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findCodes } from "../../../../../core/src/words/code-patterns";
import { createTestDatabase } from "../../../../test/database";
import { docxText } from "../../../../test/document-text";
import { buildReportingProvince } from "../../../../test/reporting-world";
import { systemActor } from "../../../app/actor";
import { buildApp } from "../../../app/build-app";
import { setClockForTests } from "../../../app/clock";
import { testConfig } from "../../../app/config";
import type { Database } from "../../../app/db";
import { dialogues, inspectionFindings, inspectionPlans, inspections } from "../../follow-up/follow-up.table";
import { createInitiativesRepository } from "../../follow-up/initiatives/initiatives.repository";
import { createItems, type ItemDraft } from "../../follow-up/items/items.create";
import type { OrgUnitRow } from "../../org-units/org-units.repository";

let database: Database;
let app: FastifyInstance;
let world: Awaited<ReturnType<typeof buildReportingProvince>>;
const ids: Record<string, string> = {};

type Who = Parameters<typeof world.as>[0];

beforeAll(async () => {
  // 15/04/2026, 10:00 in Vietnam: the report of April, with the year's work since January.
  setClockForTests(new Date("2026-04-15T03:00:00Z"));
  database = await createTestDatabase();
  const db = database.db;
  app = await buildApp({ database, config: testConfig() });
  world = await buildReportingProvince({ db, app });
  const { province, snv, comA, comB } = world.units;
  const [plan] = await db
    .insert(inspectionPlans)
    .values({
      provinceId: province.id,
      ownerUnitId: snv.id,
      year: 2026,
      title: "Kế hoạch kiểm tra CCHC năm 2026",
    })
    .returning();
  const inspect = async (unit: OrgUnitRow, heldOn: string, findings: number) => {
    const [ins] = await db
      .insert(inspections)
      .values({
        planId: plan.id,
        provinceId: province.id,
        unitId: unit.id,
        unitPath: unit.path,
        startsOn: heldOn,
        endsOn: heldOn,
        state: "done",
        heldOn,
      })
      .returning();
    const rows = await db
      .insert(inspectionFindings)
      .values(
        Array.from({ length: findings }, (_, i) => ({
          inspectionId: ins.id,
          position: i,
          content: `Tồn tại ${i + 1}`,
        })),
      )
      .returning();
    return rows.map((r) => r.id);
  };
  // February: commune A, one finding (its remediation due 31/03, reported late on 15/04, accepted).
  const [febA] = await inspect(comA, "2026-02-10", 1);
  // April, in the period: commune A (two findings) and commune B (one).
  const [aprA1, aprA2] = await inspect(comA, "2026-04-02", 2);
  const [aprB] = await inspect(comB, "2026-04-03", 1);
  const [dialogue] = await db
    .insert(dialogues)
    .values({
      provinceId: province.id,
      hostUnitId: province.id,
      hostUnitPath: province.path,
      heldOn: "2026-04-05",
      kind: "businesses",
      title: "Hội nghị đối thoại với doanh nghiệp quý II",
    })
    .returning();
  const at = (u: OrgUnitRow) => ({ id: u.id, path: u.path });
  const remedy = (unit: OrgUnitRow, findingId: string, aroseOn: string, dueDate: string, content: string) =>
    ({
      kind: "remediation",
      provinceId: province.id,
      findingId,
      follower: at(snv),
      unit: at(unit),
      aroseOn,
      content,
      dueDate,
    }) as ItemDraft;
  const recommend = (unit: OrgUnitRow | null, dueDate: string | null, content: string) =>
    ({
      kind: "recommendation",
      provinceId: province.id,
      dialogueId: dialogue.id,
      follower: at(province),
      unit: unit ? at(unit) : null,
      aroseOn: "2026-04-05",
      content,
      raiserKind: "business",
      dueDate,
    }) as ItemDraft;
  const created = await db.transaction((tx) =>
    createItems({
      tx,
      actor: systemActor("Kiểm thử"),
      drafts: [
        remedy(comA, febA, "2026-02-10", "2026-03-31", "Cập nhật quy chế làm việc của bộ phận một cửa"),
        remedy(comA, aprA1, "2026-04-02", "2026-04-10", "Niêm yết thủ tục hành chính còn thiếu"),
        remedy(comA, aprA2, "2026-04-02", "2026-05-30", "Số hóa hồ sơ lưu trữ năm 2025"),
        remedy(comB, aprB, "2026-04-03", "2026-04-12", "Bố trí công chức trực bộ phận một cửa"),
        recommend(comA, "2026-04-12", "Rút ngắn thời gian chứng thực"),
        recommend(comB, "2026-05-05", "Mở thêm quầy tiếp nhận hồ sơ đất đai"),
        recommend(null, null, "Công khai quy hoạch khu công nghiệp"),
      ],
    }),
  );
  [ids.feb, ids.aprA1, ids.aprA2, ids.aprB, ids.recA, ids.recB, ids.recNew] = created;
  // Commune A reports February's remediation today; Sở Nội vụ accepts it: done, after its deadline.
  await act("officerA", ids.feb, { action: "report", answer: "Đã ban hành quy chế mới." });
  await act("coord", ids.feb, { action: "accept" });
  // The year's initiatives: commune A has one; Sở Nội vụ and commune B none.
  await createInitiativesRepository(db).insert({
    provinceId: province.id,
    unitId: comA.id,
    unitPath: comA.path,
    year: 2026,
    title: "Tổ công nghệ số cộng đồng hỗ trợ nộp hồ sơ trực tuyến",
    problem: "",
    solution: "",
    field: "",
    expectedResult: "",
    actualResult: "",
    state: "recognised",
  });
}, 120_000);

afterAll(async () => {
  setClockForTests(null);
  await app?.close();
  await database?.close();
});

async function act(who: Who, id: string, body: Record<string, unknown>) {
  const c = await world.as(who);
  const item = (await c.get(`/api/follow-up/items/${id}`)).json().item;
  const res = await c.post(`/api/follow-up/items/${id}/transitions`, { version: item.version, ...body });
  expect(res.statusCode, res.body).toBe(200);
}

const query = () => `obligationId=${world.obligationId}&periodKey=${world.periodKey}`;

/** Section VI of the report as the actor downloads it. */
async function sectionVI(who: Who, sections?: Record<string, string>) {
  const res = await (await world.as(who)).post("/api/reporting/consolidated.docx", {
    obligationId: world.obligationId,
    periodKey: world.periodKey,
    ...(sections ? { sections } : {}),
  });
  expect(res.statusCode, res.body).toBe(200);
  const text = await docxText(res.rawPayload);
  const start = text.indexOf("VI. CÔNG TÁC KIỂM TRA, ĐỐI THOẠI VÀ SÁNG KIẾN CẢI CÁCH HÀNH CHÍNH");
  expect(start).toBeGreaterThan(0);
  const end = text.indexOf("PHỤ LỤC");
  return { all: text, section: text.slice(start, end > start ? end : undefined) };
}

describe("the consolidated report's section on inspections, dialogues and initiatives", () => {
  it("says what happened in the period, what is followed since January, and names the overdue units", async () => {
    const { all, section } = await sectionVI("coord");
    for (const line of [
      "(Số liệu trong kỳ từ ngày 01/04/2026 đến ngày 15/04/2026; lũy kế từ ngày 01/01/2026; tình trạng xử lý tính đến ngày 15/04/2026.)",
      "1. Kiểm tra và khắc phục tồn tại, hạn chế sau kiểm tra",
      "Trong kỳ, đã kiểm tra 2 đơn vị, phát hiện 3 tồn tại, hạn chế.",
      // Four since January: February's done late, two overdue (A's and B's), one within its deadline.
      "Lũy kế từ đầu năm, có 4 nội dung phải khắc phục: đã khắc phục đúng hạn 0 (0\u00a0%), khắc phục sau hạn 1 (25\u00a0%), quá hạn chưa khắc phục 2 (50\u00a0%), đang khắc phục trong hạn 1.",
      "Các đơn vị còn nội dung quá hạn chưa khắc phục (2): Xã An Phú (1), Xã Bình Minh (1).",
      "Kết quả khắc phục theo đơn vị",
      "2. Đối thoại và giải quyết kiến nghị",
      "Trong kỳ, đã tổ chức 1 cuộc đối thoại, tiếp nhận 3 kiến nghị.",
      "Lũy kế từ đầu năm, có 3 kiến nghị phải xử lý: đã trả lời đúng hạn 0 (0\u00a0%), trả lời sau hạn 0 (0\u00a0%), quá hạn chưa trả lời 1 (33,3\u00a0%), đang xử lý trong hạn 2 (trong đó 1 kiến nghị chưa giao đơn vị xử lý); đã công khai kết quả trả lời 0 kiến nghị.",
      "Các đơn vị còn kiến nghị quá hạn chưa trả lời (1): Xã An Phú (1).",
      "3. Sáng kiến cải cách hành chính năm 2026",
      "Năm 2026, các đơn vị đã đăng ký 1 sáng kiến cải cách hành chính; được công nhận 1, trong đó được nhân rộng 0.",
      "Còn 2/3 đơn vị chưa có sáng kiến: Sở Nội vụ, Xã Bình Minh.",
    ])
      expect(section).toContain(line);
    // The table by unit: commune A's row (3 to remedy: 1 late, 1 overdue, 1 within), then B's.
    expect(section).toMatch(/1\nXã An Phú\n3\n0\n1\n1\n1\n2\nXã Bình Minh\n1\n0\n0\n1\n0/);
    // Words, not codes, in the whole report.
    expect(findCodes(all)).toEqual([]);
  });

  it("counts nothing outside a coordinator's monitored area", async () => {
    const { section } = await sectionVI("coordA");
    expect(section).toContain("Trong kỳ, đã kiểm tra 1 đơn vị, phát hiện 2 tồn tại, hạn chế.");
    expect(section).toContain("có 3 nội dung phải khắc phục");
    expect(section).toContain("Các đơn vị còn nội dung quá hạn chưa khắc phục (1): Xã An Phú (1).");
    // The dialogue was held by the province, outside the area; commune A's recommendation is in it.
    expect(section).toContain("Trong kỳ, đã tổ chức 0 cuộc đối thoại, tiếp nhận 1 kiến nghị.");
    expect(section).toContain("có 1 kiến nghị phải xử lý");
    expect(section).toContain("Tất cả 1 đơn vị đã có sáng kiến.");
    expect(section).not.toContain("Xã Bình Minh");
    expect(section).not.toContain("Sở Nội vụ");
  });

  it("starts the coordinator's dialog from the computed texts, and prints hers in their place", async () => {
    const c = await world.as("coord");
    const draft = (await c.get(`/api/reporting/consolidated/draft?${query()}`)).json();
    expect(draft.sections.inspections).toContain(
      "Trong kỳ, đã kiểm tra 2 đơn vị, phát hiện 3 tồn tại, hạn chế.",
    );
    expect(draft.sections.dialogues).toContain("tiếp nhận 3 kiến nghị");
    expect(draft.sections.initiatives).toContain(
      "Còn 2/3 đơn vị chưa có sáng kiến: Sở Nội vụ, Xã Bình Minh.",
    );
    const { section } = await sectionVI("coord", {
      inspections: "Đoàn kiểm tra đã làm việc với các xã theo kế hoạch.",
    });
    expect(section).toContain("Đoàn kiểm tra đã làm việc với các xã theo kế hoạch.");
    expect(section).not.toContain("Trong kỳ, đã kiểm tra 2 đơn vị");
    // The table by unit stays, and the other registers keep their computed text.
    expect(section).toContain("Kết quả khắc phục theo đơn vị");
    expect(section).toContain("tiếp nhận 3 kiến nghị");
    const tooLong = await c.post("/api/reporting/consolidated.docx", {
      obligationId: world.obligationId,
      periodKey: world.periodKey,
      sections: { dialogues: "x".repeat(20_001) },
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain("Phần VI.2 (đối thoại và kiến nghị) quá dài");
  });

  it("counts remediation as the items list does: overdue items of the area, by the same rule", async () => {
    const overdue = (
      await (await world.as("coord")).get("/api/follow-up/items?kind=remediation&status=overdue")
    ).json();
    expect(overdue.items.map((i: { id: string }) => i.id).sort()).toEqual([ids.aprA1, ids.aprB].sort());
  });
});
