import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../../test/database";
import { buildAssignedPlan, buildProvince, buildUnit } from "../../../../test/factories";
import { setClockForTests } from "../../../app/clock";
import type { Database } from "../../../app/db";
import { reportingObligations } from "../reporting.table";
import { runPeriodOpening } from "./period-opening.service";

let database: Database;
const ids: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const province = await buildProvince(db);
  const snv = await buildUnit(db, { kind: "department", name: "Sở Nội vụ", parentId: province.id });
  const communes = [
    await buildUnit(db, { kind: "commune", name: "Xã Một", parentId: province.id }),
    await buildUnit(db, { kind: "commune", name: "Xã Hai", parentId: province.id }),
  ];
  for (const status of ["issued", "draft"] as const) {
    const { plan } = await buildAssignedPlan(db, {
      provinceId: province.id,
      units: communes,
      status,
      title: `Kế hoạch ${status}`,
    });
    const base = { planId: plan.id, provinceId: province.id, receivingUnitId: snv.id };
    const [monthly] = await db
      .insert(reportingObligations)
      .values({
        ...base,
        title: "Báo cáo tháng",
        frequency: "monthly",
        dueRule: { kind: "dayOfLastMonth", day: 15 },
      })
      .returning();
    ids[`${status}Monthly`] = monthly.id;
    if (status === "issued") {
      const [adHoc] = await db
        .insert(reportingObligations)
        .values({
          ...base,
          title: "Báo cáo đột xuất",
          frequency: "adHoc",
          dueRule: { kind: "fixedDate", date: "2026-03-20" },
          adHocStart: "2026-03-10",
          adHocDue: "2026-03-20",
        })
        .returning();
      ids.adHoc = adHoc.id;
    }
  }
});
afterEach(() => setClockForTests(null));
afterAll(async () => {
  await database.close();
});

const reportsOf = (obligationId: string) =>
  database.query<{ period_key: string; n: number }>(
    "select period_key, count(*)::int as n from reports where obligation_id = $1 group by 1 order by 1",
    [obligationId],
  );

describe("periods opened by the clock", () => {
  it("opens this month's reports of issued plans on the 1st, with their entries, once", async () => {
    const opened = await runPeriodOpening({ db: database.db, today: "2026-03-01" });
    expect(opened).toEqual([{ obligationId: ids.issuedMonthly, periodKey: "2026-M03", reportsCreated: 2 }]);
    expect(await reportsOf(ids.issuedMonthly)).toEqual([{ period_key: "2026-M03", n: 2 }]);
    const entries = await database.query<{ n: number }>(
      "select count(*)::int as n from report_entries e join reports r on r.id = e.report_id where r.obligation_id = $1",
      [ids.issuedMonthly],
    );
    expect(entries[0].n).toBe(2);
    // A draft plan asks nothing yet.
    expect(await reportsOf(ids.draftMonthly)).toEqual([]);
    // The act is on record, by the scheduler.
    const audits = await database.query<{ actor_name: string; after: { periodKey: string } }>(
      "select actor_name, after from audit_log where entity = 'reportingObligation' and action = 'openPeriod'",
    );
    expect(audits).toEqual([
      {
        actor_name: "Hệ thống (mở kỳ báo cáo tự động)",
        after: expect.objectContaining({ periodKey: "2026-M03" }),
      },
    ]);
    // The hourly run again, and the next day: nothing more.
    expect(await runPeriodOpening({ db: database.db, today: "2026-03-01" })).toEqual([]);
    expect(await runPeriodOpening({ db: database.db, today: "2026-03-02" })).toEqual([]);
  });

  it("opens an ad hoc request on its first day and the next month on its 1st, carrying entries forward", async () => {
    const opened = await runPeriodOpening({ db: database.db, today: "2026-03-10" });
    expect(opened).toEqual([{ obligationId: ids.adHoc, periodKey: "AH", reportsCreated: 2 }]);
    expect(await runPeriodOpening({ db: database.db, today: "2026-04-01" })).toEqual([
      { obligationId: ids.issuedMonthly, periodKey: "2026-M04", reportsCreated: 2 },
    ]);
    const carried = await database.query<{ n: number }>(
      "select count(*)::int as n from report_entries e join reports r on r.id = e.report_id where r.period_key = '2026-M04' and e.carried_from_id is not null",
    );
    expect(carried[0].n).toBe(2);
  });

  it("opens the month on the province's 1st: at 00:30 in Hanoi, while UTC is still the last day before", async () => {
    // 23:30 on 30/04 in Hanoi: April's reports are open, May's not yet.
    setClockForTests(new Date("2026-04-30T16:30:00Z"));
    expect(await runPeriodOpening({ db: database.db })).toEqual([]);
    // 00:30 on 01/05 in Hanoi, 30/04 in UTC.
    setClockForTests(new Date("2026-04-30T17:30:00Z"));
    expect(await runPeriodOpening({ db: database.db })).toEqual([
      { obligationId: ids.issuedMonthly, periodKey: "2026-M05", reportsCreated: 2 },
    ]);
  });
});
