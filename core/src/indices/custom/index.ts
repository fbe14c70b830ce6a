export * from "./ddci";
export * from "./weights";
