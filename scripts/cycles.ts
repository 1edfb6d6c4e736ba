/**
 * `npm run cycles` (run by `npm run lint`): fails when any module reaches itself through its
 * imports. Type-only imports count (a cycle closed by an `import type` still ties the two files'
 * design together, and every cycle this project had closed that way), and so does a dynamic
 * `import()`. dpdm reads the files; never pass it `transform`, which drops type imports.
 */
import { parseCircular, parseDependencyTree } from 'dpdm';

/** The sources checked: everything the project compiles. */
export const SOURCES = [
  'src/**/*.{ts,tsx}',
  'server/**/*.ts',
  'build/**/*.ts',
  'scripts/**/*.ts',
  'bench/**/*.ts',
  'e2e/**/*.ts',
  'test-support/**/*.ts',
];

/**
 * Cycles known and scheduled to end, named by their files. Each is still reported; none other
 * may appear, and an entry whose cycle is gone must be deleted (the check fails until it is).
 */
export const KNOWN_CYCLES: readonly (readonly string[])[] = [];

/** The import cycles among the files the globs match, each as a list of project-relative paths. */
export async function findCycles(globs: readonly string[], cwd: string): Promise<string[][]> {
  const tree = await parseDependencyTree([...globs], {
    cwd,
    context: cwd,
    transform: false,
    skipDynamicImports: false,
  });
  return parseCircular(tree, false);
}

/** A cycle's name: its files in order, starting from the smallest path (any rotation is equal). */
export function cycleName(cycle: readonly string[]): string {
  const files = cycle.map((file) => file.replace(/\\/g, '/'));
  const start = files.indexOf([...files].sort()[0] ?? '');
  return [...files.slice(start), ...files.slice(0, start)].join(' -> ');
}

/** What a run found, against the known cycles. */
export interface CycleVerdict {
  /** Cycles not on the known list: each fails the check. */
  fresh: string[];
  /** Known cycles still there: reported, allowed. */
  known: string[];
  /** Known cycles no longer there: their entries must go. */
  gone: string[];
}

/** Sorts what was found into new, known and ended cycles. */
export function judgeCycles(
  found: readonly (readonly string[])[],
  knownCycles: readonly (readonly string[])[] = KNOWN_CYCLES,
): CycleVerdict {
  const names = new Set(found.map(cycleName));
  const allowed = new Set(knownCycles.map(cycleName));
  return {
    fresh: [...names].filter((name) => !allowed.has(name)),
    known: [...names].filter((name) => allowed.has(name)),
    gone: [...allowed].filter((name) => !names.has(name)),
  };
}

/** The report a verdict prints, and whether it passes. */
export function report(verdict: CycleVerdict): { ok: boolean; text: string } {
  const lines: string[] = [];
  for (const name of verdict.fresh) lines.push(`import cycle: ${name}`);
  for (const name of verdict.known) lines.push(`known import cycle (scheduled to end): ${name}`);
  for (const name of verdict.gone) {
    lines.push(`known cycle has ended, delete its entry in scripts/cycles.ts: ${name}`);
  }
  if (verdict.fresh.length > 0) {
    lines.push('Break each new cycle: move what both files need into a file below both.');
  }
  const ok = verdict.fresh.length === 0 && verdict.gone.length === 0;
  if (ok) lines.push(`no new import cycles (${verdict.known.length} known)`);
  return { ok, text: lines.join('\n') };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  const { ok, text } = report(judgeCycles(await findCycles(SOURCES, process.cwd())));
  (ok ? console.log : console.error)(text);
  process.exitCode = ok ? 0 : 1;
}
