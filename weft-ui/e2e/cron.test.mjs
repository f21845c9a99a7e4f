import { test } from 'node:test';
import assert from 'node:assert/strict';
import { URL, api, open, login, screenshot, unique } from './harness.mjs';

function wallClock(iso, timeZone) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', weekday: 'short', hour: '2-digit', minute: '2-digit' })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return parts;
}

test('cron: next runs in the cron timezone; suspend and resume write spec.suspend', async () => {
  const name = `cron-${unique()}`;
  const timeZone = 'America/New_York';
  await api('POST', '/api/v1/cron-workflows/default', {
    cronWorkflow: {
      metadata: { name },
      spec: {
        schedule: '30 9 * * 1-5',
        timezone: timeZone,
        workflowSpec: { entrypoint: 'main', templates: [{ name: 'main', container: { image: 'alpine', command: ['echo', 'hi'] } }] },
      },
    },
  });
  const { browser, page, errors } = await open();
  try {
    await login(page);
    await page.goto(`${URL}/cron-workflows`);
    await page.locator(`tr[data-testid=resource-row][data-name="${name}"] a`).click();
    await page.getByTestId('cron-next-runs').waitFor();
    const runs = await page.getByTestId('cron-next-run').evaluateAll((els) => els.map((e) => e.dataset.value));
    assert.equal(runs.length, 5);
    let previous = Date.now();
    for (const iso of runs) {
      const at = Date.parse(iso);
      assert.ok(at > previous, 'in order, in the future');
      assert.ok(at - previous <= 3 * 86400000 + 3600000, 'no weekday skipped');
      const w = wallClock(iso, timeZone);
      assert.equal(`${w.hour}:${w.minute}`, '09:30', iso);
      assert.ok(!['Sat', 'Sun'].includes(w.weekday), iso);
      previous = at;
    }
    assert.equal(await page.getByTestId('cron-timezone').textContent(), timeZone);
    await screenshot(page, 'cron');

    await page.getByTestId('cron-suspend').click();
    await page.locator('[data-testid=cron-suspended][data-value=true]').waitFor();
    assert.equal((await api('GET', `/api/v1/cron-workflows/default/${name}`)).spec.suspend, true);
    assert.ok(await page.getByTestId('cron-suspend').isDisabled());
    await page.getByTestId('cron-resume').click();
    await page.locator('[data-testid=cron-suspended][data-value=false]').waitFor();
    assert.equal((await api('GET', `/api/v1/cron-workflows/default/${name}`)).spec.suspend ?? false, false);

    await page.getByTestId('delete-button').click();
    await page.getByTestId('confirm-ok').click();
    await page.waitForURL((u) => u.pathname === '/cron-workflows');
    await page.getByTestId('resource-list').waitFor();
    assert.equal(await page.locator(`tr[data-testid=resource-row][data-name="${name}"]`).count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
