/**
 * A build step: writes `.br` and `.gz` twins of dist's compressible files, which the studio
 * server sends to clients that accept them (brotli for scripts, which Hono's compress cannot
 * make). Static hosts that know the convention use them too; the others ignore them.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { promisify } from 'node:util';
import type { Plugin } from 'vite';

const COMPRESSIBLE = /\.(js|mjs|css|svg|json|webmanifest|txt|map)$/i;
const MIN_BYTES = 1024;
const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Write the twins of every compressible file under `dir` (index.html is rewritten at serve time). */
export async function precompressDir(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  let count = 0;
  for (const entry of entries) {
    if (!entry.isFile() || !COMPRESSIBLE.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    const bytes = await readFile(path);
    if (bytes.length < MIN_BYTES) continue;
    await writeFile(
      `${path}.br`,
      await brotli(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    );
    await writeFile(`${path}.gz`, await gz(bytes, { level: 9 }));
    count++;
  }
  return count;
}

/**
 * The Vite plugin running `precompressDir` on the output after a build. The out dir is resolved
 * as Vite resolves it (against the root; an absolute `--outDir` stays as given). It runs last and
 * alone among the build's closing hooks, so files other plugins write then (the service worker's
 * sw.js) get their twins too.
 */
export function precompressPlugin(): Plugin {
  let outDir = 'dist';
  return {
    name: 'imagine-studio-precompress',
    apply: 'build',
    configResolved: (config) => {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      handler: async () => {
        await precompressDir(outDir);
      },
    },
  };
}
