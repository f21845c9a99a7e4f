import { test } from 'node:test';
import assert from 'node:assert/strict';
import { URL, TOKEN, open, login, screenshot } from './harness.mjs';

test('without the cookie the login page shows and the API answers 401; with the token every page loads cleanly', { skip: !TOKEN && 'the server runs without auth' }, async () => {
  const { browser, page, errors } = await open();
  try {
    const res = await fetch(URL + '/api/v1/workflows/default');
    assert.equal(res.status, 401);

    await page.goto(URL + '/workflows');
    await page.waitForURL((u) => u.pathname === '/login');
    assert.equal(new globalThis.URL(page.url()).searchParams.get('redirect'), '/workflows');
    await page.getByTestId('login-token').waitFor();
    // The browser logs the refused API call that sent the app to the login page; that 401 is
    // the behaviour under test, not an error of the app.
    errors.splice(0, errors.length, ...errors.filter((e) => !/status of 401/.test(e)));

    await page.getByTestId('login-token').fill('not-the-token');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-error').waitFor();
    errors.splice(0, errors.length, ...errors.filter((e) => !/status of 40[13]/.test(e)));

    await login(page);
    await page.getByTestId('workflow-list').waitFor();
    for (const path of ['/workflow-templates', '/cluster-workflow-templates', '/cron-workflows', '/submit', '/submit?mode=yaml']) {
      await page.goto(URL + path);
      await page.locator('main h1').first().waitFor();
      await page.waitForLoadState('networkidle').catch(() => {});
      assert.equal(await page.getByTestId('error').count(), 0, `error shown on ${path}`);
    }
    await page.getByTestId('theme-toggle').click();
    assert.match(await page.evaluate(() => document.documentElement.dataset.theme), /^(light|dark)$/);
    await page.getByTestId('logout').click();
    await page.waitForURL((u) => u.pathname === '/login');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
