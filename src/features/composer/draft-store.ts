/**
 * The prompt being written: one string, the single source of truth the controls read and write.
 * Kept in localStorage so a reload never loses a half-written prompt. `app/` makes the one store
 * of the tab and hands it to the composer through {@link DraftContext}.
 */
import { createContext, useContext } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';

const KEY = 'imagine-studio.draft';

/** The draft: the prompt text and the translation switch. */
export interface DraftState {
  prompt: string;
  translation: boolean;
}

/** The draft's store. */
export type DraftStore = StoreApi<DraftState>;

function load(): DraftState {
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    if (raw) return { prompt: '', translation: false, ...(JSON.parse(raw) as Partial<DraftState>) };
  } catch {
    // An unreadable draft is dropped rather than breaking the composer.
  }
  return { prompt: '', translation: false };
}

/** A draft store that starts from, and saves to, localStorage. */
export function createDraftStore(): DraftStore {
  const store = createStore<DraftState>(() => load());
  store.subscribe((state) => {
    try {
      globalThis.localStorage?.setItem(KEY, JSON.stringify(state));
    } catch {
      // Storage full or blocked: the draft still lives in memory.
    }
  });
  return store;
}

/** The tab's draft store, provided by `app/`. */
export const DraftContext = createContext<DraftStore | null>(null);

/** The draft store; throws when the app forgot to provide it. */
export function useDraftStore(): DraftStore {
  const store = useContext(DraftContext);
  if (!store) throw new Error('DraftContext is missing');
  return store;
}

/** Read the draft from a component. */
export function useDraft<T>(selector: (s: DraftState) => T): T {
  return useStore(useDraftStore(), selector);
}

/** A function that replaces the prompt text. */
export function useSetDraftPrompt(): (prompt: string) => void {
  const store = useDraftStore();
  return (prompt) => store.setState({ prompt });
}
