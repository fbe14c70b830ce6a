/** Shapes of the demo data set: plain constants, loaded into the database elsewhere. */

import type { Role, UnitKind } from "../../../../core/src/auth/roles";

// One list of kinds for the whole product; re-exported so demo data needs a single import.
export type { UnitKind };

export interface DemoUnit {
  key: string;
  kind: UnitKind;
  name: string;
  shortName?: string;
  aliases?: string[];
  parentKey?: string;
  code?: string;
  /** YYYY-MM-DD, first day valid. */
  validFrom?: string;
  /** YYYY-MM-DD, last day valid. */
  validTo?: string;
}

export interface DemoEvent {
  kind: "merge" | "split" | "rename" | "dissolve";
  /** YYYY-MM-DD, first day of the new state. */
  date: string;
  decision: string;
  predecessors: string[];
  successors: string[];
  note?: string;
}

export interface DemoGroup {
  key: string;
  name: string;
  rule?: { kinds: UnitKind[]; parentKey: string };
  members?: string[];
}

export interface DemoProvince {
  units: DemoUnit[];
  events: DemoEvent[];
  groups: DemoGroup[];
}

export interface DemoUser {
  username: string;
  displayName: string;
  unitKey: string;
  roles: Role[];
}
