/**
 * The prompt being written: one string, the single source of truth the controls read and write.
 * Kept in localStorage so a reload never loses a half-written prompt.
 */
import { createStore, useStore } from 'zustand';

const KEY = 'imagine-studio.draft';

interface DraftState {
  prompt: string;
  translation: boolean;
}

function load(): DraftState {
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    if (raw) return { prompt: '', translation: false, ...(JSON.parse(raw) as Partial<DraftState>) };
  } catch {
    // An unreadable draft is dropped rather than breaking the composer.
  }
  return { prompt: '', translation: false };
}

export const draftStore = createStore<DraftState>(() => load());

draftStore.subscribe((state) => {
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify(state));
  } catch {
    // Storage full or blocked: the draft still lives in memory.
  }
});

/** Read the draft from a component. */
export function useDraft<T>(selector: (s: DraftState) => T): T {
  return useStore(draftStore, selector);
}

/** Replace the prompt text. */
export function setDraftPrompt(prompt: string): void {
  draftStore.setState({ prompt });
}
