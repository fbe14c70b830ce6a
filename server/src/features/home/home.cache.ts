/**
 * The home page kept per actor's scope as JSON text, through the one cache helper (`app/cached.ts`).
 * Everything it shows is covered by a revision: reports created or changing state ('reports'), the
 * work of "my tasks" ('plans'), the follow-up items waiting on the unit ('follow_up', migrations 0027 and 0029),
 * units renamed or moved ('org_units') and published results ('indices'); so a person sees a report
 * sent or returned, or an item assigned or accepted, at once, in every process. A coordinator's
 * home counts every report waiting for review (15,000 at province scale), which is why it is kept.
 */
import type { Actor } from "../../app/actor";
import { defineAnswerCache } from "../../app/cached";
import type { Db } from "../../app/db";
import { getHome } from "./home.service";

const answers = defineAnswerCache({
  name: "home",
  revisions: ["org_units", "reports", "plans", "indices", "follow_up"],
  // Nothing the page shows lies outside those revisions; the limit bounds memory held for people gone.
  ttlMs: 60_000,
  max: 2_000,
});

export function cachedHome(args: { db: Db; actor: Actor }) {
  return answers.get("home", { ...args, query: null }, () => getHome(args));
}
