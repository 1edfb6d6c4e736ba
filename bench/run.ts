/**
 * `npm run bench`: every speed and memory target of the studio, measured on this machine, printed
 * as a table and written to bench-results.json as `{ name: { value, unit } }`.
 * Usage: `npm run bench [-- <group> …]` with groups engine, ndjson, video, browser (default: all).
 */
import { writeFileSync } from 'node:fs';
import { meets, type Figures } from './measure';
import { benchEngine } from './engine';
import { benchNdjson } from './ndjson';
import { benchVideo } from './video';

const groups: Record<string, () => Promise<Figures>> = {
  engine: benchEngine,
  ndjson: benchNdjson,
  video: benchVideo,
  browser: async () => (await import('./browser')).benchBrowser(),
};

const wanted = process.argv.slice(2).filter((a) => a in groups);
const figures: Figures = {};
for (const [name, run] of Object.entries(groups)) {
  if (wanted.length && !wanted.includes(name)) continue;
  process.stdout.write(`… ${name}\n`);
  Object.assign(figures, await run());
}

const rows = Object.entries(figures).map(([name, f]) => ({
  name,
  value: `${f.value} ${f.unit}`,
  target: f.target ? `${f.target.op} ${f.target.value} ${f.unit}` : '',
  ok: f.target ? (meets(f) ? 'ok' : 'MISSED') : '',
  how: f.note ?? 'measured',
}));
const columns = ['name', 'value', 'target', 'ok', 'how'] as const;
const widths = columns.map((k) => Math.max(k.length, ...rows.map((r) => r[k].length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
console.log(line([...columns]));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(columns.map((k) => r[k])));

const out = Object.fromEntries(
  Object.entries(figures).map(([name, f]) => [
    name,
    { value: f.value, unit: f.unit, ...(f.note ? { note: f.note } : {}) },
  ]),
);
writeFileSync('bench-results.json', `${JSON.stringify(out, null, 2)}\n`);
console.log('\nwrote bench-results.json');
