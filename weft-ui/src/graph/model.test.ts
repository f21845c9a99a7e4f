import { describe, expect, test } from 'vitest';
import { buildGraph, structuralKey } from './model';
import { diamondDone, diamondSpec, stepsSpec, withNodes } from './fixtures';

const edgeNames = (g: ReturnType<typeof buildGraph>) => {
  const name = new Map(g.nodes.map((n) => [n.id, n.name]));
  return g.edges.map((e) => `${name.get(e.from)} -> ${name.get(e.to)}`).sort();
};

describe('a DAG diamond', () => {
  test('has an edge per child: A→B, A→C, B→D, C→D under the DAG node', () => {
    const g = buildGraph(diamondDone());
    expect(edgeNames(g)).toEqual([
      'diamond -> diamond.A',
      'diamond.A -> diamond.B',
      'diamond.A -> diamond.C',
      'diamond.B -> diamond.D',
      'diamond.C -> diamond.D',
    ]);
    expect(g.nodes.some((n) => n.planned)).toBe(false);
  });

  test('without a status is drawn whole from the spec, every node planned and pending', () => {
    const g = buildGraph(diamondSpec());
    expect(g.nodes.map((n) => n.id).sort()).toEqual(
      ['planned:diamond', 'planned:diamond.A', 'planned:diamond.B', 'planned:diamond.C', 'planned:diamond.D'],
    );
    expect(g.nodes.every((n) => n.planned && n.phase === 'Pending')).toBe(true);
    expect(edgeNames(g)).toEqual(edgeNames(buildGraph(diamondDone())));
  });

  test('with only A started, B and C hang under the real A as planned nodes', () => {
    const wf = withNodes(diamondSpec(), 'Running', [
      { id: 'r', name: 'diamond', type: 'DAG', phase: 'Running', children: ['a'] },
      { id: 'a', name: 'diamond.A', type: 'Pod', phase: 'Running', boundaryID: 'r', templateName: 'echo' },
    ]);
    const g = buildGraph(wf);
    const ids = g.edges.map((e) => `${e.from} -> ${e.to}`).sort();
    expect(ids).toEqual([
      'a -> planned:diamond.B',
      'a -> planned:diamond.C',
      'planned:diamond.B -> planned:diamond.D',
      'planned:diamond.C -> planned:diamond.D',
      'r -> a',
    ]);
  });
});

describe('a steps workflow', () => {
  const done = (argoStyle: boolean) =>
    withNodes(stepsSpec(), 'Succeeded', [
      { id: 's', name: 'steps', type: 'Steps', phase: 'Succeeded', children: argoStyle ? ['g0'] : ['g0', 'g1', 'g2'] },
      { id: 'g0', name: 'steps[0]', type: 'StepGroup', phase: 'Succeeded', children: ['first'], boundaryID: 's' },
      { id: 'first', name: 'steps[0].first', type: 'Pod', phase: 'Succeeded', children: argoStyle ? ['g1'] : [], boundaryID: 's', templateName: 'echo' },
      { id: 'g1', name: 'steps[1]', type: 'StepGroup', phase: 'Succeeded', children: ['second', 'l0', 'l1', 'l2'], boundaryID: 's' },
      { id: 'second', name: 'steps[1].second', type: 'Pod', phase: 'Succeeded', children: argoStyle ? ['g2'] : [], boundaryID: 's', templateName: 'sleep' },
      ...[0, 1, 2].map((i) => ({ id: `l${i}`, name: `steps[1].loop(${i}:${i + 1})`, type: 'Pod', phase: 'Succeeded', children: argoStyle ? ['g2'] : [], boundaryID: 's', templateName: 'echo' })),
      { id: 'g2', name: 'steps[2]', type: 'StepGroup', phase: 'Succeeded', children: ['third'], boundaryID: 's' },
      { id: 'third', name: 'steps[2].third', type: 'Pod', phase: 'Succeeded', boundaryID: 's', templateName: 'echo' },
    ]);

  test('chains the step groups through the outbound nodes of the group before', () => {
    const e = buildGraph(done(true)).edges.map((x) => `${x.from}>${x.to}`);
    expect(e).toEqual(expect.arrayContaining(['s>g0', 'g0>first', 'first>g1', 'g1>second', 'g1>l0', 'second>g2', 'l2>g2', 'g2>third']));
    expect(e).toHaveLength(12);
  });

  test('a status listing every group under the Steps node is drawn chained as Argo chains it', () => {
    const a = buildGraph(done(true)).edges.map((x) => `${x.from}>${x.to}`).sort();
    const b = buildGraph(done(false)).edges.map((x) => `${x.from}>${x.to}`).sort();
    expect(b).toEqual(a);
  });

  test('while the second step runs, the third is planned and follows the second group', () => {
    const wf = withNodes(stepsSpec(), 'Running', [
      { id: 's', name: 'steps', type: 'Steps', phase: 'Running', children: ['g0'] },
      { id: 'g0', name: 'steps[0]', type: 'StepGroup', phase: 'Succeeded', children: ['first'], boundaryID: 's' },
      { id: 'first', name: 'steps[0].first', type: 'Pod', phase: 'Succeeded', children: ['g1'], boundaryID: 's', templateName: 'echo' },
      { id: 'g1', name: 'steps[1]', type: 'StepGroup', phase: 'Running', children: ['second', 'l0'], boundaryID: 's' },
      { id: 'second', name: 'steps[1].second', type: 'Pod', phase: 'Running', boundaryID: 's', templateName: 'sleep' },
      { id: 'l0', name: 'steps[1].loop(0:1)', type: 'Pod', phase: 'Succeeded', boundaryID: 's', templateName: 'echo' },
    ]);
    const g = buildGraph(wf);
    const third = g.nodes.find((n) => n.name === 'steps[2].third')!;
    expect(third).toMatchObject({ id: 'planned:steps[2].third', phase: 'Pending', planned: true });
    const e = g.edges.map((x) => `${x.from}>${x.to}`);
    expect(e).toEqual(expect.arrayContaining(['second>planned:steps[2]', 'l0>planned:steps[2]', 'planned:steps[2]>planned:steps[2].third']));
    expect(g.nodes.some((n) => n.name === 'steps[1].loop')).toBe(false); // the loop has started
  });

  test('a loop not started yet is one planned node labelled with its size', () => {
    const g = buildGraph(stepsSpec());
    const loop = g.nodes.find((n) => n.name === 'steps[1].loop')!;
    expect(loop).toMatchObject({ planned: true, displayName: 'loop', label: 'loop ×3' });
  });

  test('planned nodes of a finished workflow are marked as never run', () => {
    const wf = stepsSpec();
    wf.status = { phase: 'Failed', nodes: {} };
    expect(buildGraph(wf).nodes.every((n) => n.phase === 'Omitted')).toBe(true);
  });
});

describe('fan-out groups', () => {
  const fanOut = (count: number) => {
    const nodes = [
      { id: 's', name: 'f', type: 'Steps', phase: 'Running', children: ['g0'] },
      { id: 'g0', name: 'f[0]', type: 'StepGroup', phase: 'Running', children: [] as string[], boundaryID: 's' },
    ];
    for (let i = 0; i < count; i++) {
      nodes[1].children!.push(`i${i}`);
      nodes.push({ id: `i${i}`, name: `f[0].work(${i}:${i})`, type: 'Pod', phase: i % 2 ? 'Running' : 'Succeeded', boundaryID: 's', templateName: 'echo' } as any);
    }
    const wf = {
      metadata: { name: 'f' },
      spec: { entrypoint: 'main', templates: [{ name: 'main', steps: [[{ name: 'work', template: 'echo', withSequence: { count: String(count) } }]] }, { name: 'echo', container: {} }] },
    };
    return withNodes(wf, 'Running', nodes);
  };

  test('K siblings of one template stay apart', () => {
    const g = buildGraph(fanOut(20), { groupThreshold: 20 });
    expect(g.nodes.filter((n) => n.kind === 'group')).toHaveLength(0);
    expect(g.nodes).toHaveLength(22);
  });

  test('more than K siblings of one template collapse into a group with counts per phase', () => {
    const g = buildGraph(fanOut(21), { groupThreshold: 20 });
    const groups = g.nodes.filter((n) => n.kind === 'group');
    expect(groups).toHaveLength(1);
    expect(groups[0].group).toMatchObject({ key: 'f[0]/echo', phases: { Succeeded: 11, Running: 10 } });
    expect(groups[0].label).toBe('work ×21');
    expect(g.nodes).toHaveLength(3);
    expect(g.edges.map((e) => `${e.from}>${e.to}`)).toEqual(['s>g0', 'g0>group:f[0]/echo']);
    expect(g.groupKeys).toEqual(['f[0]/echo']);
  });

  test('an expanded group shows its members again', () => {
    const g = buildGraph(fanOut(21), { groupThreshold: 20, expanded: new Set(['f[0]/echo']) });
    expect(g.nodes).toHaveLength(23);
    expect(g.groupKeys).toEqual(['f[0]/echo']);
  });

  test('2,000 planned DAG tasks collapse into one group before anything runs', () => {
    const tasks = Array.from({ length: 2000 }, (_, i) => ({ name: `t${i}`, template: 'wait' }));
    const wf = { metadata: { name: 'big' }, spec: { entrypoint: 'main', templates: [{ name: 'main', dag: { tasks } }, { name: 'wait', suspend: {} }] } };
    const g = buildGraph(wf);
    expect(g.nodes.map((n) => n.id)).toEqual(['planned:big', 'group:big/wait']);
    expect(g.nodes[1].group!.phases).toEqual({ Pending: 2000 });
  });
});

describe('the structural key', () => {
  test('ignores phases and changes with the structure', () => {
    const a = buildGraph(diamondDone());
    const running = diamondDone();
    for (const n of Object.values<any>(running.status.nodes)) n.phase = 'Running';
    const b = buildGraph(running);
    expect(structuralKey(b.nodes, b.edges, false)).toBe(structuralKey(a.nodes, a.edges, false));
    expect(structuralKey(a.nodes, a.edges, true)).not.toBe(structuralKey(a.nodes, a.edges, false));
    const c = buildGraph(diamondSpec());
    expect(structuralKey(c.nodes, c.edges, false)).not.toBe(structuralKey(a.nodes, a.edges, false));
  });
});

describe('a collapsed loop over a steps template', () => {
  test('folds what runs inside each item (its groups, pods and retries) into the group', () => {
    const nodes: any[] = [
      { id: 'r', name: 'w', type: 'Steps', phase: 'Running', children: ['g0'] },
      { id: 'g0', name: 'w[0]', type: 'StepGroup', phase: 'Running', children: [], boundaryID: 'r' },
      { id: 'g1', name: 'w[1]', type: 'StepGroup', phase: 'Pending', children: [], boundaryID: 'r' },
    ];
    for (let i = 0; i < 25; i++) {
      nodes[1].children.push(`it${i}`);
      nodes.push(
        { id: `it${i}`, name: `w[0].each(${i}:${i})`, type: 'Steps', templateName: 'inner', phase: 'Succeeded', children: [`ig${i}`], boundaryID: 'r', outboundNodes: [`try${i}-0`] },
        { id: `ig${i}`, name: `w[0].each(${i}:${i})[0]`, type: 'StepGroup', phase: 'Succeeded', children: [`try${i}`], boundaryID: `it${i}` },
        { id: `try${i}`, name: `w[0].each(${i}:${i})[0].work`, type: 'Retry', phase: 'Succeeded', children: [`try${i}-0`], boundaryID: `it${i}` },
        { id: `try${i}-0`, name: `w[0].each(${i}:${i})[0].work(0)`, type: 'Pod', phase: 'Succeeded', children: ['g1'], boundaryID: `it${i}` },
      );
    }
    const wf = withNodes(
      {
        metadata: { name: 'w' },
        spec: {
          entrypoint: 'main',
          templates: [
            { name: 'main', steps: [[{ name: 'each', template: 'inner', withSequence: { count: '25' } }], [{ name: 'next', template: 'e' }]] },
            { name: 'inner', steps: [[{ name: 'work', template: 'e' }]] },
            { name: 'e', container: {} },
          ],
        },
      },
      'Running',
      nodes,
    );
    const g = buildGraph(wf);
    expect(g.nodes.map((n) => n.id)).toEqual(['r', 'g0', 'group:w[0]/inner', 'g1', 'planned:w[1].next']);
    expect(g.edges.map((e) => `${e.from}>${e.to}`).sort()).toEqual(
      ['g0>group:w[0]/inner', 'g1>planned:w[1].next', 'group:w[0]/inner>g1', 'r>g0'].sort(),
    );
  });
});

describe('a malformed status', () => {
  test('with cycles in children and boundaries, unknown children and no root still gives a graph', () => {
    const wf = withNodes({ metadata: { name: 'bad' }, spec: {} }, 'Running', [
      { id: 'a', name: 'x.a', type: 'Steps', phase: 'Running', children: ['b', 'nowhere'], boundaryID: 'b' },
      { id: 'b', name: 'x.b', type: 'Steps', phase: 'Running', children: ['a'], boundaryID: 'a' },
    ]);
    const g = buildGraph(wf);
    expect(g.nodes.map((n) => n.id).sort()).toEqual(['a', 'b']);
    expect(g.edges.map((e) => `${e.from}>${e.to}`).sort()).toEqual(['a>b', 'b>a']);
    // folding boundaries that point at each other ends too
    const grouped = buildGraph(wf, { groupThreshold: 0 });
    expect(grouped.nodes.map((n) => n.kind)).toEqual(['group', 'group']);
  });
});
