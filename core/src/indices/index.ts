export * from "./arithmetic";
export * from "./definitions";
export * from "./provinces";
