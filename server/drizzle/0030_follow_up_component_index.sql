-- Follow-up items by the index component they are linked to, within a province: the coverage view's
-- counts per component and the items list filtered by a component (its links).
CREATE INDEX "follow_up_items_component_idx" ON "follow_up_items" ("province_id", "version_code", "component_code");
