/**
 * The province's own index (DDCI): the coordinator finds it under "Chỉ số", opens the default draft
 * (no internal code on the screen), sees the weight rule break and mend while editing, saves it and
 * publishes it; a published version offers only a revision; then a commune's result is entered.
 */
import { describe, expect, it } from "vitest";
import { findCodes } from "../core/src/words/code-patterns";
import { loginAs } from "./support/login";
import { serverAndBrowser } from "./support/suite";

const suite = serverAndBrowser();

describe("a province's own index", () => {
  it("is drafted, checked and published by the coordinator", async () => {
    const page = await loginAs({ browser: suite.browser, url: suite.server.url, username: "dieuphoi" });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${suite.server.url}/indices`);
    await page.getByRole("tab", { name: "Chỉ số của tỉnh (DDCI)" }).click();
    await page.waitForURL((u) => u.pathname === "/indices/custom");
    await page.getByTestId("custom-indices").waitFor();
    await page.getByText("Bản nháp", { exact: true }).first().waitFor({ timeout: 20_000 });
    await page.getByText("Cải cách một cửa").first().waitFor();
    expect(findCodes(await page.locator("body").innerText())).toEqual([]);

    await page.getByTestId("custom-edit").first().click();
    const drawer = page.locator(".ant-drawer-open");
    await drawer.getByText("Sửa bản nháp DDCI").waitFor();
    expect(await page.getByTestId("weight-problems").count()).toBe(0);
    // Removing "An ninh trật tự" leaves the communes' weights at 90: the rule says so at once.
    const row = drawer.locator("tr", { hasText: "An ninh trật tự" });
    await row.getByRole("button", { name: /xóa|delete/i }).click();
    await page.getByTestId("weight-problems").getByText("cộng lại 90, phải bằng 100").waitFor();
    await drawer
      .getByRole("button", { name: /hủy|cancel/i })
      .first()
      .click();

    await page.getByTestId("custom-edit").first().click();
    await page.getByTestId("version-save").click();
    await page.locator(".ant-modal-confirm-title:visible", { hasText: "Đã lưu bản nháp" }).waitFor();
    await page.locator(".ant-modal-confirm:visible .ant-btn-primary").click();

    await page.getByTestId("custom-publish").first().click();
    await page.locator(".ant-modal-confirm").getByRole("button", { name: "Công bố" }).click();
    await page.getByText(/Đã công bố \d{2}\/\d{2}\/\d{4}/).waitFor({ timeout: 20_000 });
    expect(await page.getByTestId("custom-edit").count()).toBe(0);
    expect(await page.getByTestId("custom-revise").count()).toBe(1);

    // With a published version, a commune's result is entered and listed.
    await page.getByTestId("unit-result-add").click();
    const form = page.locator(".ant-modal:visible");
    await form.getByTestId("unit-result-unit").click();
    await page.keyboard.type("quy nhon nam");
    await page.locator(".ant-select-item-option", { hasText: "Quy Nhơn Nam" }).first().click();
    await form.getByLabel("Cải cách một cửa").fill("7,5");
    await form.getByRole("button", { name: "Lưu" }).click();
    await page.getByText("Đã lưu kết quả").waitFor();
    await page.locator("tr", { hasText: "Quy Nhơn Nam" }).getByText("Xã, phường").waitFor();
    expect(errors).toEqual([]);
  });
});
