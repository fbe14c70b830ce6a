import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planCreateBody } from "../../../../core/src/api/plans.schemas";
import { obligationCreateBody } from "../../../../core/src/api/reporting.schemas";
import { createTestDatabase } from "../../../test/database";
import { buildActor, buildIssuedPlan, buildProvince, buildUnit } from "../../../test/factories";
import type { Actor } from "../../app/actor";
import type { Database } from "../../app/db";
import { createObligation } from "../reporting/obligations/obligations.service";
import { createChildPlan } from "./cascade/cascade.service";
import { createPlan, updatePlan } from "./plans.service";

/**
 * A plan's parent, a child plan's owner and the unit receiving its reports are of the plan's own
 * province: a national admin sees every province, and must still not tie two provinces' work together.
 */
let database: Database;
let admin: Actor;
const ids: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const one = await buildProvince(db, { name: "Tỉnh Một" });
  const two = await buildProvince(db, { name: "Tỉnh Hai" });
  ids.one = one.id;
  ids.communeOne = (await buildUnit(db, { kind: "commune", name: "Xã Một", parentId: one.id })).id;
  ids.communeTwo = (await buildUnit(db, { kind: "commune", name: "Xã Hai", parentId: two.id })).id;
  ids.planOne = (await buildIssuedPlan(db, { provinceId: one.id, title: "Kế hoạch tỉnh Một" })).plan.id;
  ids.planTwo = (await buildIssuedPlan(db, { provinceId: two.id, title: "Kế hoạch tỉnh Hai" })).plan.id;
  admin = await buildActor(db, { unitId: one.id, roles: ["admin"] });
});

afterAll(async () => {
  await database.close();
});

describe("plans stay within their province", () => {
  it("refuses a parent plan of another province, on creation and on change", async () => {
    const db = database.db;
    const input = (parentPlanId: string) =>
      planCreateBody.parse({ title: "Kế hoạch thực hiện", ownerUnitId: ids.one, parentPlanId });
    await expect(createPlan({ db, actor: admin, input: input(ids.planTwo) })).rejects.toMatchObject({
      status: 400,
      code: "plan.parentProvince",
    });
    const id = await createPlan({ db, actor: admin, input: input(ids.planOne) });
    await expect(
      updatePlan({ db, actor: admin, id, input: { parentPlanId: ids.planTwo } }),
    ).rejects.toMatchObject({ code: "plan.parentProvince" });
  });

  it("refuses a child plan owned by a unit of another province", async () => {
    const child = (ownerUnitId: string) =>
      createChildPlan({
        db: database.db,
        actor: admin,
        id: ids.planOne,
        input: { ownerUnitId, taskIds: [] },
      });
    await expect(child(ids.communeTwo)).rejects.toMatchObject({ code: "plan.parentProvince" });
    expect(await child(ids.communeOne)).toBeTruthy();
  });

  it("refuses reports received by a unit of another province", async () => {
    const obligation = (receivingUnitId: string) =>
      createObligation({
        db: database.db,
        actor: admin,
        planId: ids.planOne,
        input: obligationCreateBody.parse({
          title: "Báo cáo tháng",
          frequency: "monthly",
          dueRule: { kind: "daysAfterEnd", days: 10 },
          receivingUnitId,
        }),
      });
    await expect(obligation(ids.communeTwo)).rejects.toMatchObject({ code: "reporting.receiverProvince" });
    expect(await obligation(ids.communeOne)).toBeTruthy();
  });
});
