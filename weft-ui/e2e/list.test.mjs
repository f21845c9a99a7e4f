import { test } from 'node:test';
import assert from 'node:assert/strict';
import { URL, open, login, screenshot, createWorkflow, waitForPhase, shWorkflow, unique, weft } from './harness.mjs';

const rows = (page) => page.locator('tr[data-testid=workflow-row]');

async function names(page) {
  return (await rows(page).evaluateAll((trs) => trs.map((t) => t.dataset.name))).sort();
}

test('list: phase, label and name filters narrow the list as weft list does; a new workflow appears live', async () => {
  const run = unique();
  const label = { 'e2e-list': run };
  const made = [];
  for (let i = 0; i < 3; i++) made.push(await createWorkflow(shWorkflow(`list-ok-${run}-`, 'echo ok', { labels: label })));
  for (let i = 0; i < 2; i++) made.push(await createWorkflow(shWorkflow(`list-bad-${run}-`, 'echo bad; exit 1', { labels: label })));
  for (const wf of made) await waitForPhase(wf.metadata.name, ['Succeeded', 'Failed']);

  const { browser, page, errors } = await open();
  try {
    await login(page);
    await page.goto(`${URL}/workflows?labels=e2e-list%3D${run}`);
    await page.locator(`tr[data-testid=workflow-row]`).nth(4).waitFor();
    assert.equal(await rows(page).count(), 5);
    assert.equal(await page.getByTestId('label-filter').inputValue(), `e2e-list=${run}`);

    await page.getByTestId('phase-filter-Failed').check();
    await page.waitForFunction(() => document.querySelectorAll('tr[data-testid=workflow-row]').length === 2);
    assert.equal(await page.locator('tr[data-testid=workflow-row][data-phase=Failed]').count(), 2);
    assert.match(page.url(), /phase=Failed/);
    await page.getByTestId('phase-filter-Failed').uncheck();
    await page.waitForFunction(() => document.querySelectorAll('tr[data-testid=workflow-row]').length === 5);

    await page.getByTestId('name-filter-mode').selectOption('Prefix');
    await page.getByTestId('name-filter').fill(`list-bad-${run}`);
    await page.getByTestId('name-filter').press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('tr[data-testid=workflow-row]').length === 2);
    const shown = await names(page);
    if (process.env.WEFT_CLI) {
      const cli = weft('list', '-l', `e2e-list=${run}`, '--prefix', `list-bad-${run}`, '-o', 'name').split('\n').filter(Boolean).sort();
      assert.deepEqual(shown, cli);
    }
    assert.ok(shown.every((n) => n.startsWith(`list-bad-${run}`)));

    await page.goto(`${URL}/workflows?labels=e2e-list%3D${run}`);
    await rows(page).nth(4).waitFor();
    await screenshot(page, 'list');
    const fresh = await createWorkflow(shWorkflow(`list-new-${run}-`, 'echo new', { labels: label }));
    await page.locator(`tr[data-testid=workflow-row][data-name="${fresh.metadata.name}"]`).waitFor({ timeout: 10000 });
    await page.locator(`tr[data-testid=workflow-row][data-name="${fresh.metadata.name}"][data-phase=Succeeded]`).waitFor({ timeout: 60000 });
    assert.equal(await rows(page).count(), 6);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
