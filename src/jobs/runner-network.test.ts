import { afterEach, describe, expect, it } from 'vitest';
import { finalBody, startFakeImagineServer, startStream, writeLine } from './fake-imagine-server';
import { createRunner } from './runner';
import { createJobsStore } from './store';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

describe('runner: offline', () => {
  it('holds a job submitted offline and sends it once when the browser is back online', async () => {
    const server = await startFakeImagineServer();
    cleanups.push(() => server.close());
    server.onImagine = ({ res }) => {
      startStream(res);
      writeLine(res, finalBody(server.url, 't-net'));
      res.end();
    };
    let online = false;
    const listeners = new Set<() => void>();
    const store = createJobsStore();
    const runner = createRunner({
      getConfig: () => ({ client: { baseUrl: server.url }, delivery: 'stream', mode: 'fast' }),
      store,
      locks: null,
      network: {
        online: () => online,
        onOnline: (l) => (listeners.add(l), () => listeners.delete(l)),
      },
    });
    cleanups.push(() => runner.dispose());

    const id = runner.submit({ prompt: 'a harbour at night' });
    await new Promise((r) => setTimeout(r, 50));
    expect(store.getState().byId[id]).toMatchObject({ status: 'queued', waitingFor: 'network' });
    expect(server.requests.filter((r) => r.path === '/midjourney/imagine')).toHaveLength(0);

    online = true;
    for (const l of listeners) l();
    for (const l of listeners) l(); // a flapping network does not send it twice
    await new Promise<void>((resolve) => {
      const check = () => store.getState().byId[id]?.status === 'done' && resolve();
      store.subscribe(check);
      check();
    });
    expect(store.getState().byId[id]?.waitingFor).toBeUndefined();
    expect(server.requests.filter((r) => r.path === '/midjourney/imagine')).toHaveLength(1);
  });
});
