import { componentTableScenario } from "./component-table";
import { planDocxScenario, tasksXlsxScenario } from "./exports";
import {
  dialoguesScenario,
  followUpItemsScenario,
  initiativesScenario,
  inspectionsScenario,
} from "./follow-up";
import { homeScenario } from "./home";
import { loginScenario } from "./login";
import { meScenario } from "./me";
import { myTasksFirstScenario, myTasksScenario } from "./my-tasks";
import { planExtractDocxScenario, planExtractPdfScenario, planExtractSeedScenario } from "./plan-extract";
import { planIssueScenario } from "./plan-issue";
import { provinceProfileScenario } from "./province-profile";
import {
  consolidatedDocxScenario,
  dashboardFirstScenario,
  dashboardScenario,
  dashboardTaskScenario,
  entrySaveScenario,
  reportOpenScenario,
} from "./reporting";
import { resultsImportScenario } from "./results-import";
import { taskListFirstScenario, taskListScenario } from "./task-list";
import type { Scenario } from "./types";
import { unitSearchScenario } from "./unit-search";
import { unitTreeScenario } from "./unit-tree";
import { uploadBombScenario } from "./upload-bomb";
import { whatIfScenario } from "./what-if";

/** Every scenario, in the order a full run measures them; a new feature adds its file here. */
export const SCENARIOS: readonly Scenario[] = [
  loginScenario,
  unitSearchScenario,
  unitTreeScenario,
  meScenario,
  provinceProfileScenario,
  componentTableScenario,
  whatIfScenario,
  taskListScenario,
  taskListFirstScenario,
  myTasksScenario,
  myTasksFirstScenario,
  tasksXlsxScenario,
  planDocxScenario,
  // Reporting (province-scale data only): entry-save bumps versions of current drafts; consolidated-docx
  // issues a [bench] plan with an open month (removed before the next run).
  dashboardScenario,
  dashboardTaskScenario,
  dashboardFirstScenario,
  reportOpenScenario,
  entrySaveScenario,
  // The first screen after login (issue 14): reports by state, work by class, latest results.
  homeScenario,
  consolidatedDocxScenario,
  // The follow-up registers' lists (issue 17): read only.
  followUpItemsScenario,
  initiativesScenario,
  dialoguesScenario,
  inspectionsScenario,
  // Beside me and dashboard: their p95 alone and while 300 MB-expanding uploads are parsed (issue 22).
  uploadBombScenario,
  // After the plan views: it adds issued plans of ~75,000 assignments each (removed before the next run).
  planIssueScenario,
  // Last: it rewrites PCI 2024 (with the same values the generator stored).
  resultsImportScenario,
  // Plan documents (issue 6): one request at a time, nothing created.
  planExtractSeedScenario,
  planExtractDocxScenario,
  planExtractPdfScenario,
];

export const SCENARIO_NAMES = SCENARIOS.map((s) => s.name);
