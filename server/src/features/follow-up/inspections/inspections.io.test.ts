/**
 * Findings from a workbook (a preview with each problem by row and column, units found as the
 * directory's search finds them, all or nothing) and a plan's export with its findings and how their
 * remediation stands.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectOfficialTable } from "../../../../test/xlsx-shape";
import { buildInspectionsWorld, type InspectionsWorld } from "./inspections.world";

let w: InspectionsWorld;
const BASE = "/api/follow-up/inspections";
let planId: string;
let done: { id: string; version: number };
let planned: { id: string; version: number };

beforeAll(async () => {
  w = await buildInspectionsWorld();
  const c = await w.as("coord");
  planId = (
    await c.post(`${BASE}/plans`, {
      ownerUnitId: w.units.snv.id,
      year: 2026,
      title: "Kế hoạch kiểm tra năm 2026",
    })
  ).json().plan.id;
  const added = await c.post(`${BASE}/plans/${planId}/inspections`, {
    unitIds: [w.units.comA.id, w.units.comB.id],
    startsOn: "2026-05-04",
    endsOn: "2026-05-08",
    team: "Đoàn kiểm tra số 1",
  });
  expect(added.statusCode, added.body).toBe(200);
  const list = (await c.get(`${BASE}?planId=${planId}`)).json().inspections;
  done = list.find((i: { unitId: string }) => i.unitId === w.units.comA.id);
  planned = list.find((i: { unitId: string }) => i.unitId === w.units.comB.id);
  const recorded = await c.post(`${BASE}/${done.id}/record`, {
    version: done.version,
    heldOn: "2026-05-05",
    conclusion: "Còn tồn tại",
    findings: [
      {
        content: "Chưa công khai kết quả giải quyết hồ sơ",
        severity: "medium",
        versionCode: null,
        componentCode: null,
        remediation: { dueDate: "2026-06-01" },
      },
    ],
  });
  expect(recorded.statusCode, recorded.body).toBe(200);
}, 120_000);
afterAll(async () => {
  await w?.close();
});

const HEADER = ["Nội dung", "Mức độ", "Chỉ số thành phần", "Đơn vị khắc phục", "Thời hạn", "Yêu cầu kết quả"];
async function workbook(rows: unknown[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Tồn tại");
  ws.addRow(["Danh sách tồn tại, hạn chế qua kiểm tra"]);
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  return { fileName: "ton-tai.xlsx", data: new Uint8Array(await wb.xlsx.writeBuffer()) };
}
const GOOD = [
  ["Chưa niêm yết thủ tục hành chính", "Nghiêm trọng", "Tính minh bạch", "", "31/07/2026", "Niêm yết đủ"],
  ["Chưa số hóa hồ sơ", "", "", "SNV", new Date(Date.UTC(2026, 7, 15)), ""],
];

describe("findings from a workbook", () => {
  it("previews every row, naming each problem by row and column, writing nothing", async () => {
    const c = await w.as("coord");
    const file = await workbook([
      ...GOOD,
      ["Tồn tại sai nhiều chỗ", "rất nặng", "Chỉ số lạ", "Xã Không Có", "30/02/2026", ""],
      ["Thời hạn trước ngày kiểm tra", "Nhẹ", "", "Xã Bình Minh", "01/05/2026", ""],
      ["", "", "", "", "31/07/2026", "Chỉ có yêu cầu"],
    ]);
    const res = await c.upload(`${BASE}/${done.id}/findings/import`, file);
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json();
    expect(preview.rows.map((r: { row: number }) => r.row)).toEqual([3, 4]);
    expect(preview.rows[0]).toMatchObject({
      severity: "high",
      componentCode: "TRANSPARENCY",
      unitName: "Xã An Phú",
      dueDate: "2026-07-31",
    });
    expect(preview.rows[1]).toMatchObject({
      severity: "medium",
      unitName: "Sở Nội vụ",
      dueDate: "2026-08-15",
    });
    const messages = preview.errors.map((e: { message: string }) => e.message);
    expect(messages).toEqual([
      'Dòng 5, cột "Mức độ": không hiểu mức độ "rất nặng" (ghi: Nhẹ, Trung bình hoặc Nghiêm trọng).',
      'Dòng 5, cột "Chỉ số thành phần": không có chỉ số thành phần "Chỉ số lạ".',
      'Dòng 5, cột "Đơn vị khắc phục": không tìm thấy đơn vị "Xã Không Có" trong danh mục của tỉnh.',
      'Dòng 5, cột "Thời hạn": "30/02/2026" không phải là ngày (ghi dd/mm/yyyy).',
      'Dòng 6, cột "Thời hạn": Hạn xử lý (01/05/2026) không thể trước ngày phát sinh (05/05/2026).',
      'Dòng 7, cột "Nội dung": thiếu nội dung tồn tại, hạn chế.',
    ]);
    const committed = await c.upload(`${BASE}/${done.id}/findings/import?commit=true`, file);
    expect(committed.statusCode).toBe(400);
    expect(committed.json().error.message).toContain("chưa ghi tồn tại, hạn chế nào");
    const findings = (await c.get(`${BASE}/${done.id}`)).json().inspection.findings;
    expect(findings).toHaveLength(1);
  });

  it("adds a clean file's findings, all at once, after those already recorded", async () => {
    const c = await w.as("coord");
    const res = await c.upload(`${BASE}/${done.id}/findings/import?commit=true`, await workbook(GOOD));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().created).toBe(2);
    const findings = (await c.get(`${BASE}/${done.id}`)).json().inspection.findings;
    expect(
      findings.map((f: { position: number; remediation: { unitName: string } }) => [
        f.position,
        f.remediation.unitName,
      ]),
    ).toEqual([
      [1, "Xã An Phú"],
      [2, "Xã An Phú"],
      [3, "Sở Nội vụ"],
    ]);
    const [{ n }] = await w.database.query<{ n: number }>(
      "select count(*)::int as n from audit_log where entity = 'inspectionFinding' and action = 'import.create'",
    );
    expect(n).toBe(2);
  });

  it("previews for an inspection not yet recorded against the day the form says, and writes only with the record", async () => {
    const c = await w.as("coord");
    const file = await workbook([["Thời hạn trước ngày kiểm tra", "", "", "", "10/05/2026", ""]]);
    const preview = await c.upload(`${BASE}/${planned.id}/findings/import?heldOn=2026-05-12`, file);
    expect(preview.statusCode).toBe(200);
    expect(preview.json().errors[0].message).toContain("không thể trước ngày phát sinh (12/05/2026)");
    const commit = await c.upload(`${BASE}/${planned.id}/findings/import?commit=true`, file);
    expect(commit.statusCode).toBe(409);
  });

  it("is the inspecting unit's: refused to the inspected unit and unseen by another province", async () => {
    const file = await workbook(GOOD);
    expect(
      (await (await w.as("officerA")).upload(`${BASE}/${done.id}/findings/import`, file)).statusCode,
    ).toBe(403);
    expect((await (await w.as("coordQ")).upload(`${BASE}/${done.id}/findings/import`, file)).statusCode).toBe(
      404,
    );
    const notXlsx = await (await w.as("coord")).upload(`${BASE}/${done.id}/findings/import`, {
      fileName: "ton-tai.xlsx",
      data: "khong phai bang tinh",
    });
    expect(notXlsx.statusCode).toBe(200);
    expect(notXlsx.json().errors[0].message).toBe("Tệp không phải bảng tính Excel (.xlsx).");
  });

  it("offers a template whose header the import reads", async () => {
    const res = await (await w.as("coord")).get(`${BASE}/findings/import-template.xlsx`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["Tồn tại, hạn chế", "Chỉ số thành phần"]);
    const header = (wb.worksheets[0].getRow(3).values as unknown[]).slice(1);
    expect(header).toEqual([
      "Nội dung *",
      "Mức độ",
      "Chỉ số thành phần",
      "Đơn vị khắc phục",
      "Thời hạn *",
      "Yêu cầu kết quả",
    ]);
    const listed = wb.worksheets[1].getColumn(2).values.map(String);
    expect(listed).toContain("Tính minh bạch");
  });
});

describe("a plan's export", () => {
  it("lists the inspections and their findings with how the remediation stands, as officials make tables", async () => {
    const res = await (await w.as("coord")).get(`${BASE}/plans/${planId}/export.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toContain("kiem-tra-2026");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const [inspections, findings] = wb.worksheets;
    expectOfficialTable(inspections, { headerRow: 3, numbers: [8, 9, 10, 11], dates: [2, 3] });
    const rowOf = (sheet: ExcelJS.Worksheet, n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(rowOf(inspections, 4).slice(0, 1)).toEqual(["Xã An Phú"]);
    // Today is 15/06/2026: the first finding (due 01/06) is overdue, the two imported ones open.
    expect(rowOf(inspections, 4).slice(7, 11)).toEqual([3, 2, 1, 0]);
    expect(rowOf(inspections, 5)[5]).toBe("Theo kế hoạch");
    expectOfficialTable(findings, { headerRow: 3, numbers: [3], dates: [2, 8] });
    expect(rowOf(findings, 4)).toEqual(
      expect.arrayContaining([
        "Chưa công khai kết quả giải quyết hồ sơ",
        "Trung bình",
        "Đang khắc phục",
        "Quá hạn",
      ]),
    );
    expect(rowOf(findings, 5)).toContain("PCI 2022 · Tính minh bạch");
  });

  it("shows an inspected unit only its own inspection, and another province nothing", async () => {
    const ofB = await (await w.as("officerB")).get(`${BASE}/plans/${planId}/export.xlsx`);
    expect(ofB.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(ofB.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0].rowCount).toBe(4);
    expect((wb.worksheets[0].getRow(4).values as unknown[])[1]).toBe("Xã Bình Minh");
    expect((await (await w.as("coordQ")).get(`${BASE}/plans/${planId}/export.xlsx`)).statusCode).toBe(404);
  });
});
