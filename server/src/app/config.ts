import net from "node:net";
import os from "node:os";
import path from "node:path";
import { DEFAULT_TIME_ZONE, isTimeZone } from "../../../core/src/time/clock";

export interface AppConfig {
  env: "development" | "production" | "test";
  port: number;
  host: string;
  /** Set: node-postgres against a PostgreSQL server. Unset: embedded PGlite in dataDir. */
  databaseUrl: string | null;
  /** Connections to PostgreSQL; by default four per CPU (4 to 20). */
  databasePoolSize: number;
  dataDir: string;
  sessionSecret: string;
  sessionTtlHours: number;
  /** Seed the demo province on first start of the embedded database. */
  demo: boolean;
  /** Cookies marked Secure: behind HTTPS in production. */
  secureCookies: boolean;
  bootstrapAdmin: { username: string; password: string } | null;
  smtp: { host: string; port: number; user: string | null; password: string | null; from: string } | null;
  loginLock: { maxFailures: number; lockMinutes: number };
  /** Login attempts one client address may make per minute (LOGIN_RATE_LIMIT). */
  loginRateLimit: number;
  /** Uploads to be parsed one account may send to one route per minute (UPLOAD_RATE_LIMIT). */
  uploadRateLimit: number;
  /**
   * The proxies whose X-Forwarded-For/-Host/-Proto are believed (TRUST_PROXY: addresses or CIDR
   * ranges). Empty: the socket's address is the client's, and forwarding headers change nothing.
   */
  trustProxy: string[];
  /** Check every response against its schema (development and tests; off in production). */
  validateResponses: boolean;
  /** The province's time zone: "today", periods, locks, reminders and digests (app/clock.ts). */
  timeZone: string;
}

/**
 * More connections than the CPUs can serve only make PostgreSQL's backends take turns: measured on
 * two cores at 50 concurrent autosaves, 8 connections answered faster than 20 (p95 50 ms against 56).
 */
const defaultPoolSize = () => Math.min(20, Math.max(4, 4 * os.availableParallelism()));

export const DEFAULT_DEV_SECRET = "chiso-dev-secret-do-not-use-in-production";

/** Reads configuration from the environment; refuses unsafe production settings. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const nodeEnv =
    env.NODE_ENV === "production" ? "production" : env.NODE_ENV === "test" ? "test" : "development";
  const sessionSecret = env.SESSION_SECRET ?? "";
  if (nodeEnv === "production" && (sessionSecret.length < 32 || sessionSecret === DEFAULT_DEV_SECRET)) {
    throw new Error(
      "SESSION_SECRET phải được đặt (ít nhất 32 ký tự) khi NODE_ENV=production / SESSION_SECRET must be set (32+ characters) in production",
    );
  }
  const smtpHost = env.SMTP_HOST?.trim();
  const poolSize = env.DATABASE_POOL_SIZE?.trim();
  if (poolSize && !/^\d+$/.test(poolSize)) {
    throw new Error(
      `DATABASE_POOL_SIZE phải là một số nguyên dương, không phải "${poolSize}" / DATABASE_POOL_SIZE must be a positive integer`,
    );
  }
  const timeZone = env.PROVINCE_TIME_ZONE?.trim() || DEFAULT_TIME_ZONE;
  if (!isTimeZone(timeZone)) {
    throw new Error(
      `PROVINCE_TIME_ZONE phải là tên múi giờ IANA, ví dụ "Asia/Ho_Chi_Minh", không phải "${timeZone}" / PROVINCE_TIME_ZONE must be an IANA time zone`,
    );
  }
  const trustProxy = parseTrustProxy(env.TRUST_PROXY);
  return {
    env: nodeEnv,
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? "0.0.0.0",
    databaseUrl: env.DATABASE_URL?.trim() || null,
    databasePoolSize: poolSize && Number(poolSize) > 0 ? Number(poolSize) : defaultPoolSize(),
    dataDir: path.resolve(env.DATA_DIR ?? "data"),
    sessionSecret: sessionSecret || DEFAULT_DEV_SECRET,
    sessionTtlHours: Number(env.SESSION_TTL_HOURS ?? 12),
    demo: nodeEnv !== "production" && env.CHISO_DEMO !== "0",
    secureCookies: env.COOKIE_SECURE === "1" || (nodeEnv === "production" && env.COOKIE_SECURE !== "0"),
    bootstrapAdmin:
      env.CHISO_ADMIN_USERNAME && env.CHISO_ADMIN_PASSWORD
        ? { username: env.CHISO_ADMIN_USERNAME, password: env.CHISO_ADMIN_PASSWORD }
        : null,
    smtp: smtpHost
      ? {
          host: smtpHost,
          port: Number(env.SMTP_PORT ?? 587),
          user: env.SMTP_USER ?? null,
          password: env.SMTP_PASSWORD ?? null,
          from: env.SMTP_FROM ?? "ChiSo <no-reply@localhost>",
        }
      : null,
    loginLock: {
      maxFailures: Number(env.LOGIN_MAX_FAILURES ?? 5),
      lockMinutes: Number(env.LOGIN_LOCK_MINUTES ?? 15),
    },
    loginRateLimit: Number(env.LOGIN_RATE_LIMIT ?? 20),
    uploadRateLimit: Number(env.UPLOAD_RATE_LIMIT ?? 12),
    trustProxy,
    validateResponses: env.RESPONSE_VALIDATION ? env.RESPONSE_VALIDATION !== "0" : nodeEnv !== "production",
    timeZone,
  };
}

/**
 * TRUST_PROXY: a comma-separated list of addresses or CIDR ranges ("127.0.0.1,10.0.0.0/8").
 * Anything else is refused: a typo here would either trust every sender or silently trust none.
 */
function parseTrustProxy(raw: string | undefined): string[] {
  const entries = (raw ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address, prefix, ...rest] = entry.split("/");
    const family = net.isIP(address);
    const maxPrefix = family === 4 ? 32 : 128;
    const prefixOk =
      prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= maxPrefix && rest.length === 0);
    if (!family || !prefixOk) {
      throw new Error(
        `TRUST_PROXY phải là danh sách địa chỉ IP hoặc dải CIDR của proxy tin cậy, cách nhau bằng dấu phẩy (ví dụ "127.0.0.1,10.0.0.0/8"); "${entry}" không hợp lệ / TRUST_PROXY must list proxy IP addresses or CIDR ranges`,
      );
    }
  }
  return entries;
}

/** Configuration for tests: in-memory database, no demo data unless asked. */
export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return { ...loadConfig({ NODE_ENV: "test", CHISO_DEMO: "0" }), ...overrides };
}
