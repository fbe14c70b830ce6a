import { loginScenario } from "./login";
import { meScenario } from "./me";
import type { Scenario } from "./types";
import { unitSearchScenario } from "./unit-search";
import { unitTreeScenario } from "./unit-tree";

/** Every scenario, in the order a full run measures them; a new feature adds its file here. */
export const SCENARIOS: readonly Scenario[] = [
  loginScenario,
  unitSearchScenario,
  unitTreeScenario,
  meScenario,
];

export const SCENARIO_NAMES = SCENARIOS.map((s) => s.name);
