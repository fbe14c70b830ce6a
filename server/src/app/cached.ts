/**
 * The one way a speed-up keeps something between requests. Each cache or prepared statement is
 * declared once, in the repository (or `*.cache.ts`) of the part it speeds, saying what it is keyed by
 * and what invalidates it, so a reader finds every shortcut of a figure next to the figure's code.
 *
 * - `defineAnswerCache`: answers for an actor kept as JSON text, keyed by (view, the revisions named,
 *   the province's day, the actor's scope and roles, the query). A write in any process bumps a
 *   revision (statement triggers, `app/revisions.ts`); the revisions are read before computing, so an
 *   answer is never filed under a revision newer than what it read. The time to live bounds how long
 *   data that no revision covers may be old, and the memory held by answers nobody asks for again.
 * - `definePrepared`: a query built and prepared once per database handle (pool or transaction), for
 *   the hot reads whose composition costs the server more than PostgreSQL spends running them. The
 *   statement is the same SQL on every handle; nothing is remembered of the data, so nothing
 *   invalidates it.
 */
import { type Actor, actorScopeKey } from "./actor";
import { provinceToday } from "./clock";
import type { Db, DbOrTx } from "./db";
import { createJsonAnswers } from "./json-answers";
import { type RevisionName, readRevisions } from "./revisions";

export interface AnswerCacheSpec {
  /** Names the cache in its key (and for a reader). */
  name: string;
  /** What invalidates an answer: any commit that bumps one of these revisions. */
  revisions: RevisionName[];
  ttlMs: number;
  /** At most this many answers; the oldest goes first. */
  max: number;
}

export interface AnswerArgs {
  db: Db;
  actor: Actor;
  query: unknown;
}

export function defineAnswerCache(spec: AnswerCacheSpec) {
  const answers = createJsonAnswers({ ttlMs: spec.ttlMs, max: spec.max });
  return {
    spec,
    /** The answer of `view` for these arguments as JSON text; computed when no fresh one is kept. */
    async get(view: string, args: AnswerArgs, compute: () => Promise<unknown>): Promise<string> {
      const revision = await readRevisions(args.db, spec.revisions);
      const key = [
        spec.name,
        view,
        revision,
        provinceToday(),
        actorScopeKey(args.actor),
        JSON.stringify(args.query),
      ];
      return answers.get(key.join("\n"), compute);
    },
  };
}

/**
 * A query prepared once per handle, on its first use there: `definePrepared((db) => db.select()…
 * .prepare("name"))` returns `(db) => query`. A handle is held weakly, so a finished transaction's
 * statements go with it.
 */
export function definePrepared<Q>(build: (db: DbOrTx) => Q): (db: DbOrTx) => Q {
  const built = new WeakMap<DbOrTx, Q>();
  return (db) => {
    let query = built.get(db);
    if (query === undefined) {
      query = build(db);
      built.set(db, query);
    }
    return query;
  };
}
