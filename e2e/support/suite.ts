import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchBrowser } from "./browser";
import { startServer } from "./server";

/**
 * The real server (demo data) and a browser for one test file: started before its tests, stopped
 * after them. Read `suite.server` and `suite.browser` inside the tests.
 */
export function serverAndBrowser() {
  const suite = {} as { server: Awaited<ReturnType<typeof startServer>>; browser: Browser };
  beforeAll(async () => {
    suite.server = await startServer();
    suite.browser = await launchBrowser();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.stop();
  });
  return suite;
}
