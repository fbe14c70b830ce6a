-- Report entries are rewritten all month long by autosave, assignments by every progress change and
-- reports by every state change. With full pages each update writes a new copy elsewhere and a new
-- entry in every index; room left in each page lets PostgreSQL update in place (HOT) when no indexed
-- column changes, which is every autosave. Applies to pages written from now on.
ALTER TABLE "report_entries" SET (fillfactor = 70);--> statement-breakpoint
ALTER TABLE "task_assignments" SET (fillfactor = 80);--> statement-breakpoint
ALTER TABLE "reports" SET (fillfactor = 80);
