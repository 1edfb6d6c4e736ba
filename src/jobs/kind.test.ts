import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { imagineKind } from '../kinds/imagine/imagine-kind';
import type { JobKind } from './kind';
import { createKindRegistry } from './kind';
import { rebuildRequest } from './rebuild-request';
import { callEndpoint } from '../api/endpoints-client';
import { testRunners } from './fixtures/test-runner';
import { waitForJob as waitFor } from './fixtures/wait-for-job';
import { jobKinds } from '../kinds/registry';

// The kinds read answers and requests with the job schemas, which the runner loads first.
beforeAll(() => jobKinds().loadAll());

const TOKEN = 'sk-kinds-SECRET-4411';

/** A shorten-like kind, made here only: wait-only, no task records, answers a list of prompts. */
const shortenAnswer = z.looseObject({ prompts: z.array(z.string()) });
const testShorten: JobKind = {
  name: 'test-shorten',
  endpoint: '/midjourney/shorten',
  requestSchema: () => z.looseObject({ prompt: z.string() }),
  deliveries: ['wait'],
  tasks: false,
  transportFields: ['trace_id'],
  defaults: () => ({}),
  toBody: (request) => ({ prompt: request.prompt }),
  load: async () => {},
  async *send(client, body, { signal }) {
    const path = '/midjourney/shorten';
    yield {
      type: 'done',
      response: await callEndpoint(client, path, body, shortenAnswer, 'prompts', signal),
    };
  },
  progressOf: () => ({}),
  settle: (response) => {
    const parsed = shortenAnswer.safeParse(response);
    return parsed.success
      ? { ok: true, result: { actions: [], data: { prompts: parsed.data.prompts } } }
      : { ok: false, error: { kind: 'invalid', message: 'No prompts in the answer.' } };
  },
  imagesOf: () => [],
};

const runners = testRunners('kinds');

async function setUp() {
  const server = await runners.fake();
  const tab = runners.openTab(server, {
    token: TOKEN,
    kinds: createKindRegistry([imagineKind, testShorten], 'imagine'),
  });
  return { server, ...tab };
}

describe('job kinds', () => {
  it('a kind registered from outside runs through the real runner: wait-only, its own endpoint and result', async () => {
    const { server, store, runner, persistence } = await setUp();
    const prompts = ['misty lake at dawn --ar 16:9', 'mountain lake sunrise --ar 16:9'];
    server.onPost = (path) =>
      path === '/midjourney/shorten' ? { status: 200, body: { prompts } } : undefined;
    // Stream is the setting; the kind only waits, so it is sent with wait.
    const id = runner.submit(
      { prompt: 'a serene mountain lake at sunrise --ar 16:9' },
      { kind: 'test-shorten' },
    );
    const job = await waitFor(store, id, (j) => j.status === 'done');

    expect(job).toMatchObject({ kind: 'test-shorten', delivery: 'wait', progress: 100 });
    expect(job.result?.data).toEqual({ prompts });
    const calls = server.requests.filter((r) => r.method === 'POST');
    expect(calls.map((r) => r.path)).toEqual(['/midjourney/shorten']);
    expect(calls[0]!.body).toEqual({ prompt: 'a serene mountain lake at sunrise --ar 16:9' });
    expect(calls[0]!.headers.accept).toBe('application/json');
    expect(calls[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    const stored = await persistence.getJob(id);
    expect(stored?.result?.data).toEqual({ prompts });
    expect(JSON.stringify(stored)).not.toContain(TOKEN);
  });

  it('the kind’s errors keep the provider’s words; a lost answer is not looked up in tasks', async () => {
    const { server, store, runner } = await setUp();
    server.onPost = () => ({
      status: 400,
      body: { error: { code: 'token_mismatched', message: 'Token does not match.' } },
    });
    const id = runner.submit({ prompt: 'x' }, { kind: 'test-shorten' });
    const job = await waitFor(store, id, (j) => j.status === 'failed');
    expect(job.error).toMatchObject({
      kind: 'http',
      status: 400,
      code: 'token_mismatched',
      message: 'Token does not match.',
    });

    server.onPost = () => ({ status: 200, body: { nothing: true } });
    const bad = runner.submit({ prompt: 'y' }, { kind: 'test-shorten' });
    expect((await waitFor(store, bad, (j) => j.status === 'failed')).error?.kind).toBe('invalid');
    expect(server.requests.some((r) => r.path === '/midjourney/tasks')).toBe(false);
  });

  it('submitting a kind the runner does not know says so', async () => {
    const { runner } = await setUp();
    expect(() => runner.submit({ prompt: 'x' }, { kind: 'videos' })).toThrow(
      /Unknown kind of job: videos/,
    );
  });

  it('a registry looks a job without a kind up as its fallback', () => {
    const kinds = createKindRegistry([imagineKind, testShorten], 'imagine');
    expect(kinds.names()).toEqual(['imagine', 'test-shorten']);
    expect(kinds.of({})).toBe(imagineKind);
    expect(kinds.of({ kind: 'test-shorten' })).toBe(testShorten);
    expect(kinds.of({ kind: 'teleport' })).toBeUndefined();
  });
});

describe('rebuildRequest', () => {
  it('drops transport fields silently, and unknown, invalid or token-like fields with a report', () => {
    const { request, dropped } = rebuildRequest(imagineKind, {
      prompt: 'a cat',
      action: 'upscale1',
      image_id: 'img-1',
      mode: 'turbo',
      callback_url: 'https://attacker.example',
      async: true,
      trace_id: 'old',
      api_key: 'sk-1',
      hd: 'yes',
      extra: { a: 1 },
    });
    expect(request).toEqual({ prompt: 'a cat', action: 'upscale1', image_id: 'img-1' });
    expect(dropped.sort()).toEqual(['api_key', 'extra', 'hd']);
  });

  it('an import asks for transport fields to be reported as dropped too; Retry does not', () => {
    const stored = {
      prompt: 'a cat',
      mode: 'turbo',
      callback_url: 'https://x.example',
      async: true,
    };
    expect(rebuildRequest(imagineKind, stored, { reportTransport: true })).toEqual({
      request: { prompt: 'a cat' },
      dropped: ['mode', 'callback_url', 'async'],
    });
    expect(rebuildRequest(imagineKind, stored).dropped).toEqual([]);
  });

  it('a stored request that is not an object rebuilds to nothing', () => {
    expect(rebuildRequest(imagineKind, 'prompt')).toEqual({ request: {}, dropped: [] });
  });
});
