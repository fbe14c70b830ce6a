import type { Plugin } from "vite";

/**
 * A page the first load should not wait for step by step: on a weak connection each round trip
 * costs over half a second, and without help the browser learns of the page's code and data only
 * after the whole shell has arrived and run (shell → session → page code → data).
 */
export interface EarlyRoute {
  /** The path it applies to, as a regular expression; its first group is handed to `data`. */
  path: string;
  /** The page's module under web/src: its code (and what it imports beyond the shell) is preloaded. */
  page: string;
  /** GET answers to ask for at once; "$1" is the path's first group. */
  data: string[];
}

/**
 * Writes into index.html a small inline script that, while the shell is still downloading, asks for
 * the session (/api/me) and, on the listed pages, preloads the page's code and asks for its data.
 * The answers wait in `window.__chisoEarly` for `lib/api-client.ts`, which takes each once. The
 * server allows exactly this script by its hash in the Content-Security-Policy (app/build-app.ts).
 */
export function earlyStart(routes: EarlyRoute[]): Plugin {
  return {
    name: "chiso-early-start",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(_html, context) {
        const bundle = context.bundle ?? {};
        const shell = new Set<string>();
        const visit = (fileName: string, into: Set<string>) => {
          const chunk = bundle[fileName];
          if (chunk?.type !== "chunk" || into.has(fileName) || shell.has(fileName)) return;
          into.add(fileName);
          for (const imported of chunk.imports) visit(imported, into);
        };
        for (const chunk of Object.values(bundle))
          if (chunk.type === "chunk" && chunk.isEntry) visit(chunk.fileName, shell);
        const table = routes.map((route) => {
          // The chunk that holds the page's module: its own, or a group's (web/pwa/route-chunks.ts).
          const isPage = (id: string | null | undefined) =>
            id?.replaceAll("\\", "/").endsWith(`/src/${route.page}`) === true;
          const page = Object.values(bundle).find(
            (c) => c.type === "chunk" && (isPage(c.facadeModuleId) || c.moduleIds.some(isPage)),
          );
          if (page?.type !== "chunk") throw new Error(`early start: no chunk for ${route.page}`);
          const files = new Set<string>();
          visit(page.fileName, files);
          // The page's style sheets too: the page waits for them before it draws (another round trip).
          const css = [...files].flatMap((f) => {
            const chunk = bundle[f];
            return chunk?.type === "chunk" ? [...(chunk.viteMetadata?.importedCss ?? [])] : [];
          });
          return [route.path, [...files, ...css].map((f) => `/${f}`), route.data];
        });
        return [{ tag: "script", children: earlyScript(JSON.stringify(table)), injectTo: "head-prepend" }];
      },
    },
  };
}

/** Plain ES5 on purpose: it runs before anything else, in any browser that opens the page. */
const earlyScript = (table: string) =>
  `(function(){var R=${table},p=location.pathname,e=window.__chisoEarly={at:Date.now(),answers:{}};` +
  `if(p.indexOf("/login")===0)return;` +
  `function get(u){var f=fetch(u,{headers:{accept:"application/json"},credentials:"same-origin"});` +
  `f.catch(function(){});e.answers[u]=f}get("/api/me");` +
  `for(var i=0;i<R.length;i++){var m=p.match(new RegExp(R[i][0]));if(!m)continue;` +
  `R[i][1].forEach(function(h){var l=document.createElement("link");` +
  `l.rel=/\\.css$/.test(h)?"stylesheet":"modulepreload";l.href=h;` +
  `document.head.appendChild(l)});` +
  `R[i][2].forEach(function(d){get(d.replace("$1",m[1]))});break}})();`;
