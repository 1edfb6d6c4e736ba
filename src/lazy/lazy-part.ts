import {
  createContext,
  createElement,
  lazy,
  use,
  useContext,
  useState,
  type ComponentType,
} from 'react';
import { loadOnce, type LoadOnce } from './load-once';

/**
 * One attempt at loading the parts inside a `PartBoundary`: a new object each time it retries
 * (its Retry, the network's return). Loads are kept per attempt, so React rendering again after a
 * failure meets the same failure (and the boundary says so) instead of starting a new load, and a
 * retry starts one.
 */
export const LoadAttempt = createContext<object>({});

const byAttempt = new WeakMap<object, Map<LoadOnce<unknown>, Promise<unknown>>>();

/**
 * What `load` gives, suspending until then (`use`); a failure goes to the nearest error
 * boundary, and is loaded again once that boundary retries.
 */
export function useLoad<T>(load: LoadOnce<T>): T {
  const attempt = useContext(LoadAttempt);
  let loads = byAttempt.get(attempt);
  let promise = loads?.get(load) as Promise<T> | undefined;
  // Loaded before this attempt needed it: no suspending. (A render that suspended on the promise
  // finds it here and reads it with `use` again, as React requires.)
  if (!promise && load.value !== undefined) return load.value;
  if (!loads) byAttempt.set(attempt, (loads = new Map()));
  if (!promise) loads.set(load, (promise = load()));
  return use(promise);
}

/**
 * A component whose code loads on first render, like `React.lazy`, but which can load again:
 * `React.lazy` keeps a failed load for good, so a part whose request was dropped once would stay
 * dead until a reload. Here each attempt of the `PartBoundary` around it has its own `React.lazy`:
 * the failure reaches that boundary ("Couldn't load …"), and its Retry loads the code again.
 */
export function lazyPart<P extends object>(
  load: (() => Promise<ComponentType<P>>) | LoadOnce<ComponentType<P>>,
): ComponentType<P> {
  // A shared load may be given, so code fetched ahead (while online) is the code drawn later.
  const part = 'value' in load ? load : loadOnce(load);
  const lazies = new WeakMap<object, ComponentType<P>>();
  function LazyPart(props: P) {
    const attempt = useContext(LoadAttempt);
    // Code that is here already is drawn at once (and stays drawn the same way while mounted).
    const [loaded] = useState(() => part.value);
    if (loaded) return createElement(loaded, props);
    let Lazy = lazies.get(attempt);
    if (!Lazy) {
      Lazy = lazy(() => part().then((component) => ({ default: component })));
      lazies.set(attempt, Lazy);
    }
    return createElement(Lazy, props);
  }
  return LazyPart;
}
