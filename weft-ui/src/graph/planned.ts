// The nodes a workflow will have, drawn from its spec before they exist (Argo's UI shows nothing
// until a node starts: argo-workflows #8646, #15351). The walk names every node as Argo's
// controller will (`<parent>[i]` for a step group, `<group>.<step>` for a step, `<dag>.<task>` for a
// task, `<wf>.onExit`), so a real node in the status replaces its planned twin by name, and builds
// the edges the controller will add: a parent to its first children, the outbound nodes of a step
// group (or of a task's dependencies) to what follows.

export interface PlanNode {
  name: string;
  displayName: string;
  label: string;
  type: string;
  templateName?: string;
  /** the enclosing Steps/DAG node's name */
  boundary?: string;
  /** a step or task with withItems/withParam/withSequence: planned as one node */
  loop?: boolean;
}

/** `contain`: a parent and its child. `flow`: an outbound node of what ran before and what follows. */
export interface PlanEdge {
  from: string;
  to: string;
  flow: boolean;
}

export interface Plan {
  nodes: PlanNode[];
  edges: PlanEdge[];
}

type Json = any;

const MAX_NODES = 20000;
const MAX_DEPTH = 16;

export function planWorkflow(wf: Json): Plan {
  const plan: Plan = { nodes: [], edges: [] };
  const wfName: string | undefined = wf?.metadata?.name;
  if (!wfName) return plan;
  const spec = wf.spec ?? {};
  const stored = wf.status?.storedWorkflowTemplateSpec ?? {};
  const storedTemplates: Record<string, Json> = wf.status?.storedTemplates ?? {};
  const local: Json[] = [...(spec.templates ?? []), ...(stored.templates ?? [])];

  /** A step's or task's template; `scope` is the WorkflowTemplate a templateRef led into. */
  const resolve = (call: Json, scope?: string): { tmpl?: Json; scope?: string } => {
    if (call?.inline) return { tmpl: call.inline, scope };
    if (call?.templateRef) {
      const r = call.templateRef;
      const key = `${r.clusterScope ? 'cluster' : 'namespaced'}/${r.name}/${r.template}`;
      return { tmpl: storedTemplates[key], scope: `${r.clusterScope ? 'cluster' : 'namespaced'}/${r.name}` };
    }
    const name = call?.template;
    if (typeof name !== 'string') return {};
    if (scope) {
      const t = storedTemplates[`${scope}/${name}`];
      if (t) return { tmpl: t, scope };
    }
    return { tmpl: local.find((t) => t?.name === name) ?? storedTemplates[`namespaced/${wfName}/${name}`] };
  };

  const add = (n: PlanNode) => {
    if (plan.nodes.length < MAX_NODES) plan.nodes.push(n);
  };
  const edge = (from: string, to: string, flow: boolean) => plan.edges.push({ from, to, flow });

  /** Plans the node `name` running `tmpl`; returns its outbound node names. */
  const expand = (name: string, display: string, call: Json, boundary: string | undefined, path: string[], scope?: string): string[] => {
    const { tmpl, scope: inner } = resolve(call, scope);
    const tmplName: string | undefined = tmpl?.name ?? call?.template ?? call?.templateRef?.template;
    const count = loopCount(call);
    if (count !== undefined) {
      const n = count === null ? '' : ` ×${count}`;
      add({ name, displayName: display, label: display + n, type: 'Pod', templateName: tmplName, boundary, loop: true });
      return [name];
    }
    const type = typeOf(tmpl);
    add({ name, displayName: display, label: display, type, templateName: tmplName, boundary });
    if (!tmpl || path.length >= MAX_DEPTH || path.includes(tmplName ?? '') || plan.nodes.length >= MAX_NODES) return [name];
    const deeper = [...path, tmplName ?? ''];
    if (Array.isArray(tmpl.steps)) return planSteps(name, tmpl, deeper, inner);
    if (Array.isArray(tmpl.dag?.tasks)) return planDag(name, tmpl, deeper, inner);
    return [name];
  };

  const planSteps = (name: string, tmpl: Json, path: string[], scope?: string): string[] => {
    let previous: string[] | undefined;
    let previousGroup = name;
    tmpl.steps.forEach((group: Json, i: number) => {
      const sg = `${name}[${i}]`;
      add({ name: sg, displayName: `[${i}]`, label: `[${i}]`, type: 'StepGroup', templateName: tmpl.name, boundary: name });
      if (previous === undefined) edge(name, sg, false);
      else if (previous.length === 0) edge(previousGroup, sg, false);
      else for (const o of previous) edge(o, sg, true);
      const out: string[] = [];
      for (const step of Array.isArray(group) ? group : []) {
        if (typeof step?.name !== 'string') continue;
        const child = `${sg}.${step.name}`;
        edge(sg, child, false);
        out.push(...expand(child, step.name, step, name, path, scope));
      }
      previous = out;
      previousGroup = sg;
    });
    return previous?.length ? previous : [name];
  };

  const planDag = (name: string, tmpl: Json, path: string[], scope?: string): string[] => {
    const tasks: Json[] = tmpl.dag.tasks.filter((t: Json) => typeof t?.name === 'string');
    const names = new Set(tasks.map((t) => t.name as string));
    const deps = new Map(tasks.map((t) => [t.name as string, dependenciesOf(t, names)]));
    const byName = new Map(tasks.map((t) => [t.name as string, t]));
    const outbound = new Map<string, string[]>();
    const state = new Map<string, number>(); // 1 visiting, 2 done: a cycle in the spec plans no edge
    const visit = (task: Json) => {
      const tn: string = task.name;
      if (state.get(tn)) return;
      state.set(tn, 1);
      for (const d of deps.get(tn)!) visit(byName.get(d));
      const node = `${name}.${tn}`;
      outbound.set(tn, expand(node, tn, task, name, path, scope));
      const ds = deps.get(tn)!;
      if (ds.length === 0) edge(name, node, false);
      for (const d of ds) for (const o of outbound.get(d) ?? []) edge(o, node, true);
      state.set(tn, 2);
    };
    tasks.forEach(visit);
    const depended = new Set([...deps.values()].flat());
    const target: string[] = typeof tmpl.dag.target === 'string' && tmpl.dag.target.trim()
      ? tmpl.dag.target.split(/\s+/).filter((t: string) => names.has(t))
      : tasks.map((t) => t.name).filter((t) => !depended.has(t));
    const out = target.flatMap((t) => outbound.get(t) ?? []);
    return out.length ? out : [name];
  };

  const entry = spec.entrypoint ?? stored.entrypoint;
  if (typeof entry !== 'string') return plan;
  const rootOut = expand(wfName, wfName, { template: entry }, undefined, []);
  const onExit = spec.onExit ?? stored.onExit;
  if (typeof onExit === 'string') {
    const exitName = `${wfName}.onExit`;
    for (const o of rootOut) edge(o, exitName, true);
    expand(exitName, exitName, { template: onExit }, undefined, []);
  }
  return plan;
}

function typeOf(tmpl: Json): string {
  if (!tmpl) return 'Pod';
  if (tmpl.steps) return 'Steps';
  if (tmpl.dag) return 'DAG';
  if (tmpl.suspend) return 'Suspend';
  if (tmpl.http) return 'HTTP';
  if (tmpl.plugin) return 'Plugin';
  return 'Pod';
}

/** The task names a DAG task waits for: `dependencies`, or the names in a `depends` expression. */
export function dependenciesOf(task: Json, names: Set<string>): string[] {
  if (Array.isArray(task.dependencies)) return task.dependencies.filter((d: unknown) => typeof d === 'string' && names.has(d));
  if (typeof task.depends !== 'string') return [];
  const found = new Set<string>();
  for (const token of task.depends.split(/[^A-Za-z0-9_.-]+/)) {
    const base = token.split('.')[0];
    if (names.has(base) && base !== task.name) found.add(base);
  }
  return [...found];
}

/** undefined: not a loop; null: a loop of unknown size; else its size. */
export function loopCount(call: Json): number | null | undefined {
  if (Array.isArray(call?.withItems)) return call.withItems.length;
  if (call?.withParam !== undefined) {
    if (typeof call.withParam === 'string' && call.withParam.trim().startsWith('[')) {
      try {
        const v = JSON.parse(call.withParam);
        if (Array.isArray(v)) return v.length;
      } catch {
        /* an expression: size known only at run time */
      }
    }
    return null;
  }
  const seq = call?.withSequence;
  if (seq) {
    const num = (v: unknown) => (typeof v === 'number' || (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v)) ? Number(v) : NaN);
    if (seq.count !== undefined) {
      const c = num(seq.count);
      return Number.isNaN(c) ? null : c;
    }
    const start = seq.start === undefined ? 0 : num(seq.start);
    const end = num(seq.end);
    return Number.isNaN(start) || Number.isNaN(end) ? null : Math.abs(end - start) + 1;
  }
  return undefined;
}
