-- The one write path of progress (plans/assignments/progress.ts) writes a statement into the unit's
-- open report entries of the assignment: found by assignment id, which no index served (a scan of
-- every entry of every period per statement). The demo's replay of three months measured 19 -> 14 ms
-- per statement on PGlite; at province scale the scan grows with every period opened.
CREATE INDEX "report_entries_assignment_idx" ON "report_entries" USING btree ("assignment_id");
