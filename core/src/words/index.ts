/** Words, not codes: how periods, indices, components, audited actions, numbers and dates are named. */
export * from "./audit";
export * from "./audit-fields";
export * from "./code-patterns";
export * from "./dates";
export * from "./indices";
export * from "./lang";
export * from "./letterhead";
export * from "./numbers";
export * from "./periods";
