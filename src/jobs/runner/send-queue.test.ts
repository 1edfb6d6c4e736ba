import { describe, expect, it } from 'vitest';
import type { RunnerConfig } from './ports';
import {
  finalBody,
  gate,
  progressBody,
  startStream,
  writeLine,
} from '../../api/fixtures/fake-imagine-server';
import { selectQueuePlace } from '../store';
import { testRunners } from '../fixtures/test-runner';
import { waitForJob } from '../fixtures/wait-for-job';

const runners = testRunners('runner-queue');

/** A fake whose streams hold at 10 % until the test opens their gate (by prompt). */
async function heldServer() {
  const server = await runners.fake();
  const gates = new Map<string, () => void>();
  server.onImagine = async ({ res, body }) => {
    const prompt = String(body.prompt);
    startStream(res);
    writeLine(res, progressBody(server.url, `t-${prompt}`, 10));
    const g = gate();
    gates.set(prompt, g.open);
    await g.promise;
    writeLine(res, finalBody(server.url, `t-${prompt}`));
    res.end();
  };
  return { server, gates };
}

describe('runner: jobs at once per target', () => {
  it('sends no more than the Settings cap; the others wait with their place in line', async () => {
    const { server, gates } = await heldServer();
    const { store, runner } = runners.openBareTab(server, {
      getConfig: (): RunnerConfig => ({
        client: { baseUrl: server.url },
        delivery: 'stream',
        mode: 'fast',
        target: 'local',
        maxInFlight: 1,
      }),
    });
    const ids = ['a', 'b', 'c'].map((prompt) => runner.submit({ prompt }));
    await waitForJob(store, ids[0]!, (j) => j.progress === 10);
    const state = store.getState();
    expect(ids.map((id) => state.byId[id]!.status)).toEqual(['running', 'queued', 'queued']);
    expect(ids.map((id) => selectQueuePlace(id)(state))).toEqual([undefined, 1, 2]);

    gates.get('a')!();
    await waitForJob(store, ids[1]!, (j) => j.progress === 10);
    expect(ids.map((id) => selectQueuePlace(id)(store.getState()))).toEqual([
      undefined,
      undefined,
      1,
    ]);
    gates.get('b')!();
    await waitForJob(store, ids[2]!, (j) => j.progress === 10);
    gates.get('c')!();
    await waitForJob(store, ids[2]!, (j) => j.status === 'done');
    expect(store.getState().queue).toEqual([]);
    expect(server.requests.filter((r) => r.path === '/midjourney/imagine')).toHaveLength(3);
  });

  it('a job running on another target does not hold a slot of this one', async () => {
    const { server, gates } = await heldServer();
    let target = 'local';
    const { store, runner } = runners.openBareTab(server, {
      getConfig: (): RunnerConfig => ({
        client: { baseUrl: server.url },
        delivery: 'stream',
        mode: 'fast',
        target,
        maxInFlight: 1,
      }),
    });
    const first = runner.submit({ prompt: 'a' });
    await waitForJob(store, first, (j) => j.progress === 10);
    target = 'acedata';
    const second = runner.submit({ prompt: 'b' });
    const third = runner.submit({ prompt: 'c' });
    await waitForJob(store, second, (j) => j.progress === 10);
    expect(store.getState().byId[first]).toMatchObject({ status: 'running' });
    expect(store.getState().byId[second]).toMatchObject({ target: { name: 'acedata' } });
    expect(store.getState().byId[third]!.status).toBe('queued');
    expect(selectQueuePlace(third)(store.getState())).toBe(1);
    // The first target's job ending frees nothing on this one; the second's does.
    gates.get('a')!();
    await waitForJob(store, first, (j) => j.status === 'done');
    expect(store.getState().byId[third]!.status).toBe('queued');
    gates.get('b')!();
    await waitForJob(store, third, (j) => j.progress === 10);
    gates.get('c')!();
    await waitForJob(store, third, (j) => j.status === 'done');
  });
});

describe('runner: a moderation refusal', () => {
  it('is not sent again, by itself or by Retry', async () => {
    const server = await runners.fake();
    server.onImagine = ({ res }) => {
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          success: false,
          error: { code: 'forbidden', message: 'Sorry! Our Al moderators feel your prompt…' },
        }),
      );
    };
    const { store, runner } = runners.openBareTab(server);
    const id = runner.submit({ prompt: 'something refused' });
    await waitForJob(store, id, (j) => j.status === 'failed');
    expect(runner.retry(id)).toBe(false);
    expect(store.getState().byId[id]).toMatchObject({
      status: 'failed',
      error: { code: 'forbidden', status: 403 },
    });
    expect(server.requests.filter((r) => r.path === '/midjourney/imagine')).toHaveLength(1);
  });
});
