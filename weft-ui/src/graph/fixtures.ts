// Workflows for the unit tests, shaped as GET /api/v1/workflows/{ns}/{name} returns them.

const echo = { name: 'echo', container: { image: 'alpine', command: ['echo', 'hi'] } };

export function diamondSpec(name = 'diamond') {
  return {
    metadata: { name, namespace: 'default' },
    spec: {
      entrypoint: 'main',
      templates: [
        {
          name: 'main',
          dag: {
            tasks: [
              { name: 'A', template: 'echo' },
              { name: 'B', template: 'echo', dependencies: ['A'] },
              { name: 'C', template: 'echo', depends: 'A.Succeeded' },
              { name: 'D', template: 'echo', depends: '(B && C.Succeeded)' },
            ],
          },
        },
        echo,
      ],
    },
  } as any;
}

/** The diamond as Argo's controller writes it once it has succeeded. */
export function diamondDone(name = 'diamond') {
  const wf = diamondSpec(name);
  const pod = (task: string, children: string[]) => ({
    id: `${name}-${task}`,
    name: `${name}.${task}`,
    displayName: task,
    type: 'Pod',
    templateName: 'echo',
    phase: 'Succeeded',
    boundaryID: name,
    children: children.map((c) => `${name}-${c}`),
  });
  wf.status = {
    phase: 'Succeeded',
    nodes: {
      [name]: { id: name, name, displayName: name, type: 'DAG', templateName: 'main', phase: 'Succeeded', children: [`${name}-A`], outboundNodes: [`${name}-D`] },
      [`${name}-A`]: pod('A', ['B', 'C']),
      [`${name}-B`]: pod('B', ['D']),
      [`${name}-C`]: pod('C', ['D']),
      [`${name}-D`]: pod('D', []),
    },
  };
  return wf;
}

/** Three step groups: first; second (sleeps) with a 3-item loop; third. */
export function stepsSpec(name = 'steps') {
  return {
    metadata: { name, namespace: 'default' },
    spec: {
      entrypoint: 'main',
      templates: [
        {
          name: 'main',
          steps: [
            [{ name: 'first', template: 'echo' }],
            [
              { name: 'second', template: 'sleep' },
              { name: 'loop', template: 'echo', withItems: [1, 2, 3] },
            ],
            [{ name: 'third', template: 'echo' }],
          ],
        },
        echo,
        { name: 'sleep', container: { image: 'alpine', command: ['sleep', '30'] } },
      ],
    },
  } as any;
}

type N = { id: string; name: string; type: string; phase: string; children?: string[]; displayName?: string; templateName?: string; boundaryID?: string };

export function withNodes(wf: any, phase: string, list: N[]) {
  wf.status = { phase, nodes: Object.fromEntries(list.map((n) => [n.id, { displayName: n.name.split('.').pop(), ...n }])) };
  return wf;
}
