/** Plan import: document model, extraction rules and unit resolution (pure; readers live on the server). */
export * from "./components";
export { describeSource, type ExtractOptions, extractPlan, parseValueRank, proseDeadline } from "./extract";
export * from "./html";
export type * from "./model";
export * from "./tables";
export { normalizeText, readText } from "./text-reader";
export * from "./units";
