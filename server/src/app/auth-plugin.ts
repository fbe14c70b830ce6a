import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Role } from "../../../core/src/auth/roles";
import { sessionCache } from "../features/auth/session-cache";
import { createSessionsRepository, type SessionRow } from "../features/auth/sessions.repository";
import type { Actor } from "./actor";
import type { AppConfig } from "./config";
import type { Db } from "./db";
import { AppError } from "./errors";
import { readRevisions } from "./revisions";

/** Every API route declares who may call it: anyone, or a signed-in user (the service decides the rest). */
export type RouteAccess = "public" | "user";

declare module "fastify" {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyInstance {
    /**
     * Every API route with its access decision, for the test that checks each one is enforced, and
     * its querystring and body schemas, from which the two-provinces matrix finds the filters and
     * the ids a request may carry (a new filter or body id is then covered or reported by itself).
     */
    apiRoutes: Array<{
      method: string;
      url: string;
      access: RouteAccess;
      schema: { querystring?: unknown; body?: unknown };
    }>;
  }
}

export const SESSION_COOKIE = "chiso_sid";
export const CSRF_COOKIE = "chiso_csrf";
export const CSRF_HEADER = "x-csrf-token";
const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The id under which a session token is stored: an HMAC, so a leaked table cannot be replayed. */
export const sessionIdOf = ({ token, secret }: { token: string; secret: string }) =>
  createHmac("sha256", secret).update(token).digest("hex");

export const newToken = () => randomBytes(32).toString("base64url");

function safeEqual(a: string, b: string) {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/** Routes registered after this decide their access; a route without a decision stops the app from building. */
export function registerAccessControl({
  app,
  db,
  config,
}: {
  app: FastifyInstance;
  db: Db;
  config: AppConfig;
}) {
  app.decorateRequest("actor", null);
  const apiRoutes: FastifyInstance["apiRoutes"] = [];
  app.decorate("apiRoutes", apiRoutes);

  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith("/api/")) return;
    const access = (route.config as { access?: RouteAccess } | undefined)?.access;
    if (access !== "public" && access !== "user") {
      throw new Error(`Route ${route.method} ${route.url} has no access decision (config.access)`);
    }
    const schema = { querystring: route.schema?.querystring, body: route.schema?.body };
    for (const method of [route.method].flat())
      if (method !== "HEAD") apiRoutes.push({ method, url: route.url, access, schema });
  });

  // One hook, in this order: where the write comes from, who is calling, the CSRF token bound to
  // that caller, then the route's access decision. It runs before body validation, so an anonymous
  // caller learns nothing about a route.
  const sessions = createSessionsRepository(db);
  app.addHook("onRequest", async (request, reply) => {
    if (!request.url.startsWith("/api/")) return;
    const unsafe = UNSAFE_METHODS.has(request.method);
    if (unsafe) checkOrigin(request);
    const access = request.routeOptions.config?.access;
    if (access !== undefined) request.actor = await resolveActor({ request, db, sessions, config });
    const bound = request.actor ? csrfTokenFor({ sessionId: request.actor.sessionId, config }) : null;
    if (unsafe) checkCsrf({ request, bound });
    ensureCsrfCookie({ request, reply, config, bound });
    if (access === "user" && !request.actor) {
      throw new AppError(401, "auth.required", "Bạn cần đăng nhập để tiếp tục.");
    }
    if (
      access === "user" &&
      request.actor?.profile.mustChangePassword &&
      !WHILE_PASSWORD_CHANGE_REQUIRED.has(`${request.method} ${request.routeOptions.url}`)
    ) {
      throw new AppError(
        403,
        "auth.passwordChangeRequired",
        "Bạn cần đổi mật khẩu được cấp trước khi tiếp tục làm việc.",
      );
    }
  });

  // Personal answers must not stay in a shared or back-button cache. A route that wants revalidation
  // (the unit tree's ETag: "private, no-cache") sets its own header and keeps it.
  app.addHook("onSend", async (request, reply) => {
    if (request.url.startsWith("/api/") && !reply.hasHeader("cache-control"))
      reply.header("cache-control", "no-store");
  });
}

/** What an account holding a temporary password may still do: see who it is, change it, leave. */
const WHILE_PASSWORD_CHANGE_REQUIRED = new Set([
  "GET /api/me",
  "POST /api/auth/change-password",
  "POST /api/auth/logout",
]);

/**
 * The CSRF token of a signed-in user: an HMAC of the session id, so a token planted in the cookie
 * (a sibling subdomain can write cookies) is worthless without the session it belongs to.
 */
export const csrfTokenFor = ({ sessionId, config }: { sessionId: string; config: AppConfig }) =>
  createHmac("sha256", config.sessionSecret).update(`csrf:${sessionId}`).digest("base64url");

const FOREIGN_ORIGIN = () =>
  new AppError(
    403,
    "auth.foreignOrigin",
    "Yêu cầu đến từ một trang khác nên bị từ chối. Hãy thao tác trực tiếp trên trang của hệ thống.",
  );

/**
 * A write must come from our own pages: its Origin (or, without one, its Referer) must name this
 * server's host, as the browser reached it (X-Forwarded-Host counts only from a trusted proxy,
 * TRUST_PROXY). Without either header (scripts, old browsers) the CSRF token alone decides.
 */
function checkOrigin(request: FastifyRequest) {
  const origin = request.headers.origin ?? request.headers.referer;
  if (origin === undefined) return;
  let same = false;
  try {
    const from = new URL(origin);
    // Our host read with the origin's scheme, so a default port written or not compares equal
    // ("localhost:80" and "http://localhost"). The scheme itself is not compared: behind a proxy
    // that ends TLS, this server sees http; another site cannot share our host anyway.
    same = from.host !== "" && from.host === new URL(`${from.protocol}//${request.host}`).host;
  } catch {
    same = false;
  }
  if (!same) throw FOREIGN_ORIGIN();
}

function checkCsrf({ request, bound }: { request: FastifyRequest; bound: string | null }) {
  const header = request.headers[CSRF_HEADER];
  // Signed in: the token bound to the session. Before login: double-submit (cookie echoed in a header).
  const expected = bound ?? request.cookies[CSRF_COOKIE];
  if (!expected || typeof header !== "string" || !safeEqual(expected, header)) {
    throw new AppError(
      403,
      "auth.csrf",
      "Phiên làm việc không hợp lệ (thiếu mã chống giả mạo). Hãy tải lại trang.",
    );
  }
}

function ensureCsrfCookie({
  request,
  reply,
  config,
  bound,
}: {
  request: FastifyRequest;
  reply: FastifyReply;
  config: AppConfig;
  bound: string | null;
}) {
  const current = request.cookies[CSRF_COOKIE];
  if (bound ? current === bound : current) return;
  const token = bound ?? newToken();
  setCsrfCookie({ reply, config, token });
  request.cookies[CSRF_COOKIE] = token;
}

/** Readable by the page: it echoes the token in a header that a cross-site form cannot set. */
export function setCsrfCookie({
  reply,
  config,
  token,
}: {
  reply: FastifyReply;
  config: AppConfig;
  token: string;
}) {
  reply.setCookie(CSRF_COOKIE, token, {
    path: "/",
    sameSite: "lax",
    secure: config.secureCookies,
    httpOnly: false,
  });
}

async function resolveActor({
  request,
  db,
  sessions,
  config,
}: {
  request: FastifyRequest;
  db: Db;
  sessions: ReturnType<typeof createSessionsRepository>;
  config: AppConfig;
}): Promise<Actor | null> {
  const token = request.cookies[SESSION_COOKIE];
  if (!token || token.length > 200) return null;
  const id = sessionIdOf({ token, secret: config.sessionSecret });
  const now = Date.now();
  // Read before the row: a logout or a disabled account in any process changes it (session-cache.ts).
  const revision = await readRevisions(db, ["sessions", "org_units"]);
  let row = sessionCache.get(id, revision);
  if (!row) {
    row = await sessions.findWithUser(id);
    if (!row) return null;
    // Sliding expiry, written at most once per half-life so reads stay reads.
    const ttl = config.sessionTtlHours * 3_600_000;
    if (row.expiresAt.getTime() > now && row.expiresAt.getTime() - now < ttl / 2) {
      row = { ...row, expiresAt: new Date(now + ttl) };
      await sessions.extend({ id, expiresAt: row.expiresAt });
    }
    sessionCache.set(id, row, revision);
  }
  if (!row.active) return null;
  if (row.expiresAt.getTime() <= now) {
    sessionCache.forgetSession(id);
    await sessions.delete(id);
    return null;
  }
  return actorFromSession({ row, ip: request.ip ?? null });
}

export function actorFromSession({ row, ip }: { row: SessionRow; ip: string | null }): Actor {
  return {
    userId: row.userId,
    username: row.username,
    displayName: row.displayName,
    unitId: row.unitId,
    unitPath: row.unitPath,
    provinceId: row.provinceId,
    roles: row.roles as Role[],
    scopePath: row.scopePath,
    sessionId: row.sessionId,
    ip,
    profile: {
      email: row.email,
      mustChangePassword: row.mustChangePassword,
      unitName: row.unitName,
      unitKind: row.unitKind,
      provinceName: row.provinceName,
    },
  };
}

/** The signed-in actor of a "user" route (the access hook guarantees it). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError(401, "auth.required", "Bạn cần đăng nhập để tiếp tục.");
  return request.actor;
}
