import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, type Rolldown } from "vite";
import { earlyStart } from "./pwa/early-start-plugin";
import { precompress } from "./pwa/precompress-plugin";
import { planRouteChunks, routeChunkGroup } from "./pwa/route-chunks";
import { shellWorker } from "./pwa/shell-worker-plugin";

const root = fileURLToPath(new URL(".", import.meta.url));

// Vendor code is split by library so that a release of our own code does not invalidate
// the large, rarely changing bundles (React, echarts) in officials' browser caches. Ant Design is left
// to the bundler on purpose: as one group it was 444 KB gzipped in the first load of every page;
// split by use, each page loads only the components it shows (the shell stays under 300 KB gzipped).
const vendorGroups = [
  // echarts-for-react stays out: it imports React, and a group takes its modules' dependencies along,
  // which would pull React into the echarts chunk and make every page preload it.
  { name: "vendor-echarts", test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 30 },
  { name: "vendor-zod", test: /node_modules[\\/]zod[\\/]/, priority: 15 },
  {
    name: "vendor-react",
    test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack|i18next|react-i18next)[\\/]/,
    priority: 10,
  },
];

// The first pages' chunks are planned from a first build with the bundler's own splitting
// (pwa/route-chunks.ts); that inner build runs this file again with CHISO_CHUNK_PLAN set.
const FIRST_PAGES = {
  home: "features/home/pages/HomePage.tsx",
  "report-form": "features/reporting/pages/ReportFormPage.tsx",
};

export default defineConfig(async ({ command }) => {
  const planning = process.env.CHISO_CHUNK_PLAN === "1";
  let groups: Rolldown.CodeSplittingGroup[] = vendorGroups;
  if (command === "build" && !planning) {
    process.env.CHISO_CHUNK_PLAN = "1";
    try {
      const plan = await planRouteChunks(fileURLToPath(import.meta.url), FIRST_PAGES);
      groups = [...vendorGroups, routeChunkGroup(plan)];
    } finally {
      delete process.env.CHISO_CHUNK_PLAN;
    }
  }
  return {
    root,
    plugins: [
      react(),
      shellWorker(),
      // The pages people open most from a link or a bookmark, on a phone: their code and data are asked
      // for while the shell downloads.
      earlyStart([
        { path: "^/$", page: "features/home/pages/HomePage.tsx", data: ["/api/home"] },
        {
          path: "^/reports/([0-9a-f-]{36})$",
          page: "features/reporting/pages/ReportFormPage.tsx",
          data: ["/api/reports/$1"],
        },
      ]),
      precompress(),
    ],
    server: {
      port: 5173,
      proxy: {
        "/api": { target: process.env.VITE_API_TARGET ?? "http://localhost:3000", changeOrigin: false },
      },
    },
    build: {
      outDir: "dist",
      emptyOutDir: true,
      chunkSizeWarningLimit: 1500,
      rolldownOptions: {
        output: { codeSplitting: { groups } },
      },
    },
  };
});
