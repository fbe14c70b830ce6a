import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD, loginAs } from "./support/login";
import { serverAndBrowser } from "./support/suite";

const suite = serverAndBrowser();

type Entry = { id: string; narrative: string; version: number };
type Report = { id: string; version: number; state: string; can: { edit: boolean }; entries: Entry[] };

const getJson = <T>(page: Page, url: string) =>
  page.evaluate((u) => fetch(u).then((r) => r.json()), url) as Promise<T>;
const report = (page: Page, id: string) =>
  getJson<{ report: Report }>(page, `/api/reports/${id}`).then((x) => x.report);
const narrative = (page: Page, i: number) => page.getByTestId("entry-narrative").nth(i);
const saveState = (page: Page, i: number) =>
  page.getByTestId("report-entry").nth(i).getByTestId("save-state").first().getAttribute("data-state");
/** What the device keeps for this person (IndexedDB), read in the page. */
const keptOnDevice = (page: Page, store: "edits" | "answers" = "edits") =>
  page.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open("chiso-offline");
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const count = open.result.transaction("${store}").objectStore("${store}").count();
      count.onsuccess = () => resolve(count.result);
      count.onerror = () => reject(count.error);
    };
  })`) as Promise<number>;

/** The user ids the device's kept answers belong to. */
const answerOwners = (page: Page) =>
  page.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open("chiso-offline");
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const all = open.result.transaction("answers").objectStore("answers").getAll();
      all.onsuccess = () => resolve([...new Set(all.result.map((r) => r.userId))]);
      all.onerror = () => reject(all.error);
    };
  })`) as Promise<string[]>;

/** One of the officer's reports she may still write, with at least two tasks. */
async function writableReport(page: Page): Promise<Report> {
  const list = await getJson<{ reports: Array<{ id: string }> }>(page, "/api/reports?pageSize=50");
  for (const { id } of list.reports) {
    const r = await report(page, id);
    if (r.can.edit && r.entries.length >= 2) return r;
  }
  throw new Error("the demo has no writable report with two tasks for the officer");
}

async function openWithShellKept(page: Page, id: string) {
  // The detailed view: its cards carry the fields this test types into.
  await page.goto(`${suite.server.url}/reports/${id}?view=detailed`);
  await narrative(page, 1).waitFor({ timeout: 30_000 });
  // The service worker controls the page and keeps the shell and this page's code.
  await page.waitForFunction("!!navigator.serviceWorker && !!navigator.serviceWorker.controller", null, {
    timeout: 30_000,
  });
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          const urls = new Set(
            performance
              .getEntriesByType("resource")
              .map((e) => new URL(e.name).pathname)
              .filter((p) => p.startsWith("/assets/")),
          );
          // The window's CacheStorage (this file is type-checked without the DOM's types).
          type Kept = { keys(): Promise<Array<{ url: string }>> };
          const store = (
            globalThis as unknown as { caches: { keys(): Promise<string[]>; open(n: string): Promise<Kept> } }
          ).caches;
          const kept = new Set<string>();
          for (const n of await store.keys())
            for (const req of await (await store.open(n)).keys()) kept.add(new URL(req.url).pathname);
          return [...urls].every((u) => kept.has(u)) && kept.has("/");
        }),
      { timeout: 30_000 },
    )
    .toBe(true);
}

describe("weak networks and offline", () => {
  it("keeps two entries typed offline through a reload and saves both, once, when the connection returns", async () => {
    const page = await loginAs({ browser: suite.browser, url: suite.server.url, username: "canbo" });
    // Leaving with unsaved text asks first; here she confirms the reload.
    let asked = 0;
    page.on("dialog", (dialog) => {
      if (dialog.type() === "beforeunload") asked++;
      void dialog.accept();
    });
    const before = await writableReport(page);
    await openWithShellKept(page, before.id);

    await page.context().setOffline(true);
    const first = `Ngoại tuyến 1: đã rà soát 14 thủ tục hành chính (${Date.now()}).`;
    const second = `Ngoại tuyến 2: đã tập huấn cho 35 cán bộ một cửa (${Date.now()}).`;
    await narrative(page, 0).fill(first);
    await narrative(page, 1).fill(second);
    await expect.poll(() => saveState(page, 0), { timeout: 20_000 }).toBe("offline");
    await expect.poll(() => saveState(page, 1), { timeout: 20_000 }).toBe("offline");
    expect(await page.getByTestId("report-entry").nth(0).innerText()).toContain("Chưa gửi lên máy chủ");
    await page.getByTestId("offline-tag").waitFor();
    expect(await keptOnDevice(page)).toBe(2);

    // A reload without a connection: the shell comes from the service worker, the text from the device.
    await page.reload({ waitUntil: "domcontentloaded" });
    expect(asked).toBeGreaterThan(0);
    // The form opens from the copy kept on the device, says so, and shows what she typed.
    await page.getByTestId("report-from-device").waitFor({ timeout: 30_000 });
    await expect.poll(() => narrative(page, 0).inputValue(), { timeout: 10_000 }).toBe(first);
    expect(await narrative(page, 1).inputValue()).toBe(second);
    expect(await keptOnDevice(page)).toBe(2);
    // Nothing reached the server meanwhile.
    await page.context().setOffline(false);
    await expect
      .poll(
        async () => {
          const now = await report(page, before.id);
          return now.entries.slice(0, 2).map((e) => e.narrative);
        },
        { timeout: 60_000 },
      )
      .toEqual([first, second]);
    // Saved once each: the text is not doubled, the entry's version moved by one save, nothing waits.
    const after = await report(page, before.id);
    expect(after.entries.length).toBe(before.entries.length);
    expect(after.entries[0].version).toBe(before.entries[0].version + 1);
    expect(after.entries[1].version).toBe(before.entries[1].version + 1);
    await expect.poll(() => keptOnDevice(page), { timeout: 20_000 }).toBe(0);
    await narrative(page, 1).waitFor({ timeout: 30_000 });
    expect(await narrative(page, 0).inputValue()).toBe(first);
    expect(await narrative(page, 1).inputValue()).toBe(second);
    // Signing out leaves nothing of hers on the device: the next person on it starts empty.
    expect(await keptOnDevice(page, "answers")).toBeGreaterThan(0);
    await page.getByTestId("logout").click();
    await page.waitForURL((u) => u.pathname.startsWith("/login"), { timeout: 20_000 });
    await expect.poll(() => keptOnDevice(page, "answers"), { timeout: 10_000 }).toBe(0);
    await page.context().close();
  });

  it("refuses a wrong or too large photo on the device, and keeps text whose report was sent meanwhile", async () => {
    const page = await loginAs({ browser: suite.browser, url: suite.server.url, username: "canbo" });
    page.on("dialog", (dialog) => void dialog.accept());
    const before = await writableReport(page);
    await page.goto(`${suite.server.url}/reports/${before.id}?view=detailed`);
    await narrative(page, 0).waitFor({ timeout: 30_000 });

    // Photos: the wrong type and over the limit are refused before anything is sent or queued.
    const file = page.getByTestId("evidence-file").first();
    await file.setInputFiles({ name: "anh.gif", mimeType: "image/gif", buffer: Buffer.from("GIF89a") });
    await page.getByText(/Tệp anh\.gif không đúng loại/).waitFor({ timeout: 10_000 });
    await file.setInputFiles({
      name: "anh-lon.jpg",
      mimeType: "image/jpeg",
      buffer: Buffer.alloc(21 * 1024 * 1024, 0xff),
    });
    await page.getByText(/anh-lon\.jpg vượt quá 20 MB/).waitFor({ timeout: 10_000 });
    expect(await page.getByTestId("evidence-queued").count()).toBe(0);

    // Offline, she types; meanwhile her other device submits the report.
    await page.context().setOffline(true);
    const mine = `Bản nhập khi mất mạng (${Date.now()}).`;
    await narrative(page, 0).fill(mine);
    await expect.poll(() => saveState(page, 0), { timeout: 20_000 }).toBe("offline");
    const other = await loginAs({ browser: suite.browser, url: suite.server.url, username: "canbo" });
    const version = (await report(other, before.id)).version;
    // The same call the form's "Gửi báo cáo" makes (CSRF header from the readable cookie).
    const sent = await other.evaluate(`fetch("/api/reports/${before.id}/transitions", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-csrf-token": decodeURIComponent((document.cookie.match(/chiso_csrf=([^;]+)/) || [])[1] || ""),
      },
      body: JSON.stringify({ action: "submit", version: ${version} }),
    }).then((r) => r.status)`);
    expect(sent).toBe(200);

    // Back online: a clear refusal, nothing overwritten on the server, her text kept to copy.
    await page.context().setOffline(false);
    await expect.poll(() => saveState(page, 0), { timeout: 30_000 }).toBe("refused");
    expect(await page.getByTestId("report-entry").nth(0).innerText()).toMatch(/không thể sửa|khóa sổ/);
    expect((await report(other, before.id)).entries[0].narrative).toBe(before.entries[0].narrative);
    await page.getByTestId("outbox-button").click();
    await page.getByTestId("outbox-list").getByText(mine).waitFor({ timeout: 10_000 });
    expect(await keptOnDevice(page)).toBe(1);
    await other.context().close();
    await page.context().close();
  });

  it("keeps nothing of the person before when someone else signs in on the device", async () => {
    const page = await loginAs({ browser: suite.browser, url: suite.server.url, username: "canbo" });
    // Any of her reports (the tests above sent the one she could write).
    const list = await getJson<{ reports: Array<{ id: string }> }>(page, "/api/reports?pageSize=5");
    await page.goto(`${suite.server.url}/reports/${list.reports[0].id}`);
    await page.getByTestId("report-state").waitFor({ timeout: 30_000 });
    const officerId = (await getJson<{ user: { id: string } }>(page, "/api/me")).user.id;
    await expect.poll(() => answerOwners(page), { timeout: 10_000 }).toEqual([officerId]);
    // Her session ends without "Đăng xuất" (a shared computer), and the head signs in on it.
    await page.context().clearCookies();
    await page.goto(`${suite.server.url}/login`);
    await page.getByTestId("login-username").fill("lanhdao");
    await page.getByTestId("login-password").fill(DEMO_PASSWORD);
    await page.getByTestId("login-submit").click();
    await page.waitForURL((u) => !u.pathname.startsWith("/login"), { timeout: 30_000 });
    await expect
      .poll(async () => (await answerOwners(page)).includes(officerId), { timeout: 10_000 })
      .toBe(false);
    await page.context().close();
  });
});
