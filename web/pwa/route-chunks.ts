/**
 * Fewer, larger chunks on the paths people open first. Left to itself the bundler cuts Ant Design into
 * one small chunk per component: the report form on a first visit took 96 requests, and a browser
 * speaking HTTP/1.1 sends six at a time, each paying the connection's round trip (over half a second
 * on "Slow 4G"): 15 rounds, 10.7 s. Here the code the application shell loads becomes one chunk, and
 * what each first page (home, the report form) loads beyond it one chunk more, plus one for what they
 * share. Everything else (the other pages) stays split as the bundler splits it.
 *
 * Which modules those are is read from a first build with the bundler's own splitting (what it keeps
 * after tree-shaking, chunk by chunk), not from the import graph: through a library's index file the
 * graph reaches every component of Ant Design, the build only those used.
 */
import { build, type Rolldown } from "vite";

type Chunks = Rolldown.OutputChunk[];
const normal = (id: string) => id.replaceAll("\\", "/");

/** The chunks a chunk loads before it runs (static imports), itself included. */
function staticChunks(chunks: Map<string, Rolldown.OutputChunk>, from: Rolldown.OutputChunk) {
  const out = new Set<Rolldown.OutputChunk>();
  const visit = (c: Rolldown.OutputChunk | undefined) => {
    if (!c || out.has(c)) return;
    out.add(c);
    for (const f of c.imports) visit(chunks.get(f));
  };
  visit(from);
  return out;
}

export interface ChunkPlan {
  /** module id → the group it goes to ("shell", a page's name, "first-pages"). */
  groupOf: Map<string, string>;
}

/** Reads the plan from a first build's chunks: `pages` maps a group name to a page module under src/. */
export function planFromChunks(output: Chunks, pages: Record<string, string>): ChunkPlan {
  const byFile = new Map(output.map((c) => [c.fileName, c]));
  const entry = output.find((c) => c.isEntry);
  if (!entry) throw new Error("route chunks: the first build has no entry chunk");
  const shell = new Set([...staticChunks(byFile, entry)].flatMap((c) => c.moduleIds.map(normal)));
  const owners = new Map<string, string[]>();
  for (const [name, page] of Object.entries(pages)) {
    const chunk = output.find((c) => c.moduleIds.some((id) => normal(id).endsWith(`/src/${page}`)));
    if (!chunk) throw new Error(`route chunks: no chunk holds ${page}`);
    for (const c of staticChunks(byFile, chunk))
      for (const id of c.moduleIds.map(normal))
        if (!shell.has(id)) owners.set(id, [...(owners.get(id) ?? []), name]);
  }
  const groupOf = new Map<string, string>();
  for (const id of shell) groupOf.set(id, "shell");
  for (const [id, names] of owners) groupOf.set(id, names.length > 1 ? "first-pages" : names[0]);
  return { groupOf };
}

/** Runs the first build (nothing written) and answers the plan. */
export async function planRouteChunks(configFile: string, pages: Record<string, string>): Promise<ChunkPlan> {
  const result = await build({ configFile, logLevel: "silent", build: { write: false } });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunks = outputs.flatMap((o) =>
    o.output.filter((c): c is Rolldown.OutputChunk => c.type === "chunk"),
  );
  return planFromChunks(chunks, pages);
}

/** The code-splitting group that follows the plan: each module goes where the plan says, alone. */
export const routeChunkGroup = (plan: ChunkPlan) => ({
  name: (moduleId: string) => plan.groupOf.get(normal(moduleId)) ?? null,
  priority: 1,
  // A page's group must not pull the shell's modules along (the default takes a module's dependencies).
  includeDependenciesRecursively: false,
});
