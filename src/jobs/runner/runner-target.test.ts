import { describe, expect, it } from 'vitest';
import type { ClientConfig } from '../../api/client-config';
import { finalBody, startStream, taskRecord } from '../../api/fixtures/fake-imagine-server';
import type { Job, JobTarget } from '../job';
import type { RunnerConfig } from './ports';
import { createJobsActions, createJobsStore } from '../store';
import { testRunners } from '../fixtures/test-runner';
import { waitForJob as waitFor } from '../fixtures/wait-for-job';
import { i18n } from '@lingui/core';
import { say } from '../../i18n/say';

const TOKEN_A = 'sk-target-A-1111';
const TOKEN_B = 'sk-target-B-2222';

const runners = testRunners('runner-target');
const { fake } = runners;

/**
 * Target A's stream drops once the task exists; the test switches Settings to target B before
 * the lookups start. A holds the task only after the switch, so a lookup sent anywhere but A
 * (or with B's token) shows.
 */
async function switchMidJob(clientFor?: (t: JobTarget) => ClientConfig | undefined) {
  const a = await fake();
  const b = await fake();
  let config: RunnerConfig = {
    client: { baseUrl: a.url, token: TOKEN_A },
    target: 'acedata',
    delivery: 'stream',
    mode: 'fast',
  };
  const { store, runner } = runners.openBareTab(a, {
    getConfig: () => config,
    pollIntervalMs: 20,
    ...(clientFor ? { clientFor } : {}),
  });
  a.onImagine = ({ res, body }) => {
    config = { ...config, client: { baseUrl: b.url, token: TOKEN_B }, target: 'local' };
    a.tasks.set('t-a', taskRecord('t-a', body.trace_id as string, finalBody(a.url, 't-a'), true));
    startStream(res);
    setTimeout(() => res.socket?.destroy(), 5);
  };
  const id = runner.submit({ prompt: 'x' });
  return { a, b, store, id };
}

describe('runner: a job is bound to the target it was sent to', () => {
  it('records the target (never its token) and looks the job up there after Settings switch', async () => {
    const { a, b, store, id } = await switchMidJob((t) =>
      t.name === 'acedata' ? { baseUrl: t.baseUrl, token: TOKEN_A } : undefined,
    );
    const job = await waitFor(store, id, (j) => j.status === 'done');
    expect(job.target).toEqual({ name: 'acedata', baseUrl: a.url });
    expect(JSON.stringify(job)).not.toContain(TOKEN_A);
    const lookups = a.requests.filter((r) => r.path === '/midjourney/tasks');
    expect(lookups.length).toBeGreaterThan(0);
    expect(lookups[0]!.headers.authorization).toBe(`Bearer ${TOKEN_A}`);
    expect(b.requests).toHaveLength(0);
  });

  it('without a client for the old target, the current token is not sent to it', async () => {
    const { a, b, store, id } = await switchMidJob();
    await waitFor(store, id, (j) => j.status === 'done');
    const lookups = a.requests.filter((r) => r.path === '/midjourney/tasks');
    expect(lookups.length).toBeGreaterThan(0);
    expect(lookups.every((r) => r.headers.authorization === undefined)).toBe(true);
    expect(b.requests).toHaveLength(0);
  });
});

describe('runner: retry of a stored or imported job', () => {
  it('never sends its stored callback_url, mode or delivery: the current Settings apply', async () => {
    const server = await fake();
    server.onImagine = ({ res }) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(finalBody(server.url, 't-retry')));
    };
    const store = createJobsStore();
    const crafted: Job = {
      id: 'imported-1',
      kind: 'imagine',
      traceId: 'old-trace',
      request: {
        prompt: 'a lighthouse',
        mode: 'turbo',
        callback_url: 'https://attacker.example/collect',
        unknown_field: 'x',
      } as Job['request'],
      delivery: 'async',
      status: 'failed',
      progress: 0,
      error: { kind: 'http', message: 'old' },
      createdAt: 1,
      updatedAt: 1,
      attempts: 1,
    };
    createJobsActions(store).upsert(crafted);
    const { runner } = runners.openBareTab(server, {
      store,
      token: TOKEN_A,
      delivery: 'wait',
      mode: 'relax',
    });
    expect(runner.retry('imported-1')).toBe(true);
    const job = await waitFor(store, 'imported-1', (j) => j.status === 'done');
    const sent = server.requests.find((r) => r.path === '/midjourney/imagine')!;
    expect(sent.body).toEqual({ prompt: 'a lighthouse', mode: 'relax', trace_id: job.traceId });
    expect(sent.headers.accept).toBe('application/json');
    expect(job).toMatchObject({ attempts: 2, delivery: 'wait' });
    expect(say(job.note, i18n)).toContain('unknown_field');
  });
});
