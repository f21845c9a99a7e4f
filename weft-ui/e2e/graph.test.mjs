// The workflow graph in a real browser against a real weft server: a DAG diamond in layer order,
// both orientations, a node not started yet drawn as planned, a click selecting a node.
// WEFT_GRAPH_PAGE=dev runs against the graph's dev page (src/graph/dev.html, under `vite` only).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { open, login, createWorkflow, waitForPhase, api, screenshot, URL, TOKEN } from './harness.mjs';

const DEV = process.env.WEFT_GRAPH_PAGE === 'dev';
const graphUrl = (name) => (DEV ? `${URL}/src/graph/dev.html?ns=default&name=${name}` : `${URL}/workflows/default/${name}`);
const suffix = Date.now().toString(36);
const echo = { name: 'echo', container: { image: 'alpine', command: ['sh', '-c', 'echo hi'] } };

let b;
before(async () => {
  b = await open();
  if (TOKEN) await login(b.page);
});
after(async () => {
  await b?.browser.close();
});

/** Nodes drawn, by display name: id, phase, planned, and the centre from transform="translate(x,y)". */
async function drawnNodes(page) {
  return page.$$eval('[data-testid=graph] g.node', (els) =>
    els.map((e) => {
      const m = /translate\(([-\d.]+),([-\d.]+)\)/.exec(e.getAttribute('transform'));
      return {
        id: e.getAttribute('data-node-id'),
        name: e.getAttribute('data-name'),
        phase: e.getAttribute('data-phase'),
        planned: e.getAttribute('data-planned') === 'true',
        x: Number(m[1]),
        y: Number(m[2]),
      };
    }),
  );
}

const edgesOf = (page) =>
  page.$$eval('[data-testid=graph] path.edge', (els) => els.map((e) => `${e.getAttribute('data-from')}>${e.getAttribute('data-to')}`));

test('a DAG diamond draws its 4 tasks and 4 edges in layer order, vertically and horizontally', async () => {
  const name = `graph-diamond-${suffix}`;
  await createWorkflow({
    metadata: { name },
    spec: {
      entrypoint: 'main',
      templates: [
        {
          name: 'main',
          dag: {
            tasks: [
              { name: 'A', template: 'echo' },
              { name: 'B', template: 'echo', dependencies: ['A'] },
              { name: 'C', template: 'echo', dependencies: ['A'] },
              { name: 'D', template: 'echo', dependencies: ['B', 'C'] },
            ],
          },
        },
        echo,
      ],
    },
  });
  const wf = await waitForPhase(name, ['Succeeded']);
  const { page, errors } = b;
  await page.goto(graphUrl(name));
  await page.locator('[data-testid=graph] g.node[data-name="D"][data-phase="Succeeded"]').waitFor();

  const ensureVertical = async () => {
    if ((await page.getByTestId('graph').getAttribute('data-horizontal')) === 'true') {
      await page.getByTestId('graph-orientation').click();
      await page.locator('[data-testid=graph][data-horizontal=false]').waitFor();
    }
  };
  await ensureVertical();
  const byName = (nodes) => Object.fromEntries(nodes.filter((n) => 'ABCD'.includes(n.name) && n.name.length === 1).map((n) => [n.name, n]));
  let n = byName(await drawnNodes(page));
  assert.deepEqual(Object.keys(n).sort(), ['A', 'B', 'C', 'D']);
  const statusId = (task) => Object.values(wf.status.nodes).find((x) => x.name === `${name}.${task}`).id;
  for (const t of 'ABCD') {
    assert.equal(n[t].id, statusId(t), `node ${t} is the status's node`);
    assert.equal(n[t].phase, 'Succeeded');
    assert.equal(n[t].planned, false);
  }
  const edges = await edgesOf(page);
  for (const [f, t] of ['AB', 'AC', 'BD', 'CD']) assert.ok(edges.includes(`${n[f].id}>${n[t].id}`), `edge ${f}→${t} in ${edges}`);
  const taskEdges = edges.filter((e) => e.split('>').every((id) => Object.values(n).some((x) => x.id === id)));
  assert.equal(taskEdges.length, 4);
  assert.ok(n.A.y < n.B.y, 'A above B');
  assert.equal(n.B.y, n.C.y);
  assert.ok(n.C.y < n.D.y, 'C above D');
  await screenshot(page, 'graph');

  await page.getByTestId('graph-orientation').click();
  await page.locator('[data-testid=graph][data-horizontal=true]').waitFor();
  await page.waitForFunction(() => {
    const a = document.querySelector('[data-testid=graph] g.node[data-name="A"]');
    const d = document.querySelector('[data-testid=graph] g.node[data-name="D"]');
    return a && d && /translate\(([-\d.]+),/.exec(a.getAttribute('transform'))[1] !== /translate\(([-\d.]+),/.exec(d.getAttribute('transform'))[1];
  });
  n = byName(await drawnNodes(page));
  assert.ok(n.A.x < n.B.x, 'A left of B');
  assert.equal(n.B.x, n.C.x);
  assert.ok(n.C.x < n.D.x, 'C left of D');
  await screenshot(page, 'graph-horizontal');
  await page.getByTestId('graph-orientation').click();
  await page.locator('[data-testid=graph][data-horizontal=false]').waitFor();

  // A click selects the node: the app opens its node panel (the dev page shows the id).
  await page.locator(`[data-testid=graph] g.node[data-name="B"]`).click();
  if (DEV) await page.getByTestId('dev-selected').filter({ hasText: n.B.id }).waitFor();
  else await page.locator(`[data-testid=node-panel][data-node-id="${n.B.id}"]`).waitFor();
  await page.locator(`[data-testid=graph] g.node.selected[data-name="B"]`).waitFor();
  if (!DEV) assert.deepEqual(errors, []); // the dev page has no favicon: its 404 is not the graph's
});

test('a step not started yet is drawn planned and pending after the step that sleeps', async () => {
  const name = `graph-sleeper-${suffix}`;
  await createWorkflow({
    metadata: { name },
    spec: {
      entrypoint: 'main',
      templates: [
        {
          name: 'main',
          steps: [[{ name: 'first', template: 'echo' }], [{ name: 'nap', template: 'sleep' }], [{ name: 'after', template: 'echo' }]],
        },
        echo,
        { name: 'sleep', container: { image: 'alpine', command: ['sh', '-c', 'sleep 20'] } },
      ],
    },
  });
  try {
    const { page } = b;
    await page.goto(graphUrl(name));
    await page.locator('[data-testid=graph] g.node[data-name="nap"][data-phase="Running"]').waitFor({ timeout: 30000 });
    const after = page.locator('[data-testid=graph] g.node[data-name="after"]');
    assert.equal(await after.getAttribute('data-planned'), 'true');
    assert.equal(await after.getAttribute('data-phase'), 'Pending');
    assert.equal(await after.getAttribute('data-node-id'), `planned:${name}[2].after`);
    const nap = await page.locator('[data-testid=graph] g.node[data-name="nap"]').getAttribute('data-node-id');
    const edges = await edgesOf(page);
    assert.ok(edges.includes(`${nap}>planned:${name}[2]`), `the nap step leads to the planned group: ${edges}`);
    assert.ok(edges.includes(`planned:${name}[2]>planned:${name}[2].after`));
    await screenshot(page, 'graph-planned');
    // New versions of the workflow while the structure stays: recoloured, not laid out again.
    const layouts = await page.getByTestId('graph').getAttribute('data-layouts');
    await page.waitForTimeout(2500);
    assert.equal(await page.locator('[data-testid=graph] g.node[data-name="nap"]').getAttribute('data-phase'), 'Running');
    assert.equal(await page.getByTestId('graph').getAttribute('data-layouts'), layouts);
    // Search dims what does not match.
    await page.getByTestId('graph-search').fill('after');
    await page.locator('[data-testid=graph] g.node.match[data-name="after"]').waitFor();
    await page.locator('[data-testid=graph] g.node.dim[data-name="nap"]').waitFor();
    await page.getByTestId('graph-search').fill('');
  } finally {
    await api('DELETE', `/api/v1/workflows/default/${name}`).catch(() => {});
  }
});
