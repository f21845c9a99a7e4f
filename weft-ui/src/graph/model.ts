// The graph of one workflow: the status's nodes (status.ts), the planned nodes from the spec that do
// not exist yet (planned.ts), fan-outs collapsed (groups.ts). Pure: the component and the tests call it.
import { collapseGroups, DEFAULT_GROUP_THRESHOLD, type Grouped } from './groups';
import { planWorkflow } from './planned';
import { statusGraph } from './status';
import { kindOf, type GraphEdge, type GraphNode, type NodeStatus } from './types';

export const PLANNED_PREFIX = 'planned:';
const COMPLETED = new Set(['Succeeded', 'Failed', 'Error']);

export interface BuildOptions {
  expanded?: ReadonlySet<string>;
  groupThreshold?: number;
}

export function buildGraph(wf: any, options: BuildOptions = {}): Grouped {
  const wfName: string = wf?.metadata?.name ?? '';
  const statusNodes: Record<string, NodeStatus> = wf?.status?.nodes ?? {};
  const status = statusGraph(wfName, statusNodes);
  const plan = planWorkflow(wf);
  // Planned nodes that never ran once the workflow is over are not pending any more.
  const plannedPhase = COMPLETED.has(wf?.status?.phase) ? 'Omitted' : 'Pending';

  // A steps loop's items are named `<step>(i:item)`: the loop has started once any exists.
  const loops = new Set(plan.nodes.filter((p) => p.loop).map((p) => p.name));
  const loopItems = new Map<string, string[]>();
  if (loops.size) {
    for (const n of Object.values(statusNodes)) {
      for (let i = n.name.indexOf('('); i > 0; i = n.name.indexOf('(', i + 1)) {
        const base = n.name.slice(0, i);
        if (loops.has(base) && /^\(\d+:/.test(n.name.slice(i))) {
          const list = loopItems.get(base) ?? [];
          list.push(n.id);
          loopItems.set(base, list);
        }
      }
    }
  }

  const nodes: GraphNode[] = [...status.nodes.values()];
  const plannedIdOf = new Map<string, string>(); // planned node name → its id
  const plannedIds = new Set<string>();
  const idOfName = (name: string): string[] => {
    const real = status.byName.get(name);
    if (real) return [real.id];
    const items = loopItems.get(name);
    if (items) return items;
    const id = plannedIdOf.get(name);
    return id === undefined ? [] : [id];
  };
  for (const p of plan.nodes) {
    if (status.byName.has(p.name) || loopItems.has(p.name) || plannedIdOf.has(p.name)) continue;
    const id = PLANNED_PREFIX + p.name;
    plannedIdOf.set(p.name, id);
    plannedIds.add(id);
    nodes.push({
      id,
      name: p.name,
      displayName: p.displayName,
      label: p.label,
      type: p.type,
      phase: plannedPhase,
      kind: kindOf(p.type),
      templateName: p.templateName,
      planned: true,
      boundaryId: p.boundary === undefined ? undefined : idOfName(p.boundary)[0],
    });
  }

  const edges: GraphEdge[] = [...status.edges];
  if (plannedIds.size) {
    // edges seen, by source then target (no key strings to build for thousands of edges)
    const seen = new Map<string, Set<string>>();
    const add = (from: string, to: string) => {
      let targets = seen.get(from);
      if (!targets) seen.set(from, (targets = new Set()));
      if (targets.has(to)) return;
      targets.add(to);
      edges.push({ from, to });
    };
    for (const e of edges.splice(0)) add(e.from, e.to);
    const outOfName = (name: string): string[] => {
      const real = status.byName.get(name);
      if (real) return status.outbound(real.id);
      const items = loopItems.get(name);
      if (items) return items.flatMap(status.outbound);
      return idOfName(name);
    };
    for (const e of plan.edges) {
      const froms = e.flow ? outOfName(e.from) : idOfName(e.from);
      const tos = idOfName(e.to);
      for (const from of froms) {
        for (const to of tos) {
          if (from === to || (!plannedIds.has(from) && !plannedIds.has(to))) continue; // the status has its own edges
          add(from, to);
        }
      }
    }
  }
  return collapseGroups({ nodes, edges }, options.expanded ?? new Set(), options.groupThreshold ?? DEFAULT_GROUP_THRESHOLD);
}

/**
 * What the layout depends on: node ids, shapes, labels and edges, not phases. A status update that
 * only moves phases keeps the key, so the graph is recoloured without a new layout.
 */
export function structuralKey(nodes: readonly GraphNode[], edges: readonly GraphEdge[], horizontal: boolean): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  const mix = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
    }
  };
  for (const n of nodes) mix(`${n.id}|${n.kind}|${n.label}\n`);
  for (const e of edges) mix(`${e.from}>${e.to}\n`);
  return `${horizontal ? 'h' : 'v'}${nodes.length}.${edges.length}.${(h1 >>> 0).toString(36)}${(h2 >>> 0).toString(36)}`;
}
