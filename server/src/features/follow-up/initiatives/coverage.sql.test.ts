import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  countsTowardMinimum,
  INITIATIVE_STATES,
  type InitiativeState,
  initiativeShortfall,
  isRecognised,
} from "../../../../../core/src/follow-up/initiatives";
import { createTestDatabase } from "../../../../test/database";
import { buildProvince, buildUnit } from "../../../../test/factories";
import type { Database } from "../../../app/db";
import type { OrgUnitRow } from "../../org-units/org-units.repository";
import { createCoverageRepository } from "./coverage.repository";
import { createInitiativesRepository } from "./initiatives.repository";

/**
 * The yearly count's SQL (coverage.repository.ts) against core's rules: for communes holding every
 * combination of up to two initiatives in any state, and minimums 0 to 3, the SQL's counted,
 * recognised and shortfall are what `countsTowardMinimum`, `isRecognised` and `initiativeShortfall`
 * say. An internal office's initiative counts for its department; another year's for nobody.
 */
let database: Database;
let province: OrgUnitRow;
const YEAR = 2026;
const expected = new Map<string, InitiativeState[]>();

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  province = await buildProvince(db, { name: "Tỉnh Đối Chiếu" });
  const repo = createInitiativesRepository(db);
  const add = (unit: OrgUnitRow, state: InitiativeState, year = YEAR) =>
    repo.insert({
      provinceId: province.id,
      unitId: unit.id,
      unitPath: unit.path,
      year,
      title: `${unit.name} ${state}`,
      problem: "",
      solution: "",
      field: "",
      expectedResult: "",
      actualResult: "",
      state,
    });
  const combos: InitiativeState[][] = [[]];
  for (const a of INITIATIVE_STATES) {
    combos.push([a]);
    for (const b of INITIATIVE_STATES) if (a <= b) combos.push([a, b]);
  }
  for (const [n, states] of combos.entries()) {
    const commune = await buildUnit(db, { kind: "commune", name: `Xã Số ${n}`, parentId: province.id });
    for (const s of states) await add(commune, s);
    // Another year's initiative never counts for this one.
    await add(commune, "recognised", YEAR - 1);
    expected.set(commune.id, states);
  }
  const dep = await buildUnit(db, { kind: "department", name: "Sở Có Văn Phòng", parentId: province.id });
  const office = await buildUnit(db, { kind: "internalUnit", name: "Văn phòng Sở", parentId: dep.id });
  await add(office, "recognised");
  await add(dep, "notRecognised");
  expected.set(dep.id, ["recognised", "notRecognised"]);
}, 120_000);

afterAll(async () => {
  await database.close();
});

describe("the yearly count's SQL agrees with core", () => {
  for (const minimum of [0, 1, 2, 3])
    it(`for a minimum of ${minimum}`, async () => {
      const { rows, summary } = await createCoverageRepository(database.db).page({
        provinceId: province.id,
        year: YEAR,
        day: `${YEAR}-12-31`,
        minimums: { department: minimum, district: minimum, commune: minimum },
        scopePath: null,
        onlyShort: false,
        limit: 1000,
        offset: 0,
      });
      expect(rows).toHaveLength(expected.size);
      for (const r of rows) {
        const states = expected.get(r.unitId) as InitiativeState[];
        const counted = states.filter(countsTowardMinimum).length;
        expect(r, r.unitName).toMatchObject({
          registered: states.length,
          counted,
          recognised: states.filter(isRecognised).length,
          minimum,
          shortfall: initiativeShortfall(counted, minimum),
        });
      }
      // Most lacking first.
      const shortfalls = rows.map((r) => r.shortfall);
      expect(shortfalls).toEqual([...shortfalls].sort((a, b) => b - a));
      const short = await createCoverageRepository(database.db).summary({
        provinceId: province.id,
        year: YEAR,
        day: `${YEAR}-12-31`,
        minimums: { department: minimum, district: minimum, commune: minimum },
        scopePath: null,
      });
      expect(short.unitsShort).toBe(rows.filter((r) => r.shortfall > 0).length);
      expect(short.unitsWithNone).toBe(rows.filter((r) => r.counted === 0).length);
      expect(summary).toEqual(short);
    });

  it("sums the year over the units as core's rules count it, naming the units with none (the consolidated report)", async () => {
    const filter = {
      provinceId: province.id,
      year: YEAR,
      day: `${YEAR}-12-31`,
      minimums: { department: 2, district: 2, commune: 2 },
      scopePath: null,
    };
    const report = await createCoverageRepository(database.db).yearReport(filter);
    const all = [...expected.values()];
    const names = new Map<string, string>();
    for (const r of (
      await createCoverageRepository(database.db).page({
        ...filter,
        onlyShort: false,
        limit: 1000,
        offset: 0,
      })
    ).rows)
      names.set(r.unitId, r.unitName);
    expect(report).toMatchObject({
      units: expected.size,
      registered: all.reduce((n, states) => n + states.length, 0),
      recognised: all.reduce((n, states) => n + states.filter(isRecognised).length, 0),
      replicated: all.reduce((n, states) => n + states.filter((s) => s === "replicated").length, 0),
      unitsShort: all.filter(
        (states) => initiativeShortfall(states.filter(countsTowardMinimum).length, 2) > 0,
      ).length,
    });
    const none = [...expected.entries()]
      .filter(([, states]) => !states.some(countsTowardMinimum))
      .map(([id]) => names.get(id));
    expect([...report.withNone].sort()).toEqual([...none].sort());
    expect(report.withNone.length).toBeGreaterThan(0);
  });
});
