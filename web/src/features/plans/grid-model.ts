import type { ComponentValue } from "./components/ComponentSelect";
import { participantToValue } from "./components/ParticipantSelect";
import type { TaskRow, TaskRowInput } from "./plans.api";

/** One row of the grid as edited on the client. `key` is the server id of a saved row. */
export type EditRow = {
  key: string;
  id?: string;
  parentKey: string | null;
  kind: "section" | "task";
  number: string;
  content: string;
  expectedOutput: string;
  deadlineText: string;
  reportingNote: string;
  leads: string[];
  coordinators: string[];
  components: ComponentValue[];
  /** Names of participants and components as the server last sent them. */
  labels: Record<string, string>;
  server?: TaskRow;
};

export function fromServer(rows: TaskRow[]): EditRow[] {
  return rows.map((r) => {
    const labels: Record<string, string> = {};
    for (const p of [...r.leads, ...r.coordinators]) labels[participantToValue(p)] = p.name;
    for (const c of r.components) labels[`${c.versionCode}|${c.componentCode}`] = c.name ?? c.componentCode;
    return {
      key: r.id,
      id: r.id,
      parentKey: r.parentId,
      kind: r.kind,
      number: r.number,
      content: r.content,
      expectedOutput: r.expectedOutput,
      deadlineText: r.deadlineText,
      reportingNote: r.reportingNote,
      leads: r.leads.map(participantToValue),
      coordinators: r.coordinators.map(participantToValue),
      components: r.components.map((c) => ({ versionCode: c.versionCode, componentCode: c.componentCode })),
      labels,
      server: r,
    };
  });
}

export type TreeNode = EditRow & { children?: TreeNode[] };

/** The flat rows (document order) as a tree; children keep their order. */
export function buildTree(rows: EditRow[]): TreeNode[] {
  const byKey = new Map<string, TreeNode>();
  for (const r of rows) byKey.set(r.key, { ...r });
  const roots: TreeNode[] = [];
  for (const r of rows) {
    const node = byKey.get(r.key)!;
    const parent = r.parentKey ? byKey.get(r.parentKey) : undefined;
    if (parent) {
      parent.children = parent.children ?? [];
      parent.children.push(node);
    } else roots.push(node);
  }
  return roots;
}

export function flatten(nodes: TreeNode[]): EditRow[] {
  const out: EditRow[] = [];
  const walk = (list: TreeNode[]) => {
    for (const { children, ...row } of list) {
      out.push(row);
      if (children) walk(children);
    }
  };
  walk(nodes);
  return out;
}

/** Moves a row (with what sits under it) one place up or down among its siblings. */
export function move(rows: EditRow[], key: string, delta: -1 | 1): EditRow[] {
  const tree = buildTree(rows);
  const find = (list: TreeNode[]): TreeNode[] | null => {
    if (list.some((n) => n.key === key)) return list;
    for (const n of list) {
      const inner = n.children ? find(n.children) : null;
      if (inner) return inner;
    }
    return null;
  };
  const siblings = find(tree);
  if (!siblings) return rows;
  const i = siblings.findIndex((n) => n.key === key);
  const j = i + delta;
  if (j < 0 || j >= siblings.length) return rows;
  [siblings[i], siblings[j]] = [siblings[j]!, siblings[i]!];
  return flatten(tree);
}

/** The keys of a row and everything under it. */
export function subtreeKeys(rows: EditRow[], key: string): Set<string> {
  const out = new Set([key]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const r of rows)
      if (r.parentKey && out.has(r.parentKey) && !out.has(r.key)) {
        out.add(r.key);
        grew = true;
      }
  }
  return out;
}

const siblingIndex = (rows: { key: string; parentKey: string | null }[]) => {
  const counters = new Map<string, number>();
  const out = new Map<string, number>();
  for (const r of rows) {
    const p = r.parentKey ?? "";
    const n = counters.get(p) ?? 0;
    out.set(r.key, n);
    counters.set(p, n + 1);
  }
  return out;
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What the grid sends: new rows in full, changed rows with their id, content and the fields that
 * changed, and the ids of removed rows.
 */
export function diff(local: EditRow[], base: EditRow[]): { rows: TaskRowInput[]; deleteIds: string[] } {
  const baseByKey = new Map(base.map((r) => [r.key, r]));
  const localIdx = siblingIndex(local);
  const baseIdx = siblingIndex(base);
  const ids = new Set(local.filter((r) => r.id).map((r) => r.id));
  const refs = (list: string[]) =>
    list.map((v) =>
      v.startsWith("u:")
        ? { unitId: v.slice(2) }
        : v.startsWith("g:")
          ? { groupId: v.slice(2) }
          : { name: v.slice(2) },
    );
  const rows: TaskRowInput[] = [];
  for (const r of local) {
    const b = r.id ? baseByKey.get(r.key) : undefined;
    const parent = r.parentKey ? local.find((x) => x.key === r.parentKey) : undefined;
    const parentRef = parent?.id
      ? { parentId: parent.id }
      : parent
        ? { parentKey: parent.key }
        : { parentId: null };
    if (!b) {
      rows.push({
        key: r.key,
        ...parentRef,
        kind: r.kind,
        number: r.number || undefined,
        sortOrder: localIdx.get(r.key),
        content: r.content,
        expectedOutput: r.expectedOutput,
        deadlineText: r.deadlineText,
        reportingNote: r.reportingNote,
        leads: refs(r.leads),
        coordinators: refs(r.coordinators),
        components: r.components,
      });
      continue;
    }
    const out: TaskRowInput = { id: r.id, content: r.content };
    let changed = r.content !== b.content;
    if (r.parentKey !== b.parentKey || localIdx.get(r.key) !== baseIdx.get(r.key)) {
      Object.assign(out, parentRef, { sortOrder: localIdx.get(r.key) });
      changed = true;
    }
    for (const f of ["number", "expectedOutput", "deadlineText", "reportingNote"] as const)
      if (r[f] !== b[f]) {
        out[f] = r[f];
        changed = true;
      }
    if (!same(r.leads, b.leads)) {
      out.leads = refs(r.leads);
      changed = true;
    }
    if (!same(r.coordinators, b.coordinators)) {
      out.coordinators = refs(r.coordinators);
      changed = true;
    }
    if (!same(r.components, b.components)) {
      out.components = r.components;
      changed = true;
    }
    if (changed) rows.push(out);
  }
  const deleteIds = base.filter((r) => r.id && !ids.has(r.id)).map((r) => r.id!);
  return { rows, deleteIds };
}
