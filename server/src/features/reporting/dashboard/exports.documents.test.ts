/**
 * The consolidated report and the entries workbook in words: names, not codes; rates by the one rule
 * (3 of 500 is "0,6 %", not "1%"); the date as Decree 30 writes it.
 */
import { describe, expect, it } from "vitest";
import { findCodes } from "../../../../../core/src/words/code-patterns";
import { docxText, xlsxText } from "../../../../test/document-text";
import { type ConsolidatedData, consolidatedDocx, entriesXlsx } from "./exports.documents";

const data: ConsolidatedData = {
  letterhead: { above: "UBND TỈNH GIA LAI", issuer: "SỞ NỘI VỤ" },
  place: "Gia Lai",
  recipient: "UBND tỉnh Gia Lai",
  signer: { onBehalf: null, title: "GIÁM ĐỐC", name: null },
  unitWords: {
    narratives: [
      {
        taskId: "t1",
        taskNumber: "1",
        taskContent: "Công khai thủ tục",
        sectionId: "s1",
        sectionNumber: "I",
        sectionTitle: "Cải cách thủ tục hành chính",
        unitName: "Xã An Phú",
        narrative: "Đã công khai 12 thủ tục.\nCòn 3 thủ tục đang rà soát.",
      },
    ],
    reports: [
      {
        unitName: "Xã An Phú",
        results: "",
        difficulties: "Thiếu máy quét.",
        proposals: "Cấp thêm máy quét.",
      },
    ],
  },
  planTitle: "Kế hoạch số 107/KH-UBND cải thiện PCI năm 2026",
  obligationTitle: "Báo cáo tháng",
  periodLabel: "Tháng 8/2026",
  dueDate: "2026-08-15",
  today: "2026-08-05",
  narrative: null,
  totals: { expected: 500, received: 3, onTime: 3 },
  byKind: [{ unitKind: "commune", expected: 500, received: 3, onTime: 3 }],
  byLevel: [{ level: "commune", expected: 500, received: 3, onTime: 3 }],
  taskStatus: { notStarted: 1, inProgress: 2, overdue: 1, completedOnTime: 0, completedLate: 0 },
  components: [
    { versionCode: "PCI-2022", componentCode: "ENTRY", nameVi: "", tasks: 2, meanProgress: 57, completed: 1 },
    {
      versionCode: "PAR_INDEX-2022",
      componentCode: "PAR3",
      nameVi: "",
      tasks: 1,
      meanProgress: 10,
      completed: 0,
    },
  ],
  units: [
    {
      unitName: "Xã An Phú",
      unitKind: "commune",
      state: "submitted",
      dueDate: "2026-08-15",
      firstSubmittedAt: null,
    },
    {
      unitName: "Xã Bình Minh",
      unitKind: "commune",
      state: "draft",
      dueDate: "2026-08-15",
      firstSubmittedAt: null,
    },
  ],
  overdueTasks: [
    { number: "1", content: "Công khai thủ tục", unitName: "Xã An Phú", dueDate: "2026-07-31", progress: 40 },
  ],
};

describe("the consolidated report in words", () => {
  it("names components, writes rates to one decimal and the date as Decree 30 does, with no code", async () => {
    const text = await docxText(await consolidatedDocx(data));
    expect(text).toContain("Gia Lai, ngày 05 tháng 8 năm 2026");
    expect(text).toContain("0,6\u00a0%");
    expect(text).not.toMatch(/\b1%/);
    expect(text).toContain("PCI 2022");
    expect(text).toContain("Chi phí gia nhập thị trường");
    expect(text).toContain("PAR INDEX 2022");
    expect(text).toContain("57\u00a0%");
    expect(findCodes(text)).toEqual([]);
  });

  it("heads the report with the parent authority, addresses it and gives the units' own words", async () => {
    const text = await docxText(await consolidatedDocx(data));
    expect(text.indexOf("UBND TỈNH GIA LAI")).toBeLessThan(text.indexOf("SỞ NỘI VỤ"));
    expect(text).toContain("Kính gửi: UBND tỉnh Gia Lai.");
    expect(text).toContain("- UBND tỉnh Gia Lai;");
    expect(text).not.toContain("Như trên");
    expect(text).toContain("GIÁM ĐỐC");
    expect(text).not.toContain("THỦ TRƯỞNG CƠ QUAN");
    expect(text).toContain("I. Cải cách thủ tục hành chính");
    expect(text).toContain("1. Công khai thủ tục");
    expect(text).toContain("- Xã An Phú: Đã công khai 12 thủ tục.");
    expect(text).toContain("Còn 3 thủ tục đang rà soát.");
    expect(text).toContain("- Đề xuất, kiến nghị: Cấp thêm máy quét.");
    // The empty results are left out, not written as an empty heading.
    expect(text).not.toContain("Kết quả đạt được");
    // Units whose report has not been sent are named.
    expect(text).toContain("Các đơn vị chưa gửi báo cáo (1): Xã Bình Minh.");
  });

  it("writes the entries workbook with no code and no unrounded figure", async () => {
    const text = await xlsxText(
      await entriesXlsx({
        title: "Báo cáo tháng - Tháng 8/2026",
        rows: [
          {
            unitName: "Xã An Phú",
            unitKind: "commune",
            reportState: "submitted",
            taskNumber: "1",
            taskContent: "Công khai thủ tục",
            role: "lead",
            dueDate: "2026-07-31",
            status: "overdue",
            progress: 40,
            narrative: "Đã công khai 12 thủ tục.",
            figures: [{ measure: "Tỷ lệ hồ sơ trực tuyến", value: 57.417110443115234 }],
            completedAt: null,
          },
        ],
      }),
    );
    expect(text).toContain("57,42");
    expect(findCodes(text)).toEqual([]);
  });
});
