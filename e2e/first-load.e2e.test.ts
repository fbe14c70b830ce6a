import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { loginAs } from "./support/login";
import { serverAndBrowser } from "./support/suite";

const suite = serverAndBrowser();

/** Chromium DevTools' "Slow 4G" preset (SDK.NetworkManager.Slow4GConditions). */
const SLOW_4G = { offline: false, latency: 562.5, downloadThroughput: 180_000, uploadThroughput: 84_375 };
const SHELL_BUDGET_BYTES = 300 * 1024;
const FIRST_RENDER_BUDGET_MS = 3_000;

/** Opens the report on a throttled connection; answers when its first task shows and the bytes it took. */
async function timedOpen(page: Page, url: string) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", SLOW_4G);
  let bytes = 0;
  cdp.on("Network.loadingFinished", (e) => {
    bytes += e.encodedDataLength;
  });
  // Each API answer the form needs, asked for how many times: the early ones must not be asked twice.
  const asked = new Map<string, number>();
  const count = (request: { url(): string }) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith("/api/")) asked.set(pathname, (asked.get(pathname) ?? 0) + 1);
  };
  page.on("request", count);
  await page.goto(url, { waitUntil: "commit" });
  await page.getByTestId("entry-narrative").first().waitFor({ timeout: 60_000 });
  const ms = await page.evaluate(() => performance.now());
  const fcp = await page.evaluate(
    () => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
  );
  await cdp.detach();
  page.off("request", count);
  // index.html's inline script ran (the Content-Security-Policy allows it by its hash).
  const early = await page.evaluate(() => "__chisoEarly" in globalThis);
  return {
    ms: Math.round(ms),
    fcp: fcp === null ? null : Math.round(fcp),
    kb: Math.round(bytes / 1024),
    asked,
    early,
  };
}

describe("first load on a weak connection", () => {
  it("sends the application shell compressed under 300 KB and shows the report form (measured on Slow 4G)", async () => {
    const { url } = suite.server;
    // The shell: index.html and what it loads before anything renders, as the server sends it.
    const html = await (await fetch(`${url}/`, { headers: { "accept-encoding": "br, gzip" } })).text();
    const shellFiles = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
    let shellGzip = 0;
    for (const path of ["/", ...shellFiles]) {
      const res = await fetch(`${url}${path}`, { headers: { "accept-encoding": "gzip" } });
      // Files under 1 KB are sent as they are (the build compresses the others).
      if (Number(res.headers.get("content-length")) >= 1024 || res.headers.get("content-encoding"))
        expect(res.headers.get("content-encoding")).toBe("gzip");
      if (path !== "/") expect(res.headers.get("cache-control")).toContain("immutable");
      // fetch() unpacks the body; the length on the wire is the header's.
      shellGzip += Number(res.headers.get("content-length"));
      await res.arrayBuffer();
    }
    console.log(`shell: ${shellFiles.length + 1} files, ${Math.round(shellGzip / 1024)} KB gzipped`);
    expect(shellGzip).toBeGreaterThan(0);
    expect(shellGzip).toBeLessThan(SHELL_BUDGET_BYTES);

    const officer = await loginAs({ browser: suite.browser, url, username: "canbo" });
    const list = (await officer.evaluate(() => fetch("/api/reports?pageSize=5").then((r) => r.json()))) as {
      reports: Array<{ id: string }>;
    };
    const reportUrl = `${url}/reports/${list.reports[0].id}`;
    const state = await officer.context().storageState();
    await officer.context().close();

    // A first visit (empty cache, no service worker yet), then the next one (shell kept by the worker).
    const context = await suite.browser.newContext({
      storageState: state,
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    const cold = await timedOpen(page, reportUrl);
    await page.waitForFunction("!!navigator.serviceWorker && !!navigator.serviceWorker.controller", null, {
      timeout: 30_000,
    });
    const warm = await timedOpen(page, reportUrl);
    console.log(
      `report form on Slow 4G: first visit ${cold.ms} ms (first paint ${cold.fcp} ms, ${cold.kb} KB), ` +
        `next visit ${warm.ms} ms (first paint ${warm.fcp} ms, ${warm.kb} KB)`,
    );
    // The session and the report were asked for by the page's first script, while the shell downloaded,
    // and the app used those answers instead of asking again.
    const reportPath = new URL(reportUrl).pathname.replace("/reports/", "/api/reports/");
    for (const visit of [cold, warm]) {
      expect(visit.early).toBe(true);
      expect(visit.asked.get("/api/me")).toBe(1);
      expect(visit.asked.get(reportPath)).toBe(1);
    }
    // Timing on a shared machine is reported, and held to the budget only when asked (CHISO_SPEED_BUDGET=1).
    if (process.env.CHISO_SPEED_BUDGET === "1") expect(cold.ms).toBeLessThan(FIRST_RENDER_BUDGET_MS);
    await context.close();
  });
});
