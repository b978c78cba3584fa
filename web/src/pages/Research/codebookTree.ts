// The codebook is a flat list of codes with parents (the API's shape); the
// screens show it as a tree, and a code may move only below a code that is
// not its own descendant (the server refuses the cycle too).
import type { ResearchCode } from '../../api/research';

export interface CodeNode {
  code: ResearchCode;
  depth: number;
  children: CodeNode[];
}

const byName = (a: CodeNode, b: CodeNode) => a.code.name.localeCompare(b.code.name, 'nl');

/**
 * The codes as a tree, siblings by name. A code whose parent is missing from
 * the list (or that sits in a cycle) is shown at the top rather than lost.
 */
export function buildCodeTree(codes: ResearchCode[]): CodeNode[] {
  const nodes = new Map(codes.map((code) => [code.id, { code, depth: 0, children: [] as CodeNode[] }]));
  const roots: CodeNode[] = [];
  const reachesRoot = (code: ResearchCode): boolean => {
    const seen = new Set<string>();
    let current: ResearchCode | undefined = code;
    while (current?.parentId) {
      if (seen.has(current.id)) return false;
      seen.add(current.id);
      current = nodes.get(current.parentId)?.code;
      if (!current) return false;
    }
    return true;
  };
  for (const node of nodes.values()) {
    const parent = node.code.parentId ? nodes.get(node.code.parentId) : undefined;
    if (parent && reachesRoot(node.code)) parent.children.push(node);
    else roots.push(node);
  }
  const settle = (list: CodeNode[], depth: number) => {
    list.sort(byName);
    for (const node of list) {
      node.depth = depth;
      settle(node.children, depth + 1);
    }
  };
  settle(roots, 0);
  return roots;
}

/** The tree in reading order, each node with its depth: for lists and selects. */
export function flattenTree(roots: CodeNode[]): CodeNode[] {
  const out: CodeNode[] = [];
  const walk = (list: CodeNode[]) => {
    for (const node of list) {
      out.push(node);
      walk(node.children);
    }
  };
  walk(roots);
  return out;
}

/** The code and every code below it: where it may not be moved. */
export function subtreeIds(roots: CodeNode[], id: string): Set<string> {
  const found = flattenTree(roots).find((node) => node.code.id === id);
  const ids = new Set<string>();
  if (found) for (const node of flattenTree([found])) ids.add(node.code.id);
  return ids;
}

/** The code's name with its ancestors', "Steun › Praktisch", for labels out of the tree. */
export function codePath(codes: ResearchCode[], id: string): string {
  const byId = new Map(codes.map((code) => [code.id, code]));
  const names: string[] = [];
  const seen = new Set<string>();
  let current = byId.get(id);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    names.unshift(current.name);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return names.join(' › ');
}
