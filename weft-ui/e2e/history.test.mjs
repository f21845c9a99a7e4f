import { test } from 'node:test';
import assert from 'node:assert/strict';
import { URL, api, open, login, screenshot, waitForPhase, unique } from './harness.mjs';

test('history: a grid of 3 runs of one template × its nodes, coloured by phase, and their durations', async () => {
  const name = `hist-${unique()}`;
  await api('POST', '/api/v1/workflow-templates/default', {
    template: {
      metadata: { name },
      spec: {
        entrypoint: 'main',
        arguments: { parameters: [{ name: 'code', value: '0' }] },
        templates: [
          { name: 'main', dag: { tasks: [{ name: 'first', template: 'ok' }, { name: 'second', template: 'maybe', dependencies: ['first'] }] } },
          { name: 'ok', container: { image: 'alpine', command: ['sh', '-c'], args: ['echo ok'] } },
          { name: 'maybe', container: { image: 'alpine', command: ['sh', '-c'], args: ['exit {{workflow.parameters.code}}'] } },
        ],
      },
    },
  });
  const runs = [];
  for (const code of ['0', '1', '0']) {
    const wf = await api('POST', '/api/v1/workflows/default/submit', { resourceKind: 'WorkflowTemplate', resourceName: name, submitOptions: { parameters: [`code=${code}`] } });
    runs.push(await waitForPhase(wf.metadata.name, ['Succeeded', 'Failed']));
  }
  const { browser, page, errors } = await open();
  try {
    await login(page);
    await page.goto(`${URL}/workflow-templates/default/${name}`);
    await page.getByTestId('history-link').click();
    await page.getByTestId('history-grid').waitFor();
    assert.equal(await page.getByTestId('history-run').count(), 3);
    assert.equal(await page.getByTestId('duration-bar').count(), 3);
    for (const wf of runs) {
      for (const n of Object.values(wf.status.nodes).filter((x) => x.type === 'Pod')) {
        const cell = page.locator(`[data-testid=history-cell][data-run="${wf.metadata.name}"][data-node="${n.displayName}"]`);
        assert.equal(await cell.getAttribute('data-phase'), n.phase, `${wf.metadata.name} ${n.displayName}`);
      }
    }
    const order = await page.getByTestId('history-run').evaluateAll((els) => els.map((e) => e.dataset.run));
    assert.deepEqual(order, runs.map((r) => r.metadata.name), 'oldest left, newest right');
    assert.equal(await page.locator('[data-testid=history-cell][data-node=second][data-phase=Failed]').count(), 1);
    await screenshot(page, 'history-grid');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
