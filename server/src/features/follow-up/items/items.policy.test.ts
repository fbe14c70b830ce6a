/**
 * Who may see and do what on a follow-up item, by role and by what the actor's unit is to the item
 * (its responsible unit, a unit above it, the unit that follows it, an unrelated unit, another
 * province): one table. And the list's scope in SQL (`items.scope.ts`) admits exactly the items
 * `canReadItem` lets each of them see.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../../../../core/src/auth/roles";
import { type FollowUpState, followUpActions } from "../../../../../core/src/follow-up/items";
import { createTestDatabase } from "../../../../test/database";
import { buildItemsWorld, type ItemsWorld } from "../../../../test/follow-up-items-world";
import { buildTestApp } from "../../../../test/http";
import type { Actor } from "../../../app/actor";
import type { Database } from "../../../app/db";
import { canReadItem, type ItemLike, itemRelations } from "../follow-up.policy";
import { createItemListRepository } from "./items.list.repository";
import { itemScope } from "./items.scope";

const P = "p1";
const actorAt = (role: Role, unit: { id: string; path: string }, provinceId = P): Actor => ({
  userId: `u-${role}`,
  username: role,
  displayName: role,
  unitId: unit.id,
  unitPath: unit.path,
  provinceId,
  roles: [role],
  scopePath: null,
  sessionId: "s",
  ip: null,
  profile: { email: null, mustChangePassword: false, unitName: "", unitKind: "", provinceName: null },
});

// The item: Sở Nội vụ (/p1/snv/) follows it, Phòng (/p1/sxd/room/) of Sở Xây dựng is responsible.
const ITEM: ItemLike = {
  provinceId: P,
  unitPath: "/p1/sxd/room/",
  followerUnitId: "snv",
  followerUnitPath: "/p1/snv/",
  followerUnitKind: "department",
};
const WHERE = {
  responsible: { id: "room", path: "/p1/sxd/room/" },
  above: { id: "sxd", path: "/p1/sxd/" },
  follower: { id: "snv", path: "/p1/snv/" },
  unrelated: { id: "comB", path: "/p1/comB/" },
} as const;

type Row = [read: boolean, actions: string];
/** role → where the actor's unit is → [sees it, acts on an open item / on a reported one]. */
const TABLE: Record<Role, Record<keyof typeof WHERE | "otherProvince", Row>> = {
  admin: {
    responsible: [true, "transfer report close | return accept close"],
    above: [true, "transfer report close | return accept close"],
    follower: [true, "transfer report close | return accept close"],
    unrelated: [true, "transfer report close | return accept close"],
    otherProvince: [true, "transfer report close | return accept close"],
  },
  coordinator: {
    responsible: [true, " | "],
    above: [true, " | "],
    follower: [true, "transfer close | return accept close"],
    unrelated: [true, " | "],
    otherProvince: [false, " | "],
  },
  officer: {
    responsible: [true, "transfer report | "],
    above: [true, "transfer report | "],
    follower: [true, "transfer close | return accept close"],
    unrelated: [false, " | "],
    otherProvince: [false, " | "],
  },
  head: {
    responsible: [true, "transfer report | "],
    above: [true, "transfer report | "],
    follower: [true, "transfer close | return accept close"],
    unrelated: [false, " | "],
    otherProvince: [false, " | "],
  },
  viewer: {
    responsible: [true, " | "],
    above: [true, " | "],
    follower: [true, " | "],
    unrelated: [true, " | "],
    otherProvince: [false, " | "],
  },
};

const actionsOn = (actor: Actor, state: FollowUpState) =>
  followUpActions(state, itemRelations(actor, ITEM)).join(" ");

describe("follow-up items: policy by role and relation", () => {
  for (const [role, row] of Object.entries(TABLE) as Array<[Role, (typeof TABLE)[Role]]>)
    for (const [where, [read, actions]] of Object.entries(row)) {
      it(`${role} at the ${where} unit: ${read ? "sees it" : "does not see it"}; acts: ${actions}`, () => {
        const actor =
          where === "otherProvince"
            ? actorAt(role, { id: "x", path: "/p2/x/" }, "p2")
            : actorAt(role, WHERE[where as keyof typeof WHERE]);
        expect(canReadItem(actor, ITEM)).toBe(read);
        expect(`${actionsOn(actor, "open")} | ${actionsOn(actor, "reported")}`).toBe(actions);
      });
    }

  it("a coordinator follows what the province's own bodies raised (a dialogue the province held)", () => {
    const item = { ...ITEM, followerUnitId: "p1", followerUnitPath: "/p1/", followerUnitKind: "province" };
    expect(itemRelations(actorAt("coordinator", WHERE.unrelated), item)).toEqual(["follower"]);
    expect(itemRelations(actorAt("officer", WHERE.unrelated), item)).toEqual([]);
    expect(followUpActions("received", itemRelations(actorAt("coordinator", WHERE.follower), item))).toEqual([
      "assign",
      "close",
    ]);
  });
});

describe("the list's scope in SQL", () => {
  let database: Database;
  let app: FastifyInstance;
  let w: ItemsWorld;
  let other: ItemsWorld;
  beforeAll(async () => {
    database = await createTestDatabase();
    app = await buildTestApp(database);
    w = await buildItemsWorld({ db: database.db, app });
    other = await buildItemsWorld({ db: database.db, app, tag: "Khác" });
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it("admits, for every role at every unit, exactly the items canReadItem lets the actor see", async () => {
    const repo = createItemListRepository(database.db);
    const everything = await repo.allItems({
      scope: { kind: "all" },
      today: "2026-04-01",
      sort: "due",
      order: "asc",
    });
    expect(everything).toHaveLength(6);
    const roles: Role[] = ["admin", "coordinator", "officer", "head", "viewer"];
    for (const unit of Object.values(w.units))
      for (const role of roles) {
        const actor = actorAt(role, unit, w.province.id);
        const listed = await repo.allItems({
          scope: itemScope(actor),
          today: "2026-04-01",
          sort: "due",
          order: "asc",
        });
        const allowed = everything.filter((i) => canReadItem(actor, i));
        expect({ role, unit: unit.name, ids: listed.map((i) => i.id).sort() }).toEqual({
          role,
          unit: unit.name,
          ids: allowed.map((i) => i.id).sort(),
        });
      }
    expect(other.items.a).toBeTruthy();
  });
});
