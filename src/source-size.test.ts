/**
 * Sizes the layout promises (README, Layout): no source file over 400 lines, and no component
 * file over 150 (one component per file, so the file is the component). Tests aside.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MAX_LINES = 400;
const MAX_COMPONENT_LINES = 150;

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) return e.name === 'fixtures' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')
      ? [path]
      : [];
  });
}

const lineCount = (path: string) => readFileSync(join(ROOT, path), 'utf8').split('\n').length - 1;

const files = ['src', 'server', 'bench', 'e2e', 'test-support'].flatMap((d) => {
  try {
    return sourceFiles(d);
  } catch {
    return [];
  }
});

describe('source sizes', () => {
  it('finds the sources', () => {
    expect(files).toContain('src/app/app.tsx');
    expect(relative(ROOT, join(ROOT, 'src'))).toBe('src');
  });

  it(`keeps every source file at ${MAX_LINES} lines or fewer`, () => {
    const over = files
      .map((f) => ({ file: f, lines: lineCount(f) }))
      .filter((f) => f.lines > MAX_LINES);
    expect(over, 'split these files by concern').toEqual([]);
  });

  it(`keeps every component file at ${MAX_COMPONENT_LINES} lines or fewer`, () => {
    const over = files
      .filter((f) => f.startsWith('src/') && f.endsWith('.tsx'))
      .map((f) => ({ file: f, lines: lineCount(f) }))
      .filter((f) => f.lines > MAX_COMPONENT_LINES);
    expect(over, 'split these components').toEqual([]);
  });
});
