// The vanilla store: the model stays free of React (components read it with `useStore`).
import { createStore } from 'zustand/vanilla';
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
import { EMPTY_MASK, maskReducer, type MaskAction, type MaskState } from './mask-model';

/**
 * The committed region of each image, by image_id: the mask history, the edited region prompt and
 * the brush size. It lives for the browser tab (memory + sessionStorage), so closing the editor
 * and opening it again on the same image brings the region back. Strokes in progress never come
 * here — they are committed on pointer-up.
 */

/** What is remembered for one image. */
export interface RegionEntry {
  mask: MaskState;
  /** The region prompt as last edited; absent until the person edits it. */
  prompt?: string;
  brushSize?: number;
  /** Last change (ms since epoch), to forget the oldest images first. */
  touched: number;
}

/** State and actions of the region store. */
export interface RegionStore {
  byImageId: Record<string, RegionEntry>;
  /** Applies a mask change to one image's committed mask. */
  dispatch: (imageId: string, action: MaskAction) => void;
  setPrompt: (imageId: string, prompt: string) => void;
  setBrushSize: (imageId: string, size: number) => void;
  /** Forgets one image's region. */
  forget: (imageId: string) => void;
}

/** How many images keep their region; older ones are dropped to stay well inside storage quota. */
export const MAX_REMEMBERED_IMAGES = 16;

/** sessionStorage key. */
export const REGION_STORAGE_KEY = 'imagine-studio.mask-regions';

/** In-memory StateStorage: used where sessionStorage is missing (Node) or refuses to work. */
export function memoryStorage(): StateStorage {
  const items = new Map<string, string>();
  return {
    getItem: (name) => items.get(name) ?? null,
    setItem: (name, value) => void items.set(name, value),
    removeItem: (name) => void items.delete(name),
  };
}

/** sessionStorage when usable; a write that fails (quota, privacy mode) never breaks painting. */
function tabStorage(): StateStorage {
  if (typeof sessionStorage === 'undefined') return memoryStorage();
  return {
    getItem: (name) => {
      try {
        return sessionStorage.getItem(name);
      } catch {
        return null;
      }
    },
    setItem: (name, value) => {
      try {
        sessionStorage.setItem(name, value);
      } catch {
        // Over quota or blocked: the region still lives in memory for this page.
      }
    },
    removeItem: (name) => {
      try {
        sessionStorage.removeItem(name);
      } catch {
        // Nothing to clean up if storage is unavailable.
      }
    },
  };
}

function upsert(
  byImageId: Record<string, RegionEntry>,
  imageId: string,
  change: (entry: RegionEntry) => RegionEntry,
): Record<string, RegionEntry> {
  const current = byImageId[imageId] ?? { mask: EMPTY_MASK, touched: 0 };
  // Strictly after every other image's change: two changes in the same millisecond must still
  // tell which came last, or the newest image could be the one forgotten.
  const latest = Math.max(0, ...Object.values(byImageId).map((e) => e.touched));
  const touched = Math.max(Date.now(), latest + 1);
  const next = { ...byImageId, [imageId]: { ...change(current), touched } };
  const ids = Object.keys(next);
  if (ids.length <= MAX_REMEMBERED_IMAGES) return next;
  ids.sort((a, b) => next[b]!.touched - next[a]!.touched);
  return Object.fromEntries(ids.slice(0, MAX_REMEMBERED_IMAGES).map((id) => [id, next[id]!]));
}

/** Builds a region store over the given storage (tests pass their own). */
export function createRegionStore(storage: StateStorage = tabStorage()) {
  return createStore<RegionStore>()(
    persist(
      (set) => ({
        byImageId: {},
        dispatch: (imageId, action) =>
          set((s) => ({
            byImageId: upsert(s.byImageId, imageId, (e) => ({
              ...e,
              mask: maskReducer(e.mask, action),
            })),
          })),
        setPrompt: (imageId, prompt) =>
          set((s) => ({ byImageId: upsert(s.byImageId, imageId, (e) => ({ ...e, prompt })) })),
        setBrushSize: (imageId, brushSize) =>
          set((s) => ({ byImageId: upsert(s.byImageId, imageId, (e) => ({ ...e, brushSize })) })),
        forget: (imageId) =>
          set((s) => {
            const rest = { ...s.byImageId };
            delete rest[imageId];
            return { byImageId: rest };
          }),
      }),
      {
        name: REGION_STORAGE_KEY,
        version: 1,
        storage: createJSONStorage(() => storage),
        partialize: (s) => ({ byImageId: s.byImageId }),
      },
    ),
  );
}

/** The editor's region store (one per tab). */
export const regionStore = createRegionStore();
