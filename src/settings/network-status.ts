/**
 * What the studio knows about the network: whether the browser says it is online
 * (`navigator.onLine` and its `online`/`offline` events), and whether the target answered the
 * last call made to it (a failed fetch says "unreachable"; any answer, even an error status,
 * says "reachable"). The header badge shows it, and the runner holds back sends while offline.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ClientConfig } from '../api/client-config';

/** The network as the studio sees it. */
export interface NetworkState {
  /** The browser's own word (`navigator.onLine`). */
  online: boolean;
  /** False when the last call to the target failed without an answer while online. */
  reachable: boolean;
}

/** A small store of the network state, made once per tab by `app/services.ts`. */
export interface NetworkStatus {
  store: StoreApi<NetworkState>;
  /** The current state. */
  get(): NetworkState;
  /** Calls `listener` on every change; returns the unsubscribe. */
  subscribe(listener: (state: NetworkState, prev: NetworkState) => void): () => void;
  /** Records the outcome of a call to the target. */
  report(reachable: boolean): void;
  /**
   * While the target is unreachable (and the browser online), asks `url()` every `everyMs` with
   * a cheap `HEAD` (any answer counts) until it answers. Returns the stop.
   */
  probeWhileUnreachable(url: () => string, everyMs?: number): () => void;
  /** A fetch that reports its outcome (an abort says nothing). */
  wrapFetch(inner?: ClientConfig['fetch']): NonNullable<ClientConfig['fetch']>;
  dispose(): void;
}

/** The part of `window` this module listens to (tests pass a plain `EventTarget`). */
export interface NetworkWindow {
  addEventListener(type: 'online' | 'offline', listener: () => void): void;
  removeEventListener(type: 'online' | 'offline', listener: () => void): void;
  navigator?: { onLine?: boolean };
}

/** Creates the network status, following `win`'s `online`/`offline` events when given. */
export function createNetworkStatus(win?: NetworkWindow): NetworkStatus {
  const store = createStore<NetworkState>(() => ({
    online: win?.navigator?.onLine ?? true,
    reachable: true,
  }));
  // Coming back online is a fresh start: the next call decides whether the target is reachable.
  const onOnline = () => store.setState({ online: true, reachable: true });
  const onOffline = () => store.setState({ online: false });
  win?.addEventListener('online', onOnline);
  win?.addEventListener('offline', onOffline);
  const report = (reachable: boolean) => {
    const s = store.getState();
    // Offline, every call fails: that says nothing about the target.
    if (!s.online || s.reachable === reachable) return;
    store.setState({ reachable });
  };
  return {
    store,
    get: () => store.getState(),
    subscribe: (listener) => store.subscribe(listener),
    report,
    probeWhileUnreachable(url, everyMs = 3000) {
      let timer: ReturnType<typeof setInterval> | undefined;
      const probe = () =>
        void globalThis
          .fetch(url() || '/', { method: 'HEAD', mode: 'no-cors', cache: 'no-store' })
          .then(() => report(true))
          .catch(() => undefined);
      const follow = (s: NetworkState) => {
        const needed = s.online && !s.reachable;
        if (needed && !timer) timer = setInterval(probe, everyMs);
        if (!needed && timer) {
          clearInterval(timer);
          timer = undefined;
        }
      };
      const unsubscribe = store.subscribe(follow);
      return () => {
        unsubscribe();
        follow({ online: false, reachable: true });
      };
    },
    wrapFetch: (inner) => async (input, init) => {
      const call = inner ?? globalThis.fetch.bind(globalThis);
      try {
        const res = await call(input, init);
        report(true);
        return res;
      } catch (err) {
        if (!init?.signal?.aborted) report(false);
        throw err;
      }
    },
    dispose() {
      win?.removeEventListener('online', onOnline);
      win?.removeEventListener('offline', onOffline);
    },
  };
}
