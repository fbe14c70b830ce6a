-- A task's class (on time, late, overdue…) is derived from the due day, the period and the day the
-- unit states it finished (core's workStatus); the unit no longer picks it, so it is not stored.
ALTER TABLE "report_entries" DROP COLUMN "status";
