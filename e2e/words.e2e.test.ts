/**
 * Words, not codes, on the main screens: the rendered text of each page a coordinator and an
 * administrator open first carries no period key, index or component code, audit identifier or
 * English field name (the patterns of core/src/words/code-patterns.ts).
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { findCodes } from "../core/src/words/code-patterns";
import { loginAs } from "./support/login";
import { serverAndBrowser } from "./support/suite";

const suite = serverAndBrowser();

/** The page's text once its requests have settled (tables and charts filled). */
async function textOf(page: Page, path: string) {
  await page.goto(`${suite.server.url}${path}`);
  await page.waitForLoadState("networkidle");
  await page
    .locator(".ant-spin-spinning")
    .first()
    .waitFor({ state: "detached", timeout: 20_000 })
    .catch(() => {});
  return page.locator("body").innerText();
}

async function expectNoCodes(page: Page, paths: string[]) {
  for (const path of paths) {
    const text = await textOf(page, path);
    expect(text.length, path).toBeGreaterThan(50);
    expect(findCodes(text), path).toEqual([]);
  }
}

describe("main screens in words", () => {
  it("show a coordinator no internal code", async () => {
    const page = await loginAs({ browser: suite.browser, url: suite.server.url, username: "dieuphoi" });
    const { plans } = (await page.evaluate(() => fetch("/api/plans?pageSize=5").then((r) => r.json()))) as {
      plans: Array<{ id: string }>;
    };
    expect(plans.length).toBeGreaterThan(0);
    const plan = plans[0]?.id as string;
    await expectNoCodes(page, [
      "/",
      "/indices",
      "/indices/targets",
      "/plans",
      `/plans/${plan}`,
      `/plans/${plan}?tab=targets`,
      "/plans/tasks",
      "/plans/coverage",
      "/reports",
      "/reports/dashboard",
    ]);
  });

  it("show an administrator the audit log in words", async () => {
    const page = await loginAs({ browser: suite.browser, url: suite.server.url, username: "admin" });
    await expectNoCodes(page, ["/audit", "/users", "/directory"]);
  });
});
