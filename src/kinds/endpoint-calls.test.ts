import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { imagine, type ImagineEvent } from '../api/client';
import type { ClientConfig } from '../api/client-config';
import { callEndpoint } from '../api/endpoints-client';
import { isApiError, type ApiError } from '../api/errors';
import {
  DESCRIBE_FAILED_NEXIOR,
  DESCRIBE_REQUEST,
  DESCRIBE_SUCCESS,
  EDITS_ACCEPTED,
  EDITS_SUCCESS,
  GENERIC_ERROR,
  SEED_REQUEST,
  SEED_SUCCESS,
  SHORTEN_REQUEST,
  SHORTEN_SUCCESS,
  TRANSLATE_REQUEST,
  TRANSLATE_SUCCESS_GUIDE,
  TRANSLATE_SUCCESS_SPEC,
} from '../api/fixtures/endpoint-bodies';
import { startScriptedServer, type ScriptedServer } from '../api/fixtures/scripted-server';
import { descriptionsOf, describeKind } from './describe/describe-kind';
import { PATH as DESCRIBE_PATH, describeResponseSchema } from './describe/describe-contract';
import { PATH as EDITS_PATH } from './edits/edits-contract';
import { getSeed } from './seed/seed-call';
import { shortenPrompt } from './shorten/shorten-call';
import { translateText } from './translate/translate-call';
import { jobKinds } from './registry';

/** What the describe kind makes of an answer: the one-shot call, then its `settle`. */
async function describeImage(config: ClientConfig, imageUrl: string): Promise<string[]> {
  const body = { image_url: imageUrl };
  const r = await callEndpoint(config, DESCRIBE_PATH, body, describeResponseSchema, 'descriptions');
  const settled = describeKind.settle(r);
  return settled.ok ? descriptionsOf(settled.result.data) : [];
}

const TOKEN = 'sk-endpoints-7e6d5c4b';
let server: ScriptedServer;
let config: ClientConfig;
beforeAll(async () => {
  await jobKinds().loadAll();
  server = await startScriptedServer();
});
beforeEach(() => {
  server.requests.length = 0;
  config = { baseUrl: server.url, token: TOKEN };
});
afterAll(async () => {
  await server.close();
});

function reply(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(body);
}

async function failure(p: Promise<unknown>): Promise<ApiError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isApiError(err)) throw new Error(`expected an ApiError, got ${String(err)}`);
  return err;
}

function lastSent() {
  const r = server.requests.at(-1)!;
  return { path: r.url, body: JSON.parse(r.body) as unknown, headers: r.headers };
}

describe('describe', () => {
  it('sends exactly {image_url} with the token in the header and reads the spec’s four prompts', async () => {
    server.script((_req, res) => reply(res, 200, DESCRIBE_SUCCESS));
    const url = (JSON.parse(DESCRIBE_REQUEST) as { image_url: string }).image_url;
    const prompts = await describeImage(config, url);
    expect(prompts).toHaveLength(4);
    expect(prompts.every((p) => p.endsWith(' --ar 75:3'))).toBe(true);
    const sent = lastSent();
    expect(sent.path).toBe('/midjourney/describe');
    expect(sent.body).toEqual(JSON.parse(DESCRIBE_REQUEST));
    expect(sent.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(sent.headers.accept).toBe('application/json');
  });

  it('UNCERTAIN: with or without success/task_id, and with empty entries (Nexior skips them)', async () => {
    server.script((_req, res) =>
      reply(
        res,
        200,
        JSON.stringify({
          success: true,
          task_id: 't-1',
          descriptions: ['a --ar 1:1', '', 'b --ar 1:1'],
        }),
      ),
    );
    expect(await describeImage(config, 'https://x.test/a.png')).toEqual([
      'a --ar 1:1',
      'b --ar 1:1',
    ]);
  });

  it('UNCERTAIN: a failed describe with or without success:false is an error with its own words', async () => {
    server.script((_req, res) => reply(res, 200, DESCRIBE_FAILED_NEXIOR));
    const nexior = await failure(describeImage(config, 'https://x.test/a.png'));
    expect(nexior).toMatchObject({ kind: 'task', message: 'Describe failed' });

    server.script((_req, res) => reply(res, 500, GENERIC_ERROR));
    const generic = await failure(describeImage(config, 'https://x.test/a.png'));
    expect(generic).toMatchObject({
      kind: 'http',
      status: 500,
      code: 'api_error',
      message: 'fetch failed',
    });
  });

  it('a body without descriptions is invalid, never a crash; the token never shows', async () => {
    server.script((_req, res) => reply(res, 200, JSON.stringify({ text: TOKEN })));
    const err = await failure(describeImage(config, 'https://x.test/a.png'));
    expect(err.kind).toBe('invalid');
    expect(err.message).not.toContain(TOKEN);
  });
});

describe('seed', () => {
  it('sends {image_id} and reads the guide’s string seed', async () => {
    server.script((_req, res) => reply(res, 200, SEED_SUCCESS));
    expect(await getSeed(config, '1515630083539206144')).toBe('1515630083539206144');
    expect(lastSent()).toMatchObject({ path: '/midjourney/seed', body: JSON.parse(SEED_REQUEST) });
  });

  it('UNCERTAIN: a numeric seed is kept as its digits; a non-numeric one is invalid', async () => {
    server.script((_req, res) => reply(res, 200, '{"seed": 4294967295, "success": true}'));
    expect(await getSeed(config, '1')).toBe('4294967295');
    server.script((_req, res) => reply(res, 200, '{"seed": "abc"}'));
    expect((await failure(getSeed(config, '1'))).kind).toBe('invalid');
  });
});

describe('translate', () => {
  it('sends {content} and reads spec and guide bodies alike', async () => {
    const content = (JSON.parse(TRANSLATE_REQUEST) as { content: string }).content;
    server.script((_req, res) => reply(res, 200, TRANSLATE_SUCCESS_SPEC));
    expect(await translateText(config, content)).toBe('Exquisite, flawless, pure white angel.');
    expect(lastSent()).toMatchObject({ path: '/midjourney/translate', body: { content } });
    server.script((_req, res) => reply(res, 200, TRANSLATE_SUCCESS_GUIDE));
    expect(await translateText(config, content)).toBe('Exquisite, flawless, pure white angel');
  });

  it('keeps the provider’s error code and message', async () => {
    server.script((_req, res) =>
      reply(res, 401, '{"error":{"code":"invalid_token","message":"The token is invalid."}}'),
    );
    expect(await failure(translateText(config, '猫'))).toMatchObject({
      status: 401,
      code: 'invalid_token',
      message: 'The token is invalid.',
    });
  });
});

describe('shorten', () => {
  it('sends {prompt} and reads up to five candidates', async () => {
    server.script((_req, res) => reply(res, 200, SHORTEN_SUCCESS));
    const prompt = (JSON.parse(SHORTEN_REQUEST) as { prompt: string }).prompt;
    const out = await shortenPrompt(config, prompt);
    expect(out).toHaveLength(5);
    expect(out[1]).toBe('mountain lake sunrise with mist, golden light --ar 16:9 --v 6');
    expect(lastSent()).toMatchObject({ path: '/midjourney/shorten', body: { prompt } });
  });

  it('UNCERTAIN: fewer than five is fine; more than five is not a /shorten answer', async () => {
    server.script((_req, res) => reply(res, 200, '{"prompts":["a --ar 1:1"],"success":true}'));
    expect(await shortenPrompt(config, 'a b c --ar 1:1')).toEqual(['a --ar 1:1']);
    server.script((_req, res) => reply(res, 200, JSON.stringify({ prompts: Array(6).fill('x') })));
    expect((await failure(shortenPrompt(config, 'a'))).kind).toBe('invalid');
  });
});

describe('edits (imagine’s reader on /midjourney/edits)', () => {
  async function collect(delivery: 'wait' | 'async'): Promise<ImagineEvent[]> {
    const out: ImagineEvent[] = [];
    const body = { image_url: 'https://x.test/a.png', prompt: 'a cat', action: 'generate' };
    for await (const e of imagine(config, body, { delivery, path: EDITS_PATH })) out.push(e);
    return out;
  }

  it('the guide’s success body (no actions: UNCERTAIN) is a finished image', async () => {
    server.script((_req, res) => reply(res, 200, EDITS_SUCCESS));
    const events = await collect('wait');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'done',
      response: { image_width: 960, image_height: 1200, image_id: '1391372193836826624' },
    });
    const sent = lastSent();
    expect(sent.path).toBe('/midjourney/edits');
    expect(sent.body).toMatchObject({ image_url: 'https://x.test/a.png', prompt: 'a cat' });
  });

  it('UNCERTAIN: with grid actions too, and async answers {task_id} only', async () => {
    const withActions = { ...JSON.parse(EDITS_SUCCESS), actions: ['upscale1', 'reroll'] };
    server.script((_req, res) => reply(res, 200, JSON.stringify(withActions)));
    const [done] = await collect('wait');
    expect(done).toMatchObject({ type: 'done', response: { actions: ['upscale1', 'reroll'] } });

    server.script((_req, res) => reply(res, 200, EDITS_ACCEPTED));
    const events = await collect('async');
    expect(events).toEqual([
      expect.objectContaining({ type: 'accepted', taskId: 'b8b7fdc2-628e-40dd-bc0c-671c3ddac9e9' }),
    ]);
    expect(lastSent().body).toMatchObject({ async: true });
  });
});
