/**
 * The follow-up section's words: figures by the one rule (thousands grouped, rates to one decimal with a
 * comma), the windows said as a yearly report and a monthly one say them, empty registers in a
 * sentence rather than zeros, and no code in the document.
 */

import { Document, Packer } from "docx";
import { describe, expect, it } from "vitest";
import { followUpTally } from "../../../../../core/src/follow-up/items";
import { findCodes } from "../../../../../core/src/words/code-patterns";
import { docxText } from "../../../../test/document-text";
import type { FollowUpFacts } from "./follow-up.facts";
import { followUpSection, followUpTexts } from "./follow-up.section";

const empty = followUpTally({});
const yearly: FollowUpFacts = {
  window: {
    periodFrom: "2026-01-01",
    to: "2026-12-31",
    sinceFrom: "2026-01-01",
    today: "2027-01-05",
    year: 2026,
  },
  inspections: { held: 520, units: 500, findings: 1234 },
  remediation: {
    total: followUpTally({ completedOnTime: 3, completedLate: 1, overdue: 1, inProgress: 495 }),
    byUnit: [
      { unitName: "Xã An Phú", tally: followUpTally({ completedOnTime: 3, overdue: 1 }) },
      { unitName: "Xã Bình Minh", tally: followUpTally({ completedLate: 1, inProgress: 495 }) },
    ],
  },
  dialogues: { held: 0, received: 0 },
  recommendations: { total: empty, unassigned: 0, published: 0, byUnit: [] },
  initiatives: {
    year: 2026,
    units: 40,
    registered: 52,
    recognised: 30,
    replicated: 4,
    unitsShort: 5,
    withNone: ["Sở Tư pháp", "Xã Bình Minh"],
  },
};

describe("the follow-up section in words", () => {
  it("writes a yearly report's figures with grouped thousands and rates to one decimal", () => {
    const t = followUpTexts(yearly);
    expect(t.inspections).toContain(
      "Trong kỳ, đã kiểm tra 500 đơn vị (520 cuộc kiểm tra), phát hiện 1.234 tồn tại, hạn chế.",
    );
    // The period is the year: "in the period" for both, never "since the start of the year".
    expect(t.inspections).toContain(
      "Trong kỳ, có 500 nội dung phải khắc phục: đã khắc phục đúng hạn 3 (0,6\u00a0%), khắc phục sau hạn 1 (0,2\u00a0%), quá hạn chưa khắc phục 1 (0,2\u00a0%), đang khắc phục trong hạn 495.",
    );
    expect(t.inspections).not.toContain("Lũy kế");
    expect(t.inspections).toContain("Các đơn vị còn nội dung quá hạn chưa khắc phục (1): Xã An Phú (1).");
    expect(t.dialogues).toBe(
      "Trong kỳ, không tổ chức cuộc đối thoại nào.\nTrong kỳ, không có kiến nghị nào phải xử lý.",
    );
    expect(t.initiatives).toBe(
      [
        "Năm 2026, các đơn vị đã đăng ký 52 sáng kiến cải cách hành chính; được công nhận 30, trong đó được nhân rộng 4.",
        "Còn 2/40 đơn vị chưa có sáng kiến: Sở Tư pháp, Xã Bình Minh.",
        "Có 5/40 đơn vị chưa đạt số sáng kiến tối thiểu của năm.",
      ].join("\n"),
    );
  });

  it("prints the section with its windows, its tables and no code", async () => {
    const doc = new Document({ sections: [{ children: followUpSection(yearly, "VI. CÔNG TÁC KIỂM TRA") }] });
    const text = await docxText(await Packer.toBuffer(doc));
    expect(text).toContain(
      "(Số liệu từ ngày 01/01/2026 đến ngày 31/12/2026; tình trạng xử lý tính đến ngày 05/01/2027.)",
    );
    expect(text).toContain("Kết quả khắc phục theo đơn vị");
    // No recommendations: no empty table.
    expect(text).not.toContain("Kết quả giải quyết kiến nghị theo đơn vị");
    expect(text).toMatch(/Xã Bình Minh\n496\n0\n1\n0\n495/);
    expect(findCodes(text)).toEqual([]);
  });
});
