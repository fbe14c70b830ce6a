import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { extractPlan, readText } from ".";
import { legalBasesIn } from "./legal-bases";
import { targetInSentence } from "./sentence-targets";
import { asCellPerLine, asColumns, asWordTables } from "./text-shapes.fixture";

const seed = (name: string) =>
  fs.readFileSync(new URL(`../../test/fixtures/plans/${name}`, import.meta.url), "utf8");

describe("words next to Vietnamese letters (no \\b after 'ứ')", () => {
  it("a JavaScript \\b never matches after a Vietnamese letter: the reason for the lookarounds", () => {
    expect(/^căn cứ\b/iu.test("Căn cứ Luật")).toBe(false);
    expect(/^căn cứ(?![\p{L}\p{N}])/iu.test("Căn cứ Luật")).toBe(true);
    expect(/^căn cứ(?![\p{L}\p{N}])/iu.test("Căn cứu")).toBe(false);
  });

  it("reads a Decree 30 preamble of 'Căn cứ' lines: every act with kind, number, date and issuer", () => {
    const text = [
      "ỦY BAN NHÂN DÂN",
      "TỈNH BÌNH ĐỊNH",
      "",
      "Số: 12/KH-UBND",
      "",
      "Bình Định, ngày 15 tháng 01 năm 2024",
      "",
      "KẾ HOẠCH",
      "Cải thiện Chỉ số PCI năm 2024",
      "",
      "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều",
      "của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;",
      "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách",
      "hành chính nhà nước giai đoạn 2021 - 2030;",
      "Căn cứ Quyết định số 1035/QĐ-UBND ngày 20/4/2023 của Chủ tịch UBND tỉnh về việc ban hành Kế hoạch",
      "cải cách hành chính;",
      "Theo đề nghị của Giám đốc Sở Kế hoạch và Đầu tư,",
      "",
      "I. MỤC TIÊU",
      "1. Chỉ số PCI năm 2024 đạt trên 68 điểm.",
    ].join("\n");
    const p = extractPlan(readText(text));
    expect(p.legalBases.map(({ kind, number, date, issuer }) => ({ kind, number, date, issuer }))).toEqual([
      { kind: "Luật", number: null, date: "2015-06-19", issuer: null },
      { kind: "Luật", number: null, date: "2019-11-22", issuer: null },
      { kind: "Nghị quyết", number: "76/NQ-CP", date: "2021-07-15", issuer: "Chính phủ" },
      { kind: "Quyết định", number: "1035/QĐ-UBND", date: "2023-04-20", issuer: "Chủ tịch UBND tỉnh" },
    ]);
    expect(p.legalBases[0].text).toBe("Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015");
  });

  it("'đề nghị' is a word: a partner requested in a lead cell is marked requested", () => {
    const text = [
      "STT\tNhiệm vụ\tChủ trì\tThời hạn",
      "1\tGiám sát việc thực hiện thủ tục hành chính\tĐề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh\tThường xuyên",
    ].join("\n");
    const p = extractPlan(readText(text));
    expect(p.tasks[0].leads[0]?.requested).toBe(true);
  });
});

describe("legal bases of the real plans (counted by hand)", () => {
  // 000: "Thực hiện Chỉ thị số 11-CT/TU …; Nghị quyết số 15-NQ/TU …" (2 acts).
  // 002: "Thực hiện Kế hoạch số 211/KH-UBND ngày 26/8/2022 của Chủ tịch UBND tỉnh" (1 act).
  // 003: the preamble states the situation and cites no act (0); acts named inside task cells are no bases.
  it("plan 497/KH-UBND: 2 acts with their parts", () => {
    const p = extractPlan(readText(seed("000_8eb717131d25ad55.txt")));
    expect(p.legalBases.map(({ kind, number, date, issuer }) => ({ kind, number, date, issuer }))).toEqual([
      { kind: "Chỉ thị", number: "11-CT/TU", date: "2021-09-07", issuer: "Tỉnh ủy" },
      { kind: "Nghị quyết", number: "15-NQ/TU", date: "2023-12-04", issuer: "Tỉnh ủy" },
    ]);
  });
  it("the department plan: 1 act; plan 107/KH-UBND: none", () => {
    const p2 = extractPlan(readText(seed("002_9e4b111d625ef708.txt"), "markdown"));
    expect(p2.legalBases).toHaveLength(1);
    expect(p2.legalBases[0]).toMatchObject({
      kind: "Kế hoạch",
      number: "211/KH-UBND",
      issuer: "Chủ tịch UBND tỉnh",
    });
    expect(extractPlan(readText(seed("003_384f955878bb2b4b.txt"))).legalBases).toHaveLength(0);
  });
  it("splits a list of acts and keeps a piece naming none with the act before it", () => {
    const b = legalBasesIn(
      "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư, Thông tư số 01/2011/TT-BNV ngày 19 tháng 01 năm 2011 của Bộ Nội vụ; và các văn bản hướng dẫn",
      "dòng 1",
    );
    expect(b.map((x) => [x.kind, x.number, x.date, x.issuer])).toEqual([
      ["Nghị định", "30/2020/NĐ-CP", "2020-03-05", "Chính phủ"],
      ["Thông tư", "01/2011/TT-BNV", "2011-01-19", "Bộ Nội vụ"],
    ]);
  });
});

describe("targets written in sentences", () => {
  it("plan 497/KH-UBND: three 'tăng 10 bậc' and one 'nằm trong nhóm 10 …', each on its index", () => {
    const p = extractPlan(readText(seed("000_8eb717131d25ad55.txt")));
    expect(p.targets.map((t) => [t.resolved, t.target?.rankChange ?? null, t.target?.group ?? null])).toEqual(
      [
        ["PAR_INDEX", 10, null],
        ["SIPAS", 10, null],
        ["PAPI", null, "10 tỉnh, thành phố đứng đầu"],
        ["PCI", 10, null],
      ],
    );
    expect(p.targets[2].target?.groupSize).toBe(10);
  });

  it("plan 107/KH-UBND: score, rank range, percentages, groups and the regional rank", () => {
    const p = extractPlan(readText(seed("003_384f955878bb2b4b.txt")));
    const sentences = p.targets.filter((t) => t.flags.some((f) => f.startsWith("Chỉ tiêu viết thành câu")));
    expect(sentences.map((t) => t.resolved)).toEqual(["PCI", "PAPI", "SIPAS", "PAR_INDEX"]);
    expect(sentences[0].target).toMatchObject({
      value: 68.5,
      unit: "điểm",
      atLeast: true,
      rank: 10,
      rankTo: 15,
      rankOf: 63,
      regionalRank: 3,
      regionalOf: 14,
    });
    expect(sentences[1].target).toMatchObject({
      rank: 20,
      rankOf: 63,
      group: "các tỉnh, thành phố Trung bình cao trở lên",
      regionalRank: 5,
    });
    expect(sentences[2].target).toMatchObject({
      value: 85,
      unit: "%",
      atLeast: true,
      group: "20/63 địa phương dẫn đầu cả nước",
      regionalRank: 5,
    });
    expect(sentences[3].target).toMatchObject({
      value: 87,
      unit: "%",
      group: "25 địa phương dẫn đầu cả nước",
    });
  });

  it("the department plan states no figure: no target invented from a document number", () => {
    expect(extractPlan(readText(seed("002_9e4b111d625ef708.txt"), "markdown")).targets).toHaveLength(0);
  });

  it("links a sentence to the component it names", () => {
    const t = targetInSentence(
      "Phấn đấu Chỉ số thành phần Tiếp cận đất đai của Chỉ số PCI đạt trên 7,5 điểm.",
      "dòng 1",
      null,
    );
    expect(t).toMatchObject({ resolved: "PCI:LAND", target: { value: 7.5, unit: "điểm", atLeast: true } });
    expect(targetInSentence("Chỉ số PCI đạt 85%", "dòng 1", null)?.target).toMatchObject({
      value: 85,
      atLeast: false,
    });
  });
});

describe("legal bases and sentence targets survive the text shapes", () => {
  it("plan 497 hard-wrapped at 90 columns and plan 107 in one-cell-per-line form", () => {
    const wrapped = extractPlan(readText(asColumns(readText(seed("000_8eb717131d25ad55.txt")))));
    expect(wrapped.legalBases).toHaveLength(2);
    expect(wrapped.targets).toHaveLength(4);
    const cells = extractPlan(
      readText(asCellPerLine(asWordTables(readText(seed("003_384f955878bb2b4b.txt"))))),
    );
    expect(cells.targets.filter((t) => t.flags.some((f) => f.startsWith("Chỉ tiêu viết")))).toHaveLength(4);
  });
});
