/**
 * The prompt being written: the words and `--params` of the Prompt box, the reference links shown
 * as thumbnails beside it, and the translation switch. Kept in localStorage so a reload never
 * loses a half-written prompt. `app/` makes the one store of the tab and hands it to the composer
 * through {@link DraftContext}.
 */
import { createContext, useContext } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import { getImageUrls } from '../../prompt/compose';
import { composeDraft, splitDraft } from '../../prompt/draft-prompt';
import { addReference } from '../../prompt/reference-urls';

const KEY = 'imagine-studio.draft';

/** The draft. The prompt sent is `composeDraft(state)`: references first, then the text. */
export interface DraftState {
  /** What the Prompt box shows: text and parameters only. */
  text: string;
  /** Reference image links, shown as thumbnails. */
  references: readonly string[];
  translation: boolean;
}

/** The draft's store. */
export type DraftStore = StoreApi<DraftState>;

const EMPTY: DraftState = { text: '', references: [], translation: false };

function load(): DraftState {
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    if (!raw) return EMPTY;
    const saved = JSON.parse(raw) as Partial<DraftState> & { prompt?: unknown };
    const translation = saved.translation === true;
    // Drafts saved before references had their own place held them inside the prompt.
    if (typeof saved.prompt === 'string') return { ...splitDraft(saved.prompt), translation };
    const references = Array.isArray(saved.references)
      ? saved.references.filter((u): u is string => typeof u === 'string')
      : [];
    return { text: typeof saved.text === 'string' ? saved.text : '', references, translation };
  } catch {
    // An unreadable draft is dropped rather than breaking the composer.
    return EMPTY;
  }
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

/** The whole prompt of a draft, as the service will read it. */
export function draftPrompt(store: DraftStore): string {
  return composeDraft(store.getState());
}

/** Replace the draft's prompt with a whole one: its leading links become the references. */
export function setDraftPrompt(store: DraftStore, prompt: string): void {
  store.setState(splitDraft(prompt));
}

/** Add a reference after the draft's others; the message says why one is refused. */
export function addDraftReference(store: DraftStore, url: string): { error: string } | null {
  const added = addReference(
    composeDraft({ text: '', references: store.getState().references }),
    url,
  );
  if ('error' in added) return added;
  store.setState({ references: getImageUrls(added.prompt) });
  return null;
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

/** The whole prompt (references, then text), read from a component. */
export function useDraftPrompt(): string {
  return useDraft(composeDraft);
}

/** A function that replaces the whole prompt (references and text) with a new one. */
export function useSetDraftPrompt(): (prompt: string) => void {
  const store = useDraftStore();
  return (prompt) => setDraftPrompt(store, prompt);
}
