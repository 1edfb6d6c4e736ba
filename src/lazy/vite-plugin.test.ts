import { describe, expect, it } from 'vitest';
import { replacePreloadHelper, withOwnChunk } from './vite-plugin';

// The shape of Vite's helper module (its real text is longer).
const HELPER =
  'const seen = {};export const __vitePreload = function preload(baseModule, deps, importerUrl) { return baseModule() }';

describe('lazyRetryPlugin', () => {
  it("puts the retrying preload in place of Vite's helper: every import() goes through it", () => {
    const code = replacePreloadHelper(HELPER, '/src/lazy/retrying-preload.ts');
    expect(code).toContain('import { retryingPreload } from "/src/lazy/retrying-preload.ts"');
    expect(code).toContain('export const __vitePreload = /* @__PURE__ */ retryingPreload(');
    expect(code).not.toContain('function preload');
  });

  it('stops the build when the helper no longer has that shape (no silent loss of retries)', () => {
    expect(() =>
      replacePreloadHelper('export const __vitePreload = function preload(load, deps) {}'),
    ).toThrow('lazy parts would not be retried');
  });

  it('lists a chunk that needs nothing else, so its own file is fetched first too', () => {
    const js = { hostType: 'js' as const };
    expect(withOwnChunk('assets/catalog-zh-cn.js', [], js)).toEqual(['assets/catalog-zh-cn.js']);
    expect(withOwnChunk('assets/lint.js', ['assets/lint.js', 'assets/rules.js'], js)).toEqual([
      'assets/lint.js',
      'assets/rules.js',
    ]);
    // index.html's own preloads are left as Vite made them.
    expect(withOwnChunk('assets/index.js', [], { hostType: 'html' })).toEqual([]);
  });
});
