import { defineConfig } from "vitest/config";

// Unit and database suites. The database suites run on in-memory PGlite by default and on a real
// PostgreSQL server when TEST_DATABASE_URL is set (see scripts/test-pg.mjs).
export default defineConfig({
  test: {
    include: ["core/src/**/*.test.ts", "server/src/**/*.test.ts", "web/pwa/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
