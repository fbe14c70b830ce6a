import { describe, expect, it } from "vitest";
import type { Role } from "../../../../../core/src/auth/roles";
import type { Actor } from "../../../app/actor";
import {
  canCreateInspectionPlan,
  canDeleteInspectionPlan,
  canReadInspection,
  canReadInspectionPlan,
  canUpdateFinding,
  type InspectionLike,
  inspectionCan,
  inspectionPlanCan,
  inspectionScope,
} from "./inspections.policy";

const P = "province-1";
// The province /p/ with Sở Nội vụ /p/snv/ (inspecting), commune A /p/a/ (inspected), commune B /p/b/,
// another department /p/dep/; and a second province /q/.
const actorAt = (role: Role, unitId: string, unitPath: string, provinceId = P): Actor => ({
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
  profile: {
    email: null,
    mustChangePassword: false,
    unitName: "x",
    unitKind: "department",
    provinceName: "P",
  },
});
const snvPlan = { provinceId: P, ownerUnitId: "snv", ownerUnitKind: "department", ownerUnitPath: "/p/snv/" };
const provincePlan = { provinceId: P, ownerUnitId: "p", ownerUnitKind: "province", ownerUnitPath: "/p/" };
const inspectionOfA = (state: string, plan = snvPlan): InspectionLike => ({
  ...plan,
  unitPath: "/p/a/",
  state,
});

const ACTORS = {
  admin: actorAt("admin", "p", "/p/"),
  coordinator: actorAt("coordinator", "snv", "/p/snv/"),
  snvOfficer: actorAt("officer", "snv", "/p/snv/"),
  snvHead: actorAt("head", "snv", "/p/snv/"),
  aOfficer: actorAt("officer", "a", "/p/a/"),
  aHead: actorAt("head", "a", "/p/a/"),
  bOfficer: actorAt("officer", "b", "/p/b/"),
  depOfficer: actorAt("officer", "dep", "/p/dep/"),
  viewer: actorAt("viewer", "p", "/p/"),
  otherCoordinator: actorAt("coordinator", "qsnv", "/q/snv/", "province-2"),
};
type Who = keyof typeof ACTORS;

describe("inspection policy by role", () => {
  // [who, reads Sở Nội vụ's plan (not inspecting her), manages it, reads A's inspection, records it]
  const table: Array<[Who, boolean, boolean, boolean, boolean]> = [
    ["admin", true, true, true, true],
    ["coordinator", true, true, true, true],
    ["snvOfficer", true, true, true, true],
    ["snvHead", true, true, true, true],
    ["aOfficer", false, false, true, false],
    ["aHead", false, false, true, false],
    ["bOfficer", false, false, false, false],
    ["depOfficer", false, false, false, false],
    ["viewer", true, false, true, false],
    ["otherCoordinator", false, false, false, false],
  ];
  for (const [who, readPlan, manage, readInspection, record] of table)
    it(`${who}: plan ${readPlan ? "read" : "hidden"}, ${manage ? "managed" : "not managed"}; A's inspection ${readInspection ? "read" : "hidden"}, ${record ? "recorded" : "not recorded"}`, () => {
      const actor = ACTORS[who];
      expect(canReadInspectionPlan(actor, snvPlan, false)).toBe(readPlan);
      expect(inspectionPlanCan(actor, snvPlan, 0).manage).toBe(manage);
      expect(canReadInspection(actor, inspectionOfA("planned"))).toBe(readInspection);
      expect(inspectionCan(actor, inspectionOfA("planned")).record).toBe(record);
    });

  it("lets a unit read a plan that inspects it, and only in its own province", () => {
    expect(canReadInspectionPlan(ACTORS.aOfficer, snvPlan, true)).toBe(true);
    expect(canReadInspectionPlan(ACTORS.otherCoordinator, snvPlan, true)).toBe(false);
  });

  it("lets the province's coordinators run the province's plans, and Sở Nội vụ only its own", () => {
    expect(inspectionPlanCan(ACTORS.coordinator, provincePlan, 0).manage).toBe(true);
    expect(inspectionPlanCan(ACTORS.snvOfficer, provincePlan, 0).manage).toBe(false);
    expect(canCreateInspectionPlan(ACTORS.coordinator, { id: "p", kind: "province", provinceId: P })).toBe(
      true,
    );
    expect(canCreateInspectionPlan(ACTORS.snvOfficer, { id: "p", kind: "province", provinceId: P })).toBe(
      false,
    );
    expect(canCreateInspectionPlan(ACTORS.snvOfficer, { id: "snv", kind: "department", provinceId: P })).toBe(
      true,
    );
    expect(canCreateInspectionPlan(ACTORS.aOfficer, { id: "snv", kind: "department", provinceId: P })).toBe(
      false,
    );
    expect(canCreateInspectionPlan(ACTORS.viewer, { id: "p", kind: "province", provinceId: P })).toBe(false);
    expect(
      canCreateInspectionPlan(ACTORS.otherCoordinator, { id: "p", kind: "province", provinceId: P }),
    ).toBe(false);
  });

  it("allows deleting a plan only while no inspection is recorded", () => {
    expect(canDeleteInspectionPlan(ACTORS.coordinator, snvPlan, 0)).toBe(true);
    expect(canDeleteInspectionPlan(ACTORS.coordinator, snvPlan, 1)).toBe(false);
    expect(canDeleteInspectionPlan(ACTORS.aOfficer, snvPlan, 0)).toBe(false);
  });

  it("edits, cancels and records only a planned inspection; adds findings only to a recorded one", () => {
    const c = ACTORS.coordinator;
    expect(inspectionCan(c, inspectionOfA("planned"))).toEqual({
      update: true,
      cancel: true,
      record: true,
      addFindings: false,
      upload: true,
    });
    expect(inspectionCan(c, inspectionOfA("done"))).toEqual({
      update: false,
      cancel: false,
      record: false,
      addFindings: true,
      upload: true,
    });
    expect(inspectionCan(c, inspectionOfA("cancelled"))).toEqual({
      update: false,
      cancel: false,
      record: false,
      addFindings: false,
      upload: false,
    });
  });

  it("corrects a finding only while its remediation is not accepted, and only by the inspecting unit", () => {
    const done = inspectionOfA("done");
    expect(canUpdateFinding(ACTORS.snvOfficer, done, "open")).toBe(true);
    expect(canUpdateFinding(ACTORS.snvOfficer, done, "reported")).toBe(true);
    expect(canUpdateFinding(ACTORS.snvOfficer, done, "accepted")).toBe(false);
    expect(canUpdateFinding(ACTORS.aOfficer, done, "open")).toBe(false);
  });

  it("cuts lists to all, the province or the unit's subtree", () => {
    expect(inspectionScope(ACTORS.admin)).toEqual({ kind: "all" });
    expect(inspectionScope(ACTORS.coordinator)).toEqual({ kind: "province", provinceId: P });
    expect(inspectionScope(ACTORS.viewer)).toEqual({ kind: "province", provinceId: P });
    expect(inspectionScope(ACTORS.aOfficer)).toEqual({ kind: "subtree", provinceId: P, unitPath: "/p/a/" });
    expect(inspectionScope(ACTORS.snvHead)).toEqual({ kind: "subtree", provinceId: P, unitPath: "/p/snv/" });
  });
});
