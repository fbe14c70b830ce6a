export * from "./change";
export * from "./composite";
export * from "./marginal";
export * from "./ranking";
export * from "./whatif";
