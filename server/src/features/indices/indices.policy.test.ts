import { describe, expect, it } from "vitest";
import type { Role } from "../../../../core/src/auth/roles";
import type { Actor } from "../../app/actor";
import {
  canEditDefinitions,
  canManageResults,
  canReadResults,
  canReadTargets,
  canWriteTargets,
} from "./indices.policy";

const PROVINCE = "11111111-1111-4111-8111-111111111111";
const OTHER = "22222222-2222-4222-8222-222222222222";
// Only the fields the policies read; other Actor fields are irrelevant here.
const actor = (roles: Role[], provinceId: string | null = PROVINCE): Actor =>
  ({
    userId: "u",
    username: "u",
    displayName: "U",
    unitId: "x",
    unitPath: "/x/",
    provinceId,
    roles,
    scopePath: null,
    sessionId: "s",
    ip: null,
  }) as Partial<Actor> as Actor;

describe("indices policy", () => {
  it.each([
    // role, read results, manage results, edit definitions, read own targets, write own, read other's, write other's
    ["admin", true, true, true, true, true, true, true],
    ["coordinator", true, true, false, true, true, false, false],
    ["officer", true, false, false, true, false, false, false],
    ["head", true, false, false, true, false, false, false],
    ["viewer", true, false, false, true, false, false, false],
  ] as const)("%s", (role, read, manage, edit, readOwn, writeOwn, readOther, writeOther) => {
    const a = actor([role]);
    expect(canReadResults(a)).toBe(read);
    expect(canManageResults(a)).toBe(manage);
    expect(canEditDefinitions(a)).toBe(edit);
    expect(canReadTargets(a, { provinceUnitId: PROVINCE })).toBe(readOwn);
    expect(canWriteTargets(a, { provinceUnitId: PROVINCE })).toBe(writeOwn);
    expect(canReadTargets(a, { provinceUnitId: OTHER })).toBe(readOther);
    expect(canWriteTargets(a, { provinceUnitId: OTHER })).toBe(writeOther);
  });
});
