import { expect, test } from 'vitest';
import { fitView, initialView, placeAt, visibleRect, zoomAt } from './viewport';

test('fit shows the whole graph, centred, never enlarged', () => {
  const v = fitView(400, 200, 1000, 600);
  expect(v.k).toBe(1);
  expect(v.x).toBe(300);
  const big = fitView(4000, 2000, 1000, 600);
  expect(big.k).toBeLessThan(1);
  expect(4000 * big.k).toBeLessThanOrEqual(1000);
});

test('zoom keeps the point under the pointer in place', () => {
  const v = { x: 10, y: 20, k: 1 };
  const z = zoomAt(v, 2, 110, 220);
  expect((110 - z.x) / z.k).toBeCloseTo((110 - v.x) / v.k);
  expect((220 - z.y) / z.k).toBeCloseTo((220 - v.y) / v.k);
});

test('a graph too big to read when fitted starts readable, at its root', () => {
  const v = initialView(100000, 3000, 1000, 600, { x: 50000, y: 20 });
  expect(v.k).toBe(0.6);
  expect(50000 * v.k + v.x).toBeCloseTo(500);
});

test('placeAt and visibleRect agree', () => {
  const v = placeAt({ x: 0, y: 0, k: 0.5 }, 1000, 1000, 200, 100);
  const r = visibleRect(v, 400, 200, 0);
  expect(r.x0).toBeCloseTo(600);
  expect(r.x1).toBeCloseTo(1400);
  expect(r.y0).toBeCloseTo(800);
});
