import { defineConfig } from "vitest/config";

// Golden paths in a real browser against the real server; run `npm run build` first.
export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 200_000,
    fileParallelism: false,
  },
});
