import { describe, expect, it } from "vitest";
import { loginAs } from "./support/login";
import { serverAndBrowser } from "./support/suite";

const suite = serverAndBrowser();
const PHONE = { width: 390, height: 844 };
const SCREENS = [
  "/",
  "/reports",
  "/reports/dashboard",
  "/plans",
  "/plans/my-tasks",
  "/plans/tasks",
  "/indices",
  "/directory",
];

/**
 * A commune officer and a coordinator on a 390 px phone: no main screen scrolls sideways (a table
 * wider than the screen scrolls in its own box), and the menu opens from the header's button.
 */
describe("on a phone", () => {
  for (const username of ["canbo", "dieuphoi"])
    it(`${username}: every main screen fits 390 px, and the menu is a drawer`, async () => {
      const page = await loginAs({
        browser: suite.browser,
        url: suite.server.url,
        username,
        viewport: PHONE,
      });
      const widths: Record<string, number> = {};
      for (const path of SCREENS) {
        await page.goto(`${suite.server.url}${path}`);
        await page.locator("#main-content").waitFor();
        await page.waitForLoadState("networkidle");
        widths[path] = Number(await page.evaluate("document.documentElement.scrollWidth"));
      }
      expect(widths).toEqual(Object.fromEntries(SCREENS.map((p) => [p, PHONE.width])));
      // Lists a person opens every week are cards on a phone, not squeezed tables.
      await page.goto(`${suite.server.url}/reports`);
      await page.locator(".responsive-table-cards .ant-card").first().waitFor({ timeout: 20_000 });
      expect(await page.locator("[data-testid=reports-table].ant-table-wrapper, .ant-table").count()).toBe(0);
      // "My tasks" too, with a check box per card to choose tasks for a child plan.
      await page.goto(`${suite.server.url}/plans/my-tasks`);
      const card = page.locator(".responsive-table-cards .ant-card").first();
      await card.waitFor({ timeout: 20_000 });
      expect(await page.locator(".ant-table").count()).toBe(0);
      if (username === "canbo") {
        await card.getByTestId("card-select").click();
        await expect
          .poll(() => page.getByTestId("my-tasks-child-plan").textContent(), { timeout: 10_000 })
          .toContain("1");
      }
      await page.goto(`${suite.server.url}/`);
      await page.getByTestId("menu-button").click();
      await page.locator(".ant-drawer").getByRole("link", { name: "Báo cáo", exact: true }).click();
      await page.waitForURL((u) => u.pathname === "/reports");
      await page.context().close();
    }, 120_000);
});
