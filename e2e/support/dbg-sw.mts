import { launchBrowser } from "./browser";
import { loginAs } from "./login";
import { startServer } from "./server";

const server = await startServer();
const browser = await launchBrowser();
const page = await loginAs({ browser, url: server.url, username: "canbo" });
const out = await page.evaluate(`(async () => {
  const src = await (await fetch("/sw.js")).text();
  const shell = JSON.parse(src.match(/const SHELL = (.*);/)[1]);
  const res = [];
  const c = await caches.open("dbg");
  for (const u of ["/", ...shell]) { try { await c.add(u); } catch (e) { res.push(u + " " + e.message); } }
  const reg = await navigator.serviceWorker.register("/sw.js");
  const w = reg.installing || reg.waiting || reg.active;
  const states = [w && w.state];
  await new Promise((r) => { if (!w) return r(); w.addEventListener("statechange", () => { states.push(w.state); if (w.state === "activated" || w.state === "redundant") r(); }); setTimeout(r, 15000); });
  return JSON.stringify({ res, states, ctl: !!navigator.serviceWorker.controller });
})()`);
console.log(out);
await browser.close();
await server.stop();
