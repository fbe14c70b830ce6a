-- The dashboard's follow-up section and the yearly scorecards count a province's items per responsible
-- unit by kind, state and class (deadline, day done): read from this index alone, a province of a
-- national database (20,000 of 700,000 items, spread over the table) is counted in about 40 ms instead
-- of 230 ms of heap reads.
CREATE INDEX "follow_up_items_unit_counts_idx" ON "follow_up_items" ("province_id", "unit_id")
  INCLUDE ("kind", "state", "due_date", "done_on");
