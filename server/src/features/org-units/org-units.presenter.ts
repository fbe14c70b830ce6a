import type { UnitKind } from "../../../../core/src/auth/roles";
import { provinceToday } from "../../app/clock";
import type { OrgUnitRow } from "./org-units.repository";

const isActive = (validTo: string | null, validFrom: string | null, today: string) =>
  (!validTo || validTo >= today) && (!validFrom || validFrom <= today);

export function presentUnit(row: OrgUnitRow, today = provinceToday()) {
  return {
    id: row.id,
    kind: row.kind as UnitKind,
    parentId: row.parentId,
    provinceId: row.provinceId,
    name: row.name,
    shortName: row.shortName,
    code: row.code,
    aliases: row.aliases,
    validFrom: row.validFrom,
    validTo: row.validTo,
    active: isActive(row.validTo, row.validFrom, today),
    depth: row.depth,
  };
}

export function presentTreeNode(
  row: {
    id: string;
    parentId: string | null;
    kind: string;
    name: string;
    shortName: string | null;
    validTo: string | null;
  },
  today: string,
) {
  return {
    id: row.id,
    parentId: row.parentId,
    kind: row.kind as UnitKind,
    name: row.name,
    shortName: row.shortName,
    active: !row.validTo || row.validTo >= today,
  };
}
