/**
 * Answers kept in memory as JSON text: a large answer (a dashboard with hundreds of late units and
 * overdue tasks, a page of fifty tasks) is serialised once, not on every request that reads it.
 * Concurrent requests for one key share one computation (`memo.ts` keeps promises).
 */
import type { FastifyReply } from "fastify";
import type { z } from "zod";
import { createMemo } from "./memo";

export function createJsonAnswers({ ttlMs, max }: { ttlMs: number; max: number }) {
  const memo = createMemo<string>({ ttlMs, max });
  return {
    get: (key: string, compute: () => Promise<unknown>) =>
      memo.get(key, async () => JSON.stringify(await compute())),
  };
}

/**
 * Sends JSON text as it is (Fastify does not serialise a string again). Where responses are
 * validated (development and tests), the text is checked against the route's schema first, as the
 * serialiser would have checked the object.
 */
export function sendJsonText(
  reply: FastifyReply,
  json: string,
  { schema, validate }: { schema: z.ZodType; validate: boolean },
) {
  if (validate) schema.parse(JSON.parse(json));
  return reply.type("application/json; charset=utf-8").send(json);
}
