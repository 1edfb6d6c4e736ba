import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { test, expect } from '@playwright/test';
import { e2ePort } from './ports';
import { ENGINE_ADMIN_HEADERS } from '../src/api/engine-admin';
import { chromiumArgs, findChromium } from '../test-support/chromium';
import { REBIND_PAGE, attackPage, selfCallPage } from './security-pages';

/**
 * A web page of another origin — any site the person happens to visit while the engine runs —
 * tries to drive the engine from real Chromium: change its token, restart it, arm faults (with
 * `text/plain` simple POSTs that need no preflight, with JSON, and with HTML forms), and read its
 * tasks; make the engine call its own admin through a callback or fetch from itself; and, with
 * its name rebound to this machine (DNS rebinding), talk to the engine as a same-origin page.
 * Checked twice: by what the page itself could read, and by the engine's state afterwards.
 * Standalone engines of their own (not the suite's shared one): one with a token, one without.
 */

const ENGINE_PORT = e2ePort(2);
const FOREIGN_PORT = e2ePort(3);
const CDN_PORT = e2ePort(4);
const OPEN_PORT = e2ePort(5);
const OPEN_CDN_PORT = e2ePort(6);
const ENGINE = `http://127.0.0.1:${ENGINE_PORT}`;
const OPEN = `http://127.0.0.1:${OPEN_PORT}`;
const FOREIGN = `http://127.0.0.1:${FOREIGN_PORT}`;
/** A name of the attacker's, pointed at 127.0.0.1 by Chromium's resolver rules below. */
const REBOUND = 'rebind.evil.example';
const TOKEN = 'security-e2e-engine-token-51c2';
const auth = {
  authorization: `Bearer ${TOKEN}`,
  'content-type': 'application/json',
  ...ENGINE_ADMIN_HEADERS,
};
const openAuth = { authorization: 'Bearer mine', 'content-type': 'application/json' };

/**
 * The rebound name resolves to 127.0.0.1. Chromium's own Local Network Access checks (a
 * permission prompt before a public page reaches this machine) are off: other browsers have no
 * such thing and a person may allow it, so the server must hold on its own.
 */
test.use({
  launchOptions: {
    executablePath: findChromium(),
    args: [
      ...chromiumArgs([
        'LocalNetworkAccessChecks',
        'BlockInsecurePrivateNetworkRequests',
        'PrivateNetworkAccessSendPreflights',
        'PrivateNetworkAccessRespectPreflightResults',
      ]),
      `--host-resolver-rules=MAP ${REBOUND} 127.0.0.1`,
    ],
  },
});

let engines: ChildProcess[] = [];
let foreign: Server | undefined;
/** POSTs the foreign server's `/bounce` webhook received. */
let bounced = 0;

interface State {
  tasks: number;
  files: number;
  faults: unknown[];
}

async function stateOf(origin: string, headers: Record<string, string>): Promise<State> {
  const res = await fetch(`${origin}/__engine/state`, {
    headers: { ...headers, ...ENGINE_ADMIN_HEADERS },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as State;
}

const engineState = (): Promise<State> => stateOf(ENGINE, auth);

function startEngine(port: number, cdnPort: number, extra: string[]): ChildProcess {
  const args = ['--port', String(port), '--cdn-port', String(cdnPort), '--pace', '5', ...extra];
  return spawn('npx', ['tsx', 'server/cli.ts', ...args], { detached: true, stdio: 'ignore' });
}

async function answering(origin: string, headers: Record<string, string>): Promise<void> {
  await expect
    .poll(
      () =>
        fetch(`${origin}/__engine/state`, {
          headers: { ...headers, ...ENGINE_ADMIN_HEADERS },
        }).then(
          (r) => r.status,
          () => 0,
        ),
      { timeout: 30_000 },
    )
    .toBe(200);
}

test.beforeAll(async () => {
  engines = [
    startEngine(ENGINE_PORT, CDN_PORT, ['--token', TOKEN]),
    startEngine(OPEN_PORT, OPEN_CDN_PORT, []),
  ];
  foreign = createServer((req, res) => {
    if (req.url === '/bounce') {
      // A webhook that sends every POST on to the engine's admin, body and all (307 keeps both).
      bounced += 1;
      req.resume();
      res.writeHead(307, { location: `${OPEN}/__engine/restart` }).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(req.url === '/self' ? selfCallPage(OPEN, `${FOREIGN}/bounce`) : attackPage(ENGINE));
  });
  await new Promise<void>((resolve) => foreign!.listen(FOREIGN_PORT, '127.0.0.1', resolve));
  await answering(ENGINE, auth);
  await answering(OPEN, openAuth);
});

test.afterAll(async () => {
  for (const engine of engines) if (engine.pid) process.kill(-engine.pid, 'SIGTERM');
  await new Promise<void>((resolve) => (foreign ? foreign.close(() => resolve()) : resolve()));
});

test('a page of another origin can neither change the engine nor read its tasks', async ({
  page,
}) => {
  // A task the person made, with the token, before visiting the other site.
  const made = await fetch(`${ENGINE}/midjourney/imagine`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ prompt: 'a private sketch of my garden --seed 5' }),
  });
  expect(made.status).toBe(200);
  const before = await engineState();
  expect(before.tasks).toBe(1);

  // What the engine answered each of the page's requests (the network sees what the page cannot).
  const answers: { url: string; method: string; status: number }[] = [];
  page.on('response', (res) => {
    if (res.url().startsWith(ENGINE))
      answers.push({ url: res.url(), method: res.request().method(), status: res.status() });
  });
  await page.goto(`${FOREIGN}/`);
  await expect(page).toHaveTitle('done', { timeout: 30_000 });
  const seen = JSON.parse((await page.locator('#out').textContent()) ?? '[]') as {
    name: string;
    type?: string;
    status?: number;
    body?: string;
    error?: string;
  }[];

  // The page read nothing of the engine: simple POSTs are opaque, JSON and GETs are blocked by CORS.
  const byName = Object.fromEntries(seen.map((s) => [s.name, s]));
  for (const name of [
    'token off, text/plain',
    'new token, text/plain',
    'restart, text/plain',
    'upload, text/plain',
  ])
    expect(byName[name], name).toMatchObject({ type: 'opaque', status: 0, body: '' });
  for (const name of ['token off, json', 'restart, json', 'state', 'upload, image/gif'])
    expect(byName[name], name).toEqual({ name, error: 'TypeError' });
  // Tasks without the token: refused, and the refusal is all the page can see.
  for (const name of ['tasks, cors', 'tasks, text/plain']) {
    expect([400, 401], name).toContain(byName[name]?.status);
    expect(byName[name]?.body, name).toMatch(/no_token|invalid_token/);
  }
  expect(JSON.stringify(seen)).not.toContain('garden');

  // The engine refused every admin request that reached it, forms included.
  const admin = answers.filter((a) => a.url.includes('/__engine/') && a.method === 'POST');
  expect(admin.length).toBeGreaterThanOrEqual(7);
  for (const a of admin) expect([401, 403, 415], `${a.method} ${a.url}`).toContain(a.status);

  // And its state says so: the task is still there, no faults, the token still required.
  const after = await engineState();
  expect(after.tasks).toBe(before.tasks);
  // Nothing was uploaded: no file beyond the task's own.
  expect(after.files).toBe(before.files);
  expect(after.faults).toEqual([]);
  const anonymous = await fetch(`${ENGINE}/midjourney/tasks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"action":"retrieve_batch"}',
  });
  expect([400, 401]).toContain(anonymous.status);
  expect(await anonymous.text()).toMatch(/no_token|invalid_token/);
  const attacker = await fetch(`${ENGINE}/__engine/state`, {
    headers: { authorization: 'Bearer attacker', ...ENGINE_ADMIN_HEADERS },
  });
  expect(attacker.status).toBe(401);
});

/** Reads what a page wrote into `#out`. */
async function results(
  page: import('@playwright/test').Page,
): Promise<Record<string, { status?: number; body?: string; error?: string }>> {
  await expect(page).toHaveTitle('done', { timeout: 30_000 });
  const seen = JSON.parse((await page.locator('#out').textContent()) ?? '[]') as {
    name: string;
    status?: number;
    body?: string;
    error?: string;
  }[];
  return Object.fromEntries(seen.map((s) => [s.name, s]));
}

test('a page of another origin cannot make the engine call or fetch from itself', async ({
  page,
}) => {
  const made = await fetch(`${OPEN}/midjourney/imagine`, {
    method: 'POST',
    headers: openAuth,
    body: JSON.stringify({ prompt: 'a private sketch of my attic --seed 6' }),
  });
  expect(made.status).toBe(200);
  const before = await stateOf(OPEN, openAuth);
  bounced = 0;

  await page.goto(`${FOREIGN}/self`);
  const byName = await results(page);
  // Every URL naming the engine was refused as the request arrived, in the service's words.
  for (const name of Object.keys(byName).filter((n) => n !== 'bounce')) {
    expect(byName[name]?.status, name).toBe(400);
    expect(byName[name]?.body, name).toMatch(/"code":"bad_request".*points at this engine itself/);
  }
  expect(Object.keys(byName)).toHaveLength(12);
  // A webhook elsewhere is taken; its 307 to admin is not followed. The job posts one callback per
  // line, one after another, so a later POST shows the earlier 307 was already dealt with.
  expect(byName.bounce?.status).toBe(200);
  await expect.poll(() => bounced, { timeout: 30_000 }).toBeGreaterThanOrEqual(3);

  const after = await stateOf(OPEN, openAuth);
  expect(after.tasks).toBe(before.tasks + 1);
  expect(after.faults).toEqual([]);
});

test('DNS rebinding: a page whose name now points at this machine is answered 421 and reads nothing', async ({
  page,
}) => {
  const made = await fetch(`${OPEN}/midjourney/imagine`, {
    method: 'POST',
    headers: openAuth,
    body: JSON.stringify({ prompt: 'a private sketch of my cellar --seed 7' }),
  });
  expect(made.status).toBe(200);
  const before = await stateOf(OPEN, openAuth);

  // The studio's own page under the rebound name.
  const studio = await page.goto(`http://${REBOUND}:${e2ePort(0)}/`);
  expect(studio?.status()).toBe(421);

  // The attacker's page, as its own server sent it; its requests then reach the engine.
  const rebound = `http://${REBOUND}:${OPEN_PORT}`;
  await page.route(`${rebound}/`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: REBIND_PAGE }),
  );
  await page.goto(`${rebound}/`);
  const byName = await results(page);
  for (const name of ['tasks', 'state', 'token', 'restart']) {
    expect(byName[name]?.status, `${name} ${JSON.stringify(byName[name])}`).toBe(421);
    expect(byName[name]?.body, name).toContain('misdirected_request');
  }
  expect(JSON.stringify(byName)).not.toContain('cellar');

  const after = await stateOf(OPEN, openAuth);
  expect(after.tasks).toBe(before.tasks);
  // No token was set: a request with any token is still taken.
  const tasks = await fetch(`${OPEN}/midjourney/tasks`, {
    method: 'POST',
    headers: openAuth,
    body: '{"action":"retrieve_batch"}',
  });
  expect(tasks.status).toBe(200);
});
