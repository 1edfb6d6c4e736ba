import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogSplitPlugin, firstRenderModules, relativeImports } from './catalog-split-plugin';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const ROOTS = ['src/main.tsx', 'src/storage/core-words.ts'];

type Hook = (this: unknown, ...args: unknown[]) => unknown;
/** Calls one of the plugin's hooks as Vite would (object hooks have a handler). */
function call(plugin: Plugin, name: 'buildStart' | 'load' | 'transform', ...args: unknown[]) {
  const hook = plugin[name] as Hook | { handler: Hook };
  return (typeof hook === 'function' ? hook : hook.handler).call({}, ...args);
}

describe('the catalog split', () => {
  const made: string[] = [];
  afterEach(() => made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('reads static imports (not type-only ones) and finds dynamic ones', () => {
    const code = [
      "import { a } from './a';",
      "import type { B } from './b';",
      "import { type C } from './c';",
      "import './d.css';",
      "export { e } from './e';",
      "export type { F } from './f';",
      "import { useState } from 'react';",
      "const G = () => import('./g');",
    ].join('\n');
    const found = relativeImports('/x/main.tsx', code);
    expect(found.static).toEqual(['./a', './d.css', './e']);
    expect(found.dynamic.map((d) => code.slice(d.start, d.end))).toEqual(["import('./g')"]);
  });

  it('counts as the first render what the entry reaches statically, not the lazy parts', () => {
    const first = firstRenderModules(ROOTS.map((r) => join(ROOT, r)));
    const has = (file: string) => first.has(join(ROOT, file));
    expect(has('src/features/composer/composer.tsx')).toBe(true);
    expect(has('src/app/header.tsx')).toBe(true);
    expect(has('src/storage/core-words.ts')).toBe(true);
    expect(has('src/jobs/job-words.ts')).toBe(true);
    expect(has('src/features/history/history-view.tsx')).toBe(false);
    expect(has('src/features/settings/settings-dialog.tsx')).toBe(false);
    expect(has('src/features/feed/job-card.tsx')).toBe(false);
    expect(has('src/jobs/runner/runner.ts')).toBe(false);
  });

  it('makes a lazy part that words messages wait for the later ones, and no other', () => {
    const root = mkdtempSync(join(tmpdir(), 'catalog-split-'));
    made.push(root);
    mkdirSync(join(root, 'src/i18n'), { recursive: true });
    const file = (name: string, code: string) => writeFileSync(join(root, 'src', name), code);
    file('i18n/later-messages.ts', 'export const withLaterMessages = (p) => p;');
    const macro = "import { msg } from '@lingui/core/macro';";
    file(
      'main.tsx',
      "import './shown';\nconst a = () => import('./talks');\nconst b = import('./quiet');",
    );
    file('shown.tsx', `${macro}\nexport const A = msg\`Shown\`;`);
    // Words nothing itself, but what it imports does.
    file('talks.tsx', "export { T } from './talks-inner';");
    file('talks-inner.tsx', `${macro}\nexport const T = msg\`Later\`;`);
    file('quiet.ts', 'export const q = 1;');
    const plugin = catalogSplitPlugin({ root, roots: ['src/main.tsx'] });
    call(plugin, 'buildStart');
    const main = join(root, 'src/main.tsx');
    const out = call(plugin, 'transform', readSource(main), main) as { code: string };
    expect(out.code).toContain("const a = () => __withLaterMessages(import('./talks'));");
    expect(out.code).toContain("const b = import('./quiet');");
    // Every line keeps its number.
    expect(out.code.split('\n')).toHaveLength(readSource(main).split('\n').length);
  });

  it("splits each language's catalog: the first render's messages, and the rest", async () => {
    const plugin = catalogSplitPlugin({ root: ROOT, roots: ROOTS });
    call(plugin, 'buildStart');
    const messages = async (name: string) => {
      const { code } = (await call(plugin, 'load', join(ROOT, 'src/i18n', name))) as {
        code: string;
      };
      // The compiled module: `export const messages = JSON.parse(...)`.
      const json = /JSON\.parse\((".*")\)/s.exec(code)?.[1];
      return JSON.parse(JSON.parse(json!) as string) as Record<string, unknown>;
    };
    const [first, later] = await Promise.all([
      messages('catalog-zh-cn.ts'),
      messages('catalog-zh-cn-later.ts'),
    ]);
    const texts = (m: Record<string, unknown>) => Object.values(m).map((v) => JSON.stringify(v));
    // The composer's button is shown at once; History's Export button only in History.
    expect(texts(first).some((t) => t.includes('生成'))).toBe(true);
    expect(texts(first).some((t) => t.includes('导出历史'))).toBe(false);
    expect(texts(later).some((t) => t.includes('导出历史'))).toBe(true);
    expect(Object.keys(first).filter((id) => id in later)).toEqual([]);
    expect(Object.keys(first).length + Object.keys(later).length).toBeGreaterThan(500);
  }, 60_000);
});

function readSource(file: string): string {
  return readFileSync(file, 'utf8');
}
