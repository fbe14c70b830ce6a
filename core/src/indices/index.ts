export * from "./arithmetic";
export * from "./custom";
export * from "./definitions";
export * from "./provinces";
