import { describe, expect, it } from 'vitest';
import { finalBody, startStream, writeLine } from '../../api/fixtures/fake-imagine-server';
import { testRunners } from '../fixtures/test-runner';

const runners = testRunners('runner-network');

describe('runner: offline', () => {
  it('holds a job submitted offline and sends it once when the browser is back online', async () => {
    const server = await runners.fake();
    server.onImagine = ({ res }) => {
      startStream(res);
      writeLine(res, finalBody(server.url, 't-net'));
      res.end();
    };
    let online = false;
    const listeners = new Set<() => void>();
    const { store, runner } = runners.openBareTab(server, {
      network: {
        online: () => online,
        onOnline: (l) => (listeners.add(l), () => listeners.delete(l)),
      },
    });

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
