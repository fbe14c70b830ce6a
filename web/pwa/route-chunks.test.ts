import type { Rolldown } from "vite";
import { describe, expect, it } from "vitest";
import { planFromChunks, routeChunkGroup } from "./route-chunks";

const chunk = (fileName: string, moduleIds: string[], imports: string[] = [], isEntry = false) =>
  ({ type: "chunk", fileName, moduleIds, imports, isEntry }) as unknown as Rolldown.OutputChunk;

// A first build as the bundler cuts it: the entry and a small chunk it imports; two lazy pages with
// their own chunks, one small chunk they share and one only the report uses; a page nobody opens first.
const firstBuild = [
  chunk("index.js", ["/w/src/main.tsx", "/w/node_modules/antd/es/button/index.js"], ["button-util.js"], true),
  chunk("button-util.js", ["/w/node_modules/antd/es/_util/wave.js"]),
  chunk("HomePage.js", ["/w/src/features/home/pages/HomePage.tsx"], ["tag.js", "index.js"]),
  chunk("ReportFormPage.js", ["/w/src/features/reporting/pages/ReportFormPage.tsx"], ["tag.js", "slider.js"]),
  chunk("tag.js", ["/w/node_modules/antd/es/tag/index.js"]),
  chunk("slider.js", ["/w/node_modules/antd/es/slider/index.js"]),
  chunk("IndicesPage.js", ["/w/src/features/indices/IndicesPage.tsx"], ["slider.js"]),
];
const pages = {
  home: "features/home/pages/HomePage.tsx",
  "report-form": "features/reporting/pages/ReportFormPage.tsx",
};

describe("the first pages' chunks, planned from a first build", () => {
  const { groupOf } = planFromChunks(firstBuild, pages);

  it("puts what the entry loads before it runs in the shell, with the chunks it imports", () => {
    expect(groupOf.get("/w/src/main.tsx")).toBe("shell");
    expect(groupOf.get("/w/node_modules/antd/es/_util/wave.js")).toBe("shell");
  });

  it("gives each first page its own code and what only it uses; what both use goes to one shared chunk", () => {
    expect(groupOf.get("/w/src/features/home/pages/HomePage.tsx")).toBe("home");
    expect(groupOf.get("/w/src/features/reporting/pages/ReportFormPage.tsx")).toBe("report-form");
    expect(groupOf.get("/w/node_modules/antd/es/slider/index.js")).toBe("report-form");
    expect(groupOf.get("/w/node_modules/antd/es/tag/index.js")).toBe("first-pages");
  });

  it("leaves the other pages' code to the bundler, and never moves a shell module into a page", () => {
    expect(groupOf.has("/w/src/features/indices/IndicesPage.tsx")).toBe(false);
    const group = routeChunkGroup({ groupOf });
    expect(group.name("/w/src/features/indices/IndicesPage.tsx")).toBeNull();
    expect(group.name("/w/node_modules/antd/es/button/index.js")).toBe("shell");
    expect(group.includeDependenciesRecursively).toBe(false);
  });

  it("refuses a page no chunk holds (a renamed page would silently lose its chunk)", () => {
    expect(() => planFromChunks(firstBuild, { gone: "features/gone/GonePage.tsx" })).toThrow(/GonePage/);
  });
});
