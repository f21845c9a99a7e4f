import { test } from 'node:test';
import assert from 'node:assert/strict';
import { URL, api, open, login, screenshot, waitForPhase, unique } from './harness.mjs';

test('submit form from a template: an enum parameter is a drop-down; the workflow gets the chosen value', async () => {
  const name = `colors-${unique()}`;
  await api('POST', '/api/v1/workflow-templates/default', {
    template: {
      metadata: { name },
      spec: {
        entrypoint: 'main',
        arguments: {
          parameters: [
            { name: 'color', value: 'red', enum: ['red', 'green', 'blue'], description: 'Paint colour' },
            { name: 'size', value: '3' },
          ],
        },
        templates: [
          {
            name: 'main',
            inputs: { parameters: [{ name: 'color' }, { name: 'size' }] },
            container: { image: 'alpine', command: ['sh', '-c'], args: ['echo "{{inputs.parameters.color}} {{inputs.parameters.size}}"'] },
          },
        ],
      },
    },
  });
  const { browser, page, errors } = await open();
  try {
    await login(page);
    await page.goto(`${URL}/workflow-templates/default/${name}`);
    await page.getByTestId('template-submit').click();
    await page.getByTestId('submit-form').waitFor();
    const select = page.locator('select[data-testid=param-color]');
    assert.deepEqual(await select.locator('option').allTextContents(), ['red', 'green', 'blue']);
    assert.equal(await select.inputValue(), 'red');
    assert.equal(await page.locator('input[data-testid=param-size]').inputValue(), '3');
    assert.equal(await page.getByTestId('param-description-color').textContent(), 'Paint colour');
    await select.selectOption('green');
    await page.locator('input[data-testid=param-size]').fill('7');
    await screenshot(page, 'submit-form');
    await page.getByTestId('submit-button').click();
    await page.waitForURL((u) => /^\/workflows\/default\/[^/]+$/.test(u.pathname));
    const wfName = decodeURIComponent(new globalThis.URL(page.url()).pathname.split('/').pop());
    const wf = await waitForPhase(wfName, ['Succeeded']);
    const params = Object.fromEntries(wf.spec.arguments.parameters.map((p) => [p.name, p.value]));
    assert.equal(params.color, 'green');
    assert.equal(params.size, '7');
    assert.equal(wf.metadata.labels['workflows.argoproj.io/workflow-template'], name);
    const step = Object.values(wf.status.nodes).find((n) => n.type === 'Pod');
    assert.equal(step.inputs.parameters.find((p) => p.name === 'color').value, 'green');
    await page.locator('[data-testid=workflow-phase][data-phase=Succeeded]').waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test('submit from YAML: lint findings are shown at their line', async () => {
  const { browser, page, errors } = await open();
  try {
    await login(page);
    await page.goto(`${URL}/submit?mode=yaml`);
    const yaml = ['apiVersion: argoproj.io/v1alpha1', 'kind: Workflow', 'metadata:', '  generateName: lint-', 'spec:', '  entrypoint: nowhere', '  templates:', '    - name: main', '      container:', '        image: alpine', '        command: [echo, hi]', ''].join('\n');
    await page.getByTestId('yaml-input').fill(yaml);
    await page.getByTestId('lint-button').click();
    await page.getByTestId('lint-finding').first().waitFor();
    const lines = await page.getByTestId('lint-finding').evaluateAll((els) => els.map((e) => Number(e.dataset.line)));
    assert.ok(lines.includes(6), `a finding on the entrypoint's line 6, got ${lines}`);
    assert.equal(await page.locator('[data-testid=lint-line][data-line="6"]').count(), 1);

    await page.getByTestId('yaml-input').fill(yaml.replace('entrypoint: nowhere', 'entrypoint: main'));
    await page.getByTestId('create-button').click();
    await page.waitForURL((u) => /^\/workflows\/default\/lint-/.test(u.pathname));
    assert.deepEqual(errors.filter((e) => !/status of 400/.test(e)), []);
  } finally {
    await browser.close();
  }
});
