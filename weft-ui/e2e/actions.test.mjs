import { test } from 'node:test';
import assert from 'node:assert/strict';
import { URL, api, open, login, createWorkflow, waitForPhase, shWorkflow, unique } from './harness.mjs';

const ACTIONS = ['retry', 'resubmit', 'suspend', 'resume', 'stop', 'terminate', 'delete'];

async function enabledActions(page) {
  const out = [];
  for (const a of ACTIONS) if (await page.getByTestId('action-' + a).isEnabled()) out.push(a);
  return out;
}

async function act(page, action) {
  await page.getByTestId('action-' + action).click();
  await page.getByTestId('confirm-ok').click();
  await page.getByTestId('confirm-dialog').waitFor({ state: 'detached' });
}

async function until(check, timeoutMs = 30000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

const sleeper = (name, extra = {}) => shWorkflow(name, 'sleep 60', extra);
const exitHandler = { spec: { onExit: 'bye' }, templates: [{ name: 'bye', container: { image: 'alpine', command: ['sh', '-c'], args: ['echo bye'] } }] };

test('resume ends a suspended workflow Succeeded; buttons follow the phase', async () => {
  const wf = await createWorkflow({
    metadata: { generateName: `suspend-${unique()}-` },
    spec: {
      entrypoint: 'main',
      templates: [
        { name: 'main', steps: [[{ name: 'wait', template: 'wait' }], [{ name: 'after', template: 'after' }]] },
        { name: 'wait', suspend: {} },
        { name: 'after', container: { image: 'alpine', command: ['sh', '-c'], args: ['echo after'] } },
      ],
    },
  });
  const name = wf.metadata.name;
  await until(async () => Object.values((await api('GET', `/api/v1/workflows/default/${name}`)).status?.nodes ?? {}).some((n) => n.type === 'Suspend' && n.phase === 'Running'));
  const { browser, page, errors } = await open();
  try {
    await login(page);
    await page.goto(`${URL}/workflows/default/${name}`);
    await page.locator('[data-testid=workflow-phase][data-phase=Running]').waitFor();
    // Argo: a workflow suspended at a suspend node can be resumed, stopped, terminated, not suspended again
    assert.deepEqual(await enabledActions(page), ['resubmit', 'resume', 'stop', 'terminate', 'delete']);
    await act(page, 'resume');
    await page.locator('[data-testid=workflow-phase][data-phase=Succeeded]').waitFor({ timeout: 60000 });
    assert.equal((await waitForPhase(name, ['Succeeded'])).status.phase, 'Succeeded');
    assert.deepEqual(await enabledActions(page), ['resubmit', 'delete']);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test('stop runs the exit handler; terminate does not, and fails the workflow', async () => {
  const stopped = await createWorkflow(sleeper(`stop-${unique()}-`, exitHandler));
  const terminated = await createWorkflow(sleeper(`terminate-${unique()}-`, exitHandler));
  await waitForPhase(stopped.metadata.name, ['Running']);
  await waitForPhase(terminated.metadata.name, ['Running']);
  const { browser, page, errors } = await open();
  try {
    await login(page);
    await page.goto(`${URL}/workflows/default/${stopped.metadata.name}`);
    await page.locator('[data-testid=workflow-phase][data-phase=Running]').waitFor();
    assert.deepEqual(await enabledActions(page), ['resubmit', 'suspend', 'stop', 'terminate', 'delete']);
    await act(page, 'stop');
    await page.locator('[data-testid=workflow-phase][data-phase=Failed]').waitFor({ timeout: 60000 });
    const s = await waitForPhase(stopped.metadata.name, ['Failed']);
    assert.ok(Object.values(s.status.nodes).some((n) => n.templateName === 'bye' && n.phase === 'Succeeded'), 'the exit handler ran');

    await page.goto(`${URL}/workflows/default/${terminated.metadata.name}`);
    await page.locator('[data-testid=workflow-phase][data-phase=Running]').waitFor();
    await act(page, 'terminate');
    await page.locator('[data-testid=workflow-phase][data-phase=Failed]').waitFor({ timeout: 60000 });
    const t = await waitForPhase(terminated.metadata.name, ['Failed']);
    assert.ok(!Object.values(t.status.nodes).some((n) => n.templateName === 'bye' && n.phase === 'Succeeded'), 'no exit handler on terminate');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test('retry re-runs only the failed node; resubmit makes a new workflow', async () => {
  const wf = await createWorkflow({
    metadata: { generateName: `retry-${unique()}-` },
    spec: {
      entrypoint: 'main',
      templates: [
        { name: 'main', steps: [[{ name: 'good', template: 'good' }], [{ name: 'bad', template: 'bad' }]] },
        { name: 'good', container: { image: 'alpine', command: ['sh', '-c'], args: ['echo good'] } },
        { name: 'bad', container: { image: 'alpine', command: ['sh', '-c'], args: ['echo bad; exit 1'] } },
      ],
    },
  });
  const name = wf.metadata.name;
  const failed = await waitForPhase(name, ['Failed']);
  const before = Object.values(failed.status.nodes);
  const good = before.find((n) => n.displayName === 'good');
  const bad = before.find((n) => n.displayName === 'bad');
  const { browser, page, errors } = await open();
  try {
    await login(page);
    await page.goto(`${URL}/workflows/default/${name}`);
    await page.locator('[data-testid=workflow-phase][data-phase=Failed]').waitFor();
    assert.deepEqual(await enabledActions(page), ['retry', 'resubmit', 'delete']);
    await act(page, 'retry');
    const after = await until(async () => {
      const w = await api('GET', `/api/v1/workflows/default/${name}`);
      const b = Object.values(w.status.nodes).find((n) => n.displayName === 'bad');
      return ['Failed', 'Error'].includes(w.status.phase) && b && b.startedAt !== bad.startedAt ? w : undefined;
    }, 60000);
    const goodAfter = Object.values(after.status.nodes).find((n) => n.displayName === 'good');
    assert.equal(goodAfter.startedAt, good.startedAt, 'the successful node was kept');
    assert.equal(goodAfter.finishedAt, good.finishedAt);

    await page.locator('[data-testid=workflow-phase][data-phase=Failed]').waitFor({ timeout: 30000 });
    await act(page, 'resubmit');
    await page.waitForURL((u) => u.pathname.startsWith('/workflows/default/') && !u.pathname.endsWith('/' + name));
    const fresh = decodeURIComponent(new globalThis.URL(page.url()).pathname.split('/').pop());
    assert.notEqual(fresh, name);
    assert.equal((await api('GET', `/api/v1/workflows/default/${fresh}`)).metadata.name, fresh);
    await page.getByTestId('workflow-name').waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
