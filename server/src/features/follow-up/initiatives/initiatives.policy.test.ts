import { describe, expect, it } from "vitest";
import type { Role } from "../../../../../core/src/auth/roles";
import type { Actor } from "../../../app/actor";
import {
  canDecideInitiative,
  canReadInitiative,
  canRegisterInitiative,
  initiativeScope,
} from "../follow-up.policy";
import { initiativeCan } from "./initiatives.service";

/**
 * Who may do what with reform initiatives, by role: the table a person reads. Province P has a
 * department /p/dep/ with an internal office /p/dep/off/, communes /p/a/ and /p/b/; province Q another.
 */
const P = "province-p";
const actorAt = (role: Role, unitId: string, unitPath: string, provinceId: string | null = P): Actor => ({
  userId: `u-${role}-${unitId}`,
  username: role,
  displayName: role,
  unitId,
  unitPath,
  provinceId,
  roles: [role],
  scopePath: null,
  sessionId: "s",
  ip: null,
  profile: { email: null, mustChangePassword: false, unitName: "x", unitKind: "commune", provinceName: "P" },
});

const ACTORS = {
  coordinator: actorAt("coordinator", "dep", "/p/dep/"),
  viewer: actorAt("viewer", "p", "/p/"),
  officerA: actorAt("officer", "a", "/p/a/"),
  headA: actorAt("head", "a", "/p/a/"),
  officerDep: actorAt("officer", "dep", "/p/dep/"),
  officerB: actorAt("officer", "b", "/p/b/"),
  coordinatorQ: actorAt("coordinator", "q", "/q/", "province-q"),
  admin: actorAt("admin", "x", "/x/", null),
};
type Who = keyof typeof ACTORS;

const unitA = { id: "a", path: "/p/a/", provinceId: P };
const office = { id: "off", path: "/p/dep/off/", provinceId: P };
const ofA = (state: string) => ({ unitId: "a", unitPath: "/p/a/", provinceId: P, state });

describe("reform initiatives: who may do what, by role", () => {
  it("registers for commune A: its officer and head, the province's coordinator, an administrator", () => {
    const expected: Record<Who, boolean> = {
      coordinator: true,
      viewer: false,
      officerA: true,
      headA: true,
      officerDep: false,
      officerB: false,
      coordinatorQ: false,
      admin: true,
    };
    for (const [who, actor] of Object.entries(ACTORS))
      expect(canRegisterInitiative(actor, unitA), who).toBe(expected[who as Who]);
    // A department's officer does not register for its office: the office registers its own.
    expect(canRegisterInitiative(ACTORS.officerDep, office)).toBe(false);
  });

  it("decides: only the province's coordinators (and administrators)", () => {
    const deciders = Object.entries(ACTORS)
      .filter(([, a]) => canDecideInitiative(a, { provinceId: P }))
      .map(([w]) => w);
    expect(deciders.sort()).toEqual(["admin", "coordinator"]);
  });

  it("reads commune A's initiative: the province's readers, A itself, and a unit it is replicated to", () => {
    const row = { provinceId: P, unitPath: "/p/a/" };
    const readers = Object.entries(ACTORS)
      .filter(([, a]) => canReadInitiative(a, row))
      .map(([w]) => w);
    expect(readers.sort()).toEqual(["admin", "coordinator", "headA", "officerA", "viewer"]);
    expect(canReadInitiative(ACTORS.officerB, { ...row, replicatedToPaths: ["/p/b/"] })).toBe(true);
    // The department reads what its office registered.
    expect(canReadInitiative(ACTORS.officerDep, { provinceId: P, unitPath: "/p/dep/off/" })).toBe(true);
    expect(canReadInitiative(ACTORS.coordinatorQ, { ...row, replicatedToPaths: ["/q/"] })).toBe(false);
  });

  it("lists by the same scope in SQL", () => {
    expect(initiativeScope(ACTORS.coordinator)).toEqual({ kind: "province", provinceId: P });
    expect(initiativeScope(ACTORS.viewer)).toEqual({ kind: "province", provinceId: P });
    expect(initiativeScope(ACTORS.officerA)).toEqual({ kind: "subtree", provinceId: P, unitPath: "/p/a/" });
    expect(initiativeScope(ACTORS.admin)).toEqual({ kind: "all" });
  });

  it("offers the unit all changes while proposed, only the result once recognised, nothing once refused", () => {
    const table = (state: string) =>
      Object.fromEntries(
        (["officerA", "coordinator", "viewer", "officerB"] as const).map((w) => [
          w,
          initiativeCan(ACTORS[w], ofA(state)),
        ]),
      );
    const proposed = table("proposed");
    expect(proposed.officerA).toEqual({
      update: true,
      updateResult: true,
      delete: true,
      attach: true,
      actions: [],
    });
    expect(proposed.coordinator).toEqual({
      update: true,
      updateResult: true,
      delete: true,
      attach: true,
      actions: ["recognise", "reject"],
    });
    expect(proposed.viewer).toEqual({
      update: false,
      updateResult: false,
      delete: false,
      attach: false,
      actions: [],
    });
    expect(proposed.officerB.update).toBe(false);
    const recognised = table("recognised");
    expect(recognised.officerA).toEqual({
      update: false,
      updateResult: true,
      delete: false,
      attach: true,
      actions: [],
    });
    expect(recognised.coordinator.actions).toEqual(["replicate", "reconsider"]);
    expect(table("replicated").coordinator.actions).toEqual(["replicate"]);
    const refused = table("notRecognised");
    expect(refused.officerA).toEqual({
      update: false,
      updateResult: false,
      delete: false,
      attach: false,
      actions: [],
    });
    expect(refused.coordinator.actions).toEqual(["reconsider"]);
  });
});
