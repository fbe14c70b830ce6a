import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CENTRAL_AGENCIES,
  DEPARTMENTS,
  DIRECTIONS,
  FAMILY_NAMES,
  GIVEN_NAMES,
  INTERNAL_UNITS,
  MIDDLE_NAMES,
  PLACE_SYLLABLES,
  PROVINCES,
  STANDARD_GROUPS,
} from "../../../bench/generate/names";
import { compareVietnamese } from "../../../core/src/text/vietnamese";
import { vietnameseSortKey, vietnameseSortKeySql } from "../../../core/src/text/vietnamese-sort";
import { createTestDatabase } from "../../test/database";
import { DEMO_USERS, GIA_LAI_GROUPS, GIA_LAI_UNITS } from "../features/demo/gia-lai.units";
import type { Database } from "./db";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

/** The project's own names: the demo province, the bench generator's names and combinations of them. */
function projectNames(): string[] {
  const rng = fc.sample(fc.nat(), { numRuns: 3000, seed: 42 });
  const pick = <T>(list: readonly T[], i: number) => list[rng[i % rng.length] % list.length];
  const places = Array.from({ length: 600 }, (_, i) => {
    const place = `${pick(PLACE_SYLLABLES, i)} ${pick(PLACE_SYLLABLES, i + 1)}`;
    return i % 3 === 0 ? `Xã ${place} ${pick(DIRECTIONS, i + 2)}` : i % 3 === 1 ? `Phường ${i % 40}` : place;
  });
  const people = Array.from(
    { length: 600 },
    (_, i) => `${pick(FAMILY_NAMES, i)} ${pick(MIDDLE_NAMES, i + 7)} ${pick(GIVEN_NAMES, i + 13)}`,
  );
  return [
    ...GIA_LAI_UNITS.flatMap((u) => [u.name, ...(u.shortName ? [u.shortName] : []), ...(u.aliases ?? [])]),
    ...GIA_LAI_GROUPS.map((g) => g.name),
    ...DEMO_USERS.map((u) => u.displayName),
    ...PROVINCES.map((p) => p.name),
    ...DEPARTMENTS.flatMap((d) => [d.name, d.shortName, ...d.aliases]),
    ...CENTRAL_AGENCIES,
    ...INTERNAL_UNITS,
    ...STANDARD_GROUPS.map((g) => g.name),
    ...places,
    ...people,
  ];
}

/** Strings built from every Vietnamese letter, tone, case, digits, white space and punctuation. */
function generatedNames(): string[] {
  const pieces = [
    ..."aăâbcdđeêghiklmnoôơpqrstuưvxyfjwzĐĂÂÊÔƠƯàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ",
    ..."ÀẢÃÁẠẰẮẶẦẤẬÈÉẸỀẾỆÌÍỊÒÓỌỒỐỘỜỚỢÙÚỤỪỨỰỲÝỴ",
    ..." \u00a0\t-–—,;:!?.…·'’‘\"“”«»()[]{}§@*/\\&#%•`^°+<=>|~$_",
    "0",
    "1",
    "10",
    "007",
    "2",
    "中",
    "ç",
    "Nhơn",
    "Đông",
  ];
  return fc.sample(
    fc.array(fc.constantFrom(...pieces), { maxLength: 10 }).map((p) => p.join("")),
    { numRuns: 3000, seed: 7 },
  );
}

async function sqlKeys(names: string[]) {
  return database.query<{ name: string; key: string }>(
    `select n as name, vietnamese_sort_key(n) as key from unnest($1::text[]) with ordinality as t(n, i) order by i`,
    [names],
  );
}

describe("vietnamese_sort_key in SQL", () => {
  it("is the function core writes out (migration 0014 is vietnameseSortKeySql())", async () => {
    const [row] = await database.query<{ body: string }>(
      `select prosrc as body from pg_proc where proname = 'vietnamese_sort_key'`,
    );
    const expected = vietnameseSortKeySql().split("$fn$")[1];
    // The body as PostgreSQL keeps it: escapes in E'' literals are part of the source text.
    expect(row.body).toBe(expected);
  });

  it("gives the keys core gives, for the project's names and generated strings", async () => {
    const names = [
      ...projectNames(),
      ...generatedNames(),
      "",
      "0",
      "000",
      "Phường 02",
      "Nhơn Đông".normalize("NFD"),
    ];
    const rows = await sqlKeys(names);
    expect(rows.length).toBe(names.length);
    const differ = rows.filter((r) => r.key !== vietnameseSortKey(r.name));
    expect(differ.slice(0, 5)).toEqual([]);
  });

  it('orders names under COLLATE "C" as the Vietnamese collator does', async () => {
    const names = [...new Set(projectNames())];
    const rows = await database.query<{ name: string }>(
      `select n as name from unnest($1::text[]) as t(n) order by vietnamese_sort_key(n) collate "C"`,
      [names],
    );
    const sorted = rows.map((r) => r.name);
    for (let i = 1; i < sorted.length; i++)
      expect(
        compareVietnamese(sorted[i - 1], sorted[i]),
        `${sorted[i - 1]} / ${sorted[i]}`,
      ).toBeLessThanOrEqual(0);
  });
});
