/**
 * The last answers a person needs to go on working when the connection drops and she reloads: who
 * she is (/api/me) and the reports she opened. They are read only when the server cannot be reached,
 * never instead of a fresh answer; each is kept under her user id and removed when she signs out or
 * the server says her session has ended, so the next person on a shared device never sees them.
 */
import { isApiError } from "../../lib/api-client";
import { allRecords, deleteRecord, getRecord, putRecord } from "./device-store";

type Copy<T> = { key: string; userId: string; body: T; savedAt: number };
/** The device's last signed-in person: the one key not prefixed by a user id. */
const ME = "me";
/** Reports kept per person: the month's report and a few earlier ones are what she opens. */
const KEPT_PER_PERSON = 20;

/** Storage may be refused (private mode, quota): working online must not depend on it. */
const quietly = <T>(work: Promise<T>) => work.catch(() => undefined);

const isOffline = (e: unknown) => isApiError(e) && e.status === 0;

/**
 * Who is signed in on this device (from /api/me or the sign-in answer). Someone else than before:
 * nothing of the person before stays readable here (her unsent edits are not answers: they stay in
 * their own store until she sends them).
 */
export async function keepMe<T extends { user: { id: string } }>(me: T) {
  const before = await quietly(getRecord<Copy<T>>("answers", ME));
  if (before?.userId !== me.user.id) await quietly(forgetOthers(me.user.id));
  await quietly(
    putRecord<Copy<T>>("answers", { key: ME, userId: me.user.id, body: me, savedAt: Date.now() }),
  );
}

export async function loadMe<T extends { user: { id: string } }>(
  load: () => Promise<T | null>,
): Promise<T | null> {
  try {
    const me = await load();
    if (me) await keepMe(me);
    else await quietly(deleteRecord("answers", ME));
    return me;
  } catch (e) {
    if (!isOffline(e)) throw e;
    const copy = await quietly(getRecord<Copy<T>>("answers", ME));
    if (!copy) throw e;
    return copy.body;
  }
}

/**
 * An answer of `name` for `userId`: from the server, kept on the device; from the device when the
 * server cannot be reached, with `fromDevice` (when it was kept, epoch ms) so the page can say so.
 */
export async function loadWithCopy<T extends object>({
  userId,
  name,
  load,
}: {
  userId: string | null;
  name: string;
  load: () => Promise<T>;
}): Promise<T & { fromDevice?: number }> {
  const key = `${userId}:${name}`;
  try {
    const body = await load();
    if (userId) {
      await quietly(putRecord<Copy<T>>("answers", { key, userId, body, savedAt: Date.now() }));
      void quietly(evictOldest(userId));
    }
    return body;
  } catch (e) {
    if (!userId || !isOffline(e)) throw e;
    const copy = await quietly(getRecord<Copy<T>>("answers", key));
    if (!copy) throw e;
    return { ...copy.body, fromDevice: copy.savedAt };
  }
}

async function evictOldest(userId: string) {
  const mine = (await allRecords<Copy<unknown>>("answers"))
    .filter((c) => c.userId === userId && c.key !== ME)
    .sort((a, b) => b.savedAt - a.savedAt);
  for (const old of mine.slice(KEPT_PER_PERSON)) await deleteRecord("answers", old.key);
}

async function forgetOthers(userId: string) {
  for (const c of await allRecords<Copy<unknown>>("answers"))
    if (c.userId !== userId) await deleteRecord("answers", c.key);
}

/** Signing out: nothing of this person's answers stays on the device. */
export async function forgetAnswers(userId: string | null) {
  await quietly(
    (async () => {
      for (const c of await allRecords<Copy<unknown>>("answers"))
        if (c.key === ME || c.userId === userId) await deleteRecord("answers", c.key);
    })(),
  );
}
