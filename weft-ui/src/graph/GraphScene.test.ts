import { expect, test } from 'vitest';
import { isDense, nodeAt, visibleContent, DENSE_NODES } from './GraphScene';
import type { PlacedGraph } from './layoutClient';
import type { GraphNode } from './types';

const node = (id: string): GraphNode => ({ id, name: id, displayName: id, label: id, type: 'Pod', phase: 'Pending', kind: 'pod' });

function row(count: number): { nodes: GraphNode[]; placed: PlacedGraph } {
  const nodes = Array.from({ length: count }, (_, i) => node('n' + i));
  const at = new Map(nodes.map((n, i) => [n.id, { x: i * 100 + 50, y: 50, w: 80, h: 30 }]));
  const routes = new Map<string, { x: number; y: number }[]>();
  for (let i = 1; i < count; i++) routes.set(`n${i - 1}>n${i}`, [{ x: i * 100 - 10, y: 50 }, { x: i * 100 + 10, y: 50 }]);
  return { nodes, placed: { key: 'k', at, routes, width: count * 100, height: 100, ms: 0, inWorker: false } };
}

test('only nodes and edges near the screen are kept, on-screen nodes first', () => {
  const { nodes, placed } = row(100);
  const edges = nodes.slice(1).map((n, i) => ({ from: nodes[i].id, to: n.id }));
  const c = visibleContent(nodes, edges, placed, { x0: 300, y0: 0, x1: 1200, y1: 100 }, { x0: 500, y0: 0, x1: 1000, y1: 100 });
  expect(c.onScreen).toBe(5); // n5 (510..590) to n9 (910..990)
  expect(c.nodes.slice(0, c.onScreen).map(([n]) => n.id)).toEqual(['n5', 'n6', 'n7', 'n8', 'n9']);
  expect(c.nodes.length).toBeGreaterThan(c.onScreen);
  expect(c.edges.every(([, pts]) => pts.some((p) => p.x >= 300 && p.x <= 1200))).toBe(true);
});

test('a drawing becomes dense beyond DENSE_NODES on screen, and a point finds its node', () => {
  const { nodes, placed } = row(DENSE_NODES + 1);
  const all = { x0: 0, y0: 0, x1: 1e9, y1: 100 };
  const c = visibleContent(nodes, [], placed, all, all);
  expect(isDense(c)).toBe(true);
  expect(nodeAt(c, 250, 60)?.id).toBe('n2');
  expect(nodeAt(c, 295, 60)).toBeUndefined(); // in the gap between nodes
});
