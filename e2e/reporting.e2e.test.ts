import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { buildPlanPdf } from "../server/test/pdf";
import { loginAs } from "./support/login";
import { serverAndBrowser } from "./support/suite";

const suite = serverAndBrowser();

const getJson = <T>(page: Page, url: string) =>
  page.evaluate((u) => fetch(u).then((r) => r.json()), url) as Promise<T>;
const TITLE = "Báo cáo tháng thực hiện Kế hoạch 125/KH-UBND";
const stateOf = (page: Page) => page.getByTestId("report-state").getAttribute("data-state");

describe("golden path: a commune's monthly report", () => {
  it("is filled with evidence, submitted, returned, resubmitted, accepted and counted on time", async () => {
    const evidence = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "chiso-e2e-")), "bien-ban.pdf");
    fs.writeFileSync(evidence, buildPlanPdf({ pages: 1 }));

    // The coordinator asks for a monthly report of her own on the demo plan (the demo's own monthly
    // report, with the head's approval, is there already) and opens this month.
    const coordinator = await loginAs({
      browser: suite.browser,
      url: suite.server.url,
      username: "dieuphoi",
    });
    const plans = await getJson<{ plans: Array<{ id: string; number: string }> }>(
      coordinator,
      "/api/plans?q=125&pageSize=10",
    );
    const planId = plans.plans.find((p) => p.number.includes("125"))?.id;
    expect(planId).toBeTruthy();
    await coordinator.goto(`${suite.server.url}/plans/${planId}?tab=reporting`);
    await coordinator.getByTestId("obligation-create").click();
    await coordinator.getByTestId("obligation-title").fill(TITLE);
    // Due on the 30th so that a report sent today counts as on time whatever the day of the month.
    await coordinator
      .locator("input[data-testid=obligation-due-day], [data-testid=obligation-due-day] input")
      .first()
      .fill("30");
    await coordinator.getByTestId("obligation-save").click();
    await coordinator.getByText(TITLE).first().waitFor({ timeout: 20_000 });
    await coordinator.locator("tr", { hasText: TITLE }).getByTestId("period-open").click();
    const periodKey = await coordinator.getByTestId("period-key").inputValue();
    await coordinator.getByTestId("period-open-confirm").click();
    await coordinator
      .getByText(/Đã mở Tháng/)
      .first()
      .waitFor({ timeout: 20_000 });
    const obligations = await getJson<{ obligations: Array<{ id: string; title: string }> }>(
      coordinator,
      `/api/plans/${planId}/reporting-obligations`,
    );
    const obligationId = obligations.obligations.find((o) => o.title === TITLE)?.id as string;
    expect(obligationId).toBeTruthy();

    // The commune officer fills one task, attaches a PDF and submits.
    const officer = await loginAs({ browser: suite.browser, url: suite.server.url, username: "canbo" });
    // Her list also holds the demo's reports; she opens the one of this request.
    const mine = await getJson<{ reports: Array<{ id: string }> }>(
      officer,
      `/api/reports?obligationId=${obligationId}&pageSize=10`,
    );
    const reportId = mine.reports[0]?.id as string;
    expect(reportId).toBeTruthy();
    // The detailed view (the compact one has its own test, quick-report.e2e.test.ts).
    await officer.goto(`${suite.server.url}/reports/${reportId}?view=detailed`);
    await officer
      .locator("[data-testid=entry-progress] input, input[data-testid=entry-progress]")
      .first()
      .fill("60");
    // The class is computed from the deadline and the progress, never chosen.
    expect(await officer.getByTestId("entry-status").first().getAttribute("data-status")).toMatch(
      /^(inProgress|overdue)$/,
    );
    await officer
      .getByTestId("entry-narrative")
      .first()
      .fill("Đã tổ chức 2 hội nghị tập huấn cho 120 cán bộ, công chức phường.");
    await officer
      .locator("[data-testid=report-entry] [data-testid=save-state][data-state=saved]")
      .first()
      .waitFor({ timeout: 20_000 });
    await officer.getByTestId("evidence-file").first().setInputFiles(evidence);
    await officer.getByTestId("evidence-item").first().waitFor({ timeout: 20_000 });
    const saved = await getJson<{ report: { entries: Array<{ progress: number; narrative: string }> } }>(
      officer,
      `/api/reports/${reportId}`,
    );
    expect(saved.report.entries[0].progress).toBe(60);
    expect(saved.report.entries[0].narrative).toMatch(/^Đã tổ chức 2 hội nghị/);
    // The connection drops while she adds a sentence: the submission waits and names the task.
    await officer.context().setOffline(true);
    await officer
      .getByTestId("entry-narrative")
      .first()
      .fill("Đã tổ chức 2 hội nghị tập huấn cho 120 cán bộ, công chức phường; in tài liệu.");
    await officer.getByTestId("report-submit").click();
    await officer.locator(".ant-popconfirm .ant-btn-primary").click();
    await officer.getByText(/Chưa gửi được: chưa lưu được Nhiệm vụ/).waitFor({ timeout: 20_000 });
    expect(await stateOf(officer)).toBe("draft");
    await officer.context().setOffline(false);
    await officer.getByTestId("report-submit").click();
    await officer.locator(".ant-popconfirm .ant-btn-primary").click();
    await expect.poll(() => stateOf(officer), { timeout: 20_000 }).toBe("submitted");
    const sent = await getJson<{ report: { entries: Array<{ narrative: string }> } }>(
      officer,
      `/api/reports/${reportId}`,
    );
    expect(sent.report.entries[0].narrative).toMatch(/in tài liệu\.$/);

    // The coordinator returns it with a reason.
    await coordinator.goto(`${suite.server.url}/reports/${reportId}`);
    await coordinator.getByTestId("report-return").click();
    await coordinator.getByTestId("report-return-reason").fill("Thiếu biên bản hội nghị tập huấn có chữ ký.");
    await coordinator.getByTestId("report-return-confirm").click();
    await expect.poll(() => stateOf(coordinator), { timeout: 20_000 }).toBe("returned");

    // The commune sees the reason where it works, fixes and resubmits.
    await officer.goto(`${suite.server.url}/reports/${reportId}?view=detailed`);
    await officer.getByTestId("report-return-notice").waitFor({ timeout: 20_000 });
    expect(await officer.getByTestId("report-return-notice").innerText()).toContain("Thiếu biên bản");
    await officer
      .getByTestId("entry-narrative")
      .first()
      .fill("Đã tổ chức 2 hội nghị tập huấn; bổ sung biên bản có chữ ký.");
    await officer
      .locator("[data-testid=report-entry] [data-testid=save-state][data-state=saved]")
      .first()
      .waitFor({ timeout: 20_000 });
    await officer.getByTestId("report-submit").click();
    await officer.locator(".ant-popconfirm .ant-btn-primary").click();
    await expect.poll(() => stateOf(officer), { timeout: 20_000 }).toBe("resubmitted");

    // The coordinator accepts; the dashboard counts it received and on time.
    await coordinator.goto(`${suite.server.url}/reports/${reportId}`);
    await coordinator.getByTestId("report-accept").click();
    await expect.poll(() => stateOf(coordinator), { timeout: 20_000 }).toBe("accepted");
    await coordinator.goto(
      `${suite.server.url}/reports/dashboard?obligationId=${obligationId}&periodKey=${periodKey}`,
    );
    const value = async (id: string) => Number(await coordinator.getByTestId(id).getAttribute("data-value"));
    await expect.poll(() => value("dashboard-received"), { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
    expect(await value("dashboard-ontime")).toBeGreaterThanOrEqual(1);
    expect(await value("dashboard-expected")).toBeGreaterThan(await value("dashboard-received"));
    // Rates by administrative level first, by unit kind at one click.
    const rates = coordinator.getByTestId("dashboard-rates");
    await expect.poll(() => rates.textContent()).toContain("Cấp xã");
    await coordinator.getByTestId("dashboard-cut").getByText("Theo loại đơn vị").click();
    await expect.poll(() => rates.textContent()).toContain("UBND cấp xã");
    // From an overdue task to how each unit stands on it.
    await coordinator.getByTestId("overdue-task-link").first().click();
    const drill = coordinator.getByTestId("task-drilldown-rows");
    await expect
      .poll(() => drill.locator("tbody tr.ant-table-row").count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await expect
      .poll(() => coordinator.getByTestId("task-drilldown-status").textContent())
      .toContain("Quá hạn");
    await officer.context().close();
    await coordinator.context().close();
  });
});
