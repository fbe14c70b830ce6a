import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD, loginAs } from "./support/login";
import { serverAndBrowser } from "./support/suite";

const suite = serverAndBrowser();
const PHONE = { width: 390, height: 844 };
/** The bar: sign-in to a sent report in at most this many taps and typings. */
const MAX_INTERACTIONS = 20;
const TASKS_UPDATED = 4;
/** A small real JPEG (the evidence check reads the file's signature, not its name). */
const JPEG = Buffer.from(
  "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=",
  "base64",
);

type Entry = {
  previousNarrative: string | null;
  id: string;
  reviewMark: string | null;
  narrative: string;
  sectionNumber: string;
  taskNumber: string;
};
const getJson = <T>(page: Page, url: string) =>
  page.evaluate((u) => fetch(u).then((r) => r.json()), url) as Promise<T>;

/**
 * The quick report on a phone: the demo ward's officer signs in, opens this month's draft from the
 * home page, updates four tasks in their compact rows (progress and a note each), records every
 * other task as unchanged in one act and sends the report, counting every tap and typing.
 */
describe("a quick monthly report on a phone", () => {
  it(`updates ${TASKS_UPDATED} tasks, carries the rest unchanged and sends, in at most ${MAX_INTERACTIONS} interactions`, async () => {
    const started = Date.now();
    let interactions = 0;
    const log: string[] = [];
    /** One interaction of the officer: a tap or a typing. */
    const act = async (what: string, fn: () => Promise<unknown>) => {
      interactions++;
      log.push(what);
      await fn();
    };
    const context = await suite.browser.newContext({ viewport: PHONE, locale: "vi-VN" });
    const page = await context.newPage();
    await page.goto(`${suite.server.url}/login`);
    await act("username", () => page.getByTestId("login-username").fill("canbo"));
    await act("password", () => page.getByTestId("login-password").fill(DEMO_PASSWORD));
    await act("sign in", () => page.getByTestId("login-submit").click());
    await page.waitForURL((u) => !u.pathname.startsWith("/login"), { timeout: 30_000 });

    // This month's draft is the one report to write on her home page.
    const toWrite = page.getByTestId("home-to-write").locator("a[href^='/reports/']").first();
    await toWrite.waitFor({ timeout: 30_000 });
    await act("open the report", () => toWrite.click());
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}/);
    const reportId = new URL(page.url()).pathname.split("/").pop() as string;
    const rows = page.getByTestId("report-entry-row");
    await rows.first().waitFor({ timeout: 30_000 });
    const counter = page.getByTestId("report-to-review");
    const toReview = Number(await counter.getAttribute("data-count"));
    const before = (await getJson<{ report: { entries: Entry[] } }>(page, `/api/reports/${reportId}`)).report;
    console.log(`Quick report: ${before.entries.length} tasks, ${toReview} still to review`);
    // The ward: ten tasks assigned (two already written in the demo's half-done draft).
    expect(before.entries.length).toBe(10);
    expect(toReview).toBeGreaterThan(TASKS_UPDATED);
    // Numbers carry their section ("II.3") wherever the plan has sections.
    const sectioned = before.entries.filter((e) => e.sectionNumber);
    for (const e of sectioned)
      await expect
        .poll(() => page.locator(`[data-entry="${e.id}"] [data-testid=entry-number]`).textContent())
        .toBe(`${e.sectionNumber}.${e.taskNumber}`);

    // Last month's text is shown as last month's, apart: this month's note starts empty.
    const carried = before.entries.find((e) => e.reviewMark === null && e.previousNarrative);
    if (carried) {
      const row = page.locator(`[data-entry="${carried.id}"]`);
      expect(await row.getByTestId("entry-previous").textContent()).toContain(
        (carried.previousNarrative as string).slice(0, 20),
      );
      expect(await row.getByTestId("entry-narrative").inputValue()).toBe("");
    }

    // Four tasks not yet looked at are updated in their rows: progress and a short note.
    const untouched = page.locator("[data-testid=report-entry-row]:has([data-mark=untouched])");
    const updatedIds: string[] = [];
    for (let i = 0; i < TASKS_UPDATED; i++) {
      const id = (await untouched.first().getAttribute("data-entry")) as string;
      // Held by its id: once saved, the row is no longer among the untouched ones.
      const row = page.locator(`[data-testid=report-entry-row][data-entry="${id}"]`);
      updatedIds.push(id);
      const progress = row
        .locator("[data-testid=entry-progress] input, input[data-testid=entry-progress]")
        .first();
      const now = Number((await progress.inputValue()) || 0);
      await act(`progress ${i + 1}`, () => progress.fill(String(Math.min(95, now + 10))));
      await act(`note ${i + 1}`, () =>
        row.getByTestId("entry-narrative").fill(`Trong tháng đã triển khai thêm phần việc thứ ${i + 1}.`),
      );
      if (i === 0) {
        // A photo of the work, from the row: one tap, then the photo chosen on the phone.
        const chooser = page.waitForEvent("filechooser");
        await act("attach a photo", () => row.getByTestId("entry-attach").click());
        await act("choose the photo", async () =>
          (await chooser).setFiles({ name: "hien-truong.jpg", mimeType: "image/jpeg", buffer: JPEG }),
        );
        await row.getByTestId("entry-evidence-count").waitFor({ timeout: 15_000 });
      }
      // Saved and marked by the server: the row leaves the untouched ones, the counter goes down.
      await expect
        .poll(() => counter.getAttribute("data-count"), { timeout: 15_000 })
        .toBe(String(toReview - i - 1));
    }

    // One task is confirmed unchanged by itself: one tap, recorded by the server.
    const left = toReview - TASKS_UPDATED;
    const single = untouched.first();
    const singleId = (await single.getAttribute("data-entry")) as string;
    await act("one task unchanged", () => single.getByTestId("entry-unchanged").click());
    await expect.poll(() => counter.getAttribute("data-count"), { timeout: 15_000 }).toBe(String(left - 1));

    // Every other task: unchanged since last month, one act (and its confirmation).
    await act("the rest unchanged", () => page.getByTestId("entries-all-unchanged").click());
    await act("confirm unchanged", () => page.getByTestId("entries-all-unchanged-confirm").click());
    await expect.poll(() => counter.getAttribute("data-count"), { timeout: 15_000 }).toBe("0");

    await act("send", () => page.getByTestId("report-submit").click());
    await act("confirm send", () => page.locator(".ant-popconfirm .ant-btn-primary").click());
    await expect
      .poll(() => page.getByTestId("report-state").getAttribute("data-state"), { timeout: 20_000 })
      .not.toBe("draft");
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `Quick report: ${interactions} interactions (${log.join(", ")}), ${seconds.toFixed(1)} s wall time`,
    );
    expect(interactions).toBeLessThanOrEqual(MAX_INTERACTIONS);

    // What the reviewer reads: the four updated, the others confirmed unchanged, none an unseen copy.
    const after = (
      await getJson<{
        report: { state: string; obligationTitle: string; periodLabel: string; entries: Entry[] };
      }>(page, `/api/reports/${reportId}`)
    ).report;
    const mark = new Map(after.entries.map((e) => [e.id, e.reviewMark]));
    for (const id of updatedIds) expect(mark.get(id)).toBe("updated");
    const photo = (
      await getJson<{ report: { evidence: Array<{ entryId: string | null; fileName: string | null }> } }>(
        page,
        `/api/reports/${reportId}`,
      )
    ).report.evidence.find((ev) => ev.entryId === updatedIds[0]);
    expect(photo?.fileName).toBe("hien-truong.jpg");
    const confirmed = after.entries.filter((e) => e.reviewMark === "unchanged");
    expect(confirmed.length).toBe(toReview - TASKS_UPDATED);
    expect(mark.get(singleId)).toBe("unchanged");
    await context.close();

    // The head who approves it reads where each task stands: updated, unchanged, none an unseen copy.
    const head = await loginAs({
      browser: suite.browser,
      url: suite.server.url,
      username: "lanhdao",
      viewport: PHONE,
    });
    await head.goto(`${suite.server.url}/reports/${reportId}`);
    const count = (m: string | null) => after.entries.filter((e) => e.reviewMark === m).length;
    // She was told: the bell lists the report waiting for her; one tap on the notice opens it.
    await head.goto(`${suite.server.url}/`);
    await head.getByTestId("notifications-bell").click();
    const notice = head
      .getByTestId("notification-item")
      .filter({ hasText: after.obligationTitle })
      .filter({ hasText: after.periodLabel })
      .first();
    await notice.locator(".notification-body").click();
    await head.waitForURL(new RegExp(`/reports/${reportId}`), { timeout: 20_000 });
    await expect
      .poll(() => head.getByTestId("report-review-summary").textContent(), { timeout: 20_000 })
      .toBe(`${count("updated")} đã cập nhật · ${count("unchanged")} không thay đổi · 0 chưa xem`);
    // And approves it from her phone: it goes on to the receiving department.
    await head.getByTestId("report-approve").click();
    await expect
      .poll(() => head.getByTestId("report-state").getAttribute("data-state"), { timeout: 20_000 })
      .toBe("submitted");
    expect(await head.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(PHONE.width);
    await head.context().close();
  }, 180_000);
});
