import { expect, test } from 'vitest';
import { buildGraph } from './model';
import { diamondDone } from './fixtures';
import { stabilize } from './stable';

test('a node the new status did not change keeps its object; a changed one is new', () => {
  const first = stabilize(new Map(), buildGraph(diamondDone()).nodes);
  const next = diamondDone();
  next.status.nodes['diamond-D'].phase = 'Failed';
  const second = stabilize(first.byId, buildGraph(next).nodes);
  expect(second.byId.get('diamond-A')).toBe(first.byId.get('diamond-A'));
  expect(second.byId.get('diamond-D')).not.toBe(first.byId.get('diamond-D'));
  expect(second.byId.get('diamond-D')!.phase).toBe('Failed');
});
