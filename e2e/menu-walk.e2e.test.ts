/**
 * Every menu entry, as every demo role: each entry of the side menu, then each tab of the section it
 * opens, clicked as a person would. None may show an error, fail a request, throw in the page or
 * show an internal code. The entries are read from the screen, so a new menu entry or tab is walked
 * without touching this test.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { findCodes } from "../core/src/words/code-patterns";
import { loginAs } from "./support/login";
import { serverAndBrowser } from "./support/suite";

const suite = serverAndBrowser();

const ROLES = ["admin", "dieuphoi", "canbo", "lanhdao", "xem"] as const;

/** Every problem a person could see or the page could hide: API answers ≥ 400, failed requests, page errors. */
function watchProblems(page: Page) {
  const problems: string[] = [];
  page.on("response", (r) => {
    if (r.url().includes("/api/") && r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
  });
  page.on("requestfailed", (r) => {
    if (r.url().includes("/api/")) problems.push(`failed ${r.url()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  return problems;
}

/** Waits until the screen's requests are done and its spinners and skeletons are gone. */
async function settle(page: Page) {
  await page.waitForLoadState("networkidle");
  for (const busy of [".ant-spin-spinning", ".ant-skeleton"])
    await page
      .locator(busy)
      .first()
      .waitFor({ state: "detached", timeout: 20_000 })
      .catch(() => {});
}

/** What is wrong on the screen now: an error alert, the error boundary's card, or an internal code. */
async function screenFaults(page: Page, where: string) {
  const faults: string[] = [];
  const errors = await page.locator(".ant-alert-error, .ant-result-error, .ant-result-500").allInnerTexts();
  for (const e of errors) faults.push(`${where}: ${e.replace(/\s+/g, " ").slice(0, 160)}`);
  const codes = findCodes(await page.locator("main, .ant-layout-content").first().innerText());
  if (codes.length) faults.push(`${where}: codes ${codes.map((c) => `${c.name} "${c.match}"`).join(", ")}`);
  return faults;
}

async function walk(username: string) {
  const page = await loginAs({ browser: suite.browser, url: suite.server.url, username });
  const problems = watchProblems(page);
  const faults: string[] = [];
  await page.locator(".ant-layout-sider .ant-menu-item").first().waitFor({ timeout: 30_000 });
  await settle(page);
  const entries = await page
    .locator(".ant-layout-sider .ant-menu-item a")
    .evaluateAll((links) =>
      links.map((a) => ({ name: (a.textContent ?? "").trim(), href: a.getAttribute("href") ?? "/" })),
    );
  expect(entries.length, username).toBeGreaterThanOrEqual(4);
  let screens = 0;
  for (const { name: entry, href } of entries) {
    // The last screen's tab bar: the router keeps the last screen up while the next one's code loads,
    // and its tabs must not be read as the next screen's.
    const lastTabs = await page
      .locator(".ant-layout-content .ant-tabs")
      .first()
      .elementHandle({ timeout: 100 })
      .catch(() => null);
    await page.locator(`.ant-layout-sider .ant-menu-item a[href="${href}"]`).click();
    // The screen is read once the address is the entry's, never while the last one still shows.
    await page.waitForURL((u) => (href === "/" ? u.pathname === "/" : u.pathname.startsWith(href)));
    if (lastTabs)
      await page.waitForFunction((el) => !el.isConnected, lastTabs, { timeout: 60_000 }).catch(() => {});
    await settle(page);
    screens++;
    faults.push(...(await screenFaults(page, `${username} › ${entry}`)));
    // The section's own tabs (the first tab bar of the screen), each clicked in turn by its name.
    const tabBar = page.locator(".ant-layout-content .ant-tabs").first();
    // A section's tabs may draw only once its first data is in: give them a moment to appear.
    await tabBar.waitFor({ timeout: 5_000 }).catch(() => {});
    if (!(await tabBar.count())) continue;
    const readTabs = () => tabBar.locator(":scope > .ant-tabs-nav .ant-tabs-tab").allInnerTexts();
    const visited = new Set<string>();
    let tabs = await readTabs();
    for (let read = 0; read < 2; read++) {
      for (const tab of tabs.filter((t) => !visited.has(t))) {
        const target = page.getByRole("tab", { name: tab, exact: true }).first();
        // A tab read while the last screen still showed is gone once the new one draws: read the
        // screen's tabs again rather than wait for a tab that is not there.
        if (
          !(await target.waitFor({ timeout: 5_000 }).then(
            () => true,
            () => false,
          ))
        )
          break;
        // A tab read while the last screen still showed may go before the click lands: read again.
        if (
          !(await target.click({ timeout: 10_000 }).then(
            () => true,
            () => false,
          ))
        )
          break;
        visited.add(tab);
        await settle(page);
        screens++;
        faults.push(...(await screenFaults(page, `${username} › ${entry} › ${tab}`)));
      }
      tabs = await readTabs();
      if (tabs.every((t) => visited.has(t))) break;
    }
  }
  await page.context().close();
  return { screens, faults, problems };
}

describe("every menu entry as every demo role", () => {
  for (const username of ROLES)
    it(`opens each screen of ${username}'s menu and its tabs without an error`, async () => {
      const started = Date.now();
      const { screens, faults, problems } = await walk(username);
      console.log(`${username}: ${screens} screens walked in ${Math.round((Date.now() - started) / 1000)} s`);
      // Each role has at least its sections' tabs (15 to 23 screens on the demo): a walk that finds
      // fewer has missed the tabs, not passed.
      expect(screens).toBeGreaterThanOrEqual(15);
      expect(faults).toEqual([]);
      expect(problems).toEqual([]);
    }, 240_000);
});
