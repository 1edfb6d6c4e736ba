import { describe, expect, it } from 'vitest';
import { isEmpty } from './mask-model';
import { createRegionStore, MAX_REMEMBERED_IMAGES, memoryStorage } from './region-store';

const rect = { kind: 'rect', x: 1, y: 2, w: 3, h: 4 } as const;

describe('region store', () => {
  it('keeps one committed mask per image', () => {
    const store = createRegionStore(memoryStorage());
    store.getState().dispatch('a', { type: 'add', entry: rect });
    store.getState().dispatch('a', { type: 'invert' });
    store.getState().dispatch('b', { type: 'add', entry: rect });
    store.getState().dispatch('a', { type: 'undo' });
    const { byImageId } = store.getState();
    expect(byImageId.a!.mask.shapes).toEqual([rect]);
    expect(byImageId.a!.mask.undone).toEqual([{ kind: 'invert' }]);
    expect(byImageId.b!.mask.shapes).toEqual([rect]);
  });

  it('brings the region, prompt and brush size back in a new store over the same storage', () => {
    const storage = memoryStorage();
    const first = createRegionStore(storage);
    first.getState().dispatch('img-1', { type: 'add', entry: rect });
    first.getState().setPrompt('img-1', 'a red hat');
    first.getState().setBrushSize('img-1', 42);
    const reopened = createRegionStore(storage).getState().byImageId['img-1'];
    expect(reopened?.mask.shapes).toEqual([rect]);
    expect(reopened?.prompt).toBe('a red hat');
    expect(reopened?.brushSize).toBe(42);
  });

  it('forgets an image, and only remembers the most recent images', () => {
    const store = createRegionStore(memoryStorage());
    for (let i = 0; i <= MAX_REMEMBERED_IMAGES; i++) {
      store.getState().dispatch(`img-${i}`, { type: 'add', entry: rect });
    }
    expect(Object.keys(store.getState().byImageId)).toHaveLength(MAX_REMEMBERED_IMAGES);
    store.getState().forget(`img-${MAX_REMEMBERED_IMAGES}`);
    expect(store.getState().byImageId[`img-${MAX_REMEMBERED_IMAGES}`]).toBeUndefined();
    expect(isEmpty(store.getState().byImageId['img-5']!.mask)).toBe(false);
  });

  it('forgets the oldest image even when every change falls in the same millisecond', () => {
    const now = Date.now;
    Date.now = () => 1_700_000_000_000;
    try {
      const store = createRegionStore(memoryStorage());
      for (let i = 0; i <= MAX_REMEMBERED_IMAGES; i++) {
        store.getState().dispatch(`img-${i}`, { type: 'add', entry: rect });
      }
      const kept = Object.keys(store.getState().byImageId);
      expect(kept).not.toContain('img-0');
      expect(kept).toContain(`img-${MAX_REMEMBERED_IMAGES}`);
    } finally {
      Date.now = now;
    }
  });
});
