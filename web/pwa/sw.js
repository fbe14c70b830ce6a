/*
 * ChiSo's service worker, written by hand (web/pwa/shell-worker-plugin.ts fills in the two constants
 * at build time). It keeps the application shell so that the app opens and reloads without a
 * connection; it never touches /api/: those answers belong to one signed-in person and are never
 * cached, by this worker or anyone (the server also marks them no-store). What a person types while
 * offline is kept by the page itself (IndexedDB outbox), not here.
 */
const BUILD = "__CHISO_BUILD__";
/** index.html's scripts and styles: what the first paint needs. */
const SHELL = __CHISO_SHELL__;
const CACHE = `chiso-shell-${BUILD}`;
/** The one page of the single-page app, whatever the path it was opened at. */
const PAGE = "/";

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll([PAGE, ...SHELL]))
      .then(() => self.skipWaiting()),
  );
});

// A new build's worker drops the previous build's files (their names are hashed: never reused).
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith("chiso-shell-") && k !== CACHE).map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

// The page names the code it loaded before this worker controlled it (the route it was opened at).
self.addEventListener("message", (event) => {
  const urls =
    event.data && event.data.type === "keep" && Array.isArray(event.data.urls) ? event.data.urls : [];
  const assets = urls.filter((u) => new URL(u, self.location.origin).pathname.startsWith("/assets/"));
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) =>
        Promise.all(
          assets.map((u) =>
            cache.match(u).then((hit) => (hit ? undefined : cache.add(u).catch(() => undefined))),
          ),
        ),
      ),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/api/")) return;
  if (request.mode === "navigate") event.respondWith(pageNetworkFirst(request));
  else if (url.pathname.startsWith("/assets/")) event.respondWith(assetCacheFirst(request));
});

/** The page from the server when it answers (a new release shows at once), else the kept one. */
async function pageNetworkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && (response.headers.get("content-type") || "").includes("text/html"))
      await cache.put(PAGE, response.clone());
    return response;
  } catch (error) {
    const kept = await cache.match(PAGE);
    if (kept) return kept;
    throw error;
  }
}

/** Hashed files never change under their name: the kept copy is always right. */
async function assetCacheFirst(request) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}
