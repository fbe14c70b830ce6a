import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import multipart from "@fastify/multipart";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import Fastify, { type FastifyInstance } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { enableVietnameseValidationMessages } from "../../../core/src/api/zod-locale";
import { auditRoutes } from "../features/audit/audit.routes";
import { authRoutes } from "../features/auth/auth.routes";
import { followUpRoutes } from "../features/follow-up/follow-up.routes";
import { healthRoutes } from "../features/health/health.routes";
import { homeRoutes } from "../features/home/home.routes";
import { indicesRoutes } from "../features/indices/indices.routes";
import { orgUnitsRoutes } from "../features/org-units/org-units.routes";
import { planImportRoutes } from "../features/plan-import/plan-import.routes";
import { plansRoutes } from "../features/plans/plans.routes";
import { reportingRoutes } from "../features/reporting/reporting.routes";
import { usersRoutes } from "../features/users/users.routes";
import { registerAccessControl } from "./auth-plugin";
import { setProvinceTimeZone } from "./clock";
import type { AppConfig } from "./config";
import type { Database } from "./db";
import { registerErrorHandler } from "./error-handler";
import { WEB_DIST_DIR } from "./paths";
import { tagTracedRequests } from "./sql-trace";

export interface AppDeps {
  database: Database;
  config: AppConfig;
  logger?: boolean;
}

/** The feature route plugins, in one explicit list; each receives its dependencies as arguments. */
const FEATURES = [
  healthRoutes,
  authRoutes,
  usersRoutes,
  orgUnitsRoutes,
  auditRoutes,
  indicesRoutes,
  plansRoutes,
  planImportRoutes,
  reportingRoutes,
  followUpRoutes,
  homeRoutes,
];

const webDist = WEB_DIST_DIR;
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** Builds the HTTP application without listening: main.ts listens, tests call app.inject(). */
export async function buildApp({ database, config, logger = false }: AppDeps): Promise<FastifyInstance> {
  enableVietnameseValidationMessages();
  setProvinceTimeZone(config.timeZone);
  const app = Fastify({
    // Warnings and errors only: a line per request would cost more than many requests themselves.
    logger: logger ? { level: "warn" } : false,
    // Off unless TRUST_PROXY names the proxies: otherwise any client could choose its own address
    // (X-Forwarded-For), escaping the per-address login limit and forging the audit log's address.
    trustProxy: config.trustProxy.length > 0 ? config.trustProxy : false,
    bodyLimit: 2 * 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  // Responses are checked against their schemas in development and tests, where a drift from the
  // contract must fail loudly; production trusts the types and only serialises (measured: up to a
  // third of a large answer's CPU).
  app.setSerializerCompiler(
    config.validateResponses ? serializerCompiler : () => (data) => JSON.stringify(data),
  );
  registerErrorHandler(app);
  tagTracedRequests(app);

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Ant Design injects its styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        // The shell's one inline script (web/pwa/early-start-plugin.ts), allowed by its hash alone.
        scriptSrc: ["'self'", ...inlineScriptHashes(path.join(webDist, "index.html"))],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: config.secureCookies,
  });
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 20 } });
  await app.register(swagger, {
    openapi: { info: { title: "ChiSo API", version: "0.1.0", description: "API của hệ thống ChiSo" } },
    transform: jsonSchemaTransform,
  });

  registerAccessControl({ app, db: database.db, config });
  const deps = { db: database.db, database, config };
  for (const feature of FEATURES) await app.register(feature, deps);

  app.get("/api/openapi.json", { config: { access: "public" }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  if (fs.existsSync(path.join(webDist, "index.html"))) {
    // The build writes .br and .gz copies of its text files (web/pwa/precompress-plugin.ts).
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      // The single page is sent by the route below for "/" as for any other path (the plugin's own
      // index route answers 404 to "/" when a compressed copy is asked for).
      index: false,
      preCompressed: true,
      // Built files carry a hash of their content in their name: cached for good, never revalidated.
      setHeaders: (res, filePath) => {
        if (filePath.includes(`${path.sep}assets${path.sep}`))
          res.header("cache-control", "public, max-age=31536000, immutable");
      },
    });
    // Client-side routes: any non-API GET that is not a file gets the single page.
    app.get("/*", { schema: { hide: true } }, (request, reply) => {
      if (request.url.startsWith("/api/")) return reply.callNotFound();
      return reply.sendFile("index.html");
    });
  }
  return app;
}

/** CSP sources for the inline scripts of the built page: exactly these texts may run, no other. */
function inlineScriptHashes(indexHtml: string): string[] {
  if (!fs.existsSync(indexHtml)) return [];
  const html = fs.readFileSync(indexHtml, "utf8");
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    (m) => `'sha256-${createHash("sha256").update(m[1], "utf8").digest("base64")}'`,
  );
}

export type FeatureDeps = { db: Database["db"]; database: Database; config: AppConfig };
