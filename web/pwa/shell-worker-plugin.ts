import { createHash } from "node:crypto";
import fs from "node:fs";
import type { Plugin } from "vite";

/**
 * Emits the hand-written service worker (web/pwa/sw.js) as /sw.js with this build's id and the list
 * of files index.html loads (the entry, its static imports, its styles): the shell kept for offline use.
 */
export function shellWorker(): Plugin {
  const source = fs.readFileSync(new URL("./sw.js", import.meta.url), "utf8");
  return {
    name: "chiso-shell-worker",
    apply: "build",
    generateBundle(_options, bundle) {
      const shell = new Set<string>();
      const visit = (fileName: string) => {
        const chunk = bundle[fileName];
        if (chunk?.type !== "chunk" || shell.has(`/${fileName}`)) return;
        shell.add(`/${fileName}`);
        for (const css of chunk.viteMetadata?.importedCss ?? []) shell.add(`/${css}`);
        for (const imported of chunk.imports) visit(imported);
      };
      for (const chunk of Object.values(bundle))
        if (chunk.type === "chunk" && chunk.isEntry) visit(chunk.fileName);
      const build = createHash("sha256")
        .update(Object.keys(bundle).sort().join("\n"))
        .digest("hex")
        .slice(0, 12);
      this.emitFile({
        type: "asset",
        fileName: "sw.js",
        source: source
          .replace("__CHISO_BUILD__", build)
          .replace("__CHISO_SHELL__", JSON.stringify([...shell])),
      });
    },
  };
}
