import type { Browser, Page } from "playwright-core";

export const DEMO_PASSWORD = "ChiSo@2026";

/** A fresh browser context signed in as a demo user, landed past the login page. */
export async function loginAs({
  browser,
  url,
  username,
  viewport = { width: 1600, height: 1000 },
}: {
  browser: Browser;
  url: string;
  username: string;
  /** A desktop by default; { width: 390, height: 844 } for a phone. */
  viewport?: { width: number; height: number };
}): Promise<Page> {
  const context = await browser.newContext({
    viewport,
    locale: "vi-VN",
    acceptDownloads: true,
  });
  const page = await context.newPage();
  await page.goto(`${url}/login`);
  await page.getByTestId("login-username").fill(username);
  await page.getByTestId("login-password").fill(DEMO_PASSWORD);
  await page.getByTestId("login-submit").click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login"), { timeout: 30_000 });
  return page;
}
