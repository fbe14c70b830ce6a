import type { Plan, PlannedUnit } from "../generate/plan";
import { WIDE_GROUP_NAME } from "../generate/tasks";
import type { Session } from "../server/session";

/** The province a coordinator session works in: users 1..P coordinate provinces 0..P-1. */
export function provinceOfCoordinator({ plan, session }: { plan: Plan; session: Session }) {
  const n = Number(session.username.slice("bench_u".length));
  return plan.provinces[(n - 1) % plan.provinces.length];
}

/** A province's units by kind, and its groups by name. */
export function provinceDirectory({ plan, provinceId }: { plan: Plan; provinceId: string }) {
  const units = plan.units.filter((u) => u.provinceId === provinceId);
  const ofKind = (kind: string) => units.filter((u) => u.kind === kind && !u.validTo);
  const groups = plan.groups.filter((g) => g.provinceId === provinceId);
  const group = (name: string) => {
    const g = groups.find((x) => x.name === name);
    if (!g) throw new Error(`no group "${name}" in the generated province`);
    return g;
  };
  return {
    root: units.find((u) => u.id === provinceId) as PlannedUnit,
    departments: ofKind("department"),
    communes: ofKind("commune"),
    snv: units.find((u) => u.kind === "department" && u.name === "Sở Nội vụ") as PlannedUnit,
    wideGroup: group(WIDE_GROUP_NAME),
    group,
  };
}
