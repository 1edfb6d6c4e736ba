/**
 * Lazy parts wait for the active language's later messages (`activate.ts`). A build wraps every
 * dynamic import of a part that words messages outside the first render in
 * {@link withLaterMessages} (scripts/catalog-split-plugin.ts), so no lazy part shows a message id.
 *
 * The wait never fails the part's own load: after failed tries the part shows anyway, and the
 * messages are tried again when the network returns (the page re-renders with them then).
 */
import { loadLaterMessages } from './activate';

let waiting: Promise<void> | undefined;

async function tryLoading(): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      return await loadLaterMessages();
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** attempt));
    }
  }
  waiting = undefined;
  globalThis.addEventListener?.('online', () => void loadLaterMessages().catch(() => {}), {
    once: true,
  });
}

/** `loading` (a lazy part's import), resolved once the later messages are in as well. */
export function withLaterMessages<T>(loading: Promise<T>): Promise<T> {
  waiting ??= tryLoading();
  return Promise.all([loading, waiting]).then(([loaded]) => loaded);
}
