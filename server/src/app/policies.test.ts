import { describe, expect, it } from "vitest";
import type { Role } from "../../../core/src/auth/roles";
import { canReadAudit } from "../features/audit/audit.policy";
import { canManageDirectory, canReadUnit } from "../features/org-units/org-units.policy";
import { canListUsers, canManageUsers, canReadUser } from "../features/users/users.policy";
import type { Actor } from "./actor";

const PROVINCE = "p1";
const actorWith = (role: Role): Actor => ({
  userId: `u-${role}`,
  username: role,
  displayName: role,
  unitId: "unit-a",
  unitPath: "/p1/unit-a/",
  provinceId: PROVINCE,
  roles: [role],
  scopePath: null,
  sessionId: "s",
  ip: null,
  profile: {
    email: null,
    mustChangePassword: false,
    unitName: "Đơn vị A",
    unitKind: "department",
    provinceName: "Tỉnh P",
  },
});

const ownUnit = { provinceId: PROVINCE };
const otherProvinceUnit = { provinceId: "p2" };
const colleague = { id: "u-x", unitId: "unit-a" };
const stranger = { id: "u-y", unitId: "unit-b" };

// role → [read own province unit, read other province unit, manage directory, manage users, list users,
//         read colleague, read stranger, read audit]
const TABLE: Record<Role, boolean[]> = {
  admin: [true, true, true, true, true, true, true, true],
  coordinator: [true, false, false, false, false, false, false, false],
  officer: [true, false, false, false, false, false, false, false],
  head: [true, false, false, false, true, true, false, false],
  viewer: [true, false, false, false, false, false, false, false],
};

describe("policies by role", () => {
  for (const [role, expected] of Object.entries(TABLE) as Array<[Role, boolean[]]>) {
    it(`${role}: ${expected.map((e) => (e ? "✓" : "✗")).join(" ")}`, () => {
      const actor = actorWith(role);
      expect([
        canReadUnit(actor, ownUnit),
        canReadUnit(actor, otherProvinceUnit),
        canManageDirectory(actor),
        canManageUsers(actor),
        canListUsers(actor),
        canReadUser(actor, colleague),
        canReadUser(actor, stranger),
        canReadAudit(actor),
      ]).toEqual(expected);
    });
  }

  it("everyone reads their own account", () => {
    for (const role of Object.keys(TABLE) as Role[]) {
      const actor = actorWith(role);
      expect(canReadUser(actor, { id: actor.userId, unitId: "elsewhere" })).toBe(true);
    }
  });

  it("a user without a province reads no unit unless admin", () => {
    const actor = { ...actorWith("officer"), provinceId: null };
    expect(canReadUnit(actor, { provinceId: null })).toBe(false);
  });
});
