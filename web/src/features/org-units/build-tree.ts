import { UNIT_KINDS } from "../../../../core/src/auth/roles";
import { compareVietnamese } from "../../../../core/src/text/vietnamese";
import type { OrgTreeNode } from "./org-units.api";

export type UnitTreeItem = { key: string; node: OrgTreeNode; children: UnitTreeItem[] };

/** Builds the nested tree from the flat list; a node whose parent is not visible becomes a root. */
export function buildUnitTree(nodes: OrgTreeNode[]): UnitTreeItem[] {
  const items = new Map<string, UnitTreeItem>();
  for (const node of nodes) items.set(node.id, { key: node.id, node, children: [] });
  const roots: UnitTreeItem[] = [];
  for (const item of items.values()) {
    const parent = item.node.parentId ? items.get(item.node.parentId) : undefined;
    if (parent) parent.children.push(item);
    else roots.push(item);
  }
  const sort = (list: UnitTreeItem[]) => {
    // Current units first, then departments before communes (the order of the kinds), then by name.
    list.sort(
      (a, b) =>
        Number(b.node.active) - Number(a.node.active) ||
        UNIT_KINDS.indexOf(a.node.kind) - UNIT_KINDS.indexOf(b.node.kind) ||
        compareVietnamese(a.node.name, b.node.name),
    );
    for (const item of list) sort(item.children);
  };
  sort(roots);
  return roots;
}

/** The ids from the root to the given node, to expand the tree down to it. */
export function pathTo(nodes: OrgTreeNode[], id: string): string[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const path: string[] = [];
  let current = byId.get(id);
  const guard = new Set<string>();
  while (current?.parentId && !guard.has(current.parentId)) {
    guard.add(current.parentId);
    path.unshift(current.parentId);
    current = byId.get(current.parentId);
  }
  return path;
}
