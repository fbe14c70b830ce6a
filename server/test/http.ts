import type { FastifyInstance, InjectOptions } from "fastify";
import { buildApp } from "../src/app/build-app";
import { type AppConfig, testConfig } from "../src/app/config";
import type { Database } from "../src/app/db";
import { TEST_PASSWORD } from "./factories";

export async function buildTestApp(database: Database, overrides: Partial<AppConfig> = {}) {
  return buildApp({ database, config: testConfig(overrides) });
}

/**
 * A browser-like client: keeps cookies and sends the CSRF header on unsafe requests (the token the
 * server last set: random before login, bound to the session after). Like a same-origin fetch of a
 * script, it sends no Origin header; tests that need one pass it in `headers`.
 */
export function createClient(app: FastifyInstance) {
  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const remember = (setCookie: string | string[] | undefined) => {
    for (const raw of [setCookie ?? []].flat()) {
      const [pair, ...attrs] = raw.split(";");
      const [k, v] = [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)];
      const expired = attrs.some((a) => /expires=Thu, 01 Jan 1970/i.test(a)) || v === "";
      if (expired) jar.delete(k.trim());
      else jar.set(k.trim(), v);
    }
  };
  async function request(
    method: InjectOptions["method"],
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) {
    if (!jar.has("chiso_csrf"))
      remember((await app.inject({ method: "GET", url: "/api/auth/csrf" })).headers["set-cookie"]);
    const res = await app.inject({
      method,
      url,
      payload: payload as InjectOptions["payload"],
      headers: { cookie: cookieHeader(), "x-csrf-token": jar.get("chiso_csrf") ?? "", ...headers },
    });
    remember(res.headers["set-cookie"]);
    return res;
  }
  return {
    jar,
    request,
    get: (url: string) => request("GET", url),
    post: (url: string, body?: unknown) => request("POST", url, body ?? {}),
    patch: (url: string, body?: unknown) => request("PATCH", url, body ?? {}),
    put: (url: string, body?: unknown) => request("PUT", url, body ?? {}),
    delete: (url: string) => request("DELETE", url),
    /** Sends one file as multipart/form-data field "file", as the browser's upload does. */
    upload(url: string, file: { fileName: string; data: Uint8Array | string; contentType?: string }) {
      const boundary = `----chiso${Math.random().toString(16).slice(2)}`;
      const head = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.fileName}"\r\nContent-Type: ${file.contentType ?? "application/octet-stream"}\r\n\r\n`,
      );
      const body = Buffer.concat([head, Buffer.from(file.data), Buffer.from(`\r\n--${boundary}--\r\n`)]);
      return request("POST", url, body, { "content-type": `multipart/form-data; boundary=${boundary}` });
    },
    async login(username: string, password = TEST_PASSWORD) {
      const res = await request("POST", "/api/auth/login", { username, password });
      if (res.statusCode !== 200)
        throw new Error(`login failed for ${username}: ${res.statusCode} ${res.body}`);
      return res;
    },
  };
}

/** One signed-in client per person, made on first use: `as("coord")` in a test reads as who acts. */
export function signedInClients(app: FastifyInstance, usernameOf: (key: string) => string) {
  const clients = new Map<string, ReturnType<typeof createClient>>();
  return async (key: string) => {
    const known = clients.get(key);
    if (known) return known;
    const c = createClient(app);
    await c.login(usernameOf(key));
    clients.set(key, c);
    return c;
  };
}
