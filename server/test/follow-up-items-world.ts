import type { FastifyInstance } from "fastify";
import { addDays } from "../../core/src/reporting/periods";
import { systemActor } from "../src/app/actor";
import { provinceToday } from "../src/app/clock";
import type { Db } from "../src/app/db";
import {
  dialogues,
  inspectionFindings,
  inspectionPlans,
  inspections,
} from "../src/features/follow-up/follow-up.table";
import { createItems, type ItemDraft } from "../src/features/follow-up/items/items.create";
import type { OrgUnitRow } from "../src/features/org-units/org-units.repository";
import { buildProvince, buildUnit, buildUser } from "./factories";
import { createClient } from "./http";

export type Client = ReturnType<typeof createClient>;

/** The days of the world's story: the inspection and the dialogue, and the deadlines set then. */
export const DAYS = {
  inspected: "2026-03-10",
  dialogue: "2026-03-20",
  dueA: "2026-04-30",
  dueRoom: "2026-04-15",
} as const;

/**
 * One province following up: Sở Nội vụ inspected Xã An Phú and found one shortcoming to remedy (due
 * 30/04/2026); the province held a dialogue with businesses, one recommendation assigned to a room of
 * Sở Xây dựng (due 15/04/2026) and one only received. The people around them: a coordinator, an
 * officer and a head of Sở Nội vụ (the inspecting unit), of Xã An Phú (responsible), of Xã Bình Minh
 * (unrelated), the head of Sở Xây dựng (above the responsible room), a viewer and an administrator.
 * Inspections and dialogues are written as rows (their registers are other sub-capabilities); every
 * item is created through `createItems`, the one way in. `tag` keeps two provinces' names apart.
 */
export async function buildItemsWorld({ db, app, tag = "" }: { db: Db; app: FastifyInstance; tag?: string }) {
  const named = (name: string) => `${name} ${tag}`.trim();
  const province = await buildProvince(db, { name: named("Tỉnh Theo Dõi") });
  const unit = (kind: string, name: string, parentId = province.id) =>
    buildUnit(db, { kind: kind as never, name: named(name), parentId });
  const snv = await unit("department", "Sở Nội vụ");
  const sxd = await unit("department", "Sở Xây dựng");
  const room = await unit("internalUnit", "Phòng Quản lý nhà", sxd.id);
  const comA = await unit("commune", "Xã An Phú");
  const comB = await unit("commune", "Xã Bình Minh");
  const units = { province, snv, sxd, room, comA, comB };
  const people = {
    coord: { unit: snv, roles: ["coordinator"] },
    officerSnv: { unit: snv, roles: ["officer"] },
    headSnv: { unit: snv, roles: ["head"] },
    officerA: { unit: comA, roles: ["officer"] },
    headA: { unit: comA, roles: ["head"] },
    officerB: { unit: comB, roles: ["officer"] },
    headSxd: { unit: sxd, roles: ["head"] },
    officerRoom: { unit: room, roles: ["officer"] },
    viewer: { unit: province, roles: ["viewer"] },
    admin: { unit: province, roles: ["admin"] },
  } as const;
  type Who = keyof typeof people;
  const users = {} as Record<Who, { id: string; username: string }>;
  for (const [key, p] of Object.entries(people)) {
    const user = await buildUser(db, { unitId: p.unit.id, roles: [...p.roles] as never });
    users[key as Who] = { id: user.id, username: user.username };
  }
  const [plan] = await db
    .insert(inspectionPlans)
    .values({
      provinceId: province.id,
      ownerUnitId: snv.id,
      year: 2026,
      title: named("Kế hoạch kiểm tra CCHC"),
    })
    .returning();
  const [inspection] = await db
    .insert(inspections)
    .values({
      planId: plan.id,
      provinceId: province.id,
      unitId: comA.id,
      unitPath: comA.path,
      startsOn: DAYS.inspected,
      endsOn: DAYS.inspected,
      state: "done",
      heldOn: DAYS.inspected,
    })
    .returning();
  const [finding] = await db
    .insert(inspectionFindings)
    .values({ inspectionId: inspection.id, content: "Chưa niêm yết thủ tục hành chính tại bộ phận một cửa" })
    .returning();
  const [dialogue] = await db
    .insert(dialogues)
    .values({
      provinceId: province.id,
      hostUnitId: province.id,
      hostUnitPath: province.path,
      heldOn: DAYS.dialogue,
      kind: "businesses",
      title: named("Hội nghị đối thoại với doanh nghiệp"),
    })
    .returning();
  const at = (u: OrgUnitRow) => ({ id: u.id, path: u.path });
  const drafts: ItemDraft[] = [
    {
      kind: "remediation",
      provinceId: province.id,
      findingId: finding.id,
      follower: at(snv),
      unit: at(comA),
      aroseOn: DAYS.inspected,
      content: "Niêm yết đầy đủ thủ tục hành chính tại bộ phận một cửa",
      requiredResult: "Ảnh chụp bảng niêm yết",
      dueDate: DAYS.dueA,
    },
    {
      kind: "recommendation",
      provinceId: province.id,
      dialogueId: dialogue.id,
      follower: at(province),
      unit: at(room),
      aroseOn: DAYS.dialogue,
      content: "Rút ngắn thời gian cấp phép xây dựng nhà ở riêng lẻ",
      raiserKind: "business",
      raiserName: "Công ty TNHH Ánh Dương",
      anonymous: true,
      dueDate: DAYS.dueRoom,
    },
    {
      kind: "recommendation",
      provinceId: province.id,
      dialogueId: dialogue.id,
      follower: at(province),
      unit: null,
      aroseOn: DAYS.dialogue,
      content: "Công khai quy hoạch khu công nghiệp phía Bắc",
      raiserKind: "association",
      raiserName: "Hiệp hội Doanh nghiệp tỉnh",
      dueDate: null,
    },
  ];
  const [itemA, itemRoom, itemReceived] = await db.transaction((tx) =>
    createItems({ tx, actor: systemActor("Kiểm thử"), drafts }),
  );
  const clients = new Map<string, Client>();
  const as = async (key: Who) => {
    const known = clients.get(key);
    if (known) return known;
    const c = createClient(app);
    await c.login(users[key].username);
    clients.set(key, c);
    return c;
  };
  /** Another remediation of the inspection's finding (Xã An Phú's by default), for a test of its own. */
  const newItem = async (overrides: Partial<ItemDraft> = {}) => {
    const [id] = await db.transaction((tx) =>
      createItems({ tx, actor: systemActor("Kiểm thử"), drafts: [{ ...drafts[0], ...overrides }] }),
    );
    return id;
  };
  return {
    province,
    units,
    newItem,
    users,
    plan,
    inspection,
    finding,
    dialogue,
    items: { a: itemA, room: itemRoom, received: itemReceived },
    as,
  };
}

export type ItemsWorld = Awaited<ReturnType<typeof buildItemsWorld>>;
export type ItemsWho = Parameters<ItemsWorld["as"]>[0];

/**
 * Follow-up items in a province built for other purposes (the two-provinces matrices): a dialogue
 * held today by `follower`, one recommendation assigned to `unit` (due in 30 days) and one only
 * received, created through `createItems`.
 */
export async function addFollowUpItems({
  db,
  provinceId,
  follower,
  unit,
  tag,
}: {
  db: Db;
  provinceId: string;
  follower: { id: string; path: string };
  unit: { id: string; path: string };
  tag: string;
}) {
  const today = provinceToday();
  const [dialogue] = await db
    .insert(dialogues)
    .values({
      provinceId,
      hostUnitId: follower.id,
      hostUnitPath: follower.path,
      heldOn: today,
      kind: "businesses",
      title: `Đối thoại doanh nghiệp ${tag}`,
    })
    .returning();
  const draft = {
    kind: "recommendation" as const,
    provinceId,
    dialogueId: dialogue.id,
    follower,
    aroseOn: today,
  };
  const [open, received] = await db.transaction((tx) =>
    createItems({
      tx,
      actor: systemActor("Kiểm thử"),
      drafts: [
        { ...draft, unit, content: `Kiến nghị đã giao ${tag}`, dueDate: addDays(today, 30) },
        { ...draft, unit: null, content: `Kiến nghị mới tiếp nhận ${tag}`, dueDate: null },
      ],
    }),
  );
  return { dialogueId: dialogue.id, open, received };
}
