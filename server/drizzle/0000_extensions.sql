-- Vietnamese search: unaccent for diacritics in ad hoc SQL, pg_trgm for fast substring search.
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
