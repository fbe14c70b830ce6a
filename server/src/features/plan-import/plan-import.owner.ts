/**
 * Whose draft an imported plan becomes: the body that issued the document (its letterhead), found in
 * the directory, when the importer may plan for it; otherwise the importer's own unit, with a note
 * saying why, so the person checks it before creating the draft.
 */
import { createUnitResolver, type DirectorySnapshot } from "../../../../core/src/plan-import/units";
import { foldForMatch } from "../../../../core/src/text/vietnamese";
import type { Actor } from "../../app/actor";
import type { DbOrTx } from "../../app/db";
import { getVisibleUnit } from "../org-units/org-units.service";
import { canCreatePlan } from "../plans/plans.policy";

export interface DraftOwner {
  unitId: string | null;
  name: string | null;
  /** True when the owner is the document's issuer; false when it fell back to the importer's unit. */
  fromDocument: boolean;
  flag: string | null;
}

/** "… tỉnh Bình Định" in the letterhead must be the province of the unit it resolves to. */
function sameProvince(issuer: string, unitName: string): boolean {
  const place = /(?:^| )(?:tinh|thanh pho) ([a-z ]+)$/.exec(foldForMatch(issuer))?.[1];
  return !place || foldForMatch(unitName).includes(place);
}

export async function draftOwner({
  db,
  actor,
  issuer,
  snapshot,
}: {
  db: DbOrTx;
  actor: Actor | null | undefined;
  issuer: string | null;
  snapshot: DirectorySnapshot;
}): Promise<DraftOwner> {
  const own = actor
    ? { unitId: actor.unitId, name: actor.profile?.unitName ?? null }
    : { unitId: null, name: null };
  const fallback = (why: string): DraftOwner => ({
    ...own,
    fromDocument: false,
    flag: `${why}; dự thảo được lập cho đơn vị của bạn${own.name ? ` (${own.name})` : ""}, cần kiểm tra cơ quan ban hành.`,
  });
  if (!issuer?.trim()) return fallback("Không xác định được cơ quan ban hành từ văn bản");
  const ref = createUnitResolver(snapshot).resolve(issuer);
  if (!ref.unitId || !ref.unit || !sameProvince(issuer, ref.unit))
    return fallback(`Cơ quan ban hành “${issuer}” không có trong danh mục đơn vị`);
  if (!actor) return { unitId: ref.unitId, name: ref.unit, fromDocument: true, flag: null };
  const unit = await getVisibleUnit({ db, actor, id: ref.unitId }).catch(() => null);
  if (!unit || !canCreatePlan(actor, unit))
    return fallback(`Bạn không được lập kế hoạch cho cơ quan ban hành “${ref.unit}”`);
  return { unitId: unit.id, name: unit.name, fromDocument: true, flag: null };
}
