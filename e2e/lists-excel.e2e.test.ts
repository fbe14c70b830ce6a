/**
 * Excel and Word as officials make them, from the screens: the consolidated report edited in its
 * dialog before download, a list's "Xuất Excel" with the filters on screen, and users imported
 * from a workbook with their temporary passwords shown once.
 */
import fs from "node:fs";
import ExcelJS from "exceljs";
import type { Download } from "playwright-core";
import { describe, expect, it } from "vitest";
import { docxText } from "../server/test/document-text";
import { loginAs } from "./support/login";
import { serverAndBrowser } from "./support/suite";

const suite = serverAndBrowser();

const bytesOf = async (download: Download) => fs.readFileSync((await download.path()) as string);

describe("exports and imports from the screens", () => {
  it("the coordinator edits the consolidated report before download; the Word file says it", async () => {
    const page = await loginAs({ browser: suite.browser, url: suite.server.url, username: "dieuphoi" });
    await page.goto(`${suite.server.url}/reports/dashboard`);
    await page.getByTestId("export-docx").click();
    // Prefilled from the server's draft.
    const recipient = page.getByTestId("export-recipient");
    await expect.poll(() => recipient.inputValue(), { timeout: 20_000 }).not.toBe("");
    expect(await page.getByTestId("export-copies").inputValue()).toContain("Lưu: VT.");
    await recipient.fill("Ban Chỉ đạo cải cách hành chính tỉnh");
    await page.getByTestId("export-section-tasks").fill("Đoạn mở đầu do điều phối viên viết.");
    await page.getByTestId("export-copies").fill("Ban Chỉ đạo cải cách hành chính tỉnh\nLưu: VT, CCHC");
    await page.getByTestId("export-signer-name").fill("Trần Thị Bình");
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 30_000 }),
      page.getByTestId("export-docx-confirm").click(),
    ]);
    const text = await docxText(await bytesOf(download));
    for (const t of [
      "Kính gửi: Ban Chỉ đạo cải cách hành chính tỉnh.",
      "Đoạn mở đầu do điều phối viên viết.",
      "- Lưu: VT, CCHC.",
      "Trần Thị Bình",
    ])
      expect(text).toContain(t);
  });

  it("the report list's 'Xuất Excel' sends every report the filters match", async () => {
    const page = await loginAs({ browser: suite.browser, url: suite.server.url, username: "dieuphoi" });
    await page.goto(`${suite.server.url}/reports?state=submitted`);
    const button = page.getByTestId("reports-export-xlsx");
    await button.waitFor({ timeout: 20_000 });
    expect(await button.getAttribute("href")).toContain("state=submitted");
    const total = (await page.evaluate(() =>
      fetch("/api/reports?state=submitted&pageSize=1").then((r) => r.json()),
    )) as { total: number };
    const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await bytesOf(download)) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet.rowCount - 2).toBe(total.total);
    for (let n = 3; n <= sheet.rowCount; n++) expect(sheet.getRow(n).getCell(7).value).toBe("Đã gửi");
  });

  it("the administrator imports users from a workbook and sees their temporary passwords once", async () => {
    const page = await loginAs({ browser: suite.browser, url: suite.server.url, username: "admin" });
    await page.goto(`${suite.server.url}/users`);
    await page.getByTestId("users-import-open").click();
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet("DS");
    sheet.addRow(["Tên đăng nhập", "Họ và tên", "Đơn vị", "Vai trò"]);
    const username = `e2e.${Date.now().toString(36)}`;
    sheet.addRow([username, "Hồ Thị Nhập", "Sở Nội vụ", "Cán bộ thực hiện"]);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    // The dialog's file input (antd keeps it hidden inside the drop zone).
    await page
      .locator(".ant-modal input[type=file]")
      .setInputFiles({ name: "nguoi-dung.xlsx", mimeType: "application/octet-stream", buffer: file });
    await expect.poll(() => page.getByText("Hồ Thị Nhập").count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.getByTestId("users-import-commit").click();
    const passwords = page.getByTestId("users-import-passwords");
    await passwords.waitFor({ timeout: 20_000 });
    expect(await passwords.textContent()).toContain(username);
  });
});
