import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { imagine, retrieveTask, retrieveTasks, type ImagineEvent } from './client';
import type { ClientConfig, Delivery } from './client-config';
import { GRID_ACTIONS, type ImagineRequest } from './contract';
import { newTraceId } from './trace-id';
import { isApiError, type ApiError } from './errors';
import { i18n } from '@lingui/core';
import { reasonOf } from './message';
import { say } from '../i18n/say';
import {
  GUIDE_GENERATE,
  GUIDE_STREAM_LINES,
  REFERENCE_ASYNC_ACCEPTED,
  REFERENCE_ASYNC_ACCEPTED_WITH_SUCCESS,
  REFERENCE_ERROR_FETCH_FAILED,
  REFERENCE_FAILURE_CALLBACK,
  REFERENCE_TASK_BATCH,
  REFERENCE_TASK_RETRIEVE,
} from './fixtures/guide-bodies';
import { startScriptedServer, writeChunks, type ScriptedServer } from './fixtures/scripted-server';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const TOKEN = 'sk-test-9f8e7d6c5b4a';
const PROMPT: ImagineRequest = { prompt: 'a beautiful cat --v 6', action: 'generate' };

let server: ScriptedServer;
let config: ClientConfig;
beforeAll(async () => {
  server = await startScriptedServer();
});
beforeEach(() => {
  server.requests.length = 0;
  config = { baseUrl: server.url };
});
afterAll(async () => {
  await server.close();
});

function reply(
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): void {
  res.writeHead(status, headers);
  res.end(body);
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

async function run(
  delivery: Delivery,
  request: ImagineRequest = PROMPT,
  cfg: ClientConfig = config,
  signal?: AbortSignal,
): Promise<{ events: ImagineEvent[]; error?: ApiError }> {
  const events: ImagineEvent[] = [];
  try {
    for await (const e of imagine(cfg, request, { delivery, ...(signal ? { signal } : {}) })) {
      events.push(e);
    }
  } catch (err) {
    if (!isApiError(err)) throw err;
    return { events, error: err };
  }
  return { events };
}

function sentBody(i = 0): Record<string, unknown> {
  return JSON.parse(server.requests[i]!.body) as Record<string, unknown>;
}

/** A stream line at `progress`, as the provider shapes intermediate lines. */
function line(progress: number, extra: Record<string, unknown> = {}): string {
  const base = JSON.parse(GUIDE_STREAM_LINES[0]) as Record<string, unknown>;
  return JSON.stringify({ ...base, progress, ...extra });
}

describe('imagine: what is sent', () => {
  it('wait: POSTs JSON with a fresh trace_id and no authorization without a token', async () => {
    server.script((_req, res) => reply(res, 200, GUIDE_GENERATE));
    const { events, error } = await run('wait');
    expect(error).toBeUndefined();

    const req = server.requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/midjourney/imagine');
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.headers.accept).toBe('application/json');
    expect(req.headers.authorization).toBeUndefined();
    const body = sentBody();
    expect(body.prompt).toBe(PROMPT.prompt);
    expect(body.action).toBe('generate');
    expect(body.trace_id).toMatch(UUID_V4);
    expect(body).not.toHaveProperty('async');

    expect(events).toEqual([
      { type: 'done', traceId: body.trace_id, response: JSON.parse(GUIDE_GENERATE) },
    ]);
  });

  it('sends the bearer token in a header only, keeps a given trace_id, ignores a trailing slash', async () => {
    server.script((_req, res) => reply(res, 200, GUIDE_GENERATE));
    const cfg = { baseUrl: `${server.url}/`, token: TOKEN };
    const { events } = await run('wait', { ...PROMPT, trace_id: 'trace-given-1' }, cfg);

    const req = server.requests[0]!;
    expect(req.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(req.url).toBe('/midjourney/imagine');
    expect(req.url).not.toContain(TOKEN);
    expect(req.body).not.toContain(TOKEN);
    expect(sentBody().trace_id).toBe('trace-given-1');
    expect(events[0]).toMatchObject({ type: 'done', traceId: 'trace-given-1' });
  });

  it('a blank token sends no authorization header', async () => {
    server.script((_req, res) => reply(res, 200, GUIDE_GENERATE));
    await run('wait', PROMPT, { ...config, token: '  ' });
    expect(server.requests[0]!.headers.authorization).toBeUndefined();
  });
});

describe('imagine: stream delivery', () => {
  it('yields each line as it arrives, then done on the final line', async () => {
    const gate = deferred();
    server.script(async (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      res.write(`${GUIDE_STREAM_LINES[0]}\n`);
      // Hold the rest back until the client has shown the first line: proves no buffering.
      await gate.promise;
      await writeChunks(res, [`${GUIDE_STREAM_LINES[1]}\n`, GUIDE_STREAM_LINES[2].slice(0, 50)]);
      res.end(`${GUIDE_STREAM_LINES[2].slice(50)}\n`);
    });

    const events: ImagineEvent[] = [];
    for await (const e of imagine(config, PROMPT, { delivery: 'stream' })) {
      events.push(e);
      if (events.length === 1) gate.resolve();
    }

    expect(server.requests[0]!.headers.accept).toBe('application/x-ndjson');
    const traceId = sentBody().trace_id;
    expect(events.map((e) => e.type)).toEqual(['progress', 'progress', 'done']);
    expect(events.map((e) => (e.type === 'accepted' ? null : e.response.progress))).toEqual([
      35, 75, 100,
    ]);
    expect(events.every((e) => e.traceId === traceId)).toBe(true);
    const done = events[2]!;
    expect(done.type === 'done' && done.response.actions).toEqual(GRID_ACTIONS);
  });

  it('treats a plain JSON reply to a stream request as one final body', async () => {
    server.script((_req, res) => reply(res, 200, GUIDE_GENERATE));
    const { events } = await run('stream');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'done',
      response: { task_id: '1bae3bec-3ac4-4180-a148-74ee6cb68b98' },
    });
  });

  it('reads NDJSON lines labelled as plain JSON', async () => {
    server.script((_req, res) => reply(res, 200, GUIDE_STREAM_LINES.join('\n') + '\n'));
    const { events, error } = await run('stream');
    expect(error).toBeUndefined();
    expect(events.map((e) => e.type)).toEqual(['progress', 'progress', 'done']);
  });

  it('reads NDJSON sent without any content-type', async () => {
    server.script((_req, res) => reply(res, 200, GUIDE_STREAM_LINES.join('\n'), {}));
    const { events } = await run('stream');
    expect(events.map((e) => e.type)).toEqual(['progress', 'progress', 'done']);
  });

  it('treats a bare {task_id} reply to a stream request as accepted', async () => {
    server.script((_req, res) => reply(res, 200, REFERENCE_ASYNC_ACCEPTED));
    const { events, error } = await run('stream');
    expect(error).toBeUndefined();
    expect(events).toEqual([
      {
        type: 'accepted',
        taskId: 'b8b7fdc2-628e-40dd-bc0c-671c3ddac9e9',
        traceId: sentBody().trace_id,
      },
    ]);
  });
});

describe('imagine: async and wait replies', () => {
  it.each([
    ['without success', REFERENCE_ASYNC_ACCEPTED, 'b8b7fdc2-628e-40dd-bc0c-671c3ddac9e9'],
    ['with success', REFERENCE_ASYNC_ACCEPTED_WITH_SUCCESS, '27a1128f-…'],
  ])('async sends async:true and yields accepted (%s)', async (_name, body, taskId) => {
    server.script((_req, res) => reply(res, 200, body));
    const { events } = await run('async');
    const sent = sentBody();
    expect(sent.async).toBe(true);
    expect(server.requests[0]!.headers.accept).toBe('application/json');
    expect(events).toEqual([{ type: 'accepted', taskId, traceId: sent.trace_id }]);
  });

  it('async answered with the finished image (server waited anyway) yields done', async () => {
    server.script((_req, res) => reply(res, 200, GUIDE_GENERATE));
    const { events } = await run('async');
    expect(events.map((e) => e.type)).toEqual(['done']);
  });

  it('wait answered with a bare {task_id} yields accepted', async () => {
    server.script((_req, res) => reply(res, 200, '{"task_id":"t-42"}'));
    const { events } = await run('wait');
    expect(events).toEqual([{ type: 'accepted', taskId: 't-42', traceId: sentBody().trace_id }]);
  });

  it('wait answered with an unfinished body reports progress, then a recoverable network error', async () => {
    server.script((_req, res) => reply(res, 200, line(50, { actions: [] })));
    const { events, error } = await run('wait');
    expect(events.map((e) => e.type)).toEqual(['progress']);
    expect(error?.kind).toBe('network');
    expect(error?.message).toBe('The stream ended at 50% before the image was finished');
    expect(error?.taskId).toBe('49589d2c-b6b3-4fbf-9f82-93068509c76f');
  });

  it('a 200 body with success:false is a task error with the provider words', async () => {
    server.script((_req, res) => reply(res, 200, REFERENCE_FAILURE_CALLBACK));
    const { events, error } = await run('wait');
    expect(events).toEqual([]);
    expect(error).toMatchObject({
      kind: 'task',
      code: 'bad_request',
      message: 'Unrecognized argument(s): `-c`, `x`',
      taskId: '7ba0feaf-d20b-4c22-a35a-31ec30fc7715',
      traceId: sentBody().trace_id,
    });
  });
});

const HTML_502 =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

describe('imagine: HTTP errors', () => {
  it.each<{
    name: string;
    status: number;
    body: string;
    headers?: Record<string, string>;
    expected: { message: string; code?: string; traceId?: string; retryAfterMs?: number };
  }>([
    {
      name: '400 no_token (no message)',
      status: 400,
      body: '{"error":{"code":"no_token"},"trace_id":"tr-400"}',
      expected: {
        code: 'no_token',
        message: 'No API token was sent (the authorization header is missing).',
        traceId: 'tr-400',
      },
    },
    {
      name: '401 invalid_token',
      status: 401,
      body: '{"error":{"code":"invalid_token","message":"The specified token is invalid or wrong."},"trace_id":"tr-401"}',
      expected: {
        code: 'invalid_token',
        message: 'The specified token is invalid or wrong.',
        traceId: 'tr-401',
      },
    },
    {
      name: '403 used_up',
      status: 403,
      body: '{"error":{"code":"used_up","message":"Your balance is not sufficient for current request, please buy more in Ace Data Cloud https://platform.acedata.cloud"}}',
      expected: {
        code: 'used_up',
        message:
          'Your balance is not sufficient for current request, please buy more in Ace Data Cloud https://platform.acedata.cloud',
      },
    },
    {
      name: '403 legacy {code, detail}',
      status: 403,
      body: '{"code":"used_up","detail":"Your balance is not sufficient for current request"}',
      expected: { code: 'used_up', message: 'Your balance is not sufficient for current request' },
    },
    {
      name: '429 with Retry-After',
      status: 429,
      headers: { 'content-type': 'application/json', 'retry-after': '7' },
      body: '{"error":{"code":"too_many_requests","message":"You have exceeded the rate limit."}}',
      expected: {
        code: 'too_many_requests',
        message: 'You have exceeded the rate limit.',
        retryAfterMs: 7000,
      },
    },
    {
      name: '500 api_error with success:false',
      status: 500,
      body: REFERENCE_ERROR_FETCH_FAILED,
      expected: {
        code: 'api_error',
        message: 'fetch failed',
        traceId: '2cf86e86-22a4-46e1-ac2f-032c0f2a4e89',
      },
    },
    {
      name: '504 timeout',
      status: 504,
      body: '{"error":{"code":"timeout","message":"Timeout to generate the image."}}',
      expected: { code: 'timeout', message: 'Timeout to generate the image.' },
    },
    {
      name: '502 HTML page from a proxy',
      status: 502,
      headers: { 'content-type': 'text/html' },
      body: HTML_502,
      expected: { message: 'HTTP 502 Bad Gateway from the server' },
    },
    {
      name: '503 empty body with an HTTP-date Retry-After',
      status: 503,
      headers: { 'retry-after': new Date(Date.now() + 3_600_000).toUTCString() },
      body: '',
      expected: { message: 'HTTP 503 Service Unavailable from the server' },
    },
  ])('$name', async ({ status, body, headers, expected }) => {
    server.script((_req, res) => reply(res, status, body, headers));
    for (const delivery of ['wait', 'stream'] as const) {
      server.requests.length = 0;
      const { events, error } = await run(delivery);
      expect(events).toEqual([]);
      const { message, ...details } = expected;
      expect(error).toMatchObject({ kind: 'http', status, ...details });
      // The provider's words as they came; a stand-in is the studio's, worded where shown.
      expect(say(reasonOf(error), i18n)).toBe(message);
      if (!('traceId' in expected)) expect(error?.traceId).toBe(sentBody().trace_id);
      if (!('code' in expected)) expect(error?.code).toBeUndefined();
      expect(error?.message).not.toMatch(/Unexpected token|JSON/);
      if (status === 503) {
        // An hour ahead, give or take the seconds the header's resolution drops.
        expect(error?.retryAfterMs).toBeGreaterThan(3_500_000);
        expect(error?.retryAfterMs).toBeLessThanOrEqual(3_600_000);
      }
    }
  });

  it('never repeats the token in an error message', async () => {
    server.script((req, res) =>
      reply(
        res,
        401,
        JSON.stringify({
          error: { code: 'invalid_token', message: `Token ${req.headers.authorization} is wrong` },
        }),
      ),
    );
    const { error } = await run('wait', PROMPT, { ...config, token: TOKEN });
    expect(error?.message).toBe('Token Bearer *** is wrong');
    expect(error?.code).toBe('invalid_token');
  });
});

describe('imagine: broken replies', () => {
  function streamReply(chunks: string[], cut = false) {
    server.script(async (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      await writeChunks(res, chunks);
      if (cut) res.destroy();
      else res.end();
    });
  }

  it('a malformed stream line is an invalid error naming the line', async () => {
    streamReply([`${line(35)}\n`, '{"progress": 40,\n', `${line(75)}\n`]);
    const { events, error } = await run('stream');
    expect(events.map((e) => e.type)).toEqual(['progress']);
    expect(error?.kind).toBe('invalid');
    expect(error?.message).toBe('Line 2 of the stream is not valid JSON: {"progress": 40,');
  });

  it('a stream line off the schema is an invalid error', async () => {
    streamReply([`${line(35)}\n`, '{"progress":"half","actions":[]}\n']);
    const { events, error } = await run('stream');
    expect(events).toHaveLength(1);
    expect(error?.kind).toBe('invalid');
    expect(error?.reason).toMatchObject({
      code: 'api.mismatch',
      params: { what: { code: 'api.stream-line', params: { line: 2 } } },
    });
    expect(say(error?.reason, i18n)).toMatch(
      /^Stream line 2 does not match the contract \(progress: /,
    );
  });

  it('a success:false line in a 200 stream is a task error', async () => {
    const failure = JSON.stringify({
      ...(JSON.parse(REFERENCE_FAILURE_CALLBACK) as object),
      trace_id: 'provider-trace-7',
    });
    streamReply([`${line(35)}\n`, `${failure}\n`]);
    const { events, error } = await run('stream');
    expect(events.map((e) => e.type)).toEqual(['progress']);
    expect(error).toMatchObject({
      kind: 'task',
      code: 'bad_request',
      message: 'Unrecognized argument(s): `-c`, `x`',
      traceId: 'provider-trace-7',
      taskId: '7ba0feaf-d20b-4c22-a35a-31ec30fc7715',
    });
  });

  it('a stream cut by the server mid-line is a network error saying how far it got', async () => {
    streamReply([`${line(35)}\n`, `${line(42)}\n`, '{"image_url":"https://'], true);
    const { events, error } = await run('stream');
    expect(events.map((e) => e.type)).toEqual(['progress', 'progress']);
    expect(error?.kind).toBe('network');
    expect(error?.message).toBe('The stream was cut off at 42% before the image was finished');
    expect(error?.traceId).toBe(sentBody().trace_id);
    expect(error?.taskId).toBe('49589d2c-b6b3-4fbf-9f82-93068509c76f');
  });

  it('a stream that ends cleanly without a final line is a network error', async () => {
    streamReply([`${line(35)}\n`, `${line(42)}\n`]);
    const { error } = await run('stream');
    expect(error?.kind).toBe('network');
    expect(error?.message).toBe('The stream ended at 42% before the image was finished');
  });

  it('a body off the schema is invalid, not a crash', async () => {
    server.script((_req, res) => reply(res, 200, '{"image_url":"x","actions":"upscale1"}'));
    const { error } = await run('wait');
    expect(error?.kind).toBe('invalid');
    expect(error?.reason).toMatchObject({ code: 'api.mismatch' });
    expect(say(error?.reason, i18n)).toMatch(/^The reply does not match the contract \(actions: /);
  });

  it('a 200 body that is not JSON is invalid', async () => {
    server.script((_req, res) =>
      reply(res, 200, '<html>maintenance</html>', { 'content-type': 'text/html' }),
    );
    const { error } = await run('wait');
    expect(error?.kind).toBe('invalid');
    expect(error?.message).toBe("The server's reply is not JSON: <html>maintenance</html>");
  });

  it('an unreachable server is a network error', async () => {
    const gone = await startScriptedServer();
    await gone.close();
    const { error } = await run('wait', PROMPT, { baseUrl: gone.url, token: TOKEN });
    expect(error?.kind).toBe('network');
    expect(error?.message).toMatch(/^Could not reach the server: fetch failed/);
    expect(error?.message).not.toContain(TOKEN);
  });
});

describe('imagine: abort', () => {
  it('aborting while waiting for the reply rejects with aborted and hangs up', async () => {
    const arrived = deferred();
    server.script(() => arrived.resolve()); // never answers
    const ctrl = new AbortController();
    const pending = run('wait', PROMPT, config, ctrl.signal);
    await arrived.promise;
    ctrl.abort();
    const { events, error } = await pending;
    expect(events).toEqual([]);
    expect(error?.kind).toBe('aborted');
    expect(await server.closed()).toEqual({ early: true });
  });

  it('aborting mid-stream rejects with aborted and hangs up', async () => {
    server.script((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      res.write(`${line(35)}\n`);
    });
    const ctrl = new AbortController();
    const events: ImagineEvent[] = [];
    let error: unknown;
    try {
      for await (const e of imagine(config, PROMPT, { delivery: 'stream', signal: ctrl.signal })) {
        events.push(e);
        ctrl.abort();
      }
    } catch (err) {
      error = err;
    }
    expect(events.map((e) => e.type)).toEqual(['progress']);
    expect(error).toMatchObject({ name: 'ApiError', kind: 'aborted' });
    expect(await server.closed()).toEqual({ early: true });
  });

  it('an already-aborted signal sends nothing', async () => {
    server.script((_req, res) => reply(res, 200, GUIDE_GENERATE));
    const { error } = await run('wait', PROMPT, config, AbortSignal.abort());
    expect(error?.kind).toBe('aborted');
    expect(server.requests).toHaveLength(0);
  });

  it('stopping iteration early hangs up the stream', async () => {
    server.script((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      res.write(`${line(35)}\n`);
    });
    for await (const e of imagine(config, PROMPT, { delivery: 'stream' })) {
      expect(e.type).toBe('progress');
      break;
    }
    expect(await server.closed()).toEqual({ early: true });
  });
});

describe('tasks', () => {
  it('retrieveTask by id POSTs {action:retrieve,id} and returns the task', async () => {
    server.script((_req, res) => reply(res, 200, REFERENCE_TASK_RETRIEVE));
    const task = await retrieveTask(
      { ...config, token: TOKEN },
      { id: '7489df4c-ef03-4de0-b598-e9a590793434' },
    );
    const req = server.requests[0]!;
    expect(req.url).toBe('/midjourney/tasks');
    expect(req.headers.accept).toBe('application/json');
    expect(req.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(sentBody()).toEqual({ action: 'retrieve', id: '7489df4c-ef03-4de0-b598-e9a590793434' });
    expect(task?.id).toBe('7489df4c-ef03-4de0-b598-e9a590793434');
    expect(task?.response?.progress).toBe(100);
  });

  it('retrieveTask by trace id sends trace_id', async () => {
    server.script((_req, res) => reply(res, 200, REFERENCE_TASK_RETRIEVE));
    await retrieveTask(config, { trace_id: 'tr-1' });
    expect(sentBody()).toEqual({ action: 'retrieve', trace_id: 'tr-1' });
  });

  it.each([
    ['404', 404, '{"error":{"code":"not_found","message":"task not found"}}'],
    ['200 empty body', 200, ''],
    ['200 {}', 200, '{}'],
    ['200 null', 200, 'null'],
    ['200 without id', 200, '{"trace_id":"tr-1"}'],
  ])('retrieveTask returns null for an unknown task (%s)', async (_name, status, body) => {
    server.script((_req, res) => reply(res, status, body));
    expect(await retrieveTask(config, { id: 'nope' })).toBeNull();
  });

  it.each([
    ['404 no_api (wrong base URL)', 404, '{"error":{"code":"no_api"}}', 'http'],
    [
      '401',
      401,
      '{"error":{"code":"invalid_token","message":"The specified token is invalid or wrong."}}',
      'http',
    ],
    ['200 error body', 200, REFERENCE_ERROR_FETCH_FAILED, 'http'],
    ['200 task with a numeric id', 200, '{"id":5}', 'invalid'],
    ['200 not JSON', 200, 'oops', 'invalid'],
  ])('retrieveTask throws for %s', async (_name, status, body, kind) => {
    server.script((_req, res) => reply(res, status, body));
    await expect(retrieveTask(config, { id: 'x' })).rejects.toMatchObject({
      name: 'ApiError',
      kind,
    });
  });

  it('retrieveTasks sends only the given fields and returns the batch', async () => {
    server.script((_req, res) => reply(res, 200, REFERENCE_TASK_BATCH));
    const batch = await retrieveTasks(config, { ids: ['a', 'b'], limit: 2 });
    expect(sentBody()).toEqual({ action: 'retrieve_batch', ids: ['a', 'b'], limit: 2 });
    expect(batch.count).toBe(2);
    expect(batch.items).toHaveLength(2);
  });

  it('retrieveTasks with trace ids and paging', async () => {
    server.script((_req, res) => reply(res, 200, '{"items":[],"count":0}'));
    const batch = await retrieveTasks(config, { trace_ids: ['t1'], offset: 12, limit: 12 });
    expect(sentBody()).toEqual({
      action: 'retrieve_batch',
      trace_ids: ['t1'],
      offset: 12,
      limit: 12,
    });
    expect(batch).toEqual({ items: [], count: 0 });
  });

  it('retrieveTasks rejects a malformed batch and passes HTTP errors through', async () => {
    server.script((_req, res) => reply(res, 200, '{"items":"none"}'));
    await expect(retrieveTasks(config, {})).rejects.toMatchObject({ kind: 'invalid' });
    server.script((_req, res) =>
      reply(res, 429, '{"error":{"code":"too_many_requests"}}', { 'retry-after': '2' }),
    );
    await expect(retrieveTasks(config, {})).rejects.toMatchObject({
      kind: 'http',
      status: 429,
      code: 'too_many_requests',
      retryAfterMs: 2000,
    });
  });

  it('a task lookup can be aborted', async () => {
    server.script(() => {}); // never answers
    const ctrl = new AbortController();
    const pending = retrieveTask(config, { id: 'x' }, ctrl.signal);
    ctrl.abort();
    await expect(pending).rejects.toMatchObject({ kind: 'aborted' });
  });
});

describe('newTraceId', () => {
  it('returns distinct UUID v4s', () => {
    const ids = new Set(Array.from({ length: 50 }, newTraceId));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(UUID_V4);
  });

  it('still returns UUID v4s where randomUUID is missing (plain-http pages)', () => {
    const original = Object.getOwnPropertyDescriptor(crypto, 'randomUUID');
    const proto = Object.getPrototypeOf(crypto) as object;
    const protoDesc = Object.getOwnPropertyDescriptor(proto, 'randomUUID');
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      expect(newTraceId()).toMatch(UUID_V4);
      expect(newTraceId()).not.toBe(newTraceId());
    } finally {
      if (original) Object.defineProperty(crypto, 'randomUUID', original);
      else delete (crypto as { randomUUID?: unknown }).randomUUID;
    }
    expect(Object.getOwnPropertyDescriptor(proto, 'randomUUID')).toEqual(protoDesc);
    expect(crypto.randomUUID()).toMatch(UUID_V4);
  });
});
