import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { URL, open, login, createWorkflow, waitForPhase, unique, workflowLogs } from './harness.mjs';

test('artifact download: its sha256 equals the one the step computed of the same file', async () => {
  const wf = await createWorkflow({
    metadata: { generateName: `artifact-${unique()}-` },
    spec: {
      entrypoint: 'main',
      templates: [
        {
          name: 'main',
          container: { image: 'alpine', command: ['sh', '-c'], args: ['seq 1 5000 > /tmp/data.txt; echo "payload $(date +%s%N)" >> /tmp/data.txt; sha256sum /tmp/data.txt'] },
          outputs: { artifacts: [{ name: 'data', path: '/tmp/data.txt', archive: { none: {} } }] },
        },
      ],
    },
  });
  const done = await waitForPhase(wf.metadata.name, ['Succeeded']);
  const node = Object.values(done.status.nodes).find((n) => n.type === 'Pod');
  const printed = /([0-9a-f]{64})\s+\/tmp\/data\.txt/.exec(await workflowLogs(wf.metadata.name))?.[1];
  assert.ok(printed, 'the step printed its sha256sum');
  const { browser, page, errors } = await open();
  try {
    await login(page);
    await page.goto(`${URL}/workflows/default/${wf.metadata.name}?node=${node.id}`);
    const link = page.locator('a[data-testid=artifact-data]');
    assert.equal(await link.getAttribute('href'), `/artifact-files/default/workflows/${wf.metadata.name}/${node.id}/outputs/data`);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const bytes = readFileSync(await download.path());
    assert.equal(createHash('sha256').update(bytes).digest('hex'), printed);
    // the panel's own sha256 (the server's X-Weft-Sha256, else computed in the page) agrees
    await page.getByTestId('artifact-sha256-load-data').click();
    assert.equal(await page.getByTestId('artifact-sha256-data').getAttribute('data-value'), printed);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
