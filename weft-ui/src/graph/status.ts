// The nodes and edges of a workflow's status, as Argo's UI derives them (workflow-dag.tsx): an edge
// from every node to each of its `children`, walking from the root node (named like the workflow),
// then the exit handler (`<wf>.onExit`) hung under the root's outbound nodes.
import { kindOf, type GraphEdge, type GraphNode, type NodeStatus } from './types';

export interface StatusGraph {
  nodes: Map<string, GraphNode>;
  edges: GraphEdge[];
  byName: Map<string, NodeStatus>;
  byId: Record<string, NodeStatus>;
  /** the nodes a successor attaches to (Argo's getOutboundNodes) */
  outbound: (id: string) => string[];
}

const LEAF_TYPES = new Set(['Pod', 'Skipped', 'Suspend', 'HTTP', 'Plugin', 'Container']);

export function statusGraph(wfName: string, byId: Record<string, NodeStatus>): StatusGraph {
  const byName = new Map<string, NodeStatus>();
  for (const n of Object.values(byId)) byName.set(n.name, n);
  const outbound = outboundOf(byId, byName);
  const nodes = new Map<string, GraphNode>();
  const edges: GraphEdge[] = [];
  const edgeSet = new Set<string>();
  const addEdge = (from: string, to: string) => {
    const k = from + '\u0000' + to;
    if (edgeSet.has(k) || from === to) return;
    edgeSet.add(k);
    edges.push({ from, to });
  };
  const childrenOf = chainedChildren(byId, byName, outbound);

  const visit = (rootId: string) => {
    const queue = [rootId];
    for (let h = 0; h < queue.length; h++) {
      const id = queue[h];
      const n = byId[id];
      if (!n || nodes.has(id)) continue;
      nodes.set(id, fromStatus(n));
      for (const c of childrenOf(id)) {
        if (!byId[c]) continue;
        addEdge(id, c);
        queue.push(c);
      }
    }
  };

  const root = byName.get(wfName) ?? Object.values(byId).find((n) => !n.boundaryID && n.type !== 'Pod');
  if (root) visit(root.id);
  const exit = byName.get(wfName + '.onExit');
  if (exit && root) {
    for (const o of outbound(root.id)) if (byId[o]) addEdge(o, exit.id);
    visit(exit.id);
  }
  // Whatever the walk did not reach (a status written by another engine) is still shown.
  for (const n of Object.values(byId)) if (!nodes.has(n.id)) visit(n.id);
  return { nodes, edges, byName, byId, outbound };
}

function fromStatus(n: NodeStatus): GraphNode {
  const displayName = n.displayName ?? n.name;
  return {
    id: n.id,
    name: n.name,
    displayName,
    label: displayName,
    type: n.type,
    phase: n.type === 'Suspend' && n.phase === 'Running' ? 'Suspended' : (n.phase ?? 'Pending'),
    kind: kindOf(n.type),
    templateName: n.templateName ?? n.templateRef?.template,
    boundaryId: n.boundaryID,
    message: n.message,
  };
}

/**
 * A node's children, with the step groups of a Steps node chained as Argo chains them: group i+1
 * hangs under the outbound nodes of group i. (A status where every group is a child of the Steps
 * node, as some engines write it, would otherwise draw all groups side by side.)
 */
function chainedChildren(
  byId: Record<string, NodeStatus>,
  byName: Map<string, NodeStatus>,
  outbound: (id: string) => string[],
): (id: string) => string[] {
  const extra = new Map<string, string[]>();
  const dropped = new Map<string, Set<string>>();
  for (const n of Object.values(byId)) {
    if (n.type !== 'Steps') continue;
    const groups = (n.children ?? []).map((c) => byId[c]).filter((c) => c?.type === 'StepGroup');
    if (groups.length < 2) continue;
    const drop = new Set<string>();
    for (let i = 1; ; i++) {
      const sg = byName.get(`${n.name}[${i}]`);
      const prev = byName.get(`${n.name}[${i - 1}]`);
      if (!sg || !prev) break;
      if (!(n.children ?? []).includes(sg.id)) continue;
      drop.add(sg.id);
      const from = (prev.children ?? []).length ? (prev.children ?? []).flatMap(outbound) : [prev.id];
      for (const f of from) {
        const list = extra.get(f) ?? [];
        if (!list.includes(sg.id) && !(byId[f]?.children ?? []).includes(sg.id)) list.push(sg.id);
        extra.set(f, list);
      }
    }
    dropped.set(n.id, drop);
  }
  return (id) => {
    const own = byId[id]?.children ?? [];
    const drop = dropped.get(id);
    const kept = drop ? own.filter((c) => !drop.has(c)) : own;
    const more = extra.get(id);
    return more ? kept.concat(more) : kept;
  };
}

/** Argo's getOutboundNodes, memoised, with a fallback for Steps nodes that list none. */
function outboundOf(byId: Record<string, NodeStatus>, byName: Map<string, NodeStatus>) {
  const memo = new Map<string, string[]>();
  const compute = (id: string, depth: number): string[] => {
    const cached = memo.get(id);
    if (cached) return cached;
    const n = byId[id];
    if (!n || depth > 200) return [id];
    memo.set(id, [id]); // guards cycles
    let out: string[] = [];
    const kids = n.children ?? [];
    if (LEAF_TYPES.has(n.type)) out = [id];
    else if (n.type === 'TaskGroup' || n.type === 'StepGroup') out = kids.flatMap((c) => compute(c, depth + 1));
    else if (n.type === 'Retry') out = kids.length ? [kids[kids.length - 1]] : [];
    else if (n.outboundNodes?.length) out = n.outboundNodes.flatMap((o) => compute(o, depth + 1));
    else if (n.type === 'Steps') {
      let last: NodeStatus | undefined;
      for (let i = 0; byName.get(`${n.name}[${i}]`); i++) last = byName.get(`${n.name}[${i}]`);
      if (last) out = compute(last.id, depth + 1);
    }
    if (out.length === 0) out = [id];
    memo.set(id, out);
    return out;
  };
  return (id: string) => compute(id, 0);
}
