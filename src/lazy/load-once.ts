/** A load that every caller shares; see {@link loadOnce}. */
export interface LoadOnce<T> {
  /** The loaded value: the same promise while it loads and once it has loaded. */
  (): Promise<T>;
  /** The value, once it has loaded (for a synchronous first render). */
  readonly value: T | undefined;
}

/**
 * Runs `load` once for every caller, and keeps what it gives. A failed load is not kept: the
 * caller after it (a Retry, the network's return) runs `load` again, so one dropped request
 * never leaves a part of the studio dead until a reload.
 */
export function loadOnce<T>(load: () => Promise<T>): LoadOnce<T> {
  let loading: Promise<T> | undefined;
  let loaded: { value: T } | undefined;
  const get = () =>
    (loading ??= load().then(
      (value) => {
        loaded = { value };
        return value;
      },
      (err: unknown) => {
        loading = undefined;
        throw err;
      },
    ));
  return Object.defineProperty(get, 'value', { get: () => loaded?.value }) as LoadOnce<T>;
}
