import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Delivery } from '../api/client-config';
import {
  DESCRIBE_FAILED_NEXIOR,
  DESCRIBE_SUCCESS,
  EDITS_SUCCESS,
} from '../api/fixtures/endpoint-bodies';
import type { FakeImagineServer } from '../api/fixtures/fake-imagine-server';
import { descriptionsOf } from './describe/describe-kind';
import { rebuildRequest } from '../jobs/rebuild-request';
import { testRunners } from '../jobs/fixtures/test-runner';
import { waitForJob as waitFor } from '../jobs/fixtures/wait-for-job';
import { jobKinds } from './registry';

// The kinds read answers and requests with the job schemas, which the runner loads first.
beforeAll(() => jobKinds().loadAll());

const TOKEN = 'sk-endpoint-kinds-5150';
const runners = testRunners('endpoint-kinds');
const { fake, newDb } = runners;

function openTab(server: FakeImagineServer, dbName: string, delivery: Delivery) {
  return runners.openTab(server, {
    dbName,
    token: TOKEN,
    delivery,
    kinds: jobKinds(),
    pollIntervalMs: 20,
  });
}

const posts = (server: FakeImagineServer, path: string) =>
  server.requests.filter((r) => r.method === 'POST' && r.path === path);

describe('the studio’s kinds', () => {
  it('registers every endpoint; a job without a kind is still imagine', () => {
    const kinds = jobKinds();
    // Shorten, translate and seed are plain tools: no job kind (their entries say why).
    expect(kinds.names().sort()).toEqual(['describe', 'edits', 'imagine', 'videos']);
    expect(kinds.of({})?.name).toBe('imagine');
    expect(kinds.get('edits')?.isGrid?.({ actions: [] })).toBe(true);
    expect(kinds.get('imagine')?.isGrid?.({ actions: ['upscale1'] })).toBe(true);
    expect(kinds.get('imagine')?.isGrid?.({ actions: ['variation_subtle'] })).toBe(false);
  });

  it('describe runs wait-only through the real runner and keeps its four prompts on disk', async () => {
    const server = await fake();
    server.onPost = (path) =>
      path === '/midjourney/describe'
        ? { status: 200, body: JSON.parse(DESCRIBE_SUCCESS) as unknown }
        : undefined;
    const tab = openTab(server, newDb(), 'stream');
    const id = tab.runner.submit({ image_url: 'https://x.test/boat.png' }, { kind: 'describe' });
    const job = await waitFor(tab.store, id, (j) => j.status === 'done');
    expect(job).toMatchObject({ kind: 'describe', delivery: 'wait' });
    expect(descriptionsOf(job.result?.data)).toHaveLength(4);
    const [call] = posts(server, '/midjourney/describe');
    expect(call!.body).toEqual({ image_url: 'https://x.test/boat.png', trace_id: job.traceId });
    expect(call!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    const stored = await tab.persistence.getJob(id);
    expect(descriptionsOf(stored?.result?.data)[0]).toContain('gold sailboat');
    expect(JSON.stringify(stored)).not.toContain(TOKEN);
  });

  it('a failed describe (Nexior’s body, no success field) fails with the service’s words', async () => {
    const server = await fake();
    server.onPost = () => ({ status: 200, body: JSON.parse(DESCRIBE_FAILED_NEXIOR) as unknown });
    const tab = openTab(server, newDb(), 'wait');
    const id = tab.runner.submit({ image_url: 'https://x.test/a.png' }, { kind: 'describe' });
    const job = await waitFor(tab.store, id, (j) => j.status === 'failed');
    expect(job.error).toMatchObject({ kind: 'task', message: 'Describe failed' });
  });

  it('an edit keeps its parent and comes back as a grid from /midjourney/edits', async () => {
    const server = await fake();
    server.onPost = (path) =>
      path === '/midjourney/edits'
        ? { status: 200, body: JSON.parse(EDITS_SUCCESS) as unknown }
        : undefined;
    const tab = openTab(server, newDb(), 'wait');
    const parent = { jobId: 'job-a', imageId: 'img-a', action: 'edits', label: 'Edit' };
    const request = { image_url: 'https://x.test/a.png', prompt: 'a red hat', mask: 'AAAA' };
    const id = tab.runner.submit(request, { kind: 'edits', parent });
    const job = await waitFor(tab.store, id, (j) => j.status === 'done');
    expect(job.parent).toEqual(parent);
    expect(job.result).toMatchObject({ image_id: '1391372193836826624', image_width: 960 });
    const [call] = posts(server, '/midjourney/edits');
    expect(call!.body).toMatchObject({ ...request, mode: 'fast', trace_id: job.traceId });
  });

  it('a reload mid-edit resumes the job from its task, never sending the edit twice', async () => {
    const server = await fake();
    const dbName = newDb();
    server.onPost = (path, body) => {
      if (path !== '/midjourney/edits') return undefined;
      server.tasks.set('t-edit', {
        id: 't-edit',
        trace_id: body.trace_id as string,
        request: body,
        response: null,
        finished_at: null,
      });
      return { status: 200, body: { task_id: 't-edit' } };
    };
    const first = openTab(server, dbName, 'async');
    const id = first.runner.submit(
      { image_url: 'https://x.test/a.png', prompt: 'a red hat' },
      { kind: 'edits' },
    );
    await waitFor(first.store, id, (j) => j.taskId === 't-edit');
    // The task id is on disk before the tab goes away.
    while ((await first.persistence.getJob(id))?.taskId !== 't-edit') await Promise.resolve();
    first.close();

    server.tasks.set('t-edit', {
      ...server.tasks.get('t-edit')!,
      response: JSON.parse(EDITS_SUCCESS) as Record<string, unknown>,
      finished_at: 5,
    });
    const second = openTab(server, dbName, 'async');
    await second.runner.resumeAll();
    const job = await waitFor(second.store, id, (j) => j.status === 'done');
    expect(job.kind).toBe('edits');
    expect(job.result?.image_id).toBe('1391372193836826624');
    expect(posts(server, '/midjourney/edits')).toHaveLength(1);
  });

  it('shorten, translate and seed are plain tools: no job of theirs is run or sent', async () => {
    const server = await fake();
    const tab = openTab(server, newDb(), 'wait');
    for (const kind of ['shorten', 'translate', 'seed']) {
      expect(() => tab.runner.submit({ prompt: 'a lake' }, { kind })).toThrow(/Unknown kind/);
    }
    expect(server.requests.filter((r) => r.method === 'POST')).toEqual([]);
  });

  it('a stored describe request keeps only image_url', () => {
    const describe = jobKinds().get('describe')!;
    expect(rebuildRequest(describe, { image_url: 'https://x.test/a.png', api_key: 'k' })).toEqual({
      request: { image_url: 'https://x.test/a.png' },
      dropped: ['api_key'],
    });
  });
});
