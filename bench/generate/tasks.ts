/**
 * Plans, task tables and assignments for the plans scenarios, written as the server writes them
 * (plans/tasks/tasks.service applyTaskRows, plans/issue/issue.service desiredAssignments): sections per index with
 * numbered tasks, deadlines as written with core's parsed model and due day, leads and coordinators
 * that are units or groups, and one assignment per task and unit after group expansion as of the
 * plan's date (a unit named as lead and, through a group, as coordinator leads). Statuses are spread
 * around REFERENCE_DAY: completed on time or late, overdue, in progress, not started.
 */
import { type Deadline, dueDate, parseDeadline } from "../../core/src/deadlines";
import { versionFor } from "../../core/src/indices/definitions/catalog";
import type { IndexCode } from "../../core/src/indices/definitions/types";
import { numberTree, toRoman } from "../../core/src/plans/numbering";
import { taskProgress } from "../../core/src/plans/rollup";
import { foldForMatch } from "../../core/src/text/vietnamese";
import { FAMILY_NAMES, GIVEN_NAMES, MIDDLE_NAMES } from "./names";
import type { Plan, PlannedGroup, PlannedUnit } from "./plan";
import { createRandom, type Random } from "./random";
import { SCALES, type ScaleName } from "./scales";
import {
  DEPARTMENT_PLAN_TITLES,
  PROVINCE_PLAN_TITLES,
  QUANTITATIVE_TARGETS,
  REPORTING_NOTES,
  TASK_ACTIONS,
  TASK_OUTPUTS,
  TASK_QUALIFIERS,
  TASK_SECTIONS,
  TASK_TAGS,
} from "./task-phrases";

/** Statuses are drawn relative to this day (fixed, so that the data set is the same every time). */
export const REFERENCE_DAY = "2026-11-20";
/** Plans are issued after the 2025 reform (communes exist from 1/7/2025) and before REFERENCE_DAY. */
const ISSUED_FROM = "2025-07-15";
const ISSUED_TO = "2026-10-15";

/** The bench group of every province: departments, their divisions, central agencies and communes. */
export const WIDE_GROUP_NAME = "Các cơ quan, đơn vị trực thuộc và UBND các xã, phường";
const SO_NGANH = "Các sở, ban, ngành";
const TRUNG_UONG = "Cơ quan Trung ương đóng trên địa bàn tỉnh";
const XA_PHUONG = "UBND các xã, phường";
const TAT_CA = "Các cơ quan, đơn vị, địa phương";

export interface PlannedPlanRow {
  id: string;
  provinceId: string;
  ownerUnitId: string;
  kind: string;
  number: string;
  issuedDate: string;
  issuerName: string;
  place: string;
  signerName: string;
  signerTitle: string;
  signerAuthority: string;
  title: string;
  legalBases: string[];
  periodFrom: number;
  periodTo: number;
  status: string;
  objectives: string;
  implementation: string;
  recipients: string[];
  searchText: string;
  issuedAt: string | null;
  createdBy: string | null;
}

export interface PlannedTask {
  id: string;
  planId: string;
  provinceId: string;
  parentId: string | null;
  kind: "section" | "task";
  number: string;
  sortOrder: number;
  depth: number;
  content: string;
  expectedOutput: string;
  deadlineText: string;
  deadline: Deadline;
  dueDate: string | null;
  reportingNote: string;
  quantitativeTargets: unknown[];
  tags: string[];
  progress: number;
  searchText: string;
}

export interface PlannedParticipant {
  taskId: string;
  role: "lead" | "coordinating";
  unitId: string | null;
  groupId: string | null;
  sortOrder: number;
}

export interface PlannedAssignment {
  taskId: string;
  planId: string;
  provinceId: string;
  unitId: string;
  unitPath: string;
  role: string;
  viaGroupId: string | null;
  dueDate: string | null;
  progress: number;
  completedAt: string | null;
}

export interface ProvinceTaskData {
  plans: PlannedPlanRow[];
  tasks: PlannedTask[];
  participants: PlannedParticipant[];
  components: Array<{ taskId: string; versionCode: string; componentCode: string }>;
  assignments: PlannedAssignment[];
}

/** Tasks of the draft plans the export scenarios create through the API (sections come on top). */
export const FIXTURE_TASKS = { xlsx: 5_000, docx: 500 } as const;

// ——— dates ———
const DAY_MS = 86_400_000;
const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const msOf = (day: string) => Date.parse(`${day}T00:00:00Z`);
const addDays = (day: string, n: number) => toDay(msOf(day) + n * DAY_MS);
const pad2 = (n: number) => String(n).padStart(2, "0");
const lastDayOf = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** A deadline as plans write it, after the issue day; parsed by core exactly as the server does. */
function deadlinePhrase(random: Random, issued: string): string {
  const start = msOf(issued);
  const y = Number(issued.slice(0, 4));
  const later = new Date(start + random.int({ min: 30, max: 420 }) * DAY_MS);
  const ly = later.getUTCFullYear();
  const lm = later.getUTCMonth() + 1;
  const r = random.next();
  if (r < 0.3) {
    const d = random.pick([10, 15, 20, 30, 31].filter((x) => x <= lastDayOf(ly, lm)));
    return `Trước ngày ${d}/${lm}/${ly}`;
  }
  if (r < 0.5) return "Thường xuyên";
  if (r < 0.62) return `Quý ${toRoman(Math.ceil(lm / 3))}/${ly}`;
  if (r < 0.74) return `Tháng ${pad2(lm)}/${ly}`;
  if (r < 0.8) return `Tháng 06/${y + 1} và Tháng 12/${y + 1}`;
  if (r < 0.87) return `Năm ${ly}`;
  if (r < 0.93) return "Hằng quý";
  return `6 tháng đầu năm ${y + 1}`;
}

export function parsedDeadline(text: string, issued: string) {
  const deadline = parseDeadline(text, { issued });
  if (deadline.kind === "unknown") throw new Error(`the deadline parser did not understand "${text}"`);
  return { deadline, due: dueDate(deadline) };
}

/** Progress and completion of one assignment, realistic for its due day relative to REFERENCE_DAY. */
function assignmentState(random: Random, issued: string, due: string | null) {
  const r = random.next();
  const past = due !== null && due < REFERENCE_DAY;
  const step = () => random.int({ min: 1, max: 9 }) * 10;
  if (past) {
    if (r < 0.58) {
      const early = Math.max(msOf(issued) + DAY_MS, msOf(due) - random.int({ min: 0, max: 60 }) * DAY_MS);
      return { progress: 100, completedAt: toDay(Math.min(early, msOf(due))) };
    }
    if (r < 0.73) {
      const late = Math.min(msOf(REFERENCE_DAY), msOf(due) + random.int({ min: 1, max: 45 }) * DAY_MS);
      return { progress: 100, completedAt: toDay(late) };
    }
    return { progress: r < 0.85 ? step() : 0, completedAt: null };
  }
  if (r < 0.08)
    return {
      progress: 100,
      completedAt: addDays(
        issued,
        random.int({ min: 5, max: Math.max(5, (msOf(REFERENCE_DAY) - msOf(issued)) / DAY_MS) }),
      ),
    };
  if (r < 0.6) return { progress: step(), completedAt: null };
  return { progress: 0, completedAt: null };
}

const person = (random: Random) =>
  `${random.pick(FAMILY_NAMES)} ${random.pick(MIDDLE_NAMES)} ${random.pick(GIVEN_NAMES)}`;

interface ProvinceDirectory {
  root: PlannedUnit;
  departments: PlannedUnit[];
  internalOf: Map<string, PlannedUnit[]>;
  central: PlannedUnit[];
  groups: Map<string, PlannedGroup>;
  /** Members of each group as of a day, as org-units.repository expand() returns them. */
  members: (groupId: string, at: string) => PlannedUnit[];
  unitActive: (unit: PlannedUnit, at: string) => boolean;
  coordinatorId: string | null;
}

function directoryOf({ plan, provinceIndex }: { plan: Plan; provinceIndex: number }): ProvinceDirectory {
  const rootId = plan.provinces[provinceIndex].id;
  const units = plan.units.filter((u) => u.provinceId === rootId);
  const root = units.find((u) => u.id === rootId)!;
  const departments = units.filter((u) => u.kind === "department");
  const internalOf = new Map<string, PlannedUnit[]>();
  for (const u of units)
    if (u.kind === "internalUnit" && u.parentId)
      internalOf.set(u.parentId, [...(internalOf.get(u.parentId) ?? []), u]);
  const unitActive = (u: PlannedUnit, at: string) =>
    (!u.validFrom || u.validFrom <= at) && (!u.validTo || u.validTo >= at);
  const groups = new Map(plan.groups.filter((g) => g.provinceId === rootId).map((g) => [g.name, g]));
  const byId = new Map([...groups.values()].map((g) => [g.id, g]));
  const cache = new Map<string, PlannedUnit[]>();
  const members = (groupId: string, at: string) => {
    const key = `${groupId}|${at}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const g = byId.get(groupId)!;
    const parent = units.find((u) => u.id === g.ruleParentId)!;
    const out = units.filter(
      (u) =>
        g.ruleKinds.includes(u.kind) &&
        (g.ruleDescendants
          ? u.path.startsWith(parent.path) && u.id !== parent.id
          : u.parentId === parent.id) &&
        unitActive(u, at),
    );
    cache.set(key, out);
    return out;
  };
  const coordinator = plan.users.find(
    (u) => u.unitId && u.roles.includes("coordinator") && units.some((x) => x.id === u.unitId),
  );
  return {
    root,
    departments,
    internalOf,
    central: units.filter((u) => u.kind === "centralAgency"),
    groups,
    members,
    unitActive,
    coordinatorId: coordinator?.id ?? null,
  };
}

type Ref = { unitId: string } | { groupId: string };

/** The leads and coordinators of a task: small (a few units, a group of departments) or wide (communes). */
function participantsFor({
  random,
  dir,
  owner,
  wide,
}: {
  random: Random;
  dir: ProvinceDirectory;
  owner: PlannedUnit;
  wide: boolean;
}): { leads: Ref[]; coordinators: Ref[] } {
  const g = (name: string) => ({ groupId: dir.groups.get(name)!.id });
  const dept = () => ({ unitId: random.pick(dir.departments).id });
  if (owner.kind === "department") {
    const internal = dir.internalOf.get(owner.id) ?? [];
    const own = internal.length ? [{ unitId: random.pick(internal).id }] : [];
    return wide
      ? { leads: [{ unitId: owner.id }], coordinators: [...own, g(XA_PHUONG)] }
      : { leads: own.length && random.next() < 0.6 ? own : [{ unitId: owner.id }], coordinators: own };
  }
  if (wide) {
    const r = random.next();
    if (r < 0.4) return { leads: [g(XA_PHUONG)], coordinators: [dept()] };
    if (r < 0.75) return { leads: [g(SO_NGANH), g(XA_PHUONG)], coordinators: [dept(), dept()] };
    return { leads: [dept()], coordinators: [g(TAT_CA)] };
  }
  const r = random.next();
  if (r < 0.4) return { leads: [dept()], coordinators: random.next() < 0.5 ? [dept()] : [dept(), dept()] };
  if (r < 0.75) return { leads: [dept()], coordinators: [g(SO_NGANH)] };
  if (r < 0.87 && dir.central.length)
    return { leads: [{ unitId: random.pick(dir.central).id }], coordinators: [dept()] };
  return { leads: [dept()], coordinators: [g(TRUNG_UONG)] };
}

/** Assignments of one task exactly as desiredAssignments builds them. */
function expandTask({
  dir,
  unitsById,
  leads,
  coordinators,
  at,
}: {
  dir: ProvinceDirectory;
  unitsById: Map<string, PlannedUnit>;
  leads: Ref[];
  coordinators: Ref[];
  at: string;
}) {
  const chosen = new Map<string, { unit: PlannedUnit; role: string; via: string | null }>();
  const named = [
    ...leads.map((ref) => ({ ref, role: "lead" })),
    ...coordinators.map((ref) => ({ ref, role: "coordinating" })),
  ];
  for (const { ref, role: named_role } of named) {
    let members: PlannedUnit[] = [];
    if ("unitId" in ref) {
      const u = unitsById.get(ref.unitId)!;
      members = dir.unitActive(u, at) ? [u] : [];
    } else members = dir.members(ref.groupId, at);
    for (const u of members) {
      const role = u.kind === "partnerOrg" ? "requested" : named_role;
      const prev = chosen.get(u.id);
      if (prev && (prev.role === "lead" || role !== "lead")) continue;
      chosen.set(u.id, { unit: u, role, via: "groupId" in ref ? ref.groupId : null });
    }
  }
  return [...chosen.values()];
}

/** Sizes of the groups as of a day: what a wide or small task assigns on average. */
function expectedSizes(dir: ProvinceDirectory, at: string, owner: PlannedUnit) {
  const n = (name: string) => dir.members(dir.groups.get(name)!.id, at).length;
  if (owner.kind === "department") return { small: 1.5, wide: n(XA_PHUONG) + 2 };
  return {
    small: 0.4 * 2.5 + 0.35 * n(SO_NGANH) + 0.12 * 2 + 0.13 * (n(TRUNG_UONG) + 1),
    wide: 0.4 * (n(XA_PHUONG) + 1) + 0.35 * (n(SO_NGANH) + n(XA_PHUONG)) + 0.25 * n(TAT_CA),
  };
}

/** Splits `total` into `parts` uneven positive shares that add up exactly. */
function shares(random: Random, total: number, parts: number): number[] {
  const weights = Array.from({ length: parts }, () => 0.4 + random.next() * 1.2);
  const sum = weights.reduce((a, b) => a + b, 0);
  const out = weights.map((w) => Math.max(1, Math.floor((w / sum) * total)));
  let rest = total - out.reduce((a, b) => a + b, 0);
  for (let i = 0; rest !== 0; i = (i + 1) % parts) {
    if (rest > 0) {
      out[i]++;
      rest--;
    } else if (out[i] > 1) {
      out[i]--;
      rest++;
    }
  }
  return out;
}

/** One plan's task table: sections by index, tasks under them, numbered and ordered as the server does. */
function taskTable({
  random,
  dir,
  unitsById,
  plan,
  owner,
  taskCount,
  assignmentBudget,
  withAssignments,
}: {
  random: Random;
  dir: ProvinceDirectory;
  unitsById: Map<string, PlannedUnit>;
  plan: PlannedPlanRow;
  owner: PlannedUnit;
  taskCount: number;
  /** Assignments wanted for this plan: wide tasks are drawn so that the total lands near it. */
  assignmentBudget: number;
  withAssignments: boolean;
}): Omit<ProvinceTaskData, "plans"> {
  const year = Number(plan.issuedDate.slice(0, 4));
  const sectionCount = Math.min(TASK_SECTIONS.length, Math.max(1, random.int({ min: 3, max: 6 })));
  const sections = [
    TASK_SECTIONS[0],
    ...[...TASK_SECTIONS.slice(1)].sort(() => random.next() - 0.5).slice(0, sectionCount - 1),
  ];
  const perSection = shares(random, taskCount, Math.min(sections.length, taskCount));
  const rows: Array<Omit<PlannedTask, "number" | "sortOrder" | "depth" | "searchText" | "progress">> = [];
  const refsOf = new Map<string, { leads: Ref[]; coordinators: Ref[] }>();
  const components: ProvinceTaskData["components"] = [];
  const sizes = expectedSizes(dir, plan.issuedDate, owner);
  let budget = assignmentBudget;
  let tasksLeft = taskCount;
  perSection.forEach((count, s) => {
    const section = sections[s];
    const sectionId = random.uuid();
    rows.push({
      id: sectionId,
      planId: plan.id,
      provinceId: plan.provinceId,
      parentId: null,
      kind: "section",
      content: section.title,
      expectedOutput: "",
      deadlineText: "",
      deadline: { kind: "unknown", text: "", problem: "Chưa có thời hạn" } as Deadline,
      dueDate: null,
      reportingNote: "",
      quantitativeTargets: [],
      tags: [],
    });
    const version = section.indexCode ? versionFor(section.indexCode as IndexCode, year) : null;
    const topComponents = version ? version.components.filter((c) => !c.parentCode) : [];
    for (let i = 0; i < count; i++) {
      const id = random.uuid();
      const qualifier = random.pick(TASK_QUALIFIERS);
      const content = `${random.pick(TASK_ACTIONS)} ${random.pick(section.objects)}${qualifier ? ` ${qualifier}` : ""}.`;
      const deadlineText = deadlinePhrase(random, plan.issuedDate);
      const { deadline, due } = parsedDeadline(deadlineText, plan.issuedDate);
      rows.push({
        id,
        planId: plan.id,
        provinceId: plan.provinceId,
        parentId: sectionId,
        kind: "task",
        content,
        expectedOutput: random.pick(TASK_OUTPUTS),
        deadlineText,
        deadline,
        dueDate: due,
        reportingNote: random.pick(REPORTING_NOTES),
        quantitativeTargets: random.next() < 0.2 ? [random.pick(QUANTITATIVE_TARGETS)] : [],
        tags: random.next() < 0.25 ? [random.pick(TASK_TAGS)] : [],
      });
      // Wide tasks (communes, every unit) as often as the remaining budget needs.
      const wantMean = tasksLeft > 0 ? budget / tasksLeft : 0;
      const pWide = Math.min(
        1,
        Math.max(0, (wantMean - sizes.small) / Math.max(1, sizes.wide - sizes.small)),
      );
      const wide = random.next() < pWide;
      refsOf.set(id, participantsFor({ random, dir, owner, wide }));
      tasksLeft--;
      budget -= wide ? sizes.wide : sizes.small;
      if (topComponents.length && random.next() < 0.7) {
        const picked = new Set([random.pick(topComponents).code]);
        if (random.next() < 0.3) picked.add(random.pick(topComponents).code);
        for (const code of picked)
          components.push({ taskId: id, versionCode: version!.code, componentCode: code });
      }
    }
  });
  // Numbers and plan-wide order as normaliseTree writes them (rows are already in document order).
  const numbers = numberTree(rows.map((r) => ({ id: r.id, parentId: r.parentId, kind: r.kind })));
  const tasks: PlannedTask[] = [];
  const participants: PlannedParticipant[] = [];
  const assignments: PlannedAssignment[] = [];
  rows.forEach((r, i) => {
    const number = numbers.get(r.id) ?? "";
    const task: PlannedTask = {
      ...r,
      number,
      sortOrder: (i + 1) * 10,
      depth: r.parentId ? 1 : 0,
      progress: 0,
      searchText: foldForMatch(`${number} ${r.content} ${r.expectedOutput} ${r.tags.join(" ")}`),
    };
    tasks.push(task);
    const refs = refsOf.get(r.id);
    if (!refs) return;
    for (const [role, list] of [
      ["lead", refs.leads],
      ["coordinating", refs.coordinators],
    ] as const)
      for (const [j, ref] of list.entries())
        participants.push({
          taskId: r.id,
          role,
          unitId: "unitId" in ref ? ref.unitId : null,
          groupId: "groupId" in ref ? ref.groupId : null,
          sortOrder: j,
        });
    if (!withAssignments) return;
    const mine = expandTask({
      dir,
      unitsById,
      leads: refs.leads,
      coordinators: refs.coordinators,
      at: plan.issuedDate,
    }).map(({ unit, role, via }) => ({
      taskId: r.id,
      planId: plan.id,
      provinceId: plan.provinceId,
      unitId: unit.id,
      unitPath: unit.path,
      role,
      viaGroupId: via,
      dueDate: task.dueDate,
      ...assignmentState(random, plan.issuedDate, task.dueDate),
    }));
    task.progress = taskProgress(mine.map((a) => ({ role: a.role as "lead", progress: a.progress })));
    assignments.push(...mine);
  });
  return { tasks, participants, components, assignments };
}

function planRow({
  random,
  dir,
  owner,
  issuedDate,
  status,
  title,
  number,
}: {
  random: Random;
  dir: ProvinceDirectory;
  owner: PlannedUnit;
  issuedDate: string;
  status: string;
  title: string;
  number: string;
}): PlannedPlanRow {
  const year = Number(issuedDate.slice(0, 4));
  const province = owner.kind === "province";
  const issuerName = owner.name;
  return {
    id: random.uuid(),
    provinceId: dir.root.id,
    ownerUnitId: owner.id,
    kind: number.includes("/CTr-") ? "actionProgram" : "plan",
    number,
    issuedDate,
    issuerName,
    place: dir.root.shortName ?? dir.root.name,
    signerName: person(random),
    signerTitle: province
      ? random.pick(["CHỦ TỊCH", "PHÓ CHỦ TỊCH"])
      : random.pick(["GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]),
    signerAuthority: province ? "TM. ỦY BAN NHÂN DÂN" : "",
    title,
    legalBases: [
      "Luật Tổ chức chính quyền địa phương ngày 16/6/2025",
      "Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030",
      `Kết quả các chỉ số PCI, PAPI, SIPAS, PAR INDEX năm ${year - 1}`,
    ],
    periodFrom: year,
    periodTo: random.next() < 0.3 ? year + 1 : year,
    status,
    objectives:
      "Nâng cao nhận thức, trách nhiệm của người đứng đầu các cơ quan, đơn vị, địa phương trong việc cải thiện các chỉ số; phấn đấu cải thiện thứ hạng so với năm trước.",
    implementation:
      "Các cơ quan, đơn vị, địa phương căn cứ nhiệm vụ được giao xây dựng kế hoạch triển khai; báo cáo kết quả về Sở Nội vụ để tổng hợp, báo cáo Ủy ban nhân dân tỉnh.",
    recipients: ["Văn phòng Chính phủ", "Bộ Nội vụ", "TT Tỉnh ủy, TT HĐND tỉnh", "Lưu: VT"],
    searchText: foldForMatch(`${number} ${title} ${issuerName}`),
    issuedAt: status === "draft" ? null : `${issuedDate}T08:00:00Z`,
    createdBy: dir.coordinatorId,
  };
}

/**
 * One province's plans, tasks, participants and assignments. Deterministic per province (its own
 * seed), so the generator can write provinces one at a time without holding a million rows.
 */
export function provinceTaskData({
  plan,
  provinceIndex,
  scale,
}: {
  plan: Plan;
  provinceIndex: number;
  scale: ScaleName;
}): ProvinceTaskData {
  const spec = SCALES[scale].plans;
  const provinces = plan.provinces.length;
  const random = createRandom(20_250_800 + provinceIndex);
  const dir = directoryOf({ plan, provinceIndex });
  const unitsById = new Map(plan.units.filter((u) => u.provinceId === dir.root.id).map((u) => [u.id, u]));
  const share = (total: number) =>
    Math.floor(total / provinces) + (provinceIndex < total % provinces ? 1 : 0);
  const taskTotal = share(spec.tasks);
  const assignmentTotal = share(spec.assignments);
  const planCount = spec.plansPerProvince;
  const taskCounts = shares(random, taskTotal, planCount);
  const out: ProvinceTaskData = { plans: [], tasks: [], participants: [], components: [], assignments: [] };
  const numbers = new Set<number>();
  const from = msOf(ISSUED_FROM);
  const span = msOf(ISSUED_TO) - from;
  for (let i = 0; i < planCount; i++) {
    // A quarter of the plans are a department's own.
    const owner = i % 4 === 3 ? random.pick(dir.departments) : dir.root;
    let n = random.int({ min: 12, max: 360 });
    while (numbers.has(n)) n++;
    numbers.add(n);
    const abbreviation = owner.kind === "province" ? "UBND" : (owner.aliases[0] ?? "S").replace(/\s/g, "");
    const program = owner.kind === "province" && random.next() < 0.2;
    const number = `${n}/${program ? "CTr" : "KH"}-${abbreviation}`;
    const issuedDate = toDay(from + Math.floor(((i + random.next()) / planCount) * span));
    const year = Number(issuedDate.slice(0, 4));
    const title =
      owner.kind === "province"
        ? `${random.pick(PROVINCE_PLAN_TITLES)} năm ${year}`
        : `${random.pick(DEPARTMENT_PLAN_TITLES)} ${owner.name} năm ${year}`;
    const status = issuedDate < "2025-12-01" && random.next() < 0.3 ? "completed" : "issued";
    const row = planRow({ random, dir, owner, issuedDate, status, title, number });
    out.plans.push(row);
    const budget = Math.round((assignmentTotal * taskCounts[i]) / taskTotal);
    const table = taskTable({
      random,
      dir,
      unitsById,
      plan: row,
      owner,
      taskCount: taskCounts[i],
      assignmentBudget: budget,
      withAssignments: true,
    });
    out.tasks.push(...table.tasks);
    out.participants.push(...table.participants);
    out.components.push(...table.components);
    out.assignments.push(...table.assignments);
  }
  return out;
}

/**
 * The task table of a draft plan of the first province as the grid API takes it (PUT …/tasks rows):
 * generated like the issued plans' tables (sections by index, units and groups, deadlines as written).
 */
export function fixtureGridRows({
  plan,
  tasks,
  issuedDate,
}: {
  plan: Plan;
  tasks: number;
  issuedDate: string;
}) {
  const random = createRandom(20_250_706 + tasks);
  const dir = directoryOf({ plan, provinceIndex: 0 });
  const unitsById = new Map(plan.units.filter((u) => u.provinceId === dir.root.id).map((u) => [u.id, u]));
  const row = planRow({
    random,
    dir,
    owner: dir.root,
    issuedDate,
    status: "draft",
    title: "",
    number: "",
  });
  const table = taskTable({
    random,
    dir,
    unitsById,
    plan: row,
    owner: dir.root,
    taskCount: tasks,
    assignmentBudget: tasks * 30,
    withAssignments: false,
  });
  const toRef = (p: PlannedParticipant) => (p.unitId ? { unitId: p.unitId } : { groupId: p.groupId! });
  return table.tasks.map((t) => {
    const ps = table.participants.filter((p) => p.taskId === t.id);
    if (t.kind === "section") return { key: t.id, kind: "section" as const, content: t.content };
    return {
      key: t.id,
      parentKey: t.parentId,
      kind: "task" as const,
      content: t.content,
      expectedOutput: t.expectedOutput,
      deadlineText: t.deadlineText,
      reportingNote: t.reportingNote,
      quantitativeTargets: t.quantitativeTargets,
      tags: t.tags,
      components: table.components
        .filter((c) => c.taskId === t.id)
        .map((c) => ({ versionCode: c.versionCode, componentCode: c.componentCode })),
      leads: ps.filter((p) => p.role === "lead").map(toRef),
      coordinators: ps.filter((p) => p.role === "coordinating").map(toRef),
    };
  });
}
