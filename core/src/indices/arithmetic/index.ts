export * from "./change";
export * from "./composite";
export * from "./marginal";
export * from "./method";
export * from "./ranking";
export * from "./whatif";
