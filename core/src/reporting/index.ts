/** Reporting: periods and due dates, the report's state machine, reporting rates. Pure. */

export * from "./entry-review";
export * from "./levels";
export * from "./periods";
export * from "./reminders";
export * from "./report-state";
