/**
 * Registers the shell's service worker (web/pwa/sw.js) in the built app. Then it tells the worker which
 * code this page loaded before the worker controlled it, so the route opened first also works offline.
 * Without service workers (an old browser, a private window) the app works the same, only not offline.
 */
export function registerShellWorker() {
  if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return;
  const keepLoaded = () => {
    const urls = performance
      .getEntriesByType("resource")
      .map((e) => e.name)
      .filter((u) => new URL(u).pathname.startsWith("/assets/"));
    navigator.serviceWorker.controller?.postMessage({ type: "keep", urls });
  };
  window.addEventListener("load", () => {
    navigator.serviceWorker
      .register("/sw.js", { scope: "/" })
      .then(() => navigator.serviceWorker.ready)
      .then(keepLoaded)
      .catch(() => undefined);
    navigator.serviceWorker.addEventListener("controllerchange", keepLoaded);
  });
}
