import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  type VerticalMergeType,
} from "docx";
import { describe, expect, it } from "vitest";
import { loginAs } from "./support/login";
import { pickOption } from "./support/select";
import { serverAndBrowser } from "./support/suite";

const suite = serverAndBrowser();

describe("golden path: a province plan reaches a commune", () => {
  it("a coordinator creates a plan with two tasks, one for the group of communes, issues it, and a commune sees its task", async () => {
    const page = await loginAs({ browser: suite.browser, url: suite.server.url, username: "dieuphoi" });
    await page.goto(`${suite.server.url}/plans`);
    await page.getByTestId("plan-create").click();
    await page.getByTestId("plan-form-title").fill("Kế hoạch thử nghiệm nâng cao Chỉ số PAPI năm 2026");
    await page.getByTestId("plan-form-submit").click();
    await page.waitForURL(/\/plans\/[0-9a-f-]{36}/, { timeout: 20_000 });

    await page.getByTestId("task-add").click();
    await page.getByTestId("task-add").click();
    const contents = page.getByTestId("task-content");
    await contents.nth(0).click();
    await page.getByTestId("task-content-input").fill("Tổ chức tập huấn tiếp công dân cho cán bộ cấp xã");
    await page.getByTestId("task-content-input").press("Control+Enter");
    await contents.nth(1).click();
    await page.getByTestId("task-content-input").fill("Công khai thủ tục hành chính trên cổng thông tin");
    await page.getByTestId("task-content-input").press("Control+Enter");

    await page.getByTestId("lead-select-cell").nth(0).click();
    await page.getByTestId("lead-select").locator("input").fill("xã, phường");
    await pickOption(page, "UBND các xã, phường");
    await page.locator("h3").first().click();
    await page.getByTestId("lead-select-cell").nth(1).click();
    await page.getByTestId("lead-select").locator("input").fill("so noi vu");
    await pickOption(page, "Sở Nội vụ");
    await page.locator("h3").first().click();

    const deadlines = page.getByTestId("task-deadline");
    await deadlines.nth(0).click();
    await page.getByTestId("task-deadline-input").fill("Trước ngày 30/12/2026");
    await page.getByTestId("task-deadline-input").press("Enter");
    await deadlines.nth(1).click();
    await page.getByTestId("task-deadline-input").fill("Thường xuyên");
    await page.getByTestId("task-deadline-input").press("Enter");
    await page.getByTestId("task-save").click();
    await expect
      .poll(() => page.getByText("Thường xuyên trong năm").count(), { timeout: 20_000 })
      .toBeGreaterThan(0);

    await page.getByTestId("plan-issue").click();
    await page.getByTestId("plan-issue-number").fill("901/KH-UBND");
    await page.getByTestId("plan-issue-confirm").click();
    await page.getByTestId("plan-status").filter({ hasText: "Đã ban hành" }).waitFor({ timeout: 30_000 });
    await page.context().close();

    const commune = await loginAs({ browser: suite.browser, url: suite.server.url, username: "canbo" });
    await commune.goto(`${suite.server.url}/plans/my-tasks?q=tap huan tiep cong dan`);
    await commune.getByTestId("my-tasks-table").waitFor();
    await expect
      .poll(() => commune.getByTestId("my-tasks-table").innerText(), { timeout: 20_000 })
      .toContain("Tổ chức tập huấn tiếp công dân cho cán bộ cấp xã");
    await commune.context().close();
  });
});

/** A small Word plan in the layout of seed 003's Appendix 2: a lead merged over two rows, one unknown agency. */
async function buildPlanDocx(): Promise<string> {
  const cell = (text: string, merge?: (typeof VerticalMergeType)[keyof typeof VerticalMergeType]) =>
    new TableCell({ children: [new Paragraph(text)], verticalMerge: merge });
  const header = new TableRow({
    tableHeader: true,
    children: ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"].map((t) =>
      cell(t),
    ),
  });
  const rows = [
    [
      "1",
      "Rà soát, đơn giản hóa thủ tục hành chính liên quan đến doanh nghiệp",
      "Sở Tư pháp",
      "Các sở, ban, ngành",
      "Quý III/2026",
    ],
    [
      "2",
      "Công khai quy hoạch sử dụng đất trên cổng thông tin điện tử",
      "Sở Xúc tiến Thương mại Liên tỉnh",
      "UBND các xã, phường",
      "Trước ngày 15/12/2026",
    ],
    [
      "3",
      "Tổ chức đối thoại định kỳ với doanh nghiệp",
      "Sở Tài chính",
      "Hiệp hội Doanh nghiệp tỉnh",
      "Thường xuyên",
    ],
  ].map((r) => new TableRow({ children: r.map((t) => cell(t)) }));
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun({ text: "ỦY BAN NHÂN DÂN TỈNH GIA LAI", bold: true })] }),
          new Paragraph("Số: 777/KH-UBND"),
          new Paragraph({ alignment: AlignmentType.RIGHT, text: "Gia Lai, ngày 10 tháng 3 năm 2026" }),
          new Paragraph({ children: [new TextRun({ text: "KẾ HOẠCH", bold: true })] }),
          new Paragraph("Cải thiện Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) năm 2026"),
          new Paragraph("I. NHIỆM VỤ, GIẢI PHÁP"),
          new Table({ rows: [header, ...rows] }),
        ],
      },
    ],
  });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "chiso-e2e-docx-")), "ke-hoach-777.docx");
  fs.writeFileSync(file, await Packer.toBuffer(doc));
  return file;
}

describe("golden path: a plan document becomes a draft plan", () => {
  it("uploads a .docx, fixes the flagged lead, creates the draft and sees its tasks with their units", async () => {
    const file = await buildPlanDocx();
    const page = await loginAs({ browser: suite.browser, url: suite.server.url, username: "dieuphoi" });
    await page.goto(`${suite.server.url}/plans/import`);
    await page.locator("input[type=file]").first().setInputFiles(file);
    await page.getByTestId("plan-import-extract").click();
    await page.getByTestId("plan-import-tasks").waitFor({ timeout: 60_000 });
    await expect.poll(() => page.locator("body").innerText(), { timeout: 20_000 }).toContain("777/KH-UBND");

    // The unknown agency is flagged: replace it with Sở Công Thương.
    const row = page
      .getByTestId("plan-import-tasks")
      .locator("tr", { hasText: "Công khai quy hoạch sử dụng đất" });
    const flagged = row.getByTestId("lead-select");
    await flagged
      .locator(".ant-select-selection-item", { hasText: "Sở Xúc tiến" })
      .locator(".ant-select-selection-item-remove")
      .click();
    await flagged.click();
    await flagged.locator("input").fill("so cong thuong");
    await pickOption(page, "Sở Công Thương");

    await page.getByTestId("plan-import-create-draft").click();
    await page.waitForURL(/\/plans\/[0-9a-f-]{36}/, { timeout: 60_000 });
    await page.getByTestId("task-grid").waitFor({ timeout: 20_000 });
    const grid = () => page.getByTestId("task-grid").innerText();
    await expect.poll(grid, { timeout: 20_000 }).toContain("Rà soát, đơn giản hóa thủ tục hành chính");
    const text = await grid();
    expect(text).toContain("Sở Tư pháp");
    expect(text).toContain("Sở Công Thương");
    expect(text).toContain("Sở Tài chính");
    expect(text).not.toContain("Sở Xúc tiến Thương mại Liên tỉnh");

    // Re-importing the same document into that draft replaces its content, keeping the plan.
    const draftUrl = page.url().split("?")[0];
    await page.goto(`${suite.server.url}/plans/import`);
    await page.locator("input[type=file]").first().setInputFiles(file);
    await page.getByTestId("plan-import-extract").click();
    await page.getByTestId("plan-import-tasks").waitFor({ timeout: 60_000 });
    await page.getByTestId("plan-import-replace-draft").click();
    await pickOption(page, "777/KH-UBND");
    await page.getByTestId("plan-import-create-draft").click();
    await page.waitForURL((u) => u.toString().startsWith(draftUrl), { timeout: 60_000 });
    await page.getByTestId("task-grid").waitFor({ timeout: 20_000 });
    await expect
      .poll(async () => (await grid()).split("Rà soát, đơn giản hóa thủ tục hành chính").length - 1, {
        timeout: 20_000,
      })
      .toBe(1);
    await page.context().close();
  });
});
