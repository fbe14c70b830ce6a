import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { extractPlan, readText } from ".";
import { createUnitResolver } from "./units";
import { TEST_DIRECTORY } from "./units.fixture";

const resolver = createUnitResolver(TEST_DIRECTORY);
const seed = (name: string) =>
  fs.readFileSync(new URL(`../../test/fixtures/plans/${name}`, import.meta.url), "utf8");

describe("the plan's reporting rule", () => {
  it("seed 000 (497/KH-UBND, III.1): quarterly, to the province's People's Committee through two departments", () => {
    const p = extractPlan(readText(seed("000_8eb717131d25ad55.txt")), { resolver });
    expect(p.reporting).toHaveLength(1);
    expect(p.reporting[0]).toMatchObject({
      frequency: "quarterly",
      frequencies: ["quarterly"],
      dueRule: null,
    });
    expect(p.reporting[0].receivers.map((r) => [r.text, r.unit])).toEqual([["UBND tỉnh", "Tỉnh Gia Lai"]]);
    expect(p.reporting[0].via.map((r) => [r.text, r.unit])).toEqual([
      ["Sở Nội vụ", "Sở Nội vụ"],
      ["Sở Kế hoạch và Đầu tư", "Sở Tài chính"],
    ]);
  });

  it("seed 003 (107/KH-UBND, IV.1.b): quarterly, 6-monthly and yearly, due the 15th of the period's last month; not a task", () => {
    const p = extractPlan(readText(seed("003_384f955878bb2b4b.txt")), { resolver });
    expect(p.reporting[0]).toMatchObject({
      frequency: "quarterly",
      frequencies: ["quarterly", "halfYearly", "yearly"],
      dueRule: "trước ngày 15 của tháng cuối kỳ báo cáo",
      dueDay: 15,
    });
    expect(p.reporting[0].receivers.map((r) => r.text)).toEqual(["UBND tỉnh"]);
    expect(p.reporting[0].via.map((r) => r.text)).toEqual(["Sở Nội vụ"]);
    expect(p.tasks.some((t) => t.content.startsWith("Định kỳ hằng quý, 06 tháng, năm"))).toBe(false);
  });

  it("seed 002: “theo quy định” is not a quarterly rhythm", () => {
    const p = extractPlan(readText(seed("002_9e4b111d625ef708.txt"), "markdown"));
    expect(p.reporting.map((r) => r.frequencies)).toEqual([["halfYearly", "yearly"]]);
  });

  const crafted = (lines: string[]) => extractPlan(readText(lines.join("\n\n")), { resolver });

  it("reads a receiver written with “gửi” and a due rule in the quarter's last month", () => {
    const p = crafted([
      "I. MỤC ĐÍCH",
      "Cải thiện chỉ số.",
      "II. NHIỆM VỤ",
      "1. Sở Tư pháp rà soát thủ tục hành chính trong lĩnh vực tư pháp.",
      "III. CHẾ ĐỘ BÁO CÁO",
      "Định kỳ hằng quý, các cơ quan, đơn vị báo cáo kết quả gửi Sở Nội vụ và Sở Tài chính trước ngày 15 của tháng cuối quý để tổng hợp.",
    ]);
    expect(p.reporting).toHaveLength(1);
    expect(p.reporting[0]).toMatchObject({
      frequency: "quarterly",
      dueRule: "trước ngày 15 của tháng cuối quý để tổng hợp",
      dueDay: 15,
    });
    expect(p.reporting[0].receivers.map((r) => r.unit)).toEqual(["Sở Nội vụ", "Sở Tài chính"]);
    expect(p.reporting[0].flags).toEqual([]);
  });

  it("a sentence about reports inside a task is the task's, not the plan's rule", () => {
    const p = crafted([
      "I. MỤC ĐÍCH",
      "Cải thiện chỉ số.",
      "II. NHIỆM VỤ, GIẢI PHÁP",
      "1. Sở Tư pháp rà soát thủ tục hành chính; định kỳ hằng tháng báo cáo kết quả gửi Sở Nội vụ.",
      "STT\tNhiệm vụ\tChủ trì\tThời hạn",
      "1\tĐối thoại với doanh nghiệp\tSở Công Thương\tBáo cáo kết quả hằng tháng",
      "III. TỔ CHỨC THỰC HIỆN",
      "1. Sở Nội vụ",
      "a) Định kỳ 6 tháng, hằng năm báo cáo UBND tỉnh kết quả thực hiện Kế hoạch.",
    ]);
    expect(p.reporting.map((r) => r.frequencies)).toEqual([["halfYearly", "yearly"]]);
    expect(p.reporting[0].receivers.map((r) => r.text)).toEqual(["UBND tỉnh"]);
    // The task keeps its own reporting words; the implementation item is not a task.
    expect(p.tasks.map((t) => t.content)).toEqual([
      "Sở Tư pháp rà soát thủ tục hành chính; định kỳ hằng tháng báo cáo kết quả gửi Sở Nội vụ.",
      "Đối thoại với doanh nghiệp",
    ]);
  });

  it("flags a rule without a receiver or a rhythm instead of guessing", () => {
    const p = crafted([
      "I. TỔ CHỨC THỰC HIỆN",
      "Các đơn vị định kỳ tổng hợp, báo cáo đột xuất khi có yêu cầu.",
    ]);
    expect(p.reporting[0].frequency).toBe("adHoc");
    expect(p.reporting[0].flags.join(" ")).toMatch(/Không rõ báo cáo gửi cơ quan nào/);
  });
});
