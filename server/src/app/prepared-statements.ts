/**
 * node-postgres sends every query unnamed, so PostgreSQL parses and plans it again on every call.
 * For the small queries the busiest routes make (an autosave, opening a report, a session), parse
 * and plan cost more than the work itself: measured on the bench, 0.5 ms parse and 1 ms planning
 * against 0.8 ms of execution per autosave. A query seen again is sent as a named prepared
 * statement instead: each pooled connection parses it once and, after a few runs, PostgreSQL keeps
 * its generic plan when that plan is no costlier than the custom ones (plan_cache_mode auto).
 *
 * Only parameterised queries are named: a text with several statements (migrations, maintenance)
 * cannot be prepared and never carries parameters. The number of names is bounded, so a query built
 * with varying text cannot grow every connection's statement cache without end.
 */
import { createHash } from "node:crypto";
import pg from "pg";

const MAX_NAMED = 400;

export function createStatementNamer(maxNamed = MAX_NAMED) {
  const seen = new Set<string>();
  const names = new Map<string, string>();
  return (text: string): string | undefined => {
    const known = names.get(text);
    if (known) return known;
    // Named from its second call: a text used once (an ad hoc report) is not worth a slot.
    if (!seen.has(text)) {
      if (seen.size < maxNamed * 4) seen.add(text);
      return undefined;
    }
    if (names.size >= maxNamed) return undefined;
    const name = `chiso_${createHash("sha1").update(text).digest("hex").slice(0, 20)}`;
    names.set(text, name);
    return name;
  };
}

type QueryConfig = { text?: unknown; name?: unknown; values?: unknown; rowMode?: unknown };

/**
 * A pg.Client that names the parameterised queries it sends (see above). `trace` (the bench's
 * CHISO_TRACE_SQL, app/sql-trace.ts) receives every statement as sent.
 */
export function preparingClientClass(
  nameFor = createStatementNamer(),
  trace: ((statement: { text: string; values: unknown[]; rowMode: unknown }) => void) | null = null,
) {
  return class PreparingClient extends pg.Client {
    // biome-ignore lint/suspicious/noExplicitAny: pg's query has a dozen overloads; this forwards them all.
    override query(config: any, values?: any, callback?: any): any {
      // pg takes a text with its values apart, or one config object; both are named alike.
      const c: QueryConfig | null =
        typeof config === "string" ? { text: config } : config && typeof config === "object" ? config : null;
      const params = Array.isArray(values) ? values : c?.values;
      if (trace && c && typeof c.text === "string")
        trace({ text: c.text, values: Array.isArray(params) ? params : [], rowMode: c.rowMode });
      if (c && typeof c.text === "string" && !c.name && Array.isArray(params) && params.length) {
        const name = nameFor(c.text);
        if (name) return super.query({ ...c, name } as never, values, callback);
      }
      return super.query(config, values, callback);
    }
  };
}
