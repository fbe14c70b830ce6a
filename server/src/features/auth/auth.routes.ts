import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { changePasswordBody, loginBody, meResponse } from "../../../../core/src/api/auth.schemas";
import { errorResponse } from "../../../../core/src/api/common.schemas";
import {
  actorFromSession,
  actorOf,
  CSRF_COOKIE,
  csrfTokenFor,
  SESSION_COOKIE,
  setCsrfCookie,
} from "../../app/auth-plugin";
import type { FeatureDeps } from "../../app/build-app";
import { presentMe } from "./auth.presenter";
import { changeOwnPassword, login, logout } from "./auth.service";
import { createSessionsRepository } from "./sessions.repository";

const ok = z.object({ ok: z.literal(true) });

export const authRoutes: FastifyPluginAsyncZod<FeatureDeps> = async (app, { db, config }) => {
  const cookieOptions = { path: "/", httpOnly: true, sameSite: "lax" as const, secure: config.secureCookies };

  app.get(
    "/api/auth/csrf",
    { config: { access: "public" }, schema: { response: { 200: z.object({ csrfToken: z.string() }) } } },
    async (request) => ({ csrfToken: request.cookies[CSRF_COOKIE] ?? "" }),
  );

  app.post(
    "/api/auth/login",
    {
      config: {
        access: "public",
        // Per client address (the socket's, or the one a trusted proxy names: TRUST_PROXY); the
        // per-account limit is the lock in auth.service.ts.
        rateLimit: { max: config.loginRateLimit, timeWindow: "1 minute" },
      },
      schema: { body: loginBody, response: { 200: meResponse, 401: errorResponse, 403: errorResponse } },
    },
    async (request, reply) => {
      const { token, sessionId, expiresAt } = await login({
        db,
        config,
        input: request.body,
        meta: { ip: request.ip ?? null, userAgent: request.headers["user-agent"] ?? null },
      });
      reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, expires: expiresAt });
      // From now on writes must carry the token bound to this session (auth-plugin.ts).
      setCsrfCookie({ reply, config, token: csrfTokenFor({ sessionId, config }) });
      const row = await createSessionsRepository(db).findWithUser(sessionId);
      return presentMe(actorFromSession({ row: row!, ip: request.ip ?? null }));
    },
  );

  app.post(
    "/api/auth/logout",
    { config: { access: "user" }, schema: { response: { 200: ok } } },
    async (request, reply) => {
      await logout({ db, actor: actorOf(request) });
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return { ok: true as const };
    },
  );

  app.post(
    "/api/auth/change-password",
    {
      // It verifies the current password: a stolen session must not become a way to guess it.
      config: { access: "user", rateLimit: { max: config.loginRateLimit, timeWindow: "1 minute" } },
      schema: { body: changePasswordBody, response: { 200: ok } },
    },
    async (request) => {
      await changeOwnPassword({ db, actor: actorOf(request), input: request.body });
      return { ok: true as const };
    },
  );

  app.get(
    "/api/me",
    { config: { access: "user" }, schema: { response: { 200: meResponse } } },
    async (request) => presentMe(actorOf(request)),
  );
};
