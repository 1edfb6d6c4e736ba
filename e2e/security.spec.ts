import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { test, expect } from '@playwright/test';
import { e2ePort } from './ports';

/**
 * A web page of another origin — any site the person happens to visit while the engine runs —
 * tries to drive the engine from real Chromium: change its token, restart it, arm faults (with
 * `text/plain` simple POSTs that need no preflight, with JSON, and with HTML forms), and read its
 * tasks. Checked twice: by what the page itself could read, and by the engine's state afterwards.
 * A standalone engine of its own (not the suite's shared one) with a token set.
 */

const ENGINE_PORT = e2ePort(2);
const FOREIGN_PORT = e2ePort(3);
const CDN_PORT = e2ePort(4);
const ENGINE = `http://127.0.0.1:${ENGINE_PORT}`;
const FOREIGN = `http://127.0.0.1:${FOREIGN_PORT}`;
const TOKEN = 'security-e2e-engine-token-51c2';
const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };

/** The foreign page: it runs its fetches on load and writes what it could read into `#out`. */
const ATTACK_PAGE = `<!doctype html><meta charset="utf-8"><title>Some other site</title>
<iframe name="sink" title="sink"></iframe>
<form id="f-token" method="POST" enctype="text/plain" target="sink" action="${ENGINE}/__engine/token"><input name='{"token":null,"x":"' value='"}'></form>
<form id="f-restart" method="POST" enctype="text/plain" target="sink" action="${ENGINE}/__engine/restart"><input name='{"x":"' value='"}'></form>
<form id="f-faults" method="POST" target="sink" action="${ENGINE}/__engine/faults"><input name="type" value="http"></form>
<form id="f-upload" method="POST" enctype="multipart/form-data" target="sink" action="${ENGINE}/__engine/uploads"><input name="picture" value="GIF89a"></form>
<pre id="out"></pre>
<script>
const engine = ${JSON.stringify(ENGINE)};
async function attempt(name, path, init) {
  try {
    const res = await fetch(engine + path, init);
    let body = '';
    try { body = await res.text(); } catch (e) { body = 'unreadable'; }
    return { name, type: res.type, status: res.status, body };
  } catch (e) {
    return { name, error: String(e && e.name) };
  }
}
const simple = (body) => ({ method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body });
const cors = (body, type) => ({ method: 'POST', headers: { 'content-type': type }, body });
// A real 1×1 GIF: refused for where it comes from, not for what it is.
const gif = Uint8Array.from(atob('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7'), (c) => c.charCodeAt(0));
(async () => {
  const results = [
    await attempt('token off, text/plain', '/__engine/token', simple('{"token":null}')),
    await attempt('new token, text/plain', '/__engine/token', simple('{"token":"attacker"}')),
    await attempt('restart, text/plain', '/__engine/restart', simple('{}')),
    await attempt('faults, text/plain', '/__engine/faults', simple('{"type":"http","status":500,"count":9}')),
    await attempt('token off, json', '/__engine/token', cors('{"token":null}', 'application/json')),
    await attempt('restart, json', '/__engine/restart', cors('{}', 'application/json')),
    await attempt('state', '/__engine/state', { method: 'GET' }),
    await attempt('upload, text/plain', '/__engine/uploads', simple(gif)),
    await attempt('upload, image/gif', '/__engine/uploads', cors(gif, 'image/gif')),
    await attempt('tasks, cors', '/midjourney/tasks', cors('{"action":"retrieve_batch"}', 'application/json')),
    await attempt('tasks, text/plain', '/midjourney/tasks', cors('{"action":"retrieve_batch"}', 'text/plain')),
  ];
  for (const id of ['f-token', 'f-restart', 'f-faults', 'f-upload']) {
    const loaded = new Promise((r) => document.querySelector('iframe').addEventListener('load', r, { once: true }));
    document.getElementById(id).submit();
    await Promise.race([loaded, new Promise((r) => setTimeout(r, 3000))]);
  }
  document.getElementById('out').textContent = JSON.stringify(results);
  document.title = 'done';
})();
</script>`;

let engine: ChildProcess | undefined;
let foreign: Server | undefined;

async function engineState(): Promise<{ tasks: number; files: number; faults: unknown[] }> {
  const res = await fetch(`${ENGINE}/__engine/state`, { headers: auth });
  expect(res.status).toBe(200);
  return (await res.json()) as { tasks: number; files: number; faults: unknown[] };
}

test.beforeAll(async () => {
  engine = spawn(
    'npx',
    [
      'tsx',
      'server/cli.ts',
      '--port',
      String(ENGINE_PORT),
      '--cdn-port',
      String(CDN_PORT),
      '--pace',
      '5',
      '--token',
      TOKEN,
    ],
    { detached: true, stdio: 'ignore' },
  );
  foreign = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(ATTACK_PAGE);
  });
  await new Promise<void>((resolve) => foreign!.listen(FOREIGN_PORT, '127.0.0.1', resolve));
  await expect
    .poll(
      () =>
        fetch(`${ENGINE}/__engine/state`, { headers: auth }).then(
          (r) => r.status,
          () => 0,
        ),
      {
        timeout: 30_000,
      },
    )
    .toBe(200);
});

test.afterAll(async () => {
  if (engine?.pid) process.kill(-engine.pid, 'SIGTERM');
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
    headers: { authorization: 'Bearer attacker' },
  });
  expect(attacker.status).toBe(401);
});
