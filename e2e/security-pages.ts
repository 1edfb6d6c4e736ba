/**
 * The pages `security.spec.ts` has Chromium open: web pages of other origins (or of a rebound
 * name) that try to drive the local engine. Each runs its requests on load, writes what it could
 * read into `#out` and sets its title to "done".
 */

/** The foreign page: it runs its fetches on load and writes what it could read into `#out`. */
export function attackPage(engineUrl: string): string {
  return `<!doctype html><meta charset="utf-8"><title>Some other site</title>
<iframe name="sink" title="sink"></iframe>
<form id="f-token" method="POST" enctype="text/plain" target="sink" action="${engineUrl}/__engine/token"><input name='{"token":null,"x":"' value='"}'></form>
<form id="f-restart" method="POST" enctype="text/plain" target="sink" action="${engineUrl}/__engine/restart"><input name='{"x":"' value='"}'></form>
<form id="f-faults" method="POST" target="sink" action="${engineUrl}/__engine/faults"><input name="type" value="http"></form>
<form id="f-upload" method="POST" enctype="multipart/form-data" target="sink" action="${engineUrl}/__engine/uploads"><input name="picture" value="GIF89a"></form>
<pre id="out"></pre>
<script>
const engine = ${JSON.stringify(engineUrl)};
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
}

/**
 * A page of another origin asking the engine to fetch from, or post to, itself: callbacks, an
 * image prompt, the images of edits, videos and describe, all naming the engine's own API.
 * Last, a callback to `bounce`, a webhook elsewhere that answers each POST with a 307 to admin.
 */
export function selfCallPage(engine: string, bounce: string): string {
  const port = new URL(engine).port;
  return `<!doctype html><meta charset="utf-8"><title>Yet another site</title>
<pre id="out"></pre>
<script>
const engine = ${JSON.stringify(engine)};
async function post(name, path, body, accept) {
  try {
    const res = await fetch(engine + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer anything', accept: accept || 'application/json' },
      body: JSON.stringify(body),
    });
    return { name, status: res.status, body: await res.text() };
  } catch (e) {
    return { name, error: String(e && e.name) };
  }
}
const admin = engine + '/__engine/restart';
(async () => {
  const results = [
    await post('callback', '/midjourney/imagine', { prompt: 'a harbour --seed 1', callback_url: admin }),
    await post('callback, localhost', '/midjourney/imagine', { prompt: 'a harbour --seed 1', callback_url: 'http://localhost:${port}/__engine/restart' }),
    await post('callback, 127.1, async', '/midjourney/imagine', { prompt: 'a harbour --seed 1', async: true, callback_url: 'http://127.1:${port}/__engine/token' }),
    await post('image prompt', '/midjourney/imagine', { prompt: engine + '/__engine/state a harbour' }),
    await post('blend', '/midjourney/imagine', { prompt: 'https://img.example/a.png ' + engine + '/__engine/state' }),
    await post('edits', '/midjourney/edits', { image_url: engine + '/__engine/state', prompt: 'a harbour' }),
    await post('edits callback', '/midjourney/edits', { image_url: 'https://img.example/a.png', prompt: 'a harbour', callback_url: admin }),
    await post('videos', '/midjourney/videos', { image_url: engine + '/__engine/state' }),
    await post('videos end frame', '/midjourney/videos', { image_url: 'https://img.example/a.png', end_image_url: engine + '/__engine/state' }),
    await post('videos callback', '/midjourney/videos', { image_url: 'https://img.example/a.png', callback_url: admin }),
    await post('describe', '/midjourney/describe', { image_url: engine + '/__engine/state' }),
    await post('bounce', '/midjourney/imagine', { prompt: 'a harbour --seed 2', callback_url: ${JSON.stringify(bounce)} }, 'application/x-ndjson'),
  ];
  document.getElementById('out').textContent = JSON.stringify(results);
  document.title = 'done';
})();
</script>`;
}

/**
 * The attacker's page as its own server sent it, before its name was pointed at this machine:
 * from then on its same-origin requests reach the engine, with any header a page may set.
 */
export const REBIND_PAGE = `<!doctype html><meta charset="utf-8"><title>Rebound site</title>
<pre id="out"></pre>
<script>
async function attempt(name, path, init) {
  try {
    const res = await fetch(path, init);
    return { name, status: res.status, body: await res.text() };
  } catch (e) {
    return { name, error: String(e && e.name) };
  }
}
const admin = { 'content-type': 'application/json', 'x-engine-admin': '1' };
(async () => {
  const results = [
    await attempt('tasks', '/midjourney/tasks', { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer anything' }, body: '{"action":"retrieve_batch"}' }),
    await attempt('state', '/__engine/state', { headers: admin }),
    await attempt('token', '/__engine/token', { method: 'POST', headers: admin, body: '{"token":"attacker"}' }),
    await attempt('restart', '/__engine/restart', { method: 'POST', headers: admin, body: '{}' }),
  ];
  document.getElementById('out').textContent = JSON.stringify(results);
  document.title = 'done';
})();
</script>`;
