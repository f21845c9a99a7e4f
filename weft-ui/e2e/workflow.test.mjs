import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { URL, open, login, screenshot, createWorkflow, waitForPhase, unique, workflowLogs } from './harness.mjs';

test('node panel: phase, times, inputs and outputs equal the API', async () => {
  const run = unique();
  const wf = await createWorkflow({
    metadata: { generateName: `panel-${run}-` },
    spec: {
      entrypoint: 'main',
      templates: [
        { name: 'main', steps: [[{ name: 'greet', template: 'greet', arguments: { parameters: [{ name: 'who', value: 'world' }] } }]] },
        {
          name: 'greet',
          inputs: { parameters: [{ name: 'who' }] },
          container: { image: 'alpine', command: ['sh', '-c'], args: ['echo "hello {{inputs.parameters.who}}"; printf "%s" "out-{{inputs.parameters.who}}" > /tmp/out'] },
          outputs: { parameters: [{ name: 'said', valueFrom: { path: '/tmp/out' } }] },
        },
      ],
    },
  });
  const done = await waitForPhase(wf.metadata.name, ['Succeeded']);
  const node = Object.values(done.status.nodes).find((n) => n.displayName === 'greet');
  const { browser, page, errors } = await open();
  try {
    await login(page);
    await page.goto(`${URL}/workflows/default/${wf.metadata.name}`);
    await page.locator(`[data-testid=graph] g.node[data-name=greet]`).first().click();
    await page.getByTestId('node-panel').waitFor();
    assert.match(page.url(), new RegExp(`node=${node.id}`));
    assert.equal(await page.getByTestId('node-phase').textContent(), node.phase);
    assert.equal(await page.getByTestId('node-started').getAttribute('data-value'), node.startedAt);
    assert.equal(await page.getByTestId('node-finished').getAttribute('data-value'), node.finishedAt);
    assert.equal(await page.getByTestId('node-id').textContent(), node.id);
    assert.equal(await page.getByTestId('node-pod').textContent(), node.podName ?? '');
    for (const p of node.inputs?.parameters ?? []) assert.equal(await page.getByTestId('node-input-' + p.name).textContent(), p.value);
    for (const p of node.outputs?.parameters ?? []) assert.equal(await page.getByTestId('node-output-' + p.name).textContent(), p.value);
    assert.equal(await page.getByTestId('node-output-said').textContent(), 'out-world');
    await page.locator('[data-testid=node-logs] [data-testid=log-line]').first().waitFor();
    await screenshot(page, 'node-panel');
    // the URL alone opens the same panel
    await page.goto(page.url());
    await page.getByTestId('node-panel').waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test('logs: each line shows within 2 s, the workflow turns Succeeded without reload, the download equals weft logs', async () => {
  const run = unique();
  const count = 10;
  const wf = await createWorkflow({
    metadata: { generateName: `logs-${run}-` },
    spec: {
      entrypoint: 'main',
      templates: [{ name: 'main', container: { image: 'alpine', command: ['sh', '-c'], args: [`for i in $(seq 1 ${count}); do echo "line $i"; sleep 0.5; done; printf '\\033[32mgreen\\033[0m done\\n'`] } }],
    },
  });
  const { browser, page, errors } = await open();
  try {
    await login(page);
    await page.goto(`${URL}/workflows/default/${wf.metadata.name}?tab=logs`);
    const line = (i) => page.locator('[data-testid=logs] [data-testid=log-line]', { hasText: new RegExp(`line ${i}$`) });
    await line(1).waitFor({ timeout: 60000 });
    const first = Date.now();
    for (let i = 2; i <= count; i++) {
      const budget = first + (i - 1) * 500 + 2000 - Date.now();
      await line(i).waitFor({ timeout: Math.max(budget, 1) });
    }
    await page.locator('[data-testid=workflow-phase][data-phase=Succeeded]').waitFor({ timeout: 30000 });
    const green = page.locator('[data-testid=log-line] span', { hasText: 'green' });
    await green.waitFor();
    assert.equal(await green.evaluate((e) => getComputedStyle(e).color), 'rgb(13, 188, 121)');
    await screenshot(page, 'logs');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('logs-download').click()]);
    const text = readFileSync(await download.path(), 'utf8');
    assert.equal(text, await workflowLogs(wf.metadata.name));
    assert.equal(text.split('\n').filter(Boolean).length, count + 1);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test('logs: 100,000 lines stay virtualised (only the rows in view are in the DOM)', async () => {
  const wf = await createWorkflow({
    metadata: { generateName: `biglog-${unique()}-` },
    spec: { entrypoint: 'main', templates: [{ name: 'main', container: { image: 'alpine', command: ['sh', '-c'], args: ['seq 1 100000'] } }] },
  });
  await waitForPhase(wf.metadata.name, ['Succeeded']);
  const { browser, page, errors } = await open();
  try {
    await login(page);
    await page.goto(`${URL}/workflows/default/${wf.metadata.name}?tab=logs`);
    await page.waitForFunction(() => /^100000 lines/.test(document.querySelector('[data-testid=logs-count]')?.textContent ?? ''), null, { timeout: 60000 });
    const rendered = await page.locator('[data-testid=log-line]').count();
    assert.ok(rendered > 0 && rendered < 200, `${rendered} rows in the DOM`);
    // following: the last line is in view
    await page.locator('[data-testid=log-line]', { hasText: /(^|: )100000$/ }).waitFor();
    // scrolling up pauses following and shows earlier lines
    await page.getByTestId('logs').evaluate((el) => (el.scrollTop = 18 * 500));
    await page.locator('[data-testid=log-line]', { hasText: /(^|: )501$/ }).waitFor();
    assert.equal(await page.getByTestId('logs-follow').isChecked(), false);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
