import type { z } from "zod";
import type { orgGroupBody } from "../../../../core/src/api/org-units.schemas";
import { foldForMatch } from "../../../../core/src/text/vietnamese";
import type { Actor } from "../../app/actor";
import type { Db } from "../../app/db";
import { badRequest, forbidden, notFound } from "../../app/errors";
import { writeAudit } from "../audit/audit.repository";
import { canManageDirectory, canReadUnit, directoryScope } from "./org-units.policy";
import { createOrgGroupsRepository, createOrgUnitsRepository } from "./org-units.repository";
import { getVisibleUnit, today } from "./org-units.service";

type GroupInput = z.infer<typeof orgGroupBody>;

async function getVisibleGroup({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  const group = await createOrgGroupsRepository(db).findById(id);
  if (!group || !canReadUnit(actor, group))
    throw notFound("orgGroup.notFound", "Không tìm thấy nhóm đơn vị.");
  return group;
}

export async function listGroups({ db, actor }: { db: Db; actor: Actor }) {
  const repo = createOrgGroupsRepository(db);
  const groups = await repo.list(directoryScope(actor));
  const members = await repo.membersOf(groups.map((g) => g.id));
  const parents = await createOrgUnitsRepository(db).findByIds(
    groups.map((g) => g.ruleParentId).filter((id): id is string => !!id),
  );
  return groups.map((g) => ({
    ...g,
    memberIds: members.filter((m) => m.groupId === g.id).map((m) => m.unitId),
    ruleParentName: parents.find((p) => p.id === g.ruleParentId)?.name ?? null,
  }));
}

/** The units a group stands for at a date (today by default). */
export async function expandGroup({ db, actor, id, at }: { db: Db; actor: Actor; id: string; at?: string }) {
  const group = await getVisibleGroup({ db, actor, id });
  return createOrgGroupsRepository(db).expand({ group, at: at ?? today() });
}

/**
 * Checks a group's rule and members; answers the group's province. A group stands for units of one
 * province (`group`: the existing group, whose province stays): an administrator sees every province,
 * and a group mixing them would hand one province's tasks to another's units.
 */
async function validateGroupInput({
  db,
  actor,
  input,
  group,
}: {
  db: Db;
  actor: Actor;
  input: GroupInput;
  group?: { provinceId: string };
}) {
  if (input.ruleKinds.length > 0 && !input.ruleParentId) {
    throw badRequest("orgGroup.ruleParent", "Quy tắc nhóm cần chọn đơn vị cấp trên.");
  }
  if (input.ruleKinds.length === 0 && input.memberIds.length === 0) {
    throw badRequest("orgGroup.empty", "Nhóm cần có quy tắc hoặc ít nhất một đơn vị thành viên.");
  }
  const parent = input.ruleParentId ? await getVisibleUnit({ db, actor, id: input.ruleParentId }) : null;
  const members = await createOrgUnitsRepository(db).findByIds(input.memberIds);
  if (members.length !== new Set(input.memberIds).size || members.some((m) => !canReadUnit(actor, m))) {
    throw badRequest("orgGroup.memberNotFound", "Có đơn vị thành viên không tồn tại.");
  }
  const provinceId = group?.provinceId ?? parent?.provinceId ?? members[0]?.provinceId ?? actor.provinceId;
  if (!provinceId) throw badRequest("orgGroup.province", "Không xác định được tỉnh của nhóm.");
  const foreign = [parent, ...members].find((u) => u && u.provinceId !== provinceId);
  if (foreign)
    throw badRequest(
      "orgGroup.province",
      `Đơn vị “${foreign.name}” thuộc tỉnh, thành phố khác: một nhóm chỉ gồm đơn vị của cùng một tỉnh, thành phố.`,
    );
  return provinceId;
}

/** Creates a named group defined by a rule and/or explicit members. */
export async function createGroup({ db, actor, input }: { db: Db; actor: Actor; input: GroupInput }) {
  if (!canManageDirectory(actor)) throw forbidden();
  const provinceId = await validateGroupInput({ db, actor, input });
  return db.transaction(async (tx) => {
    const repo = createOrgGroupsRepository(tx);
    const group = await repo.insert({
      provinceId,
      name: input.name,
      searchText: foldForMatch(input.name),
      ruleKinds: input.ruleKinds,
      ruleParentId: input.ruleParentId,
      ruleDescendants: input.ruleDescendants,
    });
    await repo.replaceMembers({ groupId: group.id, unitIds: [...new Set(input.memberIds)] });
    await writeAudit({
      tx,
      actor,
      record: {
        entity: "orgGroup",
        entityId: group.id,
        action: "create",
        after: { ...group, memberIds: input.memberIds },
      },
    });
    return group;
  });
}

export async function updateGroup({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: string;
  input: GroupInput;
}) {
  const before = await getVisibleGroup({ db, actor, id });
  if (!canManageDirectory(actor)) throw forbidden();
  await validateGroupInput({ db, actor, input, group: before });
  return db.transaction(async (tx) => {
    const repo = createOrgGroupsRepository(tx);
    const beforeMembers = await repo.memberIds(id);
    const group = await repo.update({
      id,
      values: {
        name: input.name,
        searchText: foldForMatch(input.name),
        ruleKinds: input.ruleKinds,
        ruleParentId: input.ruleParentId,
        ruleDescendants: input.ruleDescendants,
      },
    });
    await repo.replaceMembers({ groupId: id, unitIds: [...new Set(input.memberIds)] });
    await writeAudit({
      tx,
      actor,
      record: {
        entity: "orgGroup",
        entityId: id,
        action: "update",
        before: { ...before, memberIds: beforeMembers },
        after: { ...group, memberIds: input.memberIds },
      },
    });
    return group!;
  });
}

export async function deleteGroup({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  const before = await getVisibleGroup({ db, actor, id });
  if (!canManageDirectory(actor)) throw forbidden();
  await db.transaction(async (tx) => {
    await createOrgGroupsRepository(tx).delete(id);
    await writeAudit({ tx, actor, record: { entity: "orgGroup", entityId: id, action: "delete", before } });
  });
}
