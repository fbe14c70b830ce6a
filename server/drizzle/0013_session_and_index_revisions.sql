-- Two more revisions, so that several server processes on one database keep coherent caches.
-- 'sessions': a session ended (logout, password change, expiry sweep) or a user changed in what a
-- request's actor carries (roles, unit, scope, active, name, e-mail, password): each process keys
-- its cache of sessions by it, so a logout or a disabled account is refused by every process at once.
-- A new session (login) and a sliding expiry (an update of expires_at) do not bump it: no process
-- has the new one cached, and a later expiry only widens what a cached row allows for seconds. A
-- login's bookkeeping (failed_logins, locked_until, last_login_at) does not bump it either.
-- 'indices': index definitions, versions, components, provinces and results, for the catalog and the
-- analysis answers kept in memory.
-- Each revision has 16 counters (shards 0 to 15), as migration 0010 requires.
INSERT INTO "app_revisions" ("name", "shard", "revision")
  SELECT n."name", s."shard", 0 FROM (VALUES ('sessions'), ('indices')) AS n("name")
  CROSS JOIN generate_series(0, 15) AS s("shard")
  ON CONFLICT DO NOTHING;--> statement-breakpoint
CREATE TRIGGER "sessions_revision" AFTER DELETE OR TRUNCATE ON "sessions"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_named_revision"('sessions');--> statement-breakpoint
CREATE TRIGGER "users_sessions_revision" AFTER DELETE OR TRUNCATE ON "users"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_named_revision"('sessions');--> statement-breakpoint
CREATE TRIGGER "users_sessions_revision_update" AFTER UPDATE ON "users"
  REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_named_revision_on_change"(
    'sessions', 'username', 'display_name', 'email', 'unit_id', 'roles', 'scope_unit_id', 'password_hash',
    'active', 'must_change_password');--> statement-breakpoint
CREATE TRIGGER "index_definitions_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "index_definitions"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_named_revision"('indices');--> statement-breakpoint
CREATE TRIGGER "index_versions_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "index_versions"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_named_revision"('indices');--> statement-breakpoint
CREATE TRIGGER "index_components_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "index_components"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_named_revision"('indices');--> statement-breakpoint
CREATE TRIGGER "index_provinces_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "index_provinces"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_named_revision"('indices');--> statement-breakpoint
CREATE TRIGGER "index_results_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "index_results"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_named_revision"('indices');--> statement-breakpoint
CREATE TRIGGER "index_result_components_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "index_result_components"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_named_revision"('indices');
