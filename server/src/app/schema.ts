// Every table of the product, for drizzle-kit and for the typed database client. Features own their
// tables; this file only gathers them.
export * from "../features/audit/audit.table";
export * from "../features/follow-up/follow-up.table";
export * from "../features/follow-up/items/follow-up-reminders.table";
export * from "../features/indices/indices.table";
export * from "../features/org-units/org-units.table";
export * from "../features/plans/plans.table";
export * from "../features/reporting/reporting.table";
export * from "../features/users/users.table";
