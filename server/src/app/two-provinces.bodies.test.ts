import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../../core/src/reporting/periods";
import { buildUnit, buildUser } from "../../test/factories";
import { createClient } from "../../test/http";
import type { Client } from "../../test/reporting-world";
import { idPathsOf, keysOf } from "../../test/route-schemas";
import { buildTwoProvinces, ROLES, type TwoProvinces } from "../../test/two-provinces-world";
import { plans } from "../features/plans/plans.table";
import { provinceToday } from "./clock";

/**
 * Two provinces in one installation: ids that travel in a write's body or query. Each row of the
 * table below is a request that passes validation and names something of province 2 (a unit, a
 * group, a plan, a task, an entry) where a write of province 1 expects its own; every role of
 * province 1 sends every row. A write is refused by the access decision (403/404, or 400 saying what
 * is foreign, never the schema's "validation"); a request that only answers (an extraction, a task
 * import naming units by name) may answer, with nothing of province 2 in it. Afterwards no row of
 * the database links the two provinces and province 2's data are as they were.
 * The guard test keeps the table complete: every write route is in it, or in NOTHING_TO_CARRY with
 * the reason, and every id its schemas can carry is tried.
 */
let w: TwoProvinces;
/** Province 1's own things the writes are aimed at. */
const mine: Record<string, string> = {};
/** Province 2's group (groups are named in task tables and bulk assignment). */
let theirGroup = "";
/** A national administrator, sitting in province 1. */
let admin: Client;
/** Province 2 before the writes. */
let before = "";

/** Write routes whose body and query carry no id (their path ids are the path matrix's). */
const NOTHING_TO_CARRY: Record<string, string> = {
  "POST /api/auth/logout": "ends the caller's own session",
  "POST /api/auth/change-password": "the caller's own password",
  "POST /api/users/:id/reset-password": "only the path id",
  "DELETE /api/org-groups/:id": "only the path id",
  "POST /api/indices": "index definitions are national",
  "PUT /api/indices/versions/:code": "index definitions are national",
  "POST /api/indices/:index/versions": "index definitions are national",
  "POST /api/indices/provinces/:code/what-if": "published index results are public",
  "POST /api/indices/results/import": "published index results are public",
  "PUT /api/indices/results/:index/:year/:province": "published index results are public",
  "PATCH /api/indices/targets/:id": "only the path id",
  "DELETE /api/indices/targets/:id": "only the path id",
  "DELETE /api/plans/:id": "only the path id",
  "PUT /api/plans/:id/targets": "index codes, no ids",
  "POST /api/plans/:id/issue": "only the path id",
  "POST /api/plans/:id/assignments/resync": "only the path id",
  "PATCH /api/assignments/:id": "only the path id",
  "POST /api/plan-import/extract": "a file read into a draft: the same matching as extract-text",
  "POST /api/reporting-obligations/:id/periods": "only the path id (a period key)",
  "PATCH /api/reports/:id": "only the path id",
  "PATCH /api/report-entries/:id": "only the path id",
  "POST /api/reports/:id/transitions": "only the path id",
  "PUT /api/reports/:id/late-permission": "only the path id",
  "PUT /api/notifications/preferences": "the caller's own preference",
  "POST /api/notifications/:id/read": "only the path id",
  "POST /api/indices/custom/:index/versions": "only the path id (the province's own index)",
  "PUT /api/indices/custom/versions/:code": "only the path code",
  "POST /api/indices/custom/versions/:code/revise": "only the path code",
  "POST /api/indices/custom/versions/:code/publish": "only the path code",
  "PUT /api/indices/custom/:index/results/:year/:unitId": "only the path ids",
  "PUT /api/reports/:id/answers/:questionId": "only the path ids",
  "PATCH /api/follow-up/dialogues/:id": "only the path id (the host is not changed)",
  "DELETE /api/follow-up/dialogues/:id": "only the path id",
  "POST /api/follow-up/dialogues/:id/files": "only the path id",
  "DELETE /api/follow-up/dialogues/:id/files/:fileId": "only the path ids",
  "POST /api/follow-up/dialogues/:id/recommendations/:itemId/publication": "only the path ids",
  "PATCH /api/follow-up/inspections/plans/:id": "only the path id",
  "DELETE /api/follow-up/inspections/plans/:id": "only the path id",
  "PATCH /api/follow-up/inspections/:id": "only the path id",
  "POST /api/follow-up/inspections/:id/cancel": "only the path id",
  "PATCH /api/follow-up/inspections/findings/:id": "only the path id (index codes, no ids)",
  "POST /api/follow-up/inspections/:id/files": "only the path id (a file)",
  "DELETE /api/follow-up/inspections/files/:id": "only the path id",
  "PATCH /api/follow-up/initiatives/:id": "only the path id (the unit is chosen at registration)",
  "DELETE /api/follow-up/initiatives/:id": "only the path id",
  "PUT /api/follow-up/initiatives/minimums/:year": "the caller's own province",
  "POST /api/follow-up/initiatives/:id/files": "only the path id",
  "POST /api/follow-up/initiatives/:id/links": "only the path id",
  "DELETE /api/follow-up/initiatives/:id/files/:fileId": "only the path ids",
  "POST /api/follow-up/items/:id/comments": "only the path id",
  "POST /api/follow-up/items/:id/files": "only the path id (a file)",
  "POST /api/follow-up/items/:id/links": "only the path id (a link)",
  "DELETE /api/follow-up/items/:id/files/:fileId": "only the path ids",
};

interface Row {
  /** The route as registered ("METHOD /api/…/:id"). */
  route: string;
  /** The id fields of the route's schemas this row fills with province 2's ids (`?x`: query). */
  ids: string[];
  url: () => string;
  body?: () => unknown;
  /** Sent as a file upload (multipart), the url's query carrying the ids. */
  upload?: () => Promise<{ fileName: string; data: Uint8Array }>;
  /** A request that may answer (it reads, or takes names as written): nothing of province 2 in it. */
  answers?: true;
  /**
   * A national administrator may take it though it ties the provinces together: moving units between
   * provinces is how the 2025 mergers are recorded, and what becomes of the moved units' work is a
   * decision of its own (reported, not settled here).
   */
  restructures?: true;
}

const p1 = () => w.p1;
const thisYear = () => Number(provinceToday().slice(0, 4));
const p2 = () => w.p2;
const plan1 = () => `/api/plans/${p1().plan.id}`;
const draft = () => `/api/plans/${mine.draft}`;
const newRow = (extra: object) => ({ content: "Nhiệm vụ chép sang tỉnh khác", ...extra });
const amendment = (extra: object) => ({ documentNumber: "15/QĐ-UBND", summary: "Sửa đổi thử", ...extra });
const dialogue = () => ({
  heldOn: addDays(provinceToday(), -7),
  kind: "businesses",
  title: "Đối thoại với doanh nghiệp của tỉnh khác",
});
const obligation = (extra: object) => ({
  title: "Báo cáo gửi tỉnh khác",
  frequency: "monthly",
  dueRule: { kind: "daysAfterEnd", days: 10 },
  receivingUnitId: p1().units.snv.id,
  ...extra,
});

/** A merge (or split) recorded in the directory: moving units between provinces is restructuring. */
const unitEvent = (ids: string[], body: () => object): Row => ({
  route: "POST /api/org-units/events",
  ids,
  restructures: true,
  url: () => "/api/org-units/events",
  body: () => ({ kind: "merge", effectiveDate: "2026-07-01", ...body() }),
});

const ROWS: Row[] = [
  // ——— accounts and the directory (administrators' writes) ———
  {
    // A unit named as written: matched only in the importer's province, never to province 2's unit.
    route: "POST /api/users/import",
    ids: [],
    url: () => "/api/users/import?commit=true",
    upload: async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Người dùng");
      ws.addRow(["Tên đăng nhập", "Họ và tên", "Đơn vị", "Vai trò"]);
      ws.addRow(["nhap.tinh.khac", "Người Nhập Tỉnh Khác", p2().units.comA.name, "Cán bộ thực hiện"]);
      return { fileName: "nguoi-dung.xlsx", data: new Uint8Array(await wb.xlsx.writeBuffer()) };
    },
  },
  {
    route: "POST /api/users",
    ids: ["unitId", "scopeUnitId"],
    url: () => "/api/users",
    body: () => ({
      username: "nguoi.tinh.khac",
      displayName: "Người Tỉnh Khác",
      unitId: p2().units.comA.id,
      scopeUnitId: p2().units.comB.id,
      roles: ["officer"],
      password: "Mat-khau-rat-dai-2026",
    }),
  },
  {
    route: "PATCH /api/users/:id",
    ids: ["unitId"],
    url: () => `/api/users/${p1().users.officerA.id}`,
    body: () => ({ unitId: p2().units.comA.id }),
  },
  {
    route: "PATCH /api/users/:id",
    ids: ["scopeUnitId"],
    url: () => `/api/users/${p1().users.coordA.id}`,
    body: () => ({ scopeUnitId: p2().units.comA.id }),
  },
  {
    route: "POST /api/org-units",
    ids: ["parentId"],
    url: () => "/api/org-units",
    body: () => ({ kind: "commune", parentId: p2().province.id, name: "Xã Chen Vào" }),
  },
  {
    route: "PATCH /api/org-units/:id",
    ids: ["parentId"],
    restructures: true,
    url: () => `/api/org-units/${p1().units.comA.id}`,
    body: () => ({ parentId: p2().province.id }),
  },
  unitEvent(["predecessorIds[]"], () => ({
    predecessorIds: [p2().units.comA.id],
    successorIds: [p1().units.comB.id],
  })),
  unitEvent(["successorIds[]"], () => ({
    predecessorIds: [p1().units.comA.id],
    successorIds: [p2().units.comB.id],
  })),
  unitEvent(["newSuccessor.parentId"], () => ({
    kind: "split",
    predecessorIds: [p1().units.comA.id],
    newSuccessor: { kind: "commune", parentId: p2().province.id, name: "Xã Tách Sang" },
  })),
  {
    route: "POST /api/org-units/import",
    ids: ["?parentId"],
    url: () => `/api/org-units/import?commit=true&parentId=${p2().province.id}`,
    upload: async () => ({
      fileName: "don-vi.csv",
      data: new TextEncoder().encode("Tên đơn vị,Loại\nXã Nhập Sang,commune\n"),
    }),
  },
  {
    route: "POST /api/org-groups",
    ids: ["memberIds[]"],
    url: () => "/api/org-groups",
    body: () => ({ name: "Nhóm lẫn tỉnh", memberIds: [p2().units.comA.id] }),
  },
  {
    route: "POST /api/org-groups",
    ids: ["ruleParentId"],
    url: () => "/api/org-groups",
    body: () => ({ name: "Nhóm theo tỉnh khác", ruleKinds: ["commune"], ruleParentId: p2().province.id }),
  },
  {
    route: "PUT /api/org-groups/:id",
    ids: ["memberIds[]", "ruleParentId"],
    url: () => `/api/org-groups/${mine.group}`,
    body: () => ({
      name: "Nhóm lẫn tỉnh",
      ruleKinds: ["commune"],
      ruleParentId: p2().province.id,
      memberIds: [p2().units.comB.id],
    }),
  },
  {
    route: "POST /api/indices/targets",
    ids: ["provinceUnitId"],
    url: () => "/api/indices/targets",
    body: () => ({ provinceUnitId: p2().province.id, year: 2027, indexCode: "PCI", targetValue: 70 }),
  },
  {
    route: "POST /api/indices/targets/import",
    ids: ["?provinceUnitId"],
    url: () => `/api/indices/targets/import?commit=true&provinceUnitId=${p2().province.id}`,
    upload: async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Mục tiêu");
      ws.addRow(["Chỉ số", "Năm", "Giá trị mục tiêu"]);
      ws.addRow(["PCI", 2027, 70]);
      return { fileName: "muc-tieu.xlsx", data: new Uint8Array(await wb.xlsx.writeBuffer()) };
    },
  },
  // ——— plans ———
  {
    route: "POST /api/plans",
    ids: ["ownerUnitId"],
    url: () => "/api/plans",
    body: () => ({ title: "Kế hoạch đặt cho tỉnh khác", ownerUnitId: p2().province.id }),
  },
  {
    route: "POST /api/plans",
    ids: ["parentPlanId"],
    url: () => "/api/plans",
    body: () => ({ title: "Kế hoạch thực hiện của tỉnh khác", parentPlanId: p2().plan.id }),
  },
  {
    route: "PATCH /api/plans/:id",
    ids: ["ownerUnitId"],
    url: draft,
    body: () => ({ ownerUnitId: p2().units.comA.id }),
  },
  {
    route: "PATCH /api/plans/:id",
    ids: ["parentPlanId"],
    url: draft,
    body: () => ({ parentPlanId: p2().plan.id }),
  },
  ...(["leads", "coordinators"] as const).flatMap((side): Row[] => [
    {
      route: "PUT /api/plans/:id/tasks",
      ids: [`rows[].${side}[].unitId`],
      url: () => `${draft()}/tasks`,
      body: () => ({ rows: [newRow({ [side]: [{ unitId: p2().units.comA.id }] })] }),
    },
    {
      route: "PUT /api/plans/:id/tasks",
      ids: [`rows[].${side}[].groupId`],
      url: () => `${draft()}/tasks`,
      body: () => ({ rows: [newRow({ [side]: [{ groupId: theirGroup }] })] }),
    },
  ]),
  {
    route: "PUT /api/plans/:id/tasks",
    ids: ["rows[].parentTaskId"],
    url: () => `${draft()}/tasks`,
    body: () => ({ rows: [newRow({ parentTaskId: p2().task.id })] }),
  },
  {
    route: "PUT /api/plans/:id/tasks",
    ids: ["rows[].parentId"],
    url: () => `${draft()}/tasks`,
    body: () => ({ rows: [newRow({ parentId: p2().task.id })] }),
  },
  {
    route: "PUT /api/plans/:id/tasks",
    ids: ["rows[].id"],
    url: () => `${draft()}/tasks`,
    body: () => ({ rows: [{ id: p2().task.id, content: "Sửa nhiệm vụ tỉnh khác" }] }),
  },
  {
    route: "PUT /api/plans/:id/tasks",
    ids: ["deleteIds[]"],
    url: () => `${draft()}/tasks`,
    body: () => ({ rows: [], deleteIds: [p2().task.id] }),
  },
  {
    // A lead named as written: matched only among the plan's province, never to province 2's unit.
    route: "PUT /api/plans/:id/tasks",
    ids: [],
    url: () => `${draft()}/tasks`,
    body: () => ({ rows: [newRow({ leads: [{ name: p2().units.comA.name }] })] }),
    answers: true,
  },
  {
    route: "POST /api/plans/:id/tasks/import",
    ids: [],
    url: () => `${draft()}/tasks/import?commit=true&mode=append`,
    upload: async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Nhiệm vụ");
      ws.addRow(["STT", "Nội dung", "Chủ trì", "Phối hợp"]);
      ws.addRow(["1", "Nhiệm vụ nhập từ bảng", p2().units.comA.name, p2().units.comB.name]);
      return { fileName: "nhiem-vu.xlsx", data: new Uint8Array(await wb.xlsx.writeBuffer()) };
    },
    answers: true,
  },
  {
    route: "POST /api/plans/:id/tasks/reorder",
    ids: ["items[].id"],
    url: () => `${draft()}/tasks/reorder`,
    body: () => ({ items: [{ id: p2().task.id, parentId: null, sortOrder: 0 }] }),
  },
  {
    route: "POST /api/plans/:id/tasks/reorder",
    ids: ["items[].parentId"],
    url: () => `${draft()}/tasks/reorder`,
    body: () => ({ items: [{ id: mine.draftTask, parentId: p2().task.id, sortOrder: 0 }] }),
  },
  {
    route: "POST /api/plans/:id/tasks/bulk-assign",
    ids: ["taskIds[]"],
    url: () => `${draft()}/tasks/bulk-assign`,
    body: () => ({ taskIds: [p2().task.id], role: "lead", participants: [{ unitId: p1().units.comA.id }] }),
  },
  {
    route: "POST /api/plans/:id/tasks/bulk-assign",
    ids: ["participants[].unitId"],
    url: () => `${draft()}/tasks/bulk-assign`,
    body: () => ({ taskIds: [mine.draftTask], role: "lead", participants: [{ unitId: p2().units.comA.id }] }),
  },
  {
    route: "POST /api/plans/:id/tasks/bulk-assign",
    ids: ["participants[].groupId"],
    url: () => `${draft()}/tasks/bulk-assign`,
    body: () => ({
      taskIds: [mine.draftTask],
      role: "coordinating",
      participants: [{ groupId: theirGroup }],
    }),
  },
  {
    route: "POST /api/plans/:id/tasks/bulk-link",
    ids: ["taskIds[]"],
    url: () => `${draft()}/tasks/bulk-link`,
    body: () => ({ taskIds: [p2().task.id], components: [], mode: "replace" }),
  },
  ...(["leads", "coordinators"] as const).map(
    (side): Row => ({
      route: "POST /api/plans/:id/amendments",
      ids: [`rows[].${side}[].unitId`, `rows[].${side}[].groupId`],
      url: () => `${plan1()}/amendments`,
      body: () =>
        amendment({ rows: [newRow({ [side]: [{ unitId: p2().units.comB.id }, { groupId: theirGroup }] })] }),
    }),
  ),
  {
    route: "POST /api/plans/:id/amendments",
    ids: ["rows[].id"],
    url: () => `${plan1()}/amendments`,
    body: () => amendment({ rows: [{ id: p2().task.id, content: "Sửa nhiệm vụ tỉnh khác" }] }),
  },
  {
    route: "POST /api/plans/:id/amendments",
    ids: ["rows[].parentId", "rows[].parentTaskId"],
    url: () => `${plan1()}/amendments`,
    body: () => amendment({ rows: [newRow({ parentId: p2().task.id, parentTaskId: p2().task.id })] }),
  },
  {
    route: "POST /api/plans/:id/amendments",
    ids: ["deleteIds[]"],
    url: () => `${plan1()}/amendments`,
    body: () => amendment({ deleteIds: [p2().task.id] }),
  },
  {
    route: "POST /api/plans/:id/child-plans",
    ids: ["taskIds[]"],
    url: () => `${plan1()}/child-plans`,
    body: () => ({ taskIds: [p2().task.id] }),
  },
  {
    route: "POST /api/plans/:id/child-plans",
    ids: ["ownerUnitId"],
    url: () => `${plan1()}/child-plans`,
    body: () => ({ ownerUnitId: p2().units.comA.id }),
  },
  {
    route: "POST /api/plans/:id/instantiate",
    ids: ["unitIds[]"],
    url: () => `/api/plans/${mine.framework}/instantiate`,
    body: () => ({ unitIds: [p2().units.comA.id] }),
  },
  {
    route: "POST /api/plans/:id/instantiate",
    ids: ["groupIds[]"],
    url: () => `/api/plans/${mine.framework}/instantiate`,
    body: () => ({ groupIds: [theirGroup] }),
  },
  {
    route: "POST /api/assignments/:id/reassign",
    ids: ["toUnitId"],
    url: () => `/api/assignments/${mine.assignment}/reassign`,
    body: () => ({ toUnitId: p2().units.comA.id, reason: "Giao sang tỉnh khác" }),
  },
  {
    route: "POST /api/assignments/reassign-merged",
    ids: ["fromUnitId"],
    restructures: true,
    url: () => "/api/assignments/reassign-merged",
    body: () => ({ fromUnitId: p2().units.comA.id, toUnitId: p1().units.comB.id }),
  },
  {
    route: "POST /api/assignments/reassign-merged",
    ids: ["toUnitId"],
    url: () => "/api/assignments/reassign-merged",
    body: () => ({ fromUnitId: mine.mergedUnit, toUnitId: p2().units.comB.id }),
  },
  {
    route: "POST /api/plan-import/extract-text",
    ids: [],
    url: () => "/api/plan-import/extract-text",
    body: () => ({
      text: `KẾ HOẠCH\nI. NHIỆM VỤ\n1. Rà soát thủ tục hành chính. Chủ trì: ${p2().units.comA.name}. Thời hạn: tháng 12/2026.`,
    }),
    answers: true,
  },
  // ——— reporting ———
  {
    route: "POST /api/plans/:id/reporting-obligations",
    ids: ["receivingUnitId"],
    url: () => `${plan1()}/reporting-obligations`,
    body: () => obligation({ receivingUnitId: p2().units.snv.id }),
  },
  {
    route: "POST /api/plans/:id/reporting-obligations",
    ids: ["taskId"],
    url: () => `${plan1()}/reporting-obligations`,
    body: () => obligation({ taskId: p2().task.id }),
  },
  {
    route: "POST /api/plans/:id/reporting-obligations",
    ids: ["unitIds[]"],
    url: () => `${plan1()}/reporting-obligations`,
    body: () => obligation({ unitIds: [p2().units.comA.id] }),
  },
  {
    route: "POST /api/plans/:id/reporting-obligations",
    ids: ["groupId"],
    url: () => `${plan1()}/reporting-obligations`,
    body: () => obligation({ groupId: theirGroup }),
  },
  {
    route: "POST /api/plans/:id/reporting-obligations",
    ids: ["taskIds[]"],
    url: () => `${plan1()}/reporting-obligations`,
    body: () => obligation({ taskIds: [p2().task.id] }),
  },
  {
    route: "POST /api/reporting/consolidated.docx",
    ids: ["obligationId"],
    url: () => "/api/reporting/consolidated.docx",
    body: () => ({ obligationId: p2().obligationId, periodKey: p2().periodKey }),
  },
  {
    route: "POST /api/reports/:id/comments",
    ids: ["taskId"],
    url: () => `/api/reports/${p1().reportA.id}/comments`,
    body: () => ({ taskId: p2().task.id, body: "Góp ý về nhiệm vụ tỉnh khác" }),
  },
  {
    route: "POST /api/reports/:id/unchanged",
    ids: ["entries[].id"],
    url: () => `/api/reports/${p1().reportB.id}/unchanged`,
    body: () => ({ entries: [{ id: p2().reportB.entries[0].id, version: p2().reportB.entries[0].version }] }),
  },
  {
    route: "POST /api/reports/:id/evidence-links",
    ids: ["entryId"],
    url: () => `/api/reports/${p1().reportA.id}/evidence-links`,
    body: () => ({ url: "https://example.vn/tai-lieu", entryId: p2().reportA.entries[0].id }),
  },
  {
    route: "POST /api/reports/:id/evidence",
    ids: ["?entryId"],
    url: () => `/api/reports/${p1().reportA.id}/evidence?entryId=${p2().reportA.entries[0].id}`,
    upload: async () => ({
      fileName: "bien-ban.pdf",
      data: new TextEncoder().encode("%PDF-1.4\nx\n%%EOF\n"),
    }),
  },
  // ——— follow-up: dialogues and their recommendations ———
  {
    route: "POST /api/follow-up/dialogues",
    ids: ["hostUnitId"],
    url: () => "/api/follow-up/dialogues",
    body: () => ({ ...dialogue(), hostUnitId: p2().units.comA.id }),
  },
  {
    route: "POST /api/follow-up/dialogues/:id/recommendations",
    ids: ["recommendations[].unitId"],
    url: () => `/api/follow-up/dialogues/${mine.dialogue}/recommendations`,
    body: () => ({
      recommendations: [
        { content: "Kiến nghị giao tỉnh khác", raiserKind: "business", unitId: p2().units.comA.id },
      ],
    }),
  },
  {
    // A responsible unit named as written: matched only in the dialogue's province.
    route: "POST /api/follow-up/dialogues/:id/recommendations/import",
    ids: [],
    url: () => `/api/follow-up/dialogues/${mine.dialogue}/recommendations/import?commit=true`,
    upload: async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Kiến nghị");
      ws.addRow(["Nội dung kiến nghị", "Đơn vị xử lý"]);
      ws.addRow(["Kiến nghị giao tỉnh khác", p2().units.comA.name]);
      return { fileName: "kien-nghi.xlsx", data: new Uint8Array(await wb.xlsx.writeBuffer()) };
    },
  },
  // ——— inspections (follow-up) ———
  {
    route: "POST /api/follow-up/inspections/plans",
    ids: ["ownerUnitId"],
    url: () => "/api/follow-up/inspections/plans",
    body: () => ({ ownerUnitId: p2().units.snv.id, year: 2026, title: "Kế hoạch kiểm tra của tỉnh khác" }),
  },
  {
    route: "POST /api/follow-up/inspections/plans/:id/inspections",
    ids: ["unitIds[]"],
    url: () => `/api/follow-up/inspections/plans/${mine.inspectionPlan}/inspections`,
    body: () => ({ unitIds: [p2().units.comA.id], startsOn: mine.inspectionDay, endsOn: mine.inspectionDay }),
  },
  {
    route: "POST /api/follow-up/inspections/plans/:id/inspections",
    ids: ["groupIds[]"],
    url: () => `/api/follow-up/inspections/plans/${mine.inspectionPlan}/inspections`,
    body: () => ({ groupIds: [theirGroup], startsOn: mine.inspectionDay, endsOn: mine.inspectionDay }),
  },
  {
    route: "POST /api/follow-up/inspections/:id/record",
    ids: ["findings[].remediation.unitId"],
    url: () => `/api/follow-up/inspections/${mine.plannedInspection}/record`,
    body: () => ({
      version: 1,
      heldOn: mine.inspectionDay,
      findings: [
        {
          content: "Tồn tại giao tỉnh khác",
          remediation: { unitId: p2().units.comA.id, dueDate: "2099-12-31" },
        },
      ],
    }),
  },
  {
    route: "POST /api/follow-up/inspections/:id/findings",
    ids: ["findings[].remediation.unitId"],
    url: () => `/api/follow-up/inspections/${mine.doneInspection}/findings`,
    body: () => ({
      findings: [
        {
          content: "Tồn tại giao tỉnh khác",
          remediation: { unitId: p2().units.comA.id, dueDate: "2099-12-31" },
        },
      ],
    }),
  },
  {
    // A unit named as written: matched only in the inspecting unit's province, never to province 2's unit.
    route: "POST /api/follow-up/inspections/:id/findings/import",
    ids: [],
    url: () => `/api/follow-up/inspections/${mine.doneInspection}/findings/import?commit=true`,
    upload: async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Tồn tại");
      ws.addRow(["Nội dung", "Đơn vị khắc phục", "Thời hạn"]);
      ws.addRow(["Tồn tại giao tỉnh khác", p2().units.comA.name, "31/12/2099"]);
      return { fileName: "ton-tai.xlsx", data: new Uint8Array(await wb.xlsx.writeBuffer()) };
    },
  },
  // ——— reform initiatives ———
  {
    route: "POST /api/follow-up/initiatives",
    ids: ["unitId"],
    url: () => "/api/follow-up/initiatives",
    body: () => ({ unitId: p2().units.comA.id, year: thisYear(), title: "Sáng kiến đăng ký hộ tỉnh khác" }),
  },
  {
    route: "POST /api/follow-up/initiatives/:id/transitions",
    ids: ["unitIds[]"],
    url: () => `/api/follow-up/initiatives/${mine.initiative}/transitions`,
    body: () => ({
      action: "replicate",
      version: 2,
      unitIds: [p2().units.comA.id],
      fromDate: `${thisYear()}-01-01`,
    }),
  },
  // ——— follow-up items: a unit of province 2 made responsible for province 1's item ———
  {
    route: "POST /api/follow-up/items/:id/transitions",
    ids: ["unitId"],
    url: () => `/api/follow-up/items/${w.followUp.mine.open}/transitions`,
    body: () => ({
      action: "transfer",
      version: 1,
      unitId: p2().units.comB.id,
      reason: "Chuyển sang tỉnh khác",
    }),
  },
  {
    route: "POST /api/follow-up/items/:id/transitions",
    ids: ["unitId"],
    url: () => `/api/follow-up/items/${w.followUp.mine.received}/transitions`,
    body: () => ({ action: "assign", version: 1, unitId: p2().units.comA.id, dueDate: "2099-12-31" }),
  },
  // Last: had it been taken, province 1's plan would be closed for the rows above.
  {
    route: "POST /api/plans/:id/status",
    ids: ["supersededById"],
    url: () => `${plan1()}/status`,
    body: () => ({ status: "superseded", supersededById: p2().plan.id, reason: "Thay thế" }),
  },
];

/** Rows that link something of one province to something of another: none may exist. */
const CROSSINGS = `
  select 'plan owner' as what, p.id::text as id from plans p join org_units u on u.id = p.owner_unit_id
    where u.province_id is distinct from p.province_id and u.id <> p.province_id
  union all select 'plan parent', p.id::text from plans p join plans q on q.id = p.parent_plan_id
    where q.province_id <> p.province_id
  union all select 'task of plan', t.id::text from plan_tasks t join plans p on p.id = t.plan_id
    where p.province_id <> t.province_id
  union all select 'task parent', t.id::text from plan_tasks t join plan_tasks s on s.id = t.parent_id
    where s.plan_id <> t.plan_id
  union all select 'task parent task', t.id::text from plan_tasks t join plan_tasks s on s.id = t.parent_task_id
    where s.province_id <> t.province_id
  union all select 'participant unit', x.id::text from plan_task_participants x
    join plan_tasks t on t.id = x.task_id join org_units u on u.id = x.unit_id where u.province_id <> t.province_id
  union all select 'participant group', x.id::text from plan_task_participants x
    join plan_tasks t on t.id = x.task_id join org_groups g on g.id = x.group_id where g.province_id <> t.province_id
  union all select 'assignment unit', a.id::text from task_assignments a join org_units u on u.id = a.unit_id
    where u.province_id <> a.province_id
  union all select 'assignment task', a.id::text from task_assignments a join plan_tasks t on t.id = a.task_id
    where t.province_id <> a.province_id
  union all select 'obligation receiver', o.id::text from reporting_obligations o
    join org_units u on u.id = o.receiving_unit_id where u.province_id <> o.province_id
  union all select 'obligation task', o.id::text from reporting_obligations o join plan_tasks t on t.id = o.task_id
    where t.province_id <> o.province_id
  union all select 'comment task', c.id::text from report_comments c join reports r on r.id = c.report_id
    join plan_tasks t on t.id = c.task_id where t.province_id <> r.province_id
  union all select 'evidence entry', e.id::text from report_evidence e join report_entries n on n.id = e.entry_id
    where n.report_id <> e.report_id
  union all select 'group member', m.group_id::text from org_group_members m join org_groups g on g.id = m.group_id
    join org_units u on u.id = m.unit_id where u.province_id <> g.province_id
  union all select 'group rule parent', g.id::text from org_groups g join org_units u on u.id = g.rule_parent_id
    where u.province_id <> g.province_id
  union all select 'unit parent', u.id::text from org_units u join org_units p on p.id = u.parent_id
    where p.province_id is distinct from u.province_id and u.kind <> 'province'
  union all select 'user scope', s.id::text from users s join org_units a on a.id = s.unit_id
    join org_units b on b.id = s.scope_unit_id where a.province_id <> b.province_id
  union all select 'initiative unit', i.id::text from initiatives i join org_units u on u.id = i.unit_id
    where u.province_id <> i.province_id
  union all select 'initiative replication', r.id::text from initiative_replications r
    join initiatives i on i.id = r.initiative_id join org_units u on u.id = r.unit_id
    where u.province_id <> i.province_id
  union all select 'index target', t.id::text from index_targets t join users s on s.id = t.created_by
    join org_units u on u.id = s.unit_id where u.province_id <> t.province_unit_id
  union all select 'dialogue host', d.id::text from dialogues d join org_units u on u.id = d.host_unit_id
    where u.province_id <> d.province_id
  union all select 'inspection plan owner', p.id::text from inspection_plans p join org_units u on u.id = p.owner_unit_id
    where u.province_id <> p.province_id
  union all select 'inspection unit', i.id::text from inspections i join org_units u on u.id = i.unit_id
    where u.province_id <> i.province_id
  union all select 'inspection plan', i.id::text from inspections i join inspection_plans p on p.id = i.plan_id
    where p.province_id <> i.province_id
  union all select 'follow-up item unit', t.id::text from follow_up_items t join org_units u on u.id = t.unit_id
    where u.province_id <> t.province_id
  union all select 'follow-up item follower', t.id::text from follow_up_items t
    join org_units u on u.id = t.follower_unit_id where u.province_id <> t.province_id`;

/** Everything of province 2 a write could change, as one value to compare before and after. */
const FINGERPRINT = `
  select json_build_object(
    'units', (select json_agg(u order by u.id) from org_units u where u.province_id = $1),
    'users', (select json_agg(json_build_object('id', s.id, 'unit', s.unit_id, 'scope', s.scope_unit_id,
      'roles', s.roles, 'active', s.active) order by s.id)
      from users s join org_units u on u.id = s.unit_id where u.province_id = $1),
    'plans', (select json_agg(p order by p.id) from plans p where p.province_id = $1),
    'tasks', (select json_agg(t order by t.id) from plan_tasks t where t.province_id = $1),
    'components', (select count(*) from plan_task_components c join plan_tasks t on t.id = c.task_id
      where t.province_id = $1),
    'participants', (select count(*) from plan_task_participants x join plan_tasks t on t.id = x.task_id
      where t.province_id = $1),
    'assignments', (select json_agg(a order by a.id) from task_assignments a where a.province_id = $1),
    'obligations', (select json_agg(o order by o.id) from reporting_obligations o where o.province_id = $1),
    'groups', (select json_agg(g order by g.id) from org_groups g where g.province_id = $1),
    'members', (select count(*) from org_group_members m join org_groups g on g.id = m.group_id
      where g.province_id = $1),
    'evidence', (select count(*) from report_evidence e join reports r on r.id = e.report_id
      where r.province_id = $1),
    'followUpItems', (select json_agg(i order by i.id) from follow_up_items i where i.province_id = $1),
    'comments', (select count(*) from report_comments c join reports r on r.id = c.report_id
      where r.province_id = $1),
    'events', (select count(*) from org_unit_event_links l join org_units u on u.id = l.unit_id
      where u.province_id = $1),
    'inspectionPlans', (select json_agg(p order by p.id) from inspection_plans p where p.province_id = $1),
    'inspections', (select json_agg(i order by i.id) from inspections i where i.province_id = $1),
    'followUpItems', (select json_agg(t order by t.id) from follow_up_items t where t.province_id = $1),
    'initiatives', (select json_agg(i order by i.id) from initiatives i where i.province_id = $1)
  )::text as print`;

const fingerprint = async () =>
  (await w.database.query<{ print: string }>(FINGERPRINT, [p2().province.id]))[0].print;

beforeAll(async () => {
  w = await buildTwoProvinces();
  const db = w.database.db;
  const coord = await p1().as("coord");
  // A draft plan of province 1 with one task: the grid's writes aim at it.
  const created = await coord.post("/api/plans", {
    title: "Kế hoạch dự thảo của tỉnh Một",
    ownerUnitId: p1().province.id,
  });
  if (created.statusCode !== 201) throw new Error(created.body);
  mine.draft = created.json().plan.id;
  const grid = await coord.put(`${draft()}/tasks`, {
    rows: [{ content: "Nhiệm vụ dự thảo", leads: [{ unitId: p1().units.comA.id }] }],
  });
  if (grid.statusCode !== 200) throw new Error(grid.body);
  mine.draftTask = grid.json().rows[0].id;
  // An issued framework of province 1, to be instantiated for units.
  const [framework] = await db
    .insert(plans)
    .values({
      provinceId: p1().province.id,
      ownerUnitId: p1().province.id,
      title: "Khung kế hoạch của tỉnh Một",
      status: "issued",
      isFramework: true,
    })
    .returning();
  mine.framework = framework.id;
  [{ id: mine.assignment }] = await w.database.query<{ id: string }>(
    "select id from task_assignments where plan_id = $1 limit 1",
    [p1().plan.id],
  );
  mine.group = w.groups.mine;
  // A dialogue of province 1, held: the recommendations' writes aim at it.
  const held = await coord.post("/api/follow-up/dialogues", { ...dialogue(), hostUnitId: p1().province.id });
  if (held.statusCode !== 201) throw new Error(held.body);
  mine.dialogue = held.json().dialogue.id;
  theirGroup = w.groups.theirs;
  // Province 1 has a commune merged into commune B (reassign-merged).
  const old = await buildUnit(db, { kind: "commune", name: "Xã Cũ tỉnh Một", parentId: p1().province.id });
  mine.mergedUnit = old.id;
  admin = createClient(w.app);
  await admin.login((await buildUser(db, { unitId: p1().province.id, roles: ["admin"] })).username);
  const merged = await admin.post("/api/org-units/events", {
    kind: "merge",
    predecessorIds: [old.id],
    successorIds: [p1().units.comB.id],
    effectiveDate: "2026-07-01",
  });
  if (merged.statusCode >= 300) throw new Error(merged.body);
  // An inspection plan of province 1 with a planned inspection and a recorded one (no findings yet).
  const plan = await coord.post("/api/follow-up/inspections/plans", {
    ownerUnitId: p1().units.snv.id,
    year: Number(provinceToday().slice(0, 4)),
    title: "Kế hoạch kiểm tra của tỉnh Một",
  });
  if (plan.statusCode !== 201) throw new Error(plan.body);
  mine.inspectionPlan = plan.json().plan.id;
  mine.inspectionDay = `${provinceToday().slice(0, 4)}-01-01`;
  const added = await coord.post(`/api/follow-up/inspections/plans/${mine.inspectionPlan}/inspections`, {
    unitIds: [p1().units.comA.id, p1().units.comB.id],
    startsOn: mine.inspectionDay,
    endsOn: mine.inspectionDay,
  });
  if (added.statusCode !== 200) throw new Error(added.body);
  const inspections = (await coord.get(`/api/follow-up/inspections?planId=${mine.inspectionPlan}`)).json()
    .inspections;
  mine.plannedInspection = inspections.find((i: { unitId: string }) => i.unitId === p1().units.comA.id).id;
  mine.doneInspection = inspections.find((i: { unitId: string }) => i.unitId === p1().units.comB.id).id;
  const recorded = await coord.post(`/api/follow-up/inspections/${mine.doneInspection}/record`, {
    version: 1,
    heldOn: provinceToday(),
  });
  if (recorded.statusCode !== 200) throw new Error(recorded.body);
  // A recognised initiative of province 1 (version 2): replication aims at it.
  const officer = await p1().as("officerA");
  const initiative = await officer.post("/api/follow-up/initiatives", {
    unitId: p1().units.comA.id,
    year: thisYear(),
    title: "Sáng kiến của tỉnh Một",
  });
  if (initiative.statusCode !== 201) throw new Error(initiative.body);
  mine.initiative = initiative.json().initiative.id;
  const recognised = await coord.post(`/api/follow-up/initiatives/${mine.initiative}/transitions`, {
    action: "recognise",
    version: 1,
  });
  if (recognised.statusCode !== 200) throw new Error(recognised.body);
  const { ensureIndexCatalog } = await import("../features/indices/indices.catalog");
  await ensureIndexCatalog({ db });
  before = await fingerprint();
}, 180_000);

afterAll(async () => {
  await w.close();
});

async function send(c: Client, row: Row) {
  const url = row.url();
  return row.upload
    ? c.upload(url, await row.upload())
    : c.request(row.route.split(" ")[0] as "POST", url, row.body?.());
}

const writeRoutes = () =>
  w.app.apiRoutes.filter((r) => r.access !== "public" && r.method !== "GET" && r.method !== "HEAD");
const routeKey = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
/** The ids a write's schemas can carry: body paths, and `?name` for the query's. */
const idFields = (r: TwoProvinces["app"]["apiRoutes"][number]) => [
  ...idPathsOf(r.schema.body),
  ...keysOf(r.schema.querystring)
    .filter((k) => idPathsOf((r.schema.querystring as { shape: Record<string, unknown> }).shape[k]).length)
    .map((k) => `?${k}`),
];

describe("two provinces: ids in a write's body or query", () => {
  it("the table covers every write route and every id its schemas can carry", () => {
    const problems: string[] = [];
    const routes = writeRoutes();
    expect(routes.length).toBeGreaterThan(40);
    for (const route of routes) {
      const key = routeKey(route);
      const fields = idFields(route);
      const rows = ROWS.filter((r) => r.route === key);
      if (key in NOTHING_TO_CARRY) {
        if (fields.length) problems.push(`${key} is listed as carrying nothing but carries ${fields}`);
        continue;
      }
      if (!rows.length) problems.push(`${key}: a write route the table does not mention`);
      const tried = new Set(rows.flatMap((r) => r.ids));
      for (const f of fields) if (!tried.has(f)) problems.push(`${key}: ${f} is never province 2's`);
      for (const f of tried) if (!fields.includes(f)) problems.push(`${key}: the table names ${f}, unknown`);
    }
    const known = new Set(routes.map(routeKey));
    for (const key of [...Object.keys(NOTHING_TO_CARRY), ...ROWS.map((r) => r.route)])
      if (!known.has(key)) problems.push(`${key}: no such write route`);
    expect(problems).toEqual([]);
  });

  for (const role of ROLES)
    it(`refuses a ${role} of province 1 every write naming province 2's things`, async () => {
      const c = await p1().as(role);
      const secrets = w.ids["*"];
      const problems: string[] = [];
      for (const row of ROWS) {
        const res = await send(c, row);
        const where = `${row.route} [${row.ids.join(", ") || "names"}] → ${res.statusCode}`;
        const code = res.statusCode < 300 ? null : (res.json().error?.code as string | undefined);
        if (res.statusCode >= 500) problems.push(`${where}: server error ${res.body.slice(0, 200)}`);
        else if (res.statusCode < 300 && !row.answers) problems.push(`${where}: the write was taken`);
        else if (res.statusCode < 300) {
          const leaked = secrets.find((s) => res.body.includes(s));
          if (leaked) problems.push(`${where}: shows ${leaked}`);
        } else if (code === "validation" || ![400, 403, 404, 409].includes(res.statusCode))
          problems.push(`${where}: refused for another reason (${code}) ${res.body.slice(0, 200)}`);
      }
      expect(problems).toEqual([]);
    }, 120_000);

  it("leaves no row linking the two provinces, and province 2 as it was", async () => {
    expect(await w.database.query(CROSSINGS, [])).toEqual([]);
    expect(await fingerprint()).toBe(before);
  });

  // Administrators are national (every policy lets them into every province), so their writes may
  // reach province 2; still, none may tie one province's plan, group or account to the other's.
  it("lets no write of a national administrator link the two provinces", async () => {
    const problems: string[] = [];
    for (const row of ROWS.filter((r) => !r.restructures)) {
      const res = await send(admin, row);
      if (res.statusCode >= 500) problems.push(`${row.route} [${row.ids}] → ${res.statusCode}`);
      const crossings = await w.database.query<{ what: string }>(CROSSINGS, []);
      if (crossings.length)
        problems.push(`${row.route} [${row.ids}] → ${res.statusCode}: ${crossings.map((x) => x.what)}`);
    }
    expect(problems).toEqual([]);
  }, 120_000);
});
