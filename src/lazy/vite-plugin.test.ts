import { describe, expect, it } from 'vitest';
import { wrapPreloadHelper, withOwnChunk } from './vite-plugin';

// The shape of Vite's helper module (its real text is longer).
const HELPER =
  'const seen = {};export const __vitePreload = function preload(baseModule, deps, importerUrl) { return baseModule() }';

describe('lazyRetryPlugin', () => {
  it("wraps Vite's preload helper: every import() goes through the retrying preload", () => {
    const code = wrapPreloadHelper(HELPER, '/src/lazy/retrying-preload.ts');
    expect(code).toContain(
      'import { retryingPreload as __retrying } from "/src/lazy/retrying-preload.ts"',
    );
    expect(code).toContain('export const __vitePreload = /* @__PURE__ */ __retrying(');
    expect(code.match(/export const __vitePreload/g)).toHaveLength(1);
  });

  it('stops the build when the helper no longer has that shape (no silent loss of retries)', () => {
    expect(() => wrapPreloadHelper('export function __vitePreload() {}')).toThrow(
      'lazy parts would not be retried',
    );
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
