import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { formatDateVi } from "../core/src/text/dates";
import { loginAs } from "./support/login";
import { pickOption } from "./support/select";
import { serverAndBrowser } from "./support/suite";

const suite = serverAndBrowser();
const getJson = <T>(page: Page, url: string) =>
  page.evaluate((u) => fetch(u).then((r) => r.json()), url) as Promise<T>;
const TITLE = "Báo cáo nhanh số hồ sơ trực tuyến";

async function createRequest(page: Page, unitName: string) {
  await page.getByTestId("obligation-create").click();
  await page.getByTestId("obligation-title").fill(TITLE);
  await page.getByTestId("obligation-frequency").click();
  await pickOption(page, "Đột xuất");
  const today = new Date();
  const due = new Date(today.getTime() + 10 * 86_400_000);
  for (const [id, day] of [
    ["#adHocStart", today],
    ["#adHocDue", due],
  ] as const) {
    await page.locator(id).click();
    await page.locator(id).fill(formatDateVi(day));
    await page.keyboard.press("Enter");
  }
  await page.getByTestId("request-units").click();
  await page.keyboard.type(unitName);
  await pickOption(page, unitName);
  await page.getByTestId("question-add").click();
  await page.getByTestId("question-text").fill("Số hồ sơ tiếp nhận trực tuyến trong tuần");
  await page.getByTestId("question-type").click();
  await pickOption(page, "Số");
  await page.getByTestId("question-required").check();
  await page.getByTestId("obligation-save").click();
}

describe("an aimed ad hoc request", () => {
  it("asks one commune a required question; a second like it is warned about; the answer blocks sending until given", async () => {
    const { server, browser } = suite;
    const officer = await loginAs({ browser, url: server.url, username: "canbo" });
    const me = await getJson<{ unit: { name: string } }>(officer, "/api/me");
    const coordinator = await loginAs({ browser, url: server.url, username: "dieuphoi" });
    const plans = await getJson<{ plans: Array<{ id: string; number: string }> }>(
      coordinator,
      "/api/plans?q=125&pageSize=10",
    );
    const planId = plans.plans.find((p) => p.number.includes("125"))?.id as string;
    await coordinator.goto(`${server.url}/plans/${planId}?tab=reporting`);
    await createRequest(coordinator, me.unit.name);
    await coordinator.locator("tr", { hasText: TITLE }).first().waitFor({ timeout: 20_000 });

    // The same request again: the server's warning, and the choice to go on.
    await createRequest(coordinator, me.unit.name);
    await coordinator
      .getByText(/Kế hoạch đã có yêu cầu báo cáo “Báo cáo nhanh số hồ sơ trực tuyến”/)
      .waitFor();
    await coordinator.getByTestId("duplicate-confirm").click();
    await expect
      .poll(() => coordinator.locator("tr", { hasText: TITLE }).count(), { timeout: 20_000 })
      .toBe(2);

    const obligations = await getJson<{
      obligations: Array<{ id: string; title: string; unitIds: string[] | null }>;
    }>(coordinator, `/api/plans/${planId}/reporting-obligations`);
    const mine = obligations.obligations.filter((o) => o.title === TITLE);
    expect(mine).toHaveLength(2);
    expect(mine[0].unitIds).toHaveLength(1);
    await coordinator.locator("tr", { hasText: TITLE }).first().getByTestId("period-open").click();
    await coordinator.getByTestId("period-open-confirm").click();
    // One report, for the one commune asked (read from the API: a toast may be gone under load).
    await expect
      .poll(
        async () =>
          (
            await getJson<{ total: number }>(
              coordinator,
              `/api/reports?obligationId=${mine[0].id}&pageSize=10`,
            )
          ).total,
        { timeout: 20_000 },
      )
      .toBe(1);

    // The commune sees the question, with a number input; sending is refused until it is answered.
    const reports = await getJson<{ reports: Array<{ id: string }> }>(
      officer,
      `/api/reports?obligationId=${mine[0].id}&pageSize=10`,
    );
    await officer.goto(`${server.url}/reports/${reports.reports[0].id}`);
    await officer.getByTestId("report-questions").waitFor({ timeout: 20_000 });
    expect(await officer.getByTestId("report-questions").innerText()).toContain(
      "Số hồ sơ tiếp nhận trực tuyến trong tuần",
    );
    await officer.getByTestId("report-submit").click();
    await officer.locator(".ant-popconfirm .ant-btn-primary").click();
    await officer
      .getByText("Chưa trả lời câu hỏi bắt buộc: “Số hồ sơ tiếp nhận trực tuyến trong tuần”.")
      .waitFor({ timeout: 20_000 });
    await officer.getByTestId("question-q1").fill("1.250");
    await officer.getByTestId("question-q1").blur();
    await officer
      .locator("[data-testid=report-questions] [data-testid=save-state][data-state=saved]")
      .waitFor({ timeout: 20_000 });
    await officer.getByTestId("report-submit").click();
    // The server's answer to the sending, read directly: when it refuses, the failure names why.
    const sending = officer.waitForResponse((r) => r.url().endsWith("/transitions"), { timeout: 20_000 });
    await officer.locator(".ant-popconfirm .ant-btn-primary").click();
    const answer = await sending;
    expect(answer.status(), await answer.text()).toBe(200);
    await expect
      .poll(() => officer.getByTestId("report-state").getAttribute("data-state"), { timeout: 20_000 })
      .toMatch(/^(submitted|pendingApproval)$/);
    const sent = await getJson<{ report: { answers: Record<string, string> } }>(
      officer,
      `/api/reports/${reports.reports[0].id}`,
    );
    expect(sent.report.answers).toEqual({ q1: "1250" });
  });
});

describe("approval inside the unit", () => {
  it("the officer's button hands the report to the head, who hears of it and sends it on by name", async () => {
    const { server, browser } = suite;
    const officer = await loginAs({ browser, url: server.url, username: "canbo" });
    // The demo's monthly report asks the head's approval; this month's is still a draft.
    const drafts = await getJson<{ reports: Array<{ id: string; obligationTitle: string }> }>(
      officer,
      "/api/reports?state=draft&pageSize=50",
    );
    const reportId = drafts.reports.find((r) => r.obligationTitle.startsWith("Báo cáo tháng kết quả"))
      ?.id as string;
    expect(reportId).toBeTruthy();
    const { report } = await getJson<{ report: { receivingUnitName: string } }>(
      officer,
      `/api/reports/${reportId}`,
    );
    await officer.goto(`${server.url}/reports/${reportId}`);
    await expect
      .poll(() => officer.getByTestId("report-submit").innerText(), { timeout: 20_000 })
      .toContain("Trình lãnh đạo duyệt");

    // The head, on the same draft, sends it herself: her button names the receiver.
    const head = await loginAs({ browser, url: server.url, username: "lanhdao" });
    await head.goto(`${server.url}/reports/${reportId}`);
    await expect
      .poll(() => head.getByTestId("report-submit").innerText(), { timeout: 20_000 })
      .toContain(`Gửi đến ${report.receivingUnitName}`);

    await officer.getByTestId("report-submit").click();
    await officer.locator(".ant-popconfirm .ant-btn-primary").click();
    await expect
      .poll(() => officer.getByTestId("report-state").getAttribute("data-state"), { timeout: 20_000 })
      .toBe("pendingApproval");
    const notices = await getJson<{ notifications: Array<{ kind: string; reportId: string | null }> }>(
      head,
      "/api/notifications?pageSize=50",
    );
    expect(notices.notifications.some((n) => n.kind === "awaitingApproval" && n.reportId === reportId)).toBe(
      true,
    );
    await head.reload();
    await expect
      .poll(() => head.getByTestId("report-approve").innerText(), { timeout: 20_000 })
      .toContain(`Duyệt và gửi đến ${report.receivingUnitName}`);
    expect(await head.getByTestId("report-return").innerText()).toContain("Trả lại người soạn");
  });
});
