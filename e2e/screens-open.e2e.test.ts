import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { loginAs } from "./support/login";
import { serverAndBrowser } from "./support/suite";

const suite = serverAndBrowser();

/** Records every API answer of 400 or more while the page lives. */
function failedRequests(page: Page) {
  const failed: string[] = [];
  page.on("response", (r) => {
    if (r.url().includes("/api/") && r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  page.on("requestfailed", (r) => {
    if (r.url().includes("/api/")) failed.push(`failed ${r.url()}`);
  });
  return failed;
}

/** Opens a screen with nothing chosen and waits until its requests are done. */
async function open(page: Page, url: string) {
  await page.goto(url);
  await page.waitForLoadState("networkidle");
  await page
    .locator(".ant-skeleton")
    .first()
    .waitFor({ state: "detached", timeout: 20_000 })
    .catch(() => {});
}

describe("screens open right for the coordinator on the demo", () => {
  it("the analysis screens, the ranking and the dashboard open without an error or a failed request", async () => {
    const page = await loginAs({ browser: suite.browser, url: suite.server.url, username: "dieuphoi" });
    const failed = failedRequests(page);
    for (const path of ["/indices", "/indices/components", "/indices/what-if", "/indices/heatmap"]) {
      await open(page, `${suite.server.url}${path}`);
      expect(await page.locator(".ant-alert-error").count(), path).toBe(0);
      // Either the province's latest result or the calm "no result" card, never nothing.
      if (path !== "/indices")
        await page
          .locator("[data-testid=indices-no-results], .ant-card")
          .first()
          .waitFor({ timeout: 20_000 });
    }

    await open(page, `${suite.server.url}/indices/ranking`);
    await page.getByTestId("ranking").waitFor({ timeout: 20_000 });
    expect(await page.getByTestId("ranking-count").textContent()).toMatch(
      /\d+ tỉnh, thành phố · hạng trên tổng số \d+/,
    );
    expect(await page.locator(".ant-alert-error").count()).toBe(0);

    // The dashboard opens on the current period when there is one, and the address keeps it.
    const periods = (await page.evaluate(() => fetch("/api/reports/periods").then((r) => r.json()))) as {
      current: { periodKey: string } | null;
    };
    await open(page, `${suite.server.url}/reports/dashboard`);
    if (periods.current) {
      await page.waitForURL((u) => u.searchParams.get("periodKey") === periods.current?.periodKey);
      await page.getByTestId("dashboard-period").waitFor();
    } else {
      await page.getByText("Chưa có kỳ báo cáo nào").waitFor({ timeout: 20_000 });
    }
    expect(await page.locator(".ant-alert-error").count()).toBe(0);
    expect(failed).toEqual([]);
  });
});
