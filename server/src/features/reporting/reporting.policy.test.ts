import { describe, expect, it } from "vitest";
import type { Role } from "../../../../core/src/auth/roles";
import type { Actor } from "../../app/actor";
import type { PlanLike } from "../plans/plans.policy";
import {
  canActOnReport,
  canAllowLate,
  canEditReport,
  canManageReporting,
  canReadReport,
  type ReportLike,
} from "./reporting.policy";

const P = "province-1";
const actorAt = (role: Role, unitId: string, unitPath: string, scopePath: string | null = null): Actor => ({
  userId: `u-${role}`,
  username: role,
  displayName: role,
  unitId,
  unitPath,
  provinceId: P,
  roles: [role],
  scopePath,
  sessionId: "s",
  ip: null,
  profile: { email: null, mustChangePassword: false, unitName: "x", unitKind: "commune", provinceName: "P" },
});
// Province /p/; Sở Nội vụ /p/snv/ receives; commune /p/com/ reports; another commune /p/other/.
const report = (state: ReportLike["state"]): ReportLike => ({
  provinceId: P,
  unitId: "com",
  unitPath: "/p/com/",
  state,
  lockDate: null,
  lateAllowed: false,
  wasReturned: false,
  requiresApproval: false,
  receivingUnitId: "snv",
});
const ACTORS: Record<string, Actor> = {
  admin: actorAt("admin", "p", "/p/"),
  coordinator: actorAt("coordinator", "snv", "/p/snv/"),
  officer: actorAt("officer", "com", "/p/com/"),
  head: actorAt("head", "com", "/p/com/"),
  viewer: actorAt("viewer", "p", "/p/"),
  otherOfficer: actorAt("officer", "other", "/p/other/"),
  otherHead: actorAt("head", "other", "/p/other/"),
};
const DAY = "2025-06-10";

// roles × actions: which actor may do what to a commune's report in the state the action needs.
const TABLE: Array<[string, boolean, boolean, boolean, boolean, boolean, boolean, boolean]> = [
  //              read   edit  submit return accept reopen allowLate
  ["admin", true, true, true, true, true, true, true],
  ["coordinator", true, false, false, true, true, true, true],
  ["officer", true, true, true, false, false, false, false],
  ["head", true, true, true, false, false, false, false],
  ["viewer", true, false, false, false, false, false, false],
  ["otherOfficer", false, false, false, false, false, false, false],
  ["otherHead", false, false, false, false, false, false, false],
];

describe("reporting policy", () => {
  it.each(TABLE)(
    "%s: read %s edit %s submit %s return %s accept %s reopen %s allowLate %s",
    (name, ...want) => {
      const a = ACTORS[name];
      expect([
        canReadReport(a, report("draft")),
        canEditReport(a, report("draft"), DAY),
        canActOnReport(a, report("draft"), "submit", DAY),
        canActOnReport(a, report("submitted"), "return", DAY),
        canActOnReport(a, report("resubmitted"), "accept", DAY),
        canActOnReport(a, report("accepted"), "reopen", DAY),
        canAllowLate(a, report("submitted")),
      ]).toEqual(want);
    },
  );

  it("a coordinator monitoring another subtree neither reads nor receives the report", () => {
    const c = actorAt("coordinator", "x", "/p/x/", "/p/other/");
    expect(canReadReport(c, report("submitted"))).toBe(false);
    expect(canActOnReport(c, report("submitted"), "accept", DAY)).toBe(false);
  });

  it("nobody outside the province reads it", () => {
    const c = { ...ACTORS.coordinator, provinceId: "province-2" };
    expect(canReadReport(c, report("submitted"))).toBe(false);
  });

  it("obligations are set only on issued plans, by whoever manages them", () => {
    const plan = (status: string): PlanLike => ({
      provinceId: P,
      ownerUnitId: "p",
      ownerUnitKind: "province",
      ownerUnitPath: "/p/",
      status,
      isFramework: false,
    });
    expect(canManageReporting(ACTORS.coordinator, plan("issued"))).toBe(true);
    expect(canManageReporting(ACTORS.coordinator, plan("draft"))).toBe(false);
    expect(canManageReporting(ACTORS.officer, plan("issued"))).toBe(false);
  });
});
