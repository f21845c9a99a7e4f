import { describe, expect, it } from 'vitest';
import type { Workflow } from '../../api/types';
import { historyGrid } from './historyGrid';

function run(name: string, started: string, phases: Record<string, string>): Workflow {
  const nodes: Workflow['status'] = { nodes: { [name]: { id: name, name, displayName: name, type: 'DAG', phase: 'Succeeded' } } };
  let i = 0;
  for (const [node, phase] of Object.entries(phases)) {
    const id = `${name}-${i++}`;
    nodes.nodes![id] = { id, name: `${name}.${node}`, displayName: node, type: 'Pod', phase, startedAt: `${started.slice(0, 17)}${String(10 + i).padStart(2, '0')}Z` };
  }
  return { metadata: { name, namespace: 'ns' }, status: { ...nodes, phase: 'Succeeded', startedAt: started, finishedAt: started.replace(':00Z', ':30Z') } };
}

describe('historyGrid', () => {
  it('puts runs oldest first and nodes in start order', () => {
    const g = historyGrid([run('b', '2026-12-06T11:00:00Z', { x: 'Failed', y: 'Succeeded' }), run('a', '2026-12-06T10:00:00Z', { x: 'Succeeded', y: 'Succeeded' })]);
    expect(g.runs.map((r) => r.name)).toEqual(['a', 'b']);
    expect(g.rows.map((r) => r.node)).toEqual(['x', 'y']);
    expect(g.rows[0].cells.map((c) => c.phase)).toEqual(['Succeeded', 'Failed']);
    expect(g.runs[0].durationMs).toBe(30000);
  });

  it('leaves a cell empty for a node a run did not have', () => {
    const g = historyGrid([run('a', '2026-12-06T10:00:00Z', { x: 'Succeeded' }), run('b', '2026-12-06T11:00:00Z', { x: 'Succeeded', z: 'Failed' })]);
    const z = g.rows.find((r) => r.node === 'z')!;
    expect(z.cells.map((c) => c.phase)).toEqual([undefined, 'Failed']);
  });
});
