import { describe, expect, it } from 'vitest';
import { createNetworkStatus } from './network-status';

function fakeWindow(onLine: boolean) {
  const target = new EventTarget();
  return Object.assign(target, { navigator: { onLine } });
}

describe('network status', () => {
  it('follows the browser online and offline events', () => {
    const win = fakeWindow(false);
    const status = createNetworkStatus(win);
    expect(status.get().online).toBe(false);
    win.dispatchEvent(new Event('online'));
    expect(status.get()).toEqual({ online: true, reachable: true });
    win.dispatchEvent(new Event('offline'));
    expect(status.get().online).toBe(false);
  });

  it('a fetch that fails marks the target unreachable; any answer marks it reachable', async () => {
    const status = createNetworkStatus(fakeWindow(true));
    let fail = true;
    const fetch = status.wrapFetch(async () => {
      if (fail) throw new TypeError('Failed to fetch');
      return new Response('nope', { status: 500 });
    });
    await expect(fetch('/x')).rejects.toThrow('Failed to fetch');
    expect(status.get().reachable).toBe(false);
    fail = false;
    await fetch('/x');
    expect(status.get().reachable).toBe(true);
  });

  it('an aborted call or one made offline says nothing about the target', async () => {
    const win = fakeWindow(true);
    const status = createNetworkStatus(win);
    const ctl = new AbortController();
    ctl.abort();
    const fetch = status.wrapFetch(async () => {
      throw new DOMException('aborted', 'AbortError');
    });
    await expect(fetch('/x', { signal: ctl.signal })).rejects.toThrow();
    expect(status.get().reachable).toBe(true);
    win.dispatchEvent(new Event('offline'));
    await expect(fetch('/x')).rejects.toThrow();
    expect(status.get().reachable).toBe(true);
  });
});
