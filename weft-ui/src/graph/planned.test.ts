import { describe, expect, test } from 'vitest';
import { dependenciesOf, loopCount, planWorkflow } from './planned';
import { buildGraph } from './model';

const names = (wf: any) => planWorkflow(wf).nodes.map((n) => n.name);

describe('the plan of a spec', () => {
  test('names nested steps and DAGs as the controller does', () => {
    const wf = {
      metadata: { name: 'wf' },
      spec: {
        entrypoint: 'main',
        templates: [
          { name: 'main', steps: [[{ name: 'inner', template: 'sub' }], [{ name: 'graph', template: 'dag' }]] },
          { name: 'sub', steps: [[{ name: 'leaf', template: 'echo' }]] },
          { name: 'dag', dag: { tasks: [{ name: 'x', template: 'echo' }, { name: 'y', template: 'sub', depends: 'x' }] } },
          { name: 'echo', container: {} },
        ],
      },
    };
    expect(names(wf)).toEqual([
      'wf', 'wf[0]', 'wf[0].inner', 'wf[0].inner[0]', 'wf[0].inner[0].leaf',
      'wf[1]', 'wf[1].graph', 'wf[1].graph.x', 'wf[1].graph.y', 'wf[1].graph.y[0]', 'wf[1].graph.y[0].leaf',
    ]);
    const e = planWorkflow(wf).edges.map((x) => `${x.from}>${x.to}`);
    // the next group follows the nested steps' own last step, as Argo's outbound nodes do
    expect(e).toContain('wf[0].inner[0].leaf>wf[1]');
    expect(e).toContain('wf[1].graph.x>wf[1].graph.y');
  });

  test('follows templateRef into the stored templates and the workflow template a workflowTemplateRef stored', () => {
    const wf = {
      metadata: { name: 'wf' },
      spec: { workflowTemplateRef: { name: 'tpl' } },
      status: {
        storedWorkflowTemplateSpec: {
          entrypoint: 'main',
          templates: [{ name: 'main', steps: [[{ name: 'lib', templateRef: { name: 'library', template: 'two' } }]] }],
        },
        storedTemplates: {
          'namespaced/library/two': { name: 'two', steps: [[{ name: 'a', template: 'one' }], [{ name: 'b', template: 'one' }]] },
          'namespaced/library/one': { name: 'one', container: {} },
        },
      },
    };
    expect(names(wf)).toEqual(['wf', 'wf[0]', 'wf[0].lib', 'wf[0].lib[0]', 'wf[0].lib[0].a', 'wf[0].lib[1]', 'wf[0].lib[1].b']);
  });

  test('an unknown templateRef is one planned node', () => {
    const wf = { metadata: { name: 'wf' }, spec: { entrypoint: 'main', templates: [{ name: 'main', steps: [[{ name: 'far', templateRef: { name: 'elsewhere', template: 't' } }]] }] } };
    expect(names(wf)).toEqual(['wf', 'wf[0]', 'wf[0].far']);
  });

  test('a recursive template stops instead of looping', () => {
    const wf = { metadata: { name: 'wf' }, spec: { entrypoint: 'main', templates: [{ name: 'main', steps: [[{ name: 'again', template: 'main', when: 'false' }]] }] } };
    expect(names(wf)).toEqual(['wf', 'wf[0]', 'wf[0].again']);
  });

  test('the exit handler follows the entrypoint', () => {
    const wf = {
      metadata: { name: 'wf' },
      spec: { entrypoint: 'main', onExit: 'bye', templates: [{ name: 'main', container: {} }, { name: 'bye', container: {} }] },
    };
    const plan = planWorkflow(wf);
    expect(plan.nodes.map((n) => n.name)).toEqual(['wf', 'wf.onExit']);
    expect(plan.edges).toEqual([{ from: 'wf', to: 'wf.onExit', flow: true }]);
  });

  test('a DAG task loop is one node until its TaskGroup exists', () => {
    const spec = { entrypoint: 'main', templates: [{ name: 'main', dag: { tasks: [{ name: 'fan', template: 'e', withParam: '["a","b"]' }] } }, { name: 'e', container: {} }] };
    const before = buildGraph({ metadata: { name: 'wf' }, spec });
    expect(before.nodes.find((n) => n.name === 'wf.fan')).toMatchObject({ planned: true, label: 'fan ×2' });
    const after = buildGraph({
      metadata: { name: 'wf' },
      spec,
      status: {
        phase: 'Running',
        nodes: {
          r: { id: 'r', name: 'wf', type: 'DAG', phase: 'Running', children: ['g'] },
          g: { id: 'g', name: 'wf.fan', type: 'TaskGroup', phase: 'Running', children: ['i0'], boundaryID: 'r' },
          i0: { id: 'i0', name: 'wf.fan(0:a)', type: 'Pod', phase: 'Running', boundaryID: 'r' },
        },
      },
    });
    expect(after.nodes.map((n) => n.id)).toEqual(['r', 'g', 'i0']);
  });
});

describe('DAG dependencies', () => {
  const all = new Set(['a', 'b-2', 'c_3', 'self']);
  test('come from `dependencies` or from the task names in `depends`', () => {
    expect(dependenciesOf({ name: 'self', dependencies: ['a', 'zz'] }, all)).toEqual(['a']);
    expect(dependenciesOf({ name: 'self', depends: '(a.Succeeded || b-2.Failed) && !c_3.Skipped' }, all)).toEqual(['a', 'b-2', 'c_3']);
    expect(dependenciesOf({ name: 'self', depends: 'self && a.AnySucceeded' }, all)).toEqual(['a']);
  });
});

describe('loop sizes', () => {
  test('from withItems, a literal withParam, or withSequence; unknown when only known at run time', () => {
    expect(loopCount({ withItems: [1, 2, 3] })).toBe(3);
    expect(loopCount({ withParam: '[1,2]' })).toBe(2);
    expect(loopCount({ withParam: '{{steps.gen.outputs.result}}' })).toBeNull();
    expect(loopCount({ withSequence: { count: '5' } })).toBe(5);
    expect(loopCount({ withSequence: { start: '2', end: '4' } })).toBe(3);
    expect(loopCount({ withSequence: { count: '{{inputs.parameters.n}}' } })).toBeNull();
    expect(loopCount({ template: 'x' })).toBeUndefined();
  });
});
