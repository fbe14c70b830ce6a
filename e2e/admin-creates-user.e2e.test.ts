import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { serverAndBrowser } from "./support/suite";

const suite = serverAndBrowser();

async function login(page: Page, username: string, password: string) {
  await page.goto(`${suite.server.url}/`);
  await page.getByTestId("login-username").fill(username);
  await page.getByTestId("login-password").fill(password);
  await page.getByTestId("login-submit").click();
}

describe("golden path: an administrator gives Sở Nội vụ an account", () => {
  it("logs in as admin, finds 'so noi vu', creates a user for Sở Nội vụ, and that user sees only its role's pages", async () => {
    const page = await suite.browser.newPage({ locale: "vi-VN" });
    const username = `nv.${Date.now().toString(36)}`;

    await login(page, "admin", "ChiSo@2026");
    await expect.poll(() => page.getByTestId("logout").isVisible(), { timeout: 20_000 }).toBe(true);

    // Directory: diacritic-free search finds Sở Nội vụ first.
    await page.goto(`${suite.server.url}/directory`);
    await page.getByTestId("unit-search").fill("so noi vu");
    const first = page.getByTestId("unit-search-result").first();
    await expect.poll(() => first.textContent(), { timeout: 20_000 }).toContain("Sở Nội vụ");
    await first.click();
    await expect
      .poll(() => page.getByTestId("unit-detail-name").textContent(), { timeout: 20_000 })
      .toContain("Sở Nội vụ");

    // Users: create an officer of Sở Nội vụ.
    await page.goto(`${suite.server.url}/users`);
    await page.getByTestId("user-create").click();
    await page.getByTestId("user-form-username").fill(username);
    await page.getByTestId("user-form-displayName").fill("Đặng Thị Ngọc Hân");
    await page.getByTestId("user-form-password").fill("mat-khau-ban-dau-1");
    await page.getByTestId("user-form-unit").click();
    await page.keyboard.type("so noi vu");
    const option = page.locator(".ant-select-item-option", { hasText: "Sở Nội vụ" }).first();
    await option.waitFor({ timeout: 20_000 });
    await option.click();
    await page.getByTestId("user-form-submit").click();
    await expect.poll(() => page.getByText(username).count(), { timeout: 20_000 }).toBeGreaterThan(0);

    // The new user signs in, must change the password, and sees no administration pages.
    await page.getByTestId("logout").click();
    await page.getByTestId("login-username").waitFor();
    await page.getByTestId("login-username").fill(username);
    await page.getByTestId("login-password").fill("mat-khau-ban-dau-1");
    await page.getByTestId("login-submit").click();
    await page.getByLabel("Mật khẩu hiện tại").fill("mat-khau-ban-dau-1");
    await page.getByLabel("Mật khẩu mới", { exact: true }).fill("mat-khau-moi-cua-han");
    await page.getByLabel("Nhập lại mật khẩu mới").fill("mat-khau-moi-cua-han");
    await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
    await page.getByLabel("Mật khẩu hiện tại").waitFor({ state: "hidden", timeout: 20_000 });
    await expect.poll(() => page.locator("body").textContent(), { timeout: 20_000 }).toContain("Sở Nội vụ");
    const menu = (await page.locator(".ant-menu").first().textContent()) ?? "";
    expect(menu).not.toContain("Người dùng");
    expect(menu).not.toContain("Nhật ký hệ thống");
    const me = (await page.evaluate(async () => (await fetch("/api/me")).json())) as {
      user: { username: string; mustChangePassword: boolean };
      unit: { name: string };
    };
    expect(me.user.username).toBe(username);
    expect(me.unit.name).toBe("Sở Nội vụ");
    expect(me.user.mustChangePassword).toBe(false);
    const users = await page.evaluate(async () => (await fetch("/api/users")).status);
    expect(users).toBe(403);
  });
});
