import { expect, test } from 'vitest';
import { computeLayout } from './layoutClient';
import { buildGraph, structuralKey } from './model';
import { diamondDone } from './fixtures';

test('a status that only changes phases re-uses the cached layout', () => {
  const a = buildGraph(diamondDone());
  const first = computeLayout(structuralKey(a.nodes, a.edges, false), a.nodes, a.edges, false);
  const wf = diamondDone();
  for (const n of Object.values<any>(wf.status.nodes)) n.phase = 'Running';
  const b = buildGraph(wf);
  const second = computeLayout(structuralKey(b.nodes, b.edges, false), b.nodes, b.edges, false);
  expect(second).toBe(first);
});

test('the layout places every node and routes every edge of the graph', () => {
  const g = buildGraph(diamondDone('placed'));
  const placed = computeLayout(structuralKey(g.nodes, g.edges, true), g.nodes, g.edges, true);
  if (placed instanceof Promise) throw new Error('small graphs are laid out in the page');
  expect([...placed.at.keys()].sort()).toEqual(g.nodes.map((n) => n.id).sort());
  expect(placed.routes.size).toBe(g.edges.length);
});
