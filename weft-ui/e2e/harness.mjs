// Shared set-up for the browser tests. The JUnit runner (BrowserTest in weft-cli) starts a real
// `weft server` on a temporary store and passes:
//   WEFT_URL       http://127.0.0.1:PORT
//   WEFT_TOKEN     the server's bearer token
//   WEFT_CLI       a shell command prefix that runs the weft CLI (java -cp ... dev.weft.cli.Main)
//   WEFT_SHOTS     where screenshots go (under target/)
// Run by hand: start `bin/weft server --port 2746 --store /tmp/s`, then
//   WEFT_URL=http://127.0.0.1:2746 WEFT_TOKEN=$(cat /tmp/s/server-token) npm run e2e
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const URL = process.env.WEFT_URL ?? 'http://127.0.0.1:2746';
export const TOKEN = process.env.WEFT_TOKEN ?? '';
export const SHOTS = process.env.WEFT_SHOTS ?? 'target/screenshots';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** A browser and a page that records console errors and failed page loads. */
export async function open() {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return { browser, context, page, errors };
}

/**
 * Logs in through the login page, which stores the token in the HttpOnly cookie. Without a token
 * (a server run with --insecure-no-auth, for development) there is nothing to log in to.
 */
export async function login(page) {
  if (!TOKEN) {
    await page.goto(URL + '/workflows');
    return;
  }
  await page.goto(URL + '/login');
  await page.getByTestId('login-token').fill(TOKEN);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** Calls the API with the bearer token; returns the parsed JSON (or text). */
export async function api(method, path, body) {
  const res = await fetch(URL + path, {
    method,
    headers: { ...(TOKEN ? { Authorization: 'Bearer ' + TOKEN } : {}), 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Creates a workflow from a JS object (the Workflow resource) in namespace "default". */
export async function createWorkflow(workflow) {
  return api('POST', '/api/v1/workflows/default', { workflow });
}

/** Polls until the workflow's phase is one of `phases`; returns the workflow. */
export async function waitForPhase(name, phases, timeoutMs = 60000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const wf = await api('GET', `/api/v1/workflows/default/${name}`);
    if (phases.includes(wf.status?.phase)) return wf;
    if (Date.now() > deadline) throw new Error(`${name} is ${wf.status?.phase}, wanted ${phases}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Runs the weft CLI against the server; returns stdout. */
export function weft(...args) {
  const cli = process.env.WEFT_CLI;
  if (!cli) throw new Error('WEFT_CLI is not set');
  const [cmd, ...pre] = cli.split(' ');
  return execFileSync(cmd, [...pre, ...args], {
    encoding: 'utf8',
    env: { ...process.env, WEFT_SERVER: URL, WEFT_TOKEN: TOKEN },
  });
}

export async function screenshot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, name + '.png') });
}

/** A short random suffix, so that tests sharing a server never share names or labels. */
export function unique() {
  return Math.random().toString(36).slice(2, 8);
}

/** A one-template Workflow resource running `script` with sh (steps run as host processes). */
export function shWorkflow(generateName, script, extra = {}) {
  return {
    metadata: { generateName, labels: extra.labels ?? {} },
    spec: {
      entrypoint: 'main',
      ...(extra.spec ?? {}),
      templates: [
        { name: 'main', ...(extra.main ?? {}), container: { image: 'alpine', command: ['sh', '-c'], args: [script] } },
        ...(extra.templates ?? []),
      ],
    },
  };
}

/** The log lines of a workflow as `weft logs` prints them (CLI if available, else the same API). */
export async function workflowLogs(name) {
  if (process.env.WEFT_CLI) return weft('logs', name);
  const res = await fetch(`${URL}/api/v1/workflows/default/${name}/log?logOptions.container=main`, {
    headers: TOKEN ? { Authorization: 'Bearer ' + TOKEN } : {},
  });
  let out = '';
  for (const line of (await res.text()).split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line).result;
    out += `${r.podName}: ${r.content}\n`;
  }
  return out;
}
