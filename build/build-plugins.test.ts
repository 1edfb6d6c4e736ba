import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { build } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';
import { precompressPlugin } from './precompress';
import { serviceWorkerPlugin } from './sw-build-plugin';

const PROJECT = fileURLToPath(new URL('../', import.meta.url));
// Two real builds (the app's and the worker's pass) on a busy 2-core machine.
const SLOW = 120_000;

const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A small app of its own (a page and a script big enough to be compressed) in a temp folder. */
async function smallApp(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'studio-build-'));
  made.push(root);
  await writeFile(
    join(root, 'index.html'),
    '<!doctype html><title>small</title><script type="module" src="/main.js"></script>',
  );
  const words = Array.from({ length: 300 }, (_, i) => `word ${i} of the small app`);
  await writeFile(join(root, 'main.js'), `document.title = ${JSON.stringify(words)}.join(' ');\n`);
  return root;
}

/** `vite build` of that app with the studio's build plugins, into `outDir` as given. */
async function buildWithPlugins(root: string, outDir: string): Promise<void> {
  await build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [precompressPlugin(), serviceWorkerPlugin()],
    build: { outDir, emptyOutDir: true },
  });
}

/** What a build left in `dir`: the page, the app's script and the worker, each with its twins. */
async function expectBuiltInto(dir: string): Promise<void> {
  expect(await readFile(join(dir, 'index.html'), 'utf8')).toContain('<title>small</title>');
  const scripts = (await readdir(join(dir, 'assets'))).filter((name) => name.endsWith('.js'));
  expect(scripts).toHaveLength(1);
  for (const file of [join(dir, 'assets', scripts[0]!), join(dir, 'sw.js')]) {
    const bytes = await readFile(file);
    expect(bytes.length).toBeGreaterThan(1024);
    expect(brotliDecompressSync(await readFile(`${file}.br`)).equals(bytes)).toBe(true);
    expect(gunzipSync(await readFile(`${file}.gz`)).equals(bytes)).toBe(true);
  }
  // The worker is the studio's own, built in its second pass.
  expect(await readFile(join(dir, 'sw.js'), 'utf8')).toContain('workbox:core');
}

describe('the build plugins write where --outDir says', () => {
  it(
    'an absolute out dir outside the root: the build, its twins and sw.js land there',
    async () => {
      const root = await smallApp();
      const out = await mkdtemp(join(tmpdir(), 'studio-out-'));
      made.push(out);
      await buildWithPlugins(root, out);
      await expectBuiltInto(out);
      // Not under the root, as a joined path would have put it.
      expect(existsSync(join(root, out))).toBe(false);
    },
    SLOW,
  );

  it(
    'a relative out dir is taken from the root, by the worker pass too',
    async () => {
      const root = await smallApp();
      const name = `out-${Date.now().toString(36)}`;
      try {
        await buildWithPlugins(root, name);
        await expectBuiltInto(join(root, name));
        // The worker's pass has the project as its root: nothing may land there.
        expect(existsSync(join(PROJECT, name))).toBe(false);
      } finally {
        await rm(join(PROJECT, name), { recursive: true, force: true });
      }
    },
    SLOW,
  );
});
