import { progress } from "../log";
import type { Session } from "../server/session";
import { provinceDirectory, provinceOfCoordinator } from "./plans-common";
import { authHeaders, type ScenarioContext } from "./types";

/** Commune officers signed in for the follow-up lists: spread over the provinces. */
const OFFICERS = 8;

export interface CommuneOfficer {
  session: Session;
  unitId: string;
}

export interface CoordinatorView {
  session: Session;
  provinceId: string;
  departments: string[];
  communes: string[];
  /** Two of the province's dialogues with businesses and one of a commune's with its citizens. */
  dialogueIds: string[];
  /** The province's inspection plans (2025, 2026). */
  planIds: string[];
}

async function getJson<T>(baseUrl: string, session: Session, path: string) {
  const res = await fetch(`${baseUrl}${path}`, { headers: authHeaders(session) });
  const text = await res.text();
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

/**
 * What the follow-up scenarios ask about, read once per run through the API: each coordinator's
 * province (its units, dialogues and inspection plans) and commune officers signed in. The ids are
 * the database's, so the cold server (same database) answers the same reads.
 */
let fixture: Promise<{ coordinators: CoordinatorView[]; officers: CommuneOfficer[] }> | null = null;

export function followUpFixture(context: ScenarioContext) {
  fixture ??= (async () => {
    const { baseUrl, plan } = context;
    const coordinators: CoordinatorView[] = [];
    for (const session of context.sessions.coordinators) {
      const province = provinceOfCoordinator({ plan, session });
      const dir = provinceDirectory({ plan, provinceId: province.id });
      const list = (query: string) =>
        getJson<{ dialogues: Array<{ id: string }> }>(baseUrl, session, `/api/follow-up/dialogues?${query}`);
      const [businesses, citizens, plans] = await Promise.all([
        list("kind=businesses&pageSize=2"),
        list("kind=citizens&pageSize=1"),
        getJson<{ plans: Array<{ id: string }> }>(baseUrl, session, "/api/follow-up/inspections/plans"),
      ]);
      const dialogueIds = [...businesses.dialogues, ...citizens.dialogues].map((d) => d.id);
      if (!dialogueIds.length || !plans.plans.length)
        throw new Error("no dialogues or inspection plans: the data set has no follow-up data");
      coordinators.push({
        session,
        provinceId: province.id,
        departments: dir.departments.map((u) => u.id),
        communes: dir.communes.map((u) => u.id),
        dialogueIds,
        planIds: plans.plans.map((p) => p.id),
      });
    }
    // Officers of communes, one province after another, so a national run spreads over the country.
    const kindOf = new Map(plan.units.map((u) => [u.id, u.kind]));
    const provinceOf = new Map(plan.units.map((u) => [u.id, u.provinceId]));
    const perProvince = Math.ceil(OFFICERS / plan.provinces.length);
    const seen = new Map<string | null, number>();
    const picked = plan.users.filter((u) => {
      if (!u.roles.includes("officer") || kindOf.get(u.unitId) !== "commune") return false;
      const p = provinceOf.get(u.unitId) ?? null;
      const n = seen.get(p) ?? 0;
      seen.set(p, n + 1);
      return n < perProvince;
    });
    const officers: CommuneOfficer[] = [];
    for (const u of picked.slice(0, OFFICERS))
      officers.push({ session: await context.login(u.username), unitId: u.unitId });
    progress(`follow-up: ${coordinators.length} coordinators, ${officers.length} commune officers signed in`);
    return { coordinators, officers };
  })();
  return fixture;
}

export const q = (text: string) => encodeURIComponent(text);
