import { buildUnitSearchText } from "../../core/src/text/unit-search";
import { foldForMatch, foldVietnamese } from "../../core/src/text/vietnamese";
import { ADMIN_USERNAME, usernameOf } from "../accounts";
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
} from "./names";
import { createRandom, type Random } from "./random";
import { SCALES, type ScaleName, type ScaleSpec } from "./scales";

export interface PlannedUnit {
  id: string;
  kind: string;
  parentId: string | null;
  provinceId: string | null;
  path: string;
  depth: number;
  name: string;
  shortName: string | null;
  code: string | null;
  aliases: string[];
  searchText: string;
  validFrom: string | null;
  validTo: string | null;
  sortOrder: number;
}

export interface PlannedUser {
  id: string;
  username: string;
  displayName: string;
  email: string;
  unitId: string;
  roles: string[];
  searchText: string;
}

export interface PlannedGroup {
  id: string;
  provinceId: string;
  name: string;
  searchText: string;
  ruleKinds: string[];
  ruleParentId: string;
  /** Kinds anywhere under the parent (divisions of departments too), not only its children. */
  ruleDescendants: boolean;
}

export interface PlannedProvince {
  id: string;
  name: string;
  communeNames: string[];
}

export interface Plan {
  scale: ScaleName;
  units: PlannedUnit[];
  users: PlannedUser[];
  groups: PlannedGroup[];
  provinces: PlannedProvince[];
}

/** The day before the 2025 reform: districts ended then, kept so 2022-2024 plans stay readable. */
const DISTRICTS_ENDED = "2025-06-30";
const COMMUNES_STARTED = "2025-07-01";

type UnitInput = Pick<PlannedUnit, "kind" | "name"> &
  Partial<Pick<PlannedUnit, "shortName" | "code" | "aliases" | "validFrom" | "validTo">>;

/** Builds a unit with path, depth and province exactly as insertUnit does (org-units.service.ts). */
function planUnit({
  random,
  parent,
  input,
  sortOrder,
}: {
  random: Random;
  parent: PlannedUnit | null;
  input: UnitInput;
  sortOrder: number;
}): PlannedUnit {
  const id = random.uuid();
  const aliases = input.aliases ?? [];
  return {
    id,
    kind: input.kind,
    parentId: parent?.id ?? null,
    provinceId: parent ? parent.provinceId : input.kind === "province" ? id : null,
    path: parent ? `${parent.path}${id}/` : `/${id}/`,
    depth: parent ? parent.depth + 1 : 0,
    name: input.name,
    shortName: input.shortName ?? null,
    code: input.code ?? null,
    aliases,
    searchText: buildUnitSearchText({
      name: input.name,
      shortName: input.shortName,
      aliases,
      code: input.code,
    }),
    validFrom: input.validFrom ?? null,
    validTo: input.validTo ?? null,
    sortOrder,
  };
}

/** Two distinct place syllables, sometimes with a direction, unique within the province. */
function placeName({ random, taken }: { random: Random; taken: Set<string> }): string {
  for (;;) {
    const a = random.pick(PLACE_SYLLABLES);
    const b = random.pick(PLACE_SYLLABLES);
    if (a === b) continue;
    const name = random.next() < 0.2 ? `${a} ${b} ${random.pick(DIRECTIONS)}` : `${a} ${b}`;
    if (taken.has(name)) continue;
    taken.add(name);
    return name;
  }
}

function planProvince({ random, spec, index }: { random: Random; spec: ScaleSpec; index: number }): {
  units: PlannedUnit[];
  province: PlannedProvince;
  groups: PlannedGroup[];
  snvId: string;
} {
  const { name, city } = PROVINCES[index];
  const level = city ? "thành phố" : "tỉnh";
  const localise = (text: string) => (city ? text.replace(/\btỉnh$/, "thành phố") : text);
  const units: PlannedUnit[] = [];
  const root = planUnit({
    random,
    parent: null,
    sortOrder: index,
    input: {
      kind: "province",
      name: `${city ? "Thành phố" : "Tỉnh"} ${name}`,
      shortName: name,
      code: String(index + 1).padStart(2, "0"),
      aliases: [`UBND ${level} ${name}`],
    },
  });
  units.push(root);
  let order = 0;
  let snvId = "";
  for (const dept of DEPARTMENTS) {
    const unit = planUnit({
      random,
      parent: root,
      sortOrder: order++,
      input: { kind: "department", ...dept, name: localise(dept.name) },
    });
    if (dept.name === "Sở Nội vụ") snvId = unit.id;
    units.push(unit);
    const internal = [...INTERNAL_UNITS].sort(() => random.next() - 0.5).slice(0, spec.internalPerDepartment);
    internal.forEach((divisionName, i) => {
      units.push(
        planUnit({ random, parent: unit, sortOrder: i, input: { kind: "internalUnit", name: divisionName } }),
      );
    });
  }
  for (const agency of CENTRAL_AGENCIES.slice(0, spec.centralAgencies)) {
    const agencyName = agency.endsWith(" tỉnh")
      ? `${agency.slice(0, -5)} ${level} ${name}`
      : `${agency} ${name}`;
    units.push(
      planUnit({
        random,
        parent: root,
        sortOrder: order++,
        input: { kind: "centralAgency", name: agencyName },
      }),
    );
  }
  const taken = new Set<string>();
  const communeNames: string[] = [];
  const communeCount = random.int(spec.communes);
  const wardShare = city ? 0.6 : 0.2;
  for (let i = 0; i < communeCount; i++) {
    const place = placeName({ random, taken });
    const ward = random.next() < wardShare;
    const communeName = `${ward ? "Phường" : "Xã"} ${place}`;
    communeNames.push(communeName);
    units.push(
      planUnit({
        random,
        parent: root,
        sortOrder: order++,
        input: {
          kind: "commune",
          name: communeName,
          aliases: [`UBND ${ward ? "phường" : "xã"} ${place}`],
          validFrom: COMMUNES_STARTED,
        },
      }),
    );
  }
  const districtCount = random.int(spec.historicalDistricts);
  for (let i = 0; i < districtCount; i++) {
    const kindWord = random.pick(["Huyện", "Huyện", "Huyện", "Thị xã", "Thành phố"]);
    units.push(
      planUnit({
        random,
        parent: root,
        sortOrder: order++,
        input: {
          kind: "district",
          name: `${kindWord} ${placeName({ random, taken })}`,
          validTo: DISTRICTS_ENDED,
        },
      }),
    );
  }
  const groups = STANDARD_GROUPS.map((g) => ({
    id: random.uuid(),
    provinceId: root.id,
    name: g.name,
    searchText: foldForMatch(g.name),
    ruleKinds: g.kinds,
    ruleParentId: root.id,
    ruleDescendants: g.descendants ?? false,
  }));
  return { units, groups, snvId, province: { id: root.id, name: root.name, communeNames } };
}

function planUser({
  random,
  username,
  unitId,
  roles,
}: {
  random: Random;
  username: string;
  unitId: string;
  roles: string[];
}): PlannedUser {
  const displayName = `${random.pick(FAMILY_NAMES)} ${random.pick(MIDDLE_NAMES)} ${random.pick(GIVEN_NAMES)}`;
  const email = `${username}@bench.chiso.vn`;
  // Same formula as users.service.ts's userSearchText.
  return {
    id: random.uuid(),
    username,
    displayName,
    email,
    unitId,
    roles,
    searchText: foldVietnamese(`${username} ${displayName} ${email}`),
  };
}

/** The whole data set of a scale, deterministic: same seed, same names, ids and accounts. */
export function buildPlan(scale: ScaleName): Plan {
  const spec: ScaleSpec = SCALES[scale];
  const random = createRandom(20_250_701);
  const perProvince = Array.from({ length: spec.provinces }, (_, index) =>
    planProvince({ random, spec, index }),
  );
  const units = perProvince.flatMap((p) => p.units);
  const users: PlannedUser[] = [
    planUser({ random, username: ADMIN_USERNAME, unitId: perProvince[0].province.id, roles: ["admin"] }),
  ];
  // Ordinary users work in units that exist today, spread over every province.
  const activeUnits = perProvince.map((p) => p.units.filter((u) => !u.validTo));
  for (let n = 1; n <= spec.users; n++) {
    const p = (n - 1) % spec.provinces;
    const slot = Math.floor((n - 1) / spec.provinces);
    if (n <= spec.provinces) {
      users.push(
        planUser({ random, username: usernameOf(n), unitId: perProvince[p].snvId, roles: ["coordinator"] }),
      );
      continue;
    }
    const unit = activeUnits[p][slot % activeUnits[p].length];
    const roles = n % 10 === 0 ? ["head"] : n % 25 === 3 ? ["viewer"] : ["officer"];
    users.push(planUser({ random, username: usernameOf(n), unitId: unit.id, roles }));
  }
  return {
    scale,
    units,
    users,
    groups: perProvince.flatMap((p) => p.groups),
    provinces: perProvince.map((p) => p.province),
  };
}
