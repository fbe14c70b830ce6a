import fs from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractPlan, readText, splitUnitCell, unitsInSentence } from ".";

const seed = (name: string) =>
  // The three real plans, kept with their source note in core/test/fixtures/plans.
  fs.readFileSync(new URL(`../../test/fixtures/plans/${name}`, import.meta.url), "utf8");

describe("extraction from the three real plans", () => {
  it("reads plan 497/KH-UBND (prose): metadata, bases, targets, 44 tasks, quarterly reporting via two departments", () => {
    const p = extractPlan(readText(seed("000_8eb717131d25ad55.txt")));
    expect(p.metadata).toMatchObject({
      kind: "Kế hoạch",
      number: "497/KH-UBND",
      date: "2024-02-07",
      issuer: "ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN",
    });
    expect(p.metadata.title).toMatch(/^Nâng cao năng lực cạnh tranh.*trong năm 2024$/);
    expect(p.legalBases).toHaveLength(2);
    // Hand count: II.1a 6 (5 "- " + "Giao …"), 1b 9, 2: 5, 3: 5, 4: 5, 5: 8, 6: 2, 7: 1; III: 3.
    expect(p.stats.tasks).toBe(44);
    expect(p.targets.map((t) => t.resolved)).toEqual(["PAR_INDEX", "SIPAS", "PAPI", "PCI"]);
    // "trong tháng 02/2024", "(thời gian trình trong tháng 3/2024)", two "định kỳ hằng tháng" and two
    // bracketed "(công khai liên tục / thường xuyên trong năm)".
    expect(p.stats.deadlinesUnderstood).toBe(6);
    const tuPhap = p.tasks.find((t) => t.content.startsWith("Sở Tư pháp tổ chức"));
    expect(tuPhap?.leads.map((l) => l.text)).toEqual(["Sở Tư pháp"]);
    const giaiNgan = p.tasks.find((t) => t.content.startsWith("Công khai kết quả giải ngân"));
    expect(giaiNgan?.leads.map((l) => l.text)).toEqual(["Sở Kế hoạch và Đầu tư"]);
    expect(giaiNgan?.coordinators.map((l) => l.text)).toEqual(["Văn phòng UBND tỉnh"]);
    expect(p.reporting[0]).toMatchObject({ frequency: "quarterly" });
    expect(p.reporting[0].via.map((v) => v.text)).toEqual(["Sở Nội vụ", "Sở Kế hoạch và Đầu tư"]);
  });

  it("reads the department plan (Markdown): 39 tasks in sections linked to index components", () => {
    const p = extractPlan(readText(seed("002_9e4b111d625ef708.txt"), "markdown"));
    expect(p.metadata.number).toBeNull();
    expect(p.metadata.flags.join(" ")).toMatch(/Không tìm thấy số văn bản/);
    expect(p.stats.tasks).toBe(39);
    const sections = new Set(p.tasks.map((t) => t.sectionComponent));
    for (const code of ["PAR_INDEX:PAR1", "PAR_INDEX:PAR3", "SIPAS", "PAPI:D4", "PCI:ENTRY", "PCI:LEGAL"])
      expect(sections).toContain(code);
    expect(p.tasks.filter((t) => t.leads.length).length).toBe(38);
    expect(p.reporting.some((r) => r.frequencies.includes("halfYearly"))).toBe(true);
  });

  it("reads plan 107/KH-UBND (tables over pages): targets tables, appendices 2-4 task tables", () => {
    const p = extractPlan(readText(seed("003_384f955878bb2b4b.txt")));
    expect(p.metadata).toMatchObject({ number: "107/KH-UBND", date: "2023-06-08", place: "Bình Định" });
    // 186 before "Định kỳ" was matched as a word (IV.b, the plan's own reporting rule, is no task) and
    // before a note in brackets ("(Các Phụ lục nhiệm vụ kèm theo Kế hoạch này)") stopped being one.
    expect(p.stats.tasks).toBe(184);
    expect(p.stats.deadlines).toBe(140);
    expect(p.stats.deadlinesUnderstood).toBe(139);
    expect(p.stats.targets).toBe(222);
    const entry = p.targets.find(
      (t) => t.component.startsWith("Chi phí gia nhập thị trường") && t.resolved === "PCI:ENTRY",
    );
    expect(entry).toMatchObject({ baseline: { value: 7.25, rank: 11 }, target: { value: 7.5, rank: 5 } });
    const par = p.targets.find((t) => t.component === "Cải cách thể chế");
    expect(par).toMatchObject({
      resolved: "PAR_INDEX:PAR2",
      baseline: { value: 9.13, max: 10, rank: 38 },
      target: { rank: 20 },
    });
    const first = p.tasks.find((t) => t.content.startsWith("Ban hành kế hoạch và phổ biến"));
    expect(first?.deadline).toMatchObject({ kind: "date", due: "2023-06-15", understood: true });
    expect(p.reporting[0]).toMatchObject({ dueRule: "trước ngày 15 của tháng cuối kỳ báo cáo" });
    expect(p.reporting[0].via.map((v) => v.text)).toEqual(["Sở Nội vụ"]);
  });
});

describe("pasted text", () => {
  it("reads a tab-separated task table with a two-row header and a repeated header after a page break", () => {
    const text = [
      "STT\tNhiệm vụ\tPhân công thực hiện\t\tKết quả\tThời hạn",
      "\t\tChủ trì\tPhối hợp\t\t",
      "I\tCHỈ SỐ PCI\t\t\t\t",
      "1\tRà soát thủ tục đất đai\tSở Tài nguyên và Môi trường\tUBND các huyện, thị xã, thành phố\tBáo cáo\tQuý III/2023",
      "2\tĐối thoại doanh nghiệp định kỳ\tSở KH&ĐT\t- Văn phòng UBND tỉnh - Sở Tư pháp\tHội nghị",
      "",
      "STT\tNhiệm vụ\tPhân công thực hiện\t\tKết quả\tThời hạn",
      "\t\tChủ trì\tPhối hợp\t\t",
      "\thằng quý với hiệp hội\t\t\t\tTháng 12/2023",
      "3\tCông khai quy hoạch\tSở Xây dựng\t\t\tThường xuyên",
    ].join("\n");
    const p = extractPlan(readText(text));
    expect(p.tasks).toHaveLength(3);
    expect(p.tasks[0]).toMatchObject({ section: "CHỈ SỐ PCI", sectionComponent: "PCI", number: "1" });
    expect(p.tasks[0].deadline).toMatchObject({ kind: "quarter", due: "2023-09-30" });
    expect(p.tasks[1].content).toBe("Đối thoại doanh nghiệp định kỳ hằng quý với hiệp hội");
    expect(p.tasks[1].coordinators.map((c) => c.text)).toEqual(["Văn phòng UBND tỉnh", "Sở Tư pháp"]);
    expect(p.tasks[1].deadline.due).toBe("2023-12-31");
    expect(p.tasks[2].deadline.kind).toBe("recurring");
  });

  it("reads an HTML fragment with a merged lead cell applied to each row", () => {
    const html = `<p>II. NHIỆM VỤ</p><table><tr><th>TT</th><th>Nội dung</th><th>Chủ trì</th><th>Thời gian</th></tr>
      <tr><td>1</td><td>Nhiệm vụ thứ nhất về TTHC</td><td rowspan="2">Sở Nội vụ</td><td>Tháng 9/2022</td></tr>
      <tr><td>2</td><td>Nhiệm vụ thứ hai về công vụ</td><td>Trong năm 2022</td></tr></table>`;
    const p = extractPlan(readText(html, "html"));
    expect(p.tasks.map((t) => t.leads.map((l) => l.text))).toEqual([["Sở Nội vụ"], ["Sở Nội vụ"]]);
    expect(p.tasks.map((t) => t.deadline.due)).toEqual(["2022-09-30", "2022-12-31"]);
  });

  it("says so when a document has no tasks", () => {
    const p = extractPlan(readText("Xin chào\n\nĐây là một đoạn văn."));
    expect(p.tasks).toHaveLength(0);
    expect(p.flags.join(" ")).toMatch(/Không tìm thấy nhiệm vụ/);
  });
});

describe("agencies in cells and sentences", () => {
  it.each([
    ["- Sở Nội vụ; - Sở Kế hoạch và Đầu tư", ["Sở Nội vụ", "Sở Kế hoạch và Đầu tư"]],
    [
      "Các sở, ban, ngành, UBND các huyện, thị xã, thành phố",
      ["Các sở, ban, ngành", "UBND các huyện, thị xã, thành phố"],
    ],
    [
      "Sở Lao động - Thương binh và Xã hội; Bảo hiểm Xã hội tỉnh",
      ["Sở Lao động - Thương binh và Xã hội", "Bảo hiểm Xã hội tỉnh"],
    ],
    [
      "Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội",
      ["Mặt trận Tổ quốc Việt Nam", "các tổ chức chính trị - xã hội"],
    ],
  ])("splits %s", (cell, expected) => {
    expect(splitUnitCell(cell)).toEqual(expected);
  });

  it("finds the lead and partners in prose", () => {
    expect(unitsInSentence("Giao Sở Thông tin và Truyền thông khẩn trương hoàn thành").leads).toEqual([
      "Sở Thông tin và Truyền thông",
    ]);
    expect(unitsInSentence("Ban hành và tổ chức thực hiện kế hoạch rà soát").leads).toEqual([]);
    const u = unitsInSentence(
      "Văn phòng Sở chủ trì, phối hợp với Trung tâm Công nghệ thông tin tăng cường tuyên truyền",
    );
    expect(u).toMatchObject({ leads: ["Văn phòng Sở"], coordinators: ["Trung tâm Công nghệ thông tin"] });
  });
});

describe("fuzz", () => {
  const seedText = seed("003_384f955878bb2b4b.txt");
  it("never throws on random text, tabs and HTML", () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(
            "a",
            "Sở ",
            "\t",
            "\n",
            "1",
            ".",
            "<td>",
            "</tr>",
            "<table>",
            "I",
            "-",
            "Đ",
            " ",
          ),
          maxLength: 400,
        }),
        (s) => {
          const p = extractPlan(readText(s));
          expect(Array.isArray(p.tasks)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
  it("never throws on truncated real plans", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: seedText.length }),
        fc.integer({ min: 0, max: 3000 }),
        (end, start) => {
          extractPlan(readText(seedText.slice(Math.min(start, end), end)));
        },
      ),
      { numRuns: 40 },
    );
  });
});
