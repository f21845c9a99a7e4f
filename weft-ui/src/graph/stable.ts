// Keeps a node's object when a new status did not change it, so only the nodes that did change are
// redrawn (each NodeView compares its props by identity): a watch event on a 2,000-node workflow
// then costs a few nodes, not 2,000.
import type { GraphNode } from './types';

export function stabilize(previous: Map<string, GraphNode>, nodes: GraphNode[]): { nodes: GraphNode[]; byId: Map<string, GraphNode> } {
  const byId = new Map<string, GraphNode>();
  const out = nodes.map((n) => {
    const old = previous.get(n.id);
    const kept = old && sameNode(old, n) ? old : n;
    byId.set(n.id, kept);
    return kept;
  });
  return { nodes: out, byId };
}

function sameNode(a: GraphNode, b: GraphNode): boolean {
  if (
    a.phase !== b.phase || a.label !== b.label || a.displayName !== b.displayName || a.kind !== b.kind ||
    a.type !== b.type || a.planned !== b.planned || a.message !== b.message || a.templateName !== b.templateName ||
    a.name !== b.name || a.boundaryId !== b.boundaryId
  ) {
    return false;
  }
  if (!a.group || !b.group) return a.group === b.group;
  if (a.group.members.length !== b.group.members.length) return false;
  const pa = a.group.phases;
  const pb = b.group.phases;
  const keys = Object.keys(pa);
  return keys.length === Object.keys(pb).length && keys.every((k) => pa[k] === pb[k]) && a.group.members.every((m, i) => m === b.group!.members[i]);
}
