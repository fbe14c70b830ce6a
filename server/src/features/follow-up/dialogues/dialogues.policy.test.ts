import { describe, expect, it } from "vitest";
import type { Role } from "../../../../../core/src/auth/roles";
import type { Actor } from "../../../app/actor";
import type { ItemLike } from "../follow-up.policy";
import {
  canHostFor,
  canManageDialogue,
  canPublish,
  canReadDialogue,
  type DialogueLike,
  dialogueScope,
  mayHostSomewhere,
} from "./dialogues.policy";

/** Every role sits in commune X of province p1. */
const actorWith = (role: Role): Actor => ({
  userId: `u-${role}`,
  username: role,
  displayName: role,
  unitId: "x",
  unitPath: "/p1/x/",
  provinceId: "p1",
  roles: [role],
  scopePath: null,
  sessionId: "s",
  ip: null,
  profile: {
    email: null,
    mustChangePassword: false,
    unitName: "Xã X",
    unitKind: "commune",
    provinceName: "Tỉnh P",
  },
});

const dialogue = (
  hostUnitId: string,
  hostUnitPath: string,
  hostUnitKind: string,
  provinceId = "p1",
): DialogueLike => ({
  provinceId,
  hostUnitId,
  hostUnitPath,
  hostUnitKind,
});
const own = dialogue("x", "/p1/x/", "commune");
const province = dialogue("p1", "/p1/", "province");
const neighbour = dialogue("y", "/p1/y/", "commune");
const foreign = dialogue("z", "/p2/z/", "commune", "p2");

/** A recommendation answered by the Sở Tài chính, followed by the dialogue's host. */
const item = (d: DialogueLike): ItemLike => ({
  provinceId: d.provinceId,
  unitPath: `/${d.provinceId}/stc/`,
  followerUnitId: d.hostUnitId,
  followerUnitPath: d.hostUnitPath,
  followerUnitKind: d.hostUnitKind,
});

// role → [read own, read neighbour's, read another province's, manage own, manage the province's,
//         manage neighbour's, host for the province, host somewhere, publish own's, publish
//         neighbour's, publish another province's]
const TABLE: Record<Role, boolean[]> = {
  admin: [true, true, true, true, true, true, true, true, true, true, true],
  coordinator: [true, true, false, true, true, false, true, true, true, true, false],
  officer: [true, false, false, true, false, false, false, true, true, false, false],
  head: [true, false, false, true, false, false, false, true, true, false, false],
  viewer: [true, true, false, false, false, false, false, false, false, false, false],
};

const SCOPES: Record<Role, string> = {
  admin: "all",
  coordinator: "province",
  officer: "subtree",
  head: "subtree",
  viewer: "province",
};

describe("dialogues policy by role", () => {
  for (const [role, expected] of Object.entries(TABLE) as Array<[Role, boolean[]]>) {
    it(`${role}: ${expected.map((e) => (e ? "✓" : "✗")).join(" ")}`, () => {
      const actor = actorWith(role);
      expect([
        canReadDialogue(actor, own),
        canReadDialogue(actor, neighbour),
        canReadDialogue(actor, foreign),
        canManageDialogue(actor, own),
        canManageDialogue(actor, province),
        canManageDialogue(actor, neighbour),
        canHostFor(actor, { id: "p1", kind: "province", provinceId: "p1" }),
        mayHostSomewhere(actor),
        canPublish(actor, item(own)),
        canPublish(actor, item(neighbour)),
        canPublish(actor, item(foreign)),
      ]).toEqual(expected);
      // The list's scope says in SQL what `canReadDialogue` says row by row.
      expect(dialogueScope(actor).kind).toBe(SCOPES[role]);
    });
  }

  it("does not let the unit that answers a recommendation publish it", () => {
    const stcOfficer = { ...actorWith("officer"), unitId: "stc", unitPath: "/p1/stc/" };
    expect(canPublish(stcOfficer, item(own))).toBe(false);
  });

  it("lets an officer without a province see nothing", () => {
    expect(dialogueScope({ ...actorWith("officer"), provinceId: null }).kind).toBe("none");
  });
});
