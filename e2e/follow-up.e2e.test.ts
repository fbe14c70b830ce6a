import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { loginAs } from "./support/login";
import { serverAndBrowser } from "./support/suite";

const suite = serverAndBrowser();

/** A call of the API from the signed-in page, with the CSRF header the app sends. */
async function call<T>(page: Page, method: string, url: string, body?: unknown) {
  return page.evaluate(
    async ({ method, url, body }) => {
      await fetch("/api/auth/csrf");
      const cookie = (globalThis as unknown as { document: { cookie: string } }).document.cookie;
      const csrf = decodeURIComponent((cookie.match(/chiso_csrf=([^;]+)/) || [])[1] || "");
      const res = await fetch(url, {
        method,
        headers: { "content-type": "application/json", accept: "application/json", "x-csrf-token": csrf },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, json: await res.json().catch(() => null) };
    },
    { method, url, body },
  ) as Promise<{ status: number; json: T }>;
}

/** The province's day (Asia/Ho_Chi_Minh), as the server judges deadlines. */
const provinceDay = (offsetDays = 0) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(
    new Date(Date.now() + offsetDays * 86_400_000),
  );

type Scorecard = { unitId: string; remediationDue: number; remediationOnTime: number; score: number | null };

describe("an inspection's finding, remediated", () => {
  it("is reported with evidence by the commune, accepted by the inspecting unit, and the commune's scorecard changes", async () => {
    const { server, browser } = suite;
    const coordinator = await loginAs({ browser, url: server.url, username: "dieuphoi" });
    const officer = await loginAs({
      browser,
      url: server.url,
      username: "canbo",
      viewport: { width: 390, height: 844 },
    });
    const inspecting = (await call<{ unit: { id: string } }>(coordinator, "GET", "/api/me")).json.unit.id;
    const ward = (await call<{ unit: { id: string; name: string } }>(officer, "GET", "/api/me")).json.unit;

    // The inspection of the ward, held today, with one finding to remediate within ten days (this year).
    const today = provinceDay();
    const year = Number(today.slice(0, 4));
    const due = provinceDay(10) > `${year}-12-31` ? `${year}-12-31` : provinceDay(10);
    const plan = await call<{ plan: { id: string } }>(
      coordinator,
      "POST",
      "/api/follow-up/inspections/plans",
      {
        ownerUnitId: inspecting,
        year,
        title: "Kiểm tra công tác cải cách hành chính (kiểm thử)",
      },
    );
    expect(plan.status).toBe(201);
    const added = await call(
      coordinator,
      "POST",
      `/api/follow-up/inspections/plans/${plan.json.plan.id}/inspections`,
      {
        unitIds: [ward.id],
        startsOn: today,
        endsOn: today,
      },
    );
    expect(added.status).toBe(200);
    const listed = await call<{ inspections: Array<{ id: string; version: number }> }>(
      coordinator,
      "GET",
      `/api/follow-up/inspections?planId=${plan.json.plan.id}`,
    );
    const inspection = listed.json.inspections[0];
    const recorded = await call<{
      inspection: { findings: Array<{ remediation: { itemId: string } }> };
    }>(coordinator, "POST", `/api/follow-up/inspections/${inspection.id}/record`, {
      version: inspection.version,
      heldOn: today,
      conclusion: "Đơn vị cơ bản thực hiện tốt; còn tồn tại cần khắc phục.",
      findings: [
        {
          content: "Chưa niêm yết công khai đầy đủ thủ tục hành chính tại bộ phận một cửa",
          severity: "medium",
          remediation: {
            unitId: ward.id,
            dueDate: due,
            requiredResult: "Niêm yết đủ và báo cáo bằng văn bản",
          },
        },
      ],
    });
    expect(recorded.status, JSON.stringify(recorded.json)).toBe(200);
    const itemId = recorded.json.inspection.findings[0].remediation.itemId;
    const cardOf = async () =>
      (
        await call<{ scorecards: Scorecard[] }>(coordinator, "GET", `/api/reporting/scorecards?year=${year}`)
      ).json.scorecards.find((c) => c.unitId === ward.id);
    const before = await cardOf();
    expect(before?.remediationDue).toBeGreaterThanOrEqual(1);

    // The commune officer, on her phone: the item, a photo of the notice board as evidence, the report.
    await officer.goto(`${server.url}/follow-up?item=${itemId}`);
    await officer.getByTestId("item-drawer").waitFor({ timeout: 20_000 });
    expect(await officer.getByTestId("item-content").innerText()).toContain("Chưa niêm yết công khai");
    await officer.getByTestId("item-file-input").setInputFiles({
      name: "niem-yet.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
    });
    await officer.getByTestId("item-file").first().waitFor({ timeout: 20_000 });
    await officer.getByTestId("item-action-report").click();
    await officer
      .getByTestId("item-action-answer")
      .fill("Đã niêm yết đủ 152 thủ tục tại bộ phận một cửa ngày hôm nay.");
    await officer.getByTestId("item-action-ok").click();
    await expect
      .poll(() => officer.getByTestId("item-drawer-state").innerText(), { timeout: 20_000 })
      .toContain("Đã báo cáo khắc phục");
    expect(
      await officer.evaluate(
        () =>
          (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
            .documentElement.scrollWidth,
      ),
    ).toBeLessThanOrEqual(390);

    // The inspecting unit accepts it: the item is closed as remediated, on time.
    await coordinator.goto(`${server.url}/follow-up?item=${itemId}`);
    await coordinator.getByTestId("item-drawer").waitFor({ timeout: 20_000 });
    await coordinator.getByTestId("item-action-accept").click();
    await coordinator.getByTestId("item-action-ok").click();
    await expect
      .poll(() => coordinator.getByTestId("item-drawer-state").innerText(), { timeout: 20_000 })
      .toContain("Đã khắc phục");

    // The ward's scorecard counts the remediation done on time, and its score moves.
    await expect
      .poll(async () => (await cardOf())?.remediationOnTime, { timeout: 30_000 })
      .toBe((before?.remediationOnTime ?? 0) + 1);
    const after = await cardOf();
    expect(after?.score).not.toBe(before?.score);
    // The screen states the weights the score is made of, remediation among them.
    await coordinator.goto(`${server.url}/reports/scorecards?year=${year}`);
    await coordinator.getByTestId("scorecard-score").first().waitFor({ timeout: 20_000 });
    expect(await coordinator.getByTestId("scorecards-weights").innerText()).toContain(
      "Khắc phục sau kiểm tra đúng hạn 15",
    );
  });
});
