import { describe, expect, it } from 'vitest';
import { MAX_PROMPT_CHARS } from '../../src/api/prompt-syntax';
import { engineWorld } from '../endpoints/fixtures/engine-world';
import { call, callJson, imagineWait, type Json } from '../endpoints/fixtures/engine-test-kit';

describe("the prompt's length", () => {
  const world = engineWorld();

  it('a 200,000-character prompt is refused with the limit in words', async () => {
    const res = await callJson(world.engine, '/midjourney/imagine', {
      prompt: 'a'.repeat(200_000),
    });
    expect(res.status).toBe(400);
    expect(String((res.body.error as Json).message)).toMatch(
      /200000 characters long; the limit is 6000/,
    );
  });

  // The studio's prompt check holds back from the same shared figure (src/prompt/lint.test.ts).
  it('takes a prompt of exactly the shared limit and refuses one character more', async () => {
    const at = 'a'.repeat(MAX_PROMPT_CHARS);
    const over = `${at}a`;
    expect((await imagineWait(world.engine, { prompt: at })).image_id).toBeTruthy();
    expect((await callJson(world.engine, '/midjourney/imagine', { prompt: over })).status).toBe(
      400,
    );
  });
});

describe('every sibling endpoint', () => {
  const world = engineWorld({ token: 'test-token' });

  it.each(['describe', 'seed', 'translate', 'shorten'])(
    '%s: no token → 400 no_token, a wrong one → 401 invalid_token',
    async (api) => {
      const none = await callJson(world.engine, `/midjourney/${api}`, {}, { token: null });
      expect([none.status, (none.body.error as Json).code]).toEqual([400, 'no_token']);
      const wrong = await callJson(world.engine, `/midjourney/${api}`, {}, { token: 'nope' });
      expect([wrong.status, (wrong.body.error as Json).code]).toEqual([401, 'invalid_token']);
    },
  );

  it.each([
    ['describe', 'image_url'],
    ['seed', 'image_id'],
    ['translate', 'content'],
    ['shorten', 'prompt'],
  ])('%s without %s → 400 bad_request naming the field', async (api, field) => {
    const res = await callJson(world.engine, `/midjourney/${api}`, { [field]: null });
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({ code: 'bad_request', message: `${field} is required` });
    const bad = await call(world.engine, `/midjourney/${api}`, undefined, { raw: '{nope' });
    expect(bad.status).toBe(400);
  });

  it('an injected HTTP error answers instead (no stream, so only errors apply)', async () => {
    await callJson(
      world.engine,
      '/__engine/faults',
      { status: 429, count: 1 },
      { token: 'test-token' },
    );
    const res = await callJson(world.engine, '/midjourney/translate', { content: '猫' });
    expect([res.status, (res.body.error as Json).code]).toEqual([429, 'too_many_requests']);
    const after = await callJson(world.engine, '/midjourney/translate', { content: '猫' });
    expect(after.status).toBe(200);
  });
});

// Every route's refusals, word for word: one opening serves them all, so none may change.
describe('the words of every refusal', () => {
  const world = engineWorld();

  const long = 'a'.repeat(MAX_PROMPT_CHARS + 1);
  const far = 'https://img.example/a.png';
  it.each([
    [
      'imagine',
      { prompt: 'a bay', callback_url: 'ftp://x' },
      'callback_url must be an http(s) URL',
    ],
    [
      'edits',
      { image_url: far, prompt: 'a bay', callback_url: 'x' },
      'callback_url must be an http(s) URL',
    ],
    ['videos', { image_url: far, callback_url: 'x' }, 'callback_url must be an http(s) URL'],
    [
      'imagine',
      { prompt: long },
      `The prompt is 6001 characters long; the limit is 6000. Shorten it.`,
    ],
    [
      'edits',
      { image_url: far, prompt: long },
      `The prompt is 6001 characters long; the limit is 6000. Shorten it.`,
    ],
    [
      'videos',
      { image_url: far, prompt: long },
      `The prompt is 6001 characters long; the limit is 6000. Shorten it.`,
    ],
    ['shorten', { prompt: long }, `prompt is 6001 characters long; the limit is 6000. Shorten it.`],
    [
      'translate',
      { content: long },
      `content is 6001 characters long; the limit is 6000. Shorten it.`,
    ],
    ['imagine', { prompt: 'a bay', mode: 'slow' }, 'mode must be one of fast, relax, turbo'],
    ['imagine', { prompt: 7 }, 'Invalid `prompt`: Invalid input: expected string, received number'],
    ['edits', { prompt: 'a bay' }, 'image_url is required'],
    [
      'describe',
      { image_url: 7 },
      'Invalid `image_url`: Invalid input: expected string, received number',
    ],
  ])('%s %j → %s', async (name, body, message) => {
    const res = await callJson(world.engine, `/midjourney/${name}`, { ...body, trace_id: 'mine' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      success: false,
      error: { code: 'bad_request', message },
      trace_id: 'mine',
    });
  });

  it('a body that is not a JSON object is refused in the provider words, with the header trace', async () => {
    const res = await call(world.engine, '/midjourney/edits', undefined, {
      raw: '[1]',
      headers: { 'x-trace-id': 'head' },
    });
    expect(await res.json()).toEqual({
      success: false,
      error: { code: 'bad_request', message: 'The json payload is not valid to request the API' },
      trace_id: 'head',
    });
  });
});
