import { describe, expect, test } from 'vitest';
import { layeredLayout, type LayoutInput } from './layout';

const diamond = (horizontal: boolean): LayoutInput => ({
  nodes: ['A', 'B', 'C', 'D'].map((id) => ({ id, w: 80, h: 32 })),
  edges: [
    [0, 1],
    [0, 2],
    [1, 3],
    [2, 3],
  ],
  horizontal,
});

describe('the layered layout', () => {
  test('vertical: A above B and C, which share a layer, above D', () => {
    const r = layeredLayout(diamond(false));
    const [a, b, c, d] = [0, 1, 2, 3].map((i) => r.ys[i]);
    expect(a).toBeLessThan(b);
    expect(b).toBe(c);
    expect(c).toBeLessThan(d);
    expect(r.xs[1]).not.toBe(r.xs[2]);
    expect(r.xs[0]).toBeCloseTo((r.xs[1] + r.xs[2]) / 2); // A centred over its children
  });

  test('horizontal: the same order from left to right', () => {
    const r = layeredLayout(diamond(true));
    const [a, b, c, d] = [0, 1, 2, 3].map((i) => r.xs[i]);
    expect(a).toBeLessThan(b);
    expect(b).toBe(c);
    expect(c).toBeLessThan(d);
  });

  test('nodes of one layer do not overlap', () => {
    const r = layeredLayout({
      nodes: Array.from({ length: 6 }, (_, i) => ({ id: String(i), w: 100, h: 30 })),
      edges: [1, 2, 3, 4, 5].map((i) => [0, i] as [number, number]),
      horizontal: false,
    });
    const xs = [1, 2, 3, 4, 5].map((i) => r.xs[i]).sort((x, y) => x - y);
    for (let i = 1; i < xs.length; i++) expect(xs[i] - xs[i - 1]).toBeGreaterThanOrEqual(100);
  });

  test('an edge spanning layers is routed through a point per layer it crosses', () => {
    const r = layeredLayout({
      nodes: ['a', 'b', 'c'].map((id) => ({ id, w: 40, h: 20 })),
      edges: [
        [0, 1],
        [1, 2],
        [0, 2],
      ],
      horizontal: false,
    });
    expect(r.edges[2]).toHaveLength(3);
    expect(r.edges[0][0].y).toBeCloseTo(r.ys[0] + 10); // leaves from the source's border
  });

  test('a cycle does not stop the layout', () => {
    const r = layeredLayout({
      nodes: ['a', 'b'].map((id) => ({ id, w: 40, h: 20 })),
      edges: [
        [0, 1],
        [1, 0],
      ],
      horizontal: false,
    });
    expect(r.ys[0]).not.toBe(r.ys[1]);
  });

  test('lays out a 2,000-node fan-out/fan-in DAG', () => {
    const n = 2002;
    const nodes = Array.from({ length: n }, (_, i) => ({ id: String(i), w: 120, h: 32 }));
    const edges: [number, number][] = [];
    for (let i = 1; i <= 2000; i++) edges.push([0, i], [i, n - 1]);
    const t0 = performance.now();
    const r = layeredLayout({ nodes, edges, horizontal: false });
    console.log(`layout of ${n} nodes, ${edges.length} edges: ${(performance.now() - t0).toFixed(1)} ms`);
    expect(r.ys[0]).toBeLessThan(r.ys[1]);
    expect(r.ys[1]).toBeLessThan(r.ys[n - 1]);
  });

  test('lays out a 2,000-node layered DAG with long edges', () => {
    const n = 2000;
    const nodes = Array.from({ length: n }, (_, i) => ({ id: String(i), w: 90, h: 32 }));
    const edges: [number, number][] = [];
    for (let i = 1; i < n; i++) {
      edges.push([Math.floor((i - 1) / 3), i]);
      if (i > 50) edges.push([i - 50, i]);
    }
    const t0 = performance.now();
    const r = layeredLayout({ nodes, edges, horizontal: true });
    console.log(`layout of ${n} nodes, ${edges.length} edges (layered): ${(performance.now() - t0).toFixed(1)} ms`);
    expect(r.edges).toHaveLength(edges.length);
  });
});

describe('a very wide layer', () => {
  test('is wrapped into a grid that keeps the graph about as wide as tall', () => {
    const n = 2002;
    const nodes = Array.from({ length: n }, (_, i) => ({ id: String(i), w: 100, h: 32 }));
    const edges: [number, number][] = [];
    for (let i = 1; i <= 2000; i++) edges.push([0, i], [i, n - 1]);
    const r = layeredLayout({ nodes, edges, horizontal: false });
    expect(r.width / r.height).toBeLessThan(4);
    expect(r.ys[0]).toBeLessThan(Math.min(...Array.from({ length: 2000 }, (_, i) => r.ys[i + 1])));
    expect(r.ys[n - 1]).toBeGreaterThan(Math.max(...Array.from({ length: 2000 }, (_, i) => r.ys[i + 1])));
  });
});
