/**
 * The province's coordinators decide on initiatives: recognise, not recognise (with the reason),
 * reconsider (with the reason), replicate to other units from a day. Each decision goes through
 * core's `initiativeTransition`, on the version the coordinator read, in one transaction with its
 * audit record and the notices it sends (the in-app notices of reporting, mailed by its job).
 */
import type { z } from "zod";
import type { initiativeTransitionBody } from "../../../../../core/src/api/follow-up-initiatives.schemas";
import {
  type InitiativeAction,
  type InitiativeState,
  initiativeTransition,
} from "../../../../../core/src/follow-up/initiatives";
import { formatDateVi } from "../../../../../core/src/text/dates";
import type { Actor } from "../../../app/actor";
import { provinceToday } from "../../../app/clock";
import type { Db, DbOrTx } from "../../../app/db";
import { badRequest, conflict, forbidden } from "../../../app/errors";
import { writeAudit } from "../../audit/audit.repository";
import { createOrgUnitsRepository } from "../../org-units/org-units.repository";
import { createReviewRepository } from "../../reporting/review/review.repository";
import { excerpt } from "../../reporting/review/review-notices";
import { canDecideInitiative } from "../follow-up.policy";
import { createInitiativesRepository, type InitiativeRow } from "./initiatives.repository";
import { getInitiative, initiativeConflict, loadVisible } from "./initiatives.service";

type Input = z.infer<typeof initiativeTransitionBody>;

/** One in-app notice of a decision (`notifications`: unit, kind, title, body). */
export interface InitiativeNotice {
  unitId: string;
  kind: string;
  title: string;
  body: string;
}

/**
 * Whom a decision tells, and what: the initiative's unit hears every decision (with the reason given);
 * each unit it is replicated to hears that it is to apply it, and from when.
 */
export function initiativeNotices(p: {
  initiative: Pick<InitiativeRow, "unitId" | "title" | "year">;
  action: InitiativeAction;
  reason: string | null;
  replicatedTo?: Array<{ id: string; name: string }>;
  fromDate?: string | null;
}): InitiativeNotice[] {
  const { initiative: i } = p;
  const why = p.reason?.trim() ? ` Lý do: ${excerpt(p.reason.trim())}` : "";
  const year = `Sáng kiến cải cách hành chính năm ${i.year}.`;
  const own = (kind: string, title: string, body: string) => ({ unitId: i.unitId, kind, title, body });
  if (p.action === "recognise")
    return [own("initiativeRecognised", `Sáng kiến được công nhận: ${i.title}`, `${year}${why}`)];
  if (p.action === "reject")
    return [own("initiativeNotRecognised", `Sáng kiến không được công nhận: ${i.title}`, `${year}${why}`)];
  if (p.action === "reconsider")
    return [own("initiativeReconsidered", `Sáng kiến được xem xét lại: ${i.title}`, `${year}${why}`)];
  const names = (p.replicatedTo ?? []).map((u) => u.name);
  const from = p.fromDate ? ` từ ngày ${formatDateVi(p.fromDate)}` : "";
  return [
    own(
      "initiativeReplicated",
      `Sáng kiến được nhân rộng: ${i.title}`,
      excerpt(`${year} Nhân rộng${from} tại: ${names.join(", ")}.${why}`),
    ),
    ...(p.replicatedTo ?? []).map((u) => ({
      unitId: u.id,
      kind: "initiativeToApply",
      title: `Đơn vị được giao áp dụng sáng kiến: ${i.title}`,
      body: excerpt(`${year} Áp dụng${from}.${why}`),
    })),
  ];
}

/** The units to replicate to: of the initiative's province, not its own unit, none twice. */
async function replicationTargets({
  db,
  row,
  input,
  already,
}: {
  db: DbOrTx;
  row: InitiativeRow;
  input: Input;
  already: Set<string>;
}) {
  const ids = input.unitIds ?? [];
  if (!ids.length) throw badRequest("initiative.replicateUnits", "Hãy chọn các đơn vị áp dụng nhân rộng.");
  if (!input.fromDate)
    throw badRequest("initiative.replicateFrom", "Hãy chọn ngày bắt đầu áp dụng nhân rộng.");
  if (input.fromDate < `${row.year}-01-01`)
    throw badRequest(
      "initiative.replicateFrom",
      `Ngày áp dụng không được trước năm của sáng kiến (${row.year}).`,
    );
  if (new Set(ids).size !== ids.length)
    throw badRequest("initiative.replicateUnits", "Danh sách đơn vị nhân rộng có đơn vị bị trùng.");
  const units = await createOrgUnitsRepository(db).findByIds(ids);
  const byId = new Map(units.map((u) => [u.id, u]));
  for (const id of ids) {
    const unit = byId.get(id);
    // Another province's unit is named as unknown: a decision never ties two provinces.
    if (!unit || unit.provinceId !== row.provinceId)
      throw badRequest("initiative.replicateUnits", "Có đơn vị nhân rộng không thuộc tỉnh của sáng kiến.");
    if (unit.id === row.unitId)
      throw badRequest(
        "initiative.replicateUnits",
        `“${unit.name}” là đơn vị có sáng kiến, không nhân rộng cho chính đơn vị này.`,
      );
    if (already.has(unit.id))
      throw badRequest("initiative.replicateUnits", `Sáng kiến đã được nhân rộng tại “${unit.name}”.`);
  }
  return ids.map((id) => byId.get(id) as NonNullable<ReturnType<typeof byId.get>>);
}

export async function decideInitiative({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: string;
  input: Input;
}) {
  await db.transaction(async (tx) => {
    const repo = createInitiativesRepository(tx);
    await repo.lock(id);
    const { row, replications } = await loadVisible({ db: tx, actor, id });
    if (!canDecideInitiative(actor, row))
      throw forbidden(
        "initiative.forbidden",
        "Chỉ cán bộ điều phối của tỉnh được công nhận, không công nhận hoặc nhân rộng sáng kiến.",
      );
    const state = row.state as InitiativeState;
    const result = initiativeTransition({ state, action: input.action, reason: input.reason ?? null });
    if (!result.ok)
      throw result.code === "reasonRequired"
        ? badRequest("initiative.reasonRequired", result.message)
        : conflict("initiative.invalidState", result.message);
    if (row.version !== input.version) throw initiativeConflict();
    const targets =
      input.action === "replicate"
        ? await replicationTargets({
            db: tx,
            row,
            input,
            already: new Set(replications.map((r) => r.unitId)),
          })
        : [];
    const reason = input.reason?.trim() || null;
    const today = provinceToday();
    const set: Partial<InitiativeRow> = { state: result.next };
    if (input.action === "recognise" || input.action === "reject")
      Object.assign(set, { decidedOn: today, decidedBy: actor.userId, decisionNote: reason ?? "" });
    // Back to "proposed": the earlier decision no longer stands; the reason for looking again does.
    if (input.action === "reconsider")
      Object.assign(set, { decidedOn: null, decidedBy: null, decisionNote: reason ?? "" });
    const updated = await repo.update({ id, version: input.version, set });
    if (!updated) throw initiativeConflict();
    await repo.addReplications(
      targets.map((u) => ({
        initiativeId: id,
        unitId: u.id,
        fromDate: input.fromDate as string,
        createdBy: actor.userId,
      })),
    );
    const notices = initiativeNotices({
      initiative: row,
      action: input.action,
      reason,
      replicatedTo: targets.map((u) => ({ id: u.id, name: u.name })),
      fromDate: input.fromDate ?? null,
    });
    await createReviewRepository(tx).insertNotifications(
      notices.map((n) => ({ ...n, mailState: "pending" })),
    );
    await writeAudit({
      tx,
      actor,
      record: {
        entity: "initiative",
        entityId: id,
        action: `initiative.${input.action}`,
        before: { state },
        after: {
          state: result.next,
          reason,
          ...(targets.length
            ? { replicatedTo: targets.map((u) => u.name), fromDate: input.fromDate ?? null }
            : {}),
          // In words, as the audit panel shows them: the notices' titles.
          notified: notices.map((n) => n.title),
        },
      },
    });
  });
  return getInitiative({ db, actor, id });
}
