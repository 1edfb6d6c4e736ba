import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { videos, type VideosEvent } from './client-videos';
import { VIDEOS_ACCEPTED, VIDEOS_GENERATE } from '../../api/fixtures/endpoint-bodies';
import {
  startScriptedServer,
  writeChunks,
  type ScriptedServer,
} from '../../api/fixtures/scripted-server';

const TOKEN = 'sk-client-videos-7788';
let server: ScriptedServer;
beforeEach(async () => {
  server = await startScriptedServer();
});
afterEach(() => server.close());

async function collect(gen: AsyncIterable<VideosEvent>): Promise<VideosEvent[]> {
  const out: VideosEvent[] = [];
  for await (const e of gen) out.push(e);
  return out;
}

const request = { action: 'generate' as const, image_url: 'https://cdn.acedata.cloud/a.png' };

describe('videos client', () => {
  it('wait: posts JSON with the token and reads the guide’s body as done', async () => {
    server.script((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(VIDEOS_GENERATE);
    });
    const events = await collect(
      videos({ baseUrl: server.url, token: TOKEN }, request, { delivery: 'wait' }),
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'done',
      response: { video_id: '1751816807896311', image_width: 560, progress: 100 },
    });
    const seen = server.requests[0]!;
    expect(seen.url).toBe('/midjourney/videos');
    expect(seen.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(seen.headers.accept).toBe('application/json');
    expect(JSON.parse(seen.body)).toEqual(request);
  });

  it('stream: NDJSON progress lines split across chunks, then the clips', async () => {
    const lines = [
      JSON.stringify({ success: true, task_id: 't', progress: 10 }),
      JSON.stringify({ success: true, task_id: 't', progress: 60 }),
      VIDEOS_GENERATE.replace(/\n\s*/g, ''),
    ];
    const text = `${lines.join('\n')}\n`;
    server.script(async (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      await writeChunks(res, [text.slice(0, 17), text.slice(17, 70), text.slice(70)]);
      res.end();
    });
    const events = await collect(videos({ baseUrl: server.url }, request, { delivery: 'stream' }));
    expect(events.map((e) => e.type)).toEqual(['progress', 'progress', 'done']);
    expect(server.requests[0]!.headers.accept).toBe('application/x-ndjson');
    const last = events[2]!;
    expect(last.type === 'done' && last.response.video_urls).toHaveLength(4);
  });

  it('a stream cut before the clips is a network error saying how far it got', async () => {
    server.script((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      res.end(`${JSON.stringify({ success: true, progress: 40 })}\n`);
    });
    await expect(
      collect(videos({ baseUrl: server.url }, request, { delivery: 'stream' })),
    ).rejects.toMatchObject({ kind: 'network', message: expect.stringMatching(/at 40%/) });
  });

  it('async: adds async: true and yields accepted for the bare task id', async () => {
    server.script((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(VIDEOS_ACCEPTED);
    });
    const events = await collect(
      videos(
        { baseUrl: server.url },
        { ...request, callback_url: 'https://hook.example/v' },
        {
          delivery: 'async',
        },
      ),
    );
    expect(events).toEqual([{ type: 'accepted', taskId: 'b726a27a-f379-4d91-b569-cfe4b7b299ee' }]);
    expect(JSON.parse(server.requests[0]!.body)).toMatchObject({
      async: true,
      callback_url: 'https://hook.example/v',
    });
  });

  it('errors: HTTP codes and success:false keep the provider’s words; off-contract is invalid', async () => {
    server.script((_req, res) => {
      res
        .writeHead(400, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: { code: 'bad_request', message: `no image ${TOKEN}` } }));
    });
    const config = { baseUrl: server.url, token: TOKEN };
    await expect(collect(videos(config, request, { delivery: 'wait' }))).rejects.toMatchObject({
      kind: 'http',
      status: 400,
      code: 'bad_request',
      message: 'no image ***',
    });
    server.script((_req, res) => {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(
          JSON.stringify({ success: false, error: { code: 'api_error', message: 'fetch failed' } }),
        );
    });
    await expect(collect(videos(config, request, { delivery: 'wait' }))).rejects.toMatchObject({
      kind: 'task',
      code: 'api_error',
      message: 'fetch failed',
    });
    server.script((_req, res) => {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ video_urls: 'not a list' }));
    });
    await expect(collect(videos(config, request, { delivery: 'wait' }))).rejects.toMatchObject({
      kind: 'invalid',
    });
  });

  it('aborts when the signal fires', async () => {
    server.script(() => {
      // Never answers.
    });
    const ctl = new AbortController();
    const run = collect(
      videos({ baseUrl: server.url }, request, { delivery: 'wait', signal: ctl.signal }),
    );
    setTimeout(() => ctl.abort(), 30);
    await expect(run).rejects.toMatchObject({ kind: 'aborted' });
  });
});
