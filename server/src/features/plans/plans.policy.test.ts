import { describe, expect, it } from "vitest";
import type { Role } from "../../../../core/src/auth/roles";
import type { Actor } from "../../app/actor";
import {
  canAmendPlan,
  canCreateChildPlan,
  canIssuePlan,
  canReadPlan,
  canUpdateAssignment,
  canUpdatePlan,
  type PlanLike,
  taskScope,
} from "./plans.policy";

const P = "province-1";
// The department /p/dep/ with an internal unit /p/dep/int/; a commune /p/com/.
const actorAt = (role: Role, unitId: string, unitPath: string): Actor => ({
  userId: `u-${role}`,
  username: role,
  displayName: role,
  unitId,
  unitPath,
  provinceId: P,
  roles: [role],
  scopePath: null,
  sessionId: "s",
  ip: null,
  profile: {
    email: null,
    mustChangePassword: false,
    unitName: "x",
    unitKind: "department",
    provinceName: "P",
  },
});
const provincePlan = (status: string): PlanLike => ({
  provinceId: P,
  ownerUnitId: "p",
  ownerUnitKind: "province",
  ownerUnitPath: "/p/",
  status,
  isFramework: false,
});
const depPlan = (status: string): PlanLike => ({
  provinceId: P,
  ownerUnitId: "dep",
  ownerUnitKind: "department",
  ownerUnitPath: "/p/dep/",
  status,
  isFramework: false,
});
const communePlan: PlanLike = { ...depPlan("draft"), ownerUnitId: "com", ownerUnitPath: "/p/com/" };
const otherProvince: PlanLike = { ...provincePlan("issued"), provinceId: "province-2" };

const actors = {
  coordinator: actorAt("coordinator", "snv", "/p/snv/"),
  viewer: actorAt("viewer", "vp", "/p/vp/"),
  depOfficer: actorAt("officer", "dep", "/p/dep/"),
  depHead: actorAt("head", "dep", "/p/dep/"),
  internalOfficer: actorAt("officer", "int", "/p/dep/int/"),
  communeOfficer: actorAt("officer", "com", "/p/com/"),
};

// actor → [read province draft, update province draft, issue province draft, amend issued province plan,
//          read own dept draft, update own dept draft, read a commune's draft, read other province,
//          child plan of issued province plan, update internal unit's assignment]
const TABLE: Record<keyof typeof actors, boolean[]> = {
  coordinator: [true, true, true, true, true, false, true, false, true, false],
  viewer: [true, false, false, false, true, false, true, false, false, false],
  depOfficer: [false, false, false, false, true, true, false, false, true, false],
  depHead: [false, false, false, false, true, true, false, false, true, true],
  internalOfficer: [false, false, false, false, false, false, false, false, true, true],
  communeOfficer: [false, false, false, false, false, false, true, false, true, false],
};

describe("plan policies by role", () => {
  for (const [name, expected] of Object.entries(TABLE) as Array<[keyof typeof actors, boolean[]]>) {
    it(`${name}: ${expected.map((e) => (e ? "✓" : "✗")).join(" ")}`, () => {
      const a = actors[name];
      expect([
        canReadPlan(a, provincePlan("draft")),
        canUpdatePlan(a, provincePlan("draft")),
        canIssuePlan(a, provincePlan("draft")),
        canAmendPlan(a, provincePlan("issued")),
        canReadPlan(a, depPlan("draft")),
        canUpdatePlan(a, depPlan("draft")),
        canReadPlan(a, communePlan),
        canReadPlan(a, otherProvince),
        canCreateChildPlan(a, provincePlan("issued")),
        canUpdateAssignment(a, { unitId: "int", unitPath: "/p/dep/int/", provinceId: P }),
      ]).toEqual(expected);
    });
  }

  it("scopes lists: leaders and coordinators the province, units their subtree", () => {
    expect(taskScope(actors.viewer)).toEqual({ kind: "province", provinceId: P });
    expect(taskScope(actors.coordinator)).toEqual({ kind: "province", provinceId: P });
    expect(taskScope(actors.depOfficer)).toEqual({ kind: "subtree", provinceId: P, unitPath: "/p/dep/" });
  });
});
