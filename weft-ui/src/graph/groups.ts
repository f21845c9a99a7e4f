// Fan-outs collapsed into one node: more than K siblings under one parent running one template (a
// loop's items, a DAG's wide layer) become a group node with counts per phase. What runs inside a
// member (its boundary's nodes, its retry attempts) is folded into the group as well, so a loop over
// a steps template collapses whole. Argo's UI collapses any run of more than 3 children into "N
// hidden nodes" and loses the phases; here the counts stay visible.
import type { Graph, GraphNode } from './types';

export const DEFAULT_GROUP_THRESHOLD = 20;

export interface Grouped extends Graph {
  /** every fan-out large enough to collapse, expanded or not */
  groupKeys: string[];
}

export function collapseGroups(g: Graph, expanded: ReadonlySet<string>, threshold = DEFAULT_GROUP_THRESHOLD): Grouped {
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  const children = new Map<string, string[]>();
  for (const e of g.edges) {
    const list = children.get(e.from);
    if (list) list.push(e.to);
    else children.set(e.from, [e.to]);
  }

  const groupOf = new Map<string, string>(); // member id → group key
  const groups = new Map<string, { parent: GraphNode; template: string; members: string[] }>();
  const groupKeys: string[] = [];
  for (const parent of g.nodes) {
    const buckets = new Map<string, string[]>();
    for (const c of children.get(parent.id) ?? []) {
      const child = byId.get(c);
      if (!child) continue;
      const template = child.templateName ?? child.type;
      const b = buckets.get(template);
      if (b) b.push(c);
      else buckets.set(template, [c]);
    }
    for (const [template, members] of buckets) {
      if (members.length <= threshold) continue;
      const key = `${parent.name}/${template}`;
      if (groups.has(key)) continue;
      groupKeys.push(key);
      if (expanded.has(key)) continue;
      const free = members.filter((m) => !groupOf.has(m));
      if (free.length <= threshold) continue;
      for (const m of free) groupOf.set(m, key);
      groups.set(key, { parent, template, members: free });
    }
  }
  if (groups.size === 0) return { ...g, groupKeys };

  // Retry attempts belong to their Retry node; everything else to its boundary.
  const owner = new Map<string, string>();
  for (const e of g.edges) if (byId.get(e.from)?.type === 'Retry') owner.set(e.to, e.from);
  const memo = new Map<string, string | null>();
  const rep = (id: string, depth = 0): string | null => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    let r: string | null = groupOf.get(id) ?? null;
    if (r === null && depth < 100) {
      const up = owner.get(id) ?? byId.get(id)?.boundaryId;
      if (up && up !== id) r = rep(up, depth + 1);
    }
    memo.set(id, r);
    return r;
  };

  const nodes: GraphNode[] = [];
  const placed = new Set<string>();
  const idOf = (id: string) => {
    const key = rep(id);
    return key === null ? id : 'group:' + key;
  };
  for (const n of g.nodes) {
    const key = rep(n.id);
    if (key === null) nodes.push(n);
    else if (!placed.has(key)) {
      placed.add(key);
      nodes.push(groupNode(key, groups.get(key)!, byId));
    }
  }
  const seen = new Set<string>();
  const edges = [];
  for (const e of g.edges) {
    const from = idOf(e.from);
    const to = idOf(e.to);
    const k = from + '\u0000' + to;
    if (from === to || seen.has(k)) continue;
    seen.add(k);
    edges.push({ from, to });
  }
  return { nodes, edges, groupKeys };
}

function groupNode(key: string, group: { template: string; members: string[] }, byId: Map<string, GraphNode>): GraphNode {
  const phases: Record<string, number> = {};
  let planned = 0;
  const bases = new Set<string>();
  for (const id of group.members) {
    const m = byId.get(id)!;
    phases[m.phase] = (phases[m.phase] ?? 0) + 1;
    if (m.planned) planned++;
    bases.add(m.displayName.replace(/\(\d+:.*\)$/, ''));
  }
  const name = bases.size === 1 ? [...bases][0] : group.template;
  return {
    id: 'group:' + key,
    name: key,
    displayName: name,
    label: `${name} ×${group.members.length}`,
    type: 'Group',
    phase: overallPhase(phases),
    kind: 'group',
    templateName: group.template,
    planned: planned === group.members.length || undefined,
    group: { key, members: group.members, phases, labels: group.members.map((id) => byId.get(id)!.label) },
  };
}

/** The phase a group is coloured with: trouble first, then activity, then what is left. */
export function overallPhase(phases: Record<string, number>): string {
  for (const p of ['Failed', 'Error', 'Running', 'Suspended', 'Pending']) if (phases[p]) return p;
  const present = Object.keys(phases);
  if (present.length === 1) return present[0];
  return phases.Succeeded ? 'Succeeded' : (present[0] ?? 'Pending');
}
