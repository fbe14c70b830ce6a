/**
 * The readers and the extraction on whole documents made the way officials make them: a Word plan
 * with real tables (Decree 30 letterhead as a borderless table, agencies named by section headings,
 * an appendix task table under sub-index heading rows) and the same plan printed to PDF by
 * LibreOffice (see server/test/fixtures/plan-documents/README.md). Expected figures are counted by
 * hand from the generator's APPENDIX and SECTION_TASKS.
 */
import fs from "node:fs";
import path from "node:path";
import { Document, Packer, Paragraph, Table, TableCell, TableRow, VerticalMergeType } from "docx";
import { describe, expect, it } from "vitest";
import {
  APPENDIX,
  SECTION_TASKS,
  SUB_INDEX_CODES,
} from "../../../test/fixtures/plan-documents/make-plan-docx";
import { PROJECT_ROOT } from "../../app/paths";
import { extractFromInput } from "./plan-import.extract";
import { readDocument } from "./plan-import.readers";

const fixture = (name: string) =>
  new Uint8Array(
    fs.readFileSync(path.join(PROJECT_ROOT, "server", "test", "fixtures", "plan-documents", name)),
  );
const snapshot = { units: [], groups: [], events: [] };
const extract = (fileName: string) =>
  extractFromInput({ file: { fileName, data: fixture(fileName) }, snapshot });

describe.each(["ke-hoach-bang.docx", "ke-hoach-bang.pdf"])("the Bình Định plan as %s", (fileName) => {
  it("reads the letterhead: number, date, place and issuer", async () => {
    const r = await extract(fileName);
    expect(r.metadata).toMatchObject({
      kind: "Kế hoạch",
      number: "107/KH-UBND",
      date: "2023-06-08",
      place: "Bình Định",
      issuer: "ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH",
      title: "Cải thiện, nâng cao Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) tỉnh Bình Định năm 2023",
    });
  });

  it("finds the 30 appendix tasks with their leads, coordinators, deadlines and sub-index", async () => {
    const r = await extract(fileName);
    const appendix = r.tasks.filter((t) => /^\d+\.\d+$/.test(t.number ?? ""));
    expect(appendix.map((t) => t.number)).toEqual(APPENDIX.map((a) => a.number));
    appendix.forEach((t, k) => {
      const want = APPENDIX[k];
      expect(t.content).toBe(want.content);
      expect(t.leads.map((l) => l.text)).toEqual([want.lead]);
      expect(t.coordinators.map((c) => c.text)).toEqual([
        "Các sở, ban, ngành",
        "UBND các huyện, thị xã, thành phố",
      ]);
      expect(t.expectedOutput).toBe(want.product);
      expect(t.deadline.text).toBe(want.deadline);
      expect(t.deadline.understood).toBe(true);
      // Each row links to the sub-index heading above it, not to the whole index.
      expect(t.sectionComponent).toBe(want.component);
    });
    // Sub-index heading rows are sections, never tasks.
    expect(r.tasks.some((t) => /TRỌNG SỐ|Chỉ số thành phần/u.test(t.content))).toBe(false);
    expect(new Set(appendix.map((t) => t.sectionComponent))).toEqual(new Set(SUB_INDEX_CODES));
  });

  it("gives the rows of a table without a lead column the agency its section heading names", async () => {
    const r = await extract(fileName);
    const under = r.tasks.filter((t) => SECTION_TASKS.some((s) => s.content === t.content));
    expect(under.map((t) => [t.leads.map((l) => l.text), t.deadline.text])).toEqual(
      SECTION_TASKS.map((s) => [[s.lead], s.deadline]),
    );
  });

  it("takes the appendix title and its '(Kèm theo …)' line for a title, not tasks", async () => {
    const r = await extract(fileName);
    expect(r.tasks.some((t) => /Kèm theo|^Nhiệm vụ, giải pháp cải thiện/u.test(t.content))).toBe(false);
  });
});

describe("PDF tables by geometry", () => {
  it("rebuilds the appendix as one table across its pages, repeated headers dropped, cut rows re-joined", async () => {
    const doc = await readDocument({ fileName: "ke-hoach-bang.pdf", data: fixture("ke-hoach-bang.pdf") });
    const tables = doc.blocks.filter((b) => b.kind === "table");
    // Two section tables on page 1, and the appendix from page 2 to page 6 in one piece.
    expect(tables.map((t) => t.rows.length)).toEqual([3, 3, 1 + 1 + 10 + 30]);
    const appendix = tables[2];
    expect(appendix.rows[0].map((c) => c.text)).toEqual([
      "STT",
      "Nội dung nhiệm vụ",
      "Cơ quan chủ trì",
      "Cơ quan phối hợp",
      "Sản phẩm",
      "Thời gian hoàn thành",
    ]);
    expect(new Set(appendix.rowSources?.map((s) => s.page))).toEqual(new Set([2, 3, 4, 5, 6]));
    // The section and sub-index rows span the columns after the number.
    expect(appendix.rows[1].map((c) => c.colSpan)).toEqual([1, 5]);
    expect(appendix.confidence).toBeGreaterThanOrEqual(0.9);
    expect(doc.warnings).toEqual([]);
  });

  it("refuses, in Vietnamese, a PDF whose fonts have no Unicode table instead of extracting garbage", async () => {
    await expect(
      readDocument({ fileName: "loi-phong.pdf", data: fixture("ke-hoach-bang-loi-phong.pdf") }),
    ).rejects.toThrow(/lỗi phông ở mọi trang/);
  });
});

describe("Word tables with a two-row merged header", () => {
  it("reads STT merged down, NHIỆM VỤ over a sub-heading column and PHÂN CÔNG over CHỦ TRÌ / PHỐI HỢP", async () => {
    const c = (text: string, o: Record<string, unknown> = {}) =>
      new TableCell({ children: [new Paragraph(text)], ...o });
    const restart = { verticalMerge: VerticalMergeType.RESTART };
    const cont = { verticalMerge: VerticalMergeType.CONTINUE };
    const table = new Table({
      rows: [
        new TableRow({
          tableHeader: true,
          children: [
            c("STT", restart),
            c("NHIỆM VỤ THỰC HIỆN", { ...restart, columnSpan: 2 }),
            c("PHÂN CÔNG THỰC HIỆN", { columnSpan: 2 }),
            c("THỜI GIAN HOÀN THÀNH", restart),
          ],
        }),
        new TableRow({
          tableHeader: true,
          children: [
            c("", cont),
            c("", { ...cont, columnSpan: 2 }),
            c("CHỦ TRÌ"),
            c("PHỐI HỢP"),
            c("", cont),
          ],
        }),
        // Data rows say explicitly that they are not header rows (<w:tblHeader w:val="off"/>).
        new TableRow({
          tableHeader: false,
          children: [
            c("1"),
            c("Gia nhập thị trường", restart),
            c("Rà soát thủ tục đầu tư"),
            c("Sở Tài chính"),
            c("Các sở"),
            c("Quý III/2023"),
          ],
        }),
        new TableRow({
          tableHeader: false,
          children: [
            c("2"),
            c("", cont),
            c("Đối thoại doanh nghiệp"),
            c("Sở Công Thương"),
            c(""),
            c("Thường xuyên"),
          ],
        }),
      ],
    });
    const doc = new Document({
      sections: [{ children: [new Paragraph("II. CHỈ SỐ NĂNG LỰC CẠNH TRANH CẤP TỈNH (PCI)"), table] }],
    });
    const data = new Uint8Array(await Packer.toBuffer(doc));
    const r = await extractFromInput({ file: { fileName: "bang.docx", data }, snapshot });
    expect(
      r.tasks.map((t) => [t.number, t.content, t.leads[0]?.text, t.deadline.text, t.sectionComponent]),
    ).toEqual([
      ["1", "Rà soát thủ tục đầu tư", "Sở Tài chính", "Quý III/2023", "PCI:ENTRY"],
      ["2", "Đối thoại doanh nghiệp", "Sở Công Thương", "Thường xuyên", "PCI:ENTRY"],
    ]);
  });
});

describe("the issuer under its parent authority", () => {
  it.each([
    ["UBND TỈNH BÌNH ĐỊNH SỞ TƯ PHÁP", "SỞ TƯ PHÁP"],
    ["UBND TỈNH SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG"],
    ["ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH", "ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH"],
  ])("%s issues as %s", async (letterhead, issuer) => {
    const text = [letterhead, "", "Số: 12/KH-STP", "", "KẾ HOẠCH", "Cải thiện Chỉ số PCI năm 2026"].join(
      "\n",
    );
    const r = await extractFromInput({ text, snapshot });
    expect(r.metadata.issuer).toBe(issuer);
  });
});
