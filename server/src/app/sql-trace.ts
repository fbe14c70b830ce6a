/**
 * Bench only: with CHISO_TRACE_SQL=<file>, every statement the PostgreSQL pool sends is appended to
 * the file as one JSON line (text, parameters, row mode), so `npm run bench` can replay one request's
 * SQL directly on the database and compare its time with the endpoint's. Unset (production, tests),
 * nothing is recorded and nothing is checked per query.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import fs from "node:fs";
import type { FastifyInstance } from "fastify";

export interface TracedStatement {
  /** The request that sent it ("GET /api/me"); null for a background job's. */
  request: string | null;
  text: string;
  values: unknown[];
  rowMode: string | null;
}

/** JSON has no dates, byte strings or big integers: tagged so the replay passes the same values. */
export function encodeTraceValue(value: unknown): unknown {
  if (value instanceof Date) return { $date: value.toISOString() };
  if (Buffer.isBuffer(value)) return { $bytes: value.toString("base64") };
  if (typeof value === "bigint") return { $bigint: value.toString() };
  if (Array.isArray(value)) return value.map(encodeTraceValue);
  return value;
}

export function decodeTraceValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeTraceValue);
  if (value && typeof value === "object") {
    const v = value as { $date?: string; $bytes?: string; $bigint?: string };
    if (typeof v.$date === "string") return new Date(v.$date);
    if (typeof v.$bytes === "string") return Buffer.from(v.$bytes, "base64");
    if (typeof v.$bigint === "string") return BigInt(v.$bigint);
  }
  return value;
}

const traceFile = () => process.env.CHISO_TRACE_SQL?.trim() || null;
const requests = new AsyncLocalStorage<string>();

/** With tracing on, tags each request's statements with it (first hook, so the session read counts). */
export function tagTracedRequests(app: FastifyInstance) {
  if (!traceFile()) return;
  app.addHook("onRequest", (request, _reply, done) => requests.run(`${request.method} ${request.url}`, done));
}

/** The recorder for the file named by CHISO_TRACE_SQL, or null when tracing is off. */
export function sqlTracer(file = traceFile()) {
  if (!file) return null;
  // Appended synchronously: the statement is on disk before its request answers, in the order sent.
  return ({ text, values, rowMode }: { text: string; values: unknown[]; rowMode: unknown }) => {
    const line: TracedStatement = {
      request: requests.getStore() ?? null,
      text,
      values: values.map(encodeTraceValue),
      rowMode: typeof rowMode === "string" ? rowMode : null,
    };
    fs.appendFileSync(file, `${JSON.stringify(line)}\n`);
  };
}
