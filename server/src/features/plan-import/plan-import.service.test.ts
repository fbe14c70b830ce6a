import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  VerticalMergeType,
} from "docx";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/database";
import { buildActor } from "../../../test/factories";
import { buildPlanPdf } from "../../../test/pdf";
import type { Database } from "../../app/db";
import { textPdf } from "../../app/text-pdf";
import { seedDemoProvince } from "../demo/demo.seed";
import { orgUnits } from "../org-units/org-units.table";
import { extractPlan } from "./plan-import.service";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoProvince({ database });
}, 60_000);
afterAll(async () => database?.close());

const cell = (text: string, opts: Record<string, unknown> = {}) =>
  new TableCell({ children: [new Paragraph(text)], ...opts });
const header = () =>
  new TableRow({
    tableHeader: true,
    children: ["STT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Kết quả", "Thời hạn"].map((t) => cell(t)),
  });

describe("PDF tables", () => {
  it("reads a task table printed as positioned runs (pdf.js's synthetic gap spaces do not hide the columns)", async () => {
    const pages: number[] = [];
    const r = await extractPlan({
      db: database.db,
      file: { fileName: "ke-hoach.pdf", data: new Uint8Array(buildPlanPdf({ pages: 2 })) },
      onProgress: (done) => pages.push(done),
    });
    expect(pages).toEqual([1, 2]);
    expect(r.tasks).toHaveLength(80);
    expect(r.tasks[0].leads[0].text).toBe("So Tu phap");
    expect(r.tasks[0].deadline.kind).toBe("quarter");
  });
});

describe("the draft's owner", () => {
  const letterhead = (issuer: string[]) =>
    [...issuer, "", "Số: 12/KH-UBND", "", "KẾ HOẠCH", "Cải thiện Chỉ số PCI năm 2026"].join("\n");
  const provinceId = async () =>
    (await database.db.select().from(orgUnits).where(eq(orgUnits.name, "Tỉnh Gia Lai")))[0];

  it("is the body that issued the document when the directory has it and the importer may plan for it", async () => {
    const province = await provinceId();
    const actor = await buildActor(database.db, { unitId: province.id, roles: ["coordinator"] });
    const r = await extractPlan({
      db: database.db,
      actor,
      text: letterhead(["ỦY BAN NHÂN DÂN", "TỈNH GIA LAI"]),
    });
    expect(r.metadata.issuer).toBe("ỦY BAN NHÂN DÂN TỈNH GIA LAI");
    expect(r.owner).toMatchObject({ unitId: province.id, name: "Tỉnh Gia Lai", fromDocument: true });
  });

  it("falls back to the importer's unit, with a note, for an issuer outside the directory or the importer's reach", async () => {
    const province = await provinceId();
    const actor = await buildActor(database.db, { unitId: province.id, roles: ["coordinator"] });
    const other = await extractPlan({
      db: database.db,
      actor,
      text: letterhead(["ỦY BAN NHÂN DÂN", "TỈNH BÌNH ĐỊNH"]),
    });
    expect(other.owner).toMatchObject({ unitId: actor.unitId, fromDocument: false });
    expect(other.metadata.flags.join(" ")).toMatch(
      /“ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH” không có trong danh mục/,
    );
    const [department] = await database.db
      .select()
      .from(orgUnits)
      .where(and(eq(orgUnits.provinceId, province.id), eq(orgUnits.kind, "department")))
      .limit(1);
    const officer = await buildActor(database.db, { unitId: department.id, roles: ["officer"] });
    const above = await extractPlan({
      db: database.db,
      actor: officer,
      text: letterhead(["ỦY BAN NHÂN DÂN", "TỈNH GIA LAI"]),
    });
    expect(above.owner).toMatchObject({ unitId: officer.unitId, fromDocument: false });
    expect(above.metadata.flags.join(" ")).toMatch(/không được lập kế hoạch/);
  });
});

describe("extractPlan", () => {
  it("resolves the seeds' agency spellings against the directory, merged departments to successors with a note", async () => {
    const text = [
      "II. NHIỆM VỤ",
      "STT\tNhiệm vụ\tChủ trì\tPhối hợp\tThời hạn",
      "1\tĐối thoại doanh nghiệp\tSở KH&ĐT\tUBND các huyện, thị xã, thành phố\tThường xuyên",
      "2\tTuyên truyền\tSở Thông tin và Truyền thông\tCác sở, ban, ngành; VP UBND tỉnh\tTháng 9/2023",
      "3\tPhổ biến pháp luật\tSở Tư pháp\tỦy ban Mặt trận Tổ quốc Việt Nam tỉnh\tQuý III/2023",
    ].join("\n");
    const r = await extractPlan({ db: database.db, text });
    const [t1, t2, t3] = r.tasks;
    expect(t1.leads[0]).toMatchObject({ text: "Sở KH&ĐT", unit: "Sở Tài chính", group: false });
    expect(t1.leads[0].note).toMatch(/Sở Kế hoạch và Đầu tư/);
    // Districts ended on 1 July 2025: their collective wording goes to the communes, with the reason.
    expect(t1.coordinators[0]).toMatchObject({ group: true, unit: "UBND các xã, phường" });
    expect(t1.coordinators[0].reason).toMatch(/^Cấp huyện không còn từ 01\/07\/2025/);
    expect(t1.leads[0].reason).toMatch(/^Tên cũ: Sở Kế hoạch và Đầu tư đã hợp nhất vào Sở Tài chính/);
    expect(t2.leads[0]).toMatchObject({ unit: "Sở Khoa học và Công nghệ" });
    expect(t2.coordinators.map((c) => [c.unit, c.group])).toEqual([
      ["Các sở, ban, ngành", true],
      ["Văn phòng UBND tỉnh", false],
    ]);
    expect(t3.leads[0].unit).toBe("Sở Tư pháp");
    expect(t3.coordinators[0]).toMatchObject({ requested: true });
  });

  it("reads a generated .docx with a vertically merged lead and a repeated header row", async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: "PHỤ LỤC 2", alignment: AlignmentType.CENTER }),
            new Table({
              rows: [
                header(),
                new TableRow({
                  children: [cell("I"), cell("NHÓM NHIỆM VỤ CHUNG"), cell(""), cell(""), cell(""), cell("")],
                }),
                new TableRow({
                  children: [
                    cell("1"),
                    cell("Ban hành kế hoạch và phổ biến, quán triệt kế hoạch"),
                    cell("Sở Thông tin và Truyền thông", { verticalMerge: VerticalMergeType.RESTART }),
                    cell("- Sở Nội vụ; - Sở Kế hoạch và Đầu tư"),
                    cell("Các hội nghị"),
                    cell("Trước ngày 15/6/2023"),
                  ],
                }),
                new TableRow({
                  children: [
                    cell("2"),
                    cell("Chỉ đạo, định hướng về thông tin, tuyên truyền"),
                    cell("", { verticalMerge: VerticalMergeType.CONTINUE }),
                    cell("Các sở, ban, ngành"),
                    cell("Họp báo định kỳ hằng quý"),
                    cell("Thường xuyên"),
                  ],
                }),
              ],
            }),
          ],
        },
      ],
    });
    const data = new Uint8Array(await Packer.toBuffer(doc));
    const r = await extractPlan({ db: database.db, file: { fileName: "ke-hoach.docx", data } });
    expect(r.document.format).toBe("docx");
    expect(r.tasks).toHaveLength(2);
    expect(r.tasks.map((t) => t.leads[0]?.unit)).toEqual([
      "Sở Khoa học và Công nghệ",
      "Sở Khoa học và Công nghệ",
    ]);
    expect(r.tasks[0].section).toBe("I NHÓM NHIỆM VỤ CHUNG");
    expect(r.tasks[0].deadline.due).toBe("2023-06-15");
  });

  it("reads a text PDF and reports progress", async () => {
    const pages: number[] = [];
    const r = await extractPlan({
      db: database.db,
      file: { fileName: "a.pdf", data: textPdf(["So: 12/KH-UBND", "KE HOACH", "Cai thien chi so PCI"]) },
      onProgress: (done) => pages.push(done),
    });
    expect(r.document.format).toBe("pdf");
    expect(r.document.blocks).toBeGreaterThan(0);
    expect(r.flags.join(" ")).toMatch(/Không tìm thấy nhiệm vụ/);
    expect(pages).toEqual([1]);
  });

  it.each([
    ["empty", new Uint8Array(), /rỗng/],
    ["too big", new Uint8Array(21 * 1024 * 1024).fill(65), /20 MB/],
    ["password or old Word", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]), /mật khẩu/],
    ["docx that is not a zip", new TextEncoder().encode("PK\u0003\u0004garbage"), /hỏng/],
    ["binary", new Uint8Array([1, 0, 0, 0, 2, 0, 0, 0]), /không phải/],
    ["corrupt pdf", new TextEncoder().encode("%PDF-1.4 garbage"), /PDF/],
  ])("answers a clear message for %s input", async (_, data, message) => {
    await expect(extractPlan({ db: database.db, file: { fileName: "x.docx", data } })).rejects.toThrow(
      message,
    );
  });
});
