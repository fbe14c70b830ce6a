import type { IsoDate } from "../../../../core/src/deadlines/deadline.types";
import {
  canEditContent,
  type ReportAction,
  type ReportRelation,
  type ReportState,
  transition,
} from "../../../../core/src/reporting/report-state";
import { type Actor, hasRole } from "../../app/actor";
import { canManagePlan, canReadPlan, type PlanLike, taskScope } from "../plans/plans.policy";

/** What the policies need to know about a report. */
export interface ReportLike {
  provinceId: string;
  unitId: string;
  unitPath: string;
  state: ReportState;
  lockDate: IsoDate | null;
  lateAllowed: boolean;
  wasReturned: boolean;
  requiresApproval: boolean;
  receivingUnitId: string;
}

const sameProvince = (actor: Actor, r: { provinceId: string }) => actor.provinceId === r.provinceId;

/** Whether a report's unit lies inside the actor's scope of tasks (its subtree, its province, all). */
export function inScope(actor: Actor, r: { provinceId: string; unitPath: string }) {
  const scope = taskScope(actor);
  if (scope.kind === "all") return true;
  if (scope.provinceId !== r.provinceId) return false;
  return scope.kind === "province" || r.unitPath.startsWith(scope.unitPath);
}

/**
 * The subtree a coordinator monitors, when limited to one (null: no limit beyond the province). It
 * wins over the receiving unit: a Sở Nội vụ coordinator monitoring commune A is no receiver of
 * commune B's report, nor hears of it, though the Sở receives both.
 */
export const monitoredPath = (actor: Actor) => (hasRole(actor, "coordinator") ? actor.scopePath : null);

/**
 * What the actor is to a report: officers of the unit report; its head (or a head above it) approves;
 * coordinators whose scope covers the unit, and the head of the receiving unit, receive — unless a
 * monitored area leaves the unit out.
 */
export function reportRelations(actor: Actor, report: ReportLike): ReportRelation[] {
  const out: ReportRelation[] = [];
  if (hasRole(actor, "admin")) out.push("admin");
  if (!sameProvince(actor, report)) return out.length ? out : ["none"];
  if (hasRole(actor, "officer") && actor.unitId === report.unitId) out.push("reporter");
  if (hasRole(actor, "head") && report.unitPath.startsWith(actor.unitPath)) out.push("head");
  if (
    (hasRole(actor, "coordinator") && inScope(actor, report)) ||
    ((hasRole(actor, "coordinator") || hasRole(actor, "head")) &&
      actor.unitId === report.receivingUnitId &&
      monitoredPath(actor) === null)
  )
    out.push("receiver");
  return out.length ? out : ["none"];
}

/** A report is read by its unit (and the units above it), its receivers and the province's leaders. */
export function canReadReport(actor: Actor, report: ReportLike) {
  if (reportRelations(actor, report).some((r) => r !== "none")) return true;
  return inScope(actor, report);
}

/** The unit writes its report while it is a draft or returned, and not locked. */
export const canEditReport = (actor: Actor, report: ReportLike, today: IsoDate) =>
  canEditContent({ ...report, relations: reportRelations(actor, report), today });

/** Whether the actor may take `action` now (the reason is checked when it is taken). */
export const canActOnReport = (actor: Actor, report: ReportLike, action: ReportAction, today: IsoDate) =>
  transition({ ...report, action, relations: reportRelations(actor, report), today, reason: "x" }).ok;

/** Where the actor's send (submit or resubmit) takes the report now, or null if it may not send it. */
export function submitLeadsTo(actor: Actor, report: ReportLike, today: IsoDate): ReportState | null {
  const action = report.state === "returned" ? "resubmit" : "submit";
  const result = transition({ ...report, action, relations: reportRelations(actor, report), today });
  return result.ok ? result.next : null;
}

/** Receivers allow a late submission and comment; the unit comments where it works. */
export const canAllowLate = (actor: Actor, report: ReportLike) =>
  reportRelations(actor, report).some((r) => r === "receiver" || r === "admin");
export const canCommentReport = (actor: Actor, report: ReportLike) =>
  reportRelations(actor, report).some((r) => r !== "none");

/** Obligations and periods of an issued plan are set by whoever manages the plan. */
export const canManageReporting = (actor: Actor, plan: PlanLike) =>
  plan.status === "issued" && !plan.isFramework && canManagePlan(actor, plan);

/** The dashboard is read by whoever reads the plan; its figures are cut to the actor's scope. */
export const canViewDashboard = (actor: Actor, plan: PlanLike) => canReadPlan(actor, plan);

/** The `can` flags a report carries to the UI. */
export function reportCan(actor: Actor, report: ReportLike, today: IsoDate) {
  return {
    edit: canEditReport(actor, report, today),
    submit: canActOnReport(actor, report, report.state === "returned" ? "resubmit" : "submit", today),
    approve: canActOnReport(actor, report, "approve", today),
    return: canActOnReport(actor, report, "return", today),
    accept: canActOnReport(actor, report, "accept", today),
    reopen: canActOnReport(actor, report, "reopen", today),
    allowLate: canAllowLate(actor, report),
    comment: canCommentReport(actor, report),
  };
}
