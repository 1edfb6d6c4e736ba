/**
 * Property-based fuzzing of the history importer: random files, and real export files mutated
 * (a value replaced at a random place, a key deleted, the text cut short or garbled). Every import
 * must end in a report or a `HistoryImportError` with a message; what it writes is a valid job
 * with no transport field in its request and no refused link; and a refused file leaves the
 * history exactly as it was.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAllowedUrl } from '../../api/url-scheme';
import { JOB_STATUSES } from '../../api/job-statuses';
import type { StoredJob } from '../../jobs/job';
import { storedJobSchema } from '../repository/stored-job-schema';
import { openStudioDb, type StudioDb } from '../repository/schema';
import { EXPORT_FORMAT, HistoryImportError } from './history-file';
import { jobKinds } from '../../kinds/registry';
import { stagedImport } from './staged-import';
import { i18n } from '@lingui/core';
import { say } from '../../i18n/say';

const RUNS = 1000;
let db: StudioDb;
beforeAll(async () => {
  db = await openStudioDb('history-fuzz');
});
afterAll(() => db.close());

const url = fc.oneof(
  fc.webUrl(),
  fc.constantFrom('javascript:alert(1)', 'data:text/html,x', 'data:image/png;base64,AA'),
);

/** A job as an export holds it, with some fields a crafted file might add. */
const job = fc.record(
  {
    id: fc.string({ minLength: 1, maxLength: 8 }),
    kind: fc.constantFrom('imagine', 'imagine', 'videos'),
    traceId: fc.string({ minLength: 1, maxLength: 8 }),
    request: fc.record(
      {
        prompt: fc.string(),
        action: fc.constantFrom('generate', 'upscale1', 'variation_region'),
        mode: fc.constantFrom('fast', 'turbo'),
        callback_url: fc.webUrl(),
        async: fc.boolean(),
        hd: fc.boolean(),
        api_key: fc.string(),
      },
      { requiredKeys: ['prompt'] },
    ),
    delivery: fc.constantFrom('wait', 'stream', 'async'),
    status: fc.constantFrom(...JOB_STATUSES),
    progress: fc.integer({ min: 0, max: 100 }),
    result: fc.record(
      {
        image_url: url,
        raw_image_url: url,
        actions: fc.array(fc.constantFrom('upscale1', 'reroll')),
        sub_image_urls: fc.array(url, { maxLength: 4 }),
      },
      { requiredKeys: ['actions'] },
    ),
    createdAt: fc.nat(),
    updatedAt: fc.nat(),
    attempts: fc.nat(5),
  },
  {
    requiredKeys: [
      'id',
      'traceId',
      'request',
      'delivery',
      'status',
      'progress',
      'createdAt',
      'updatedAt',
      'attempts',
    ],
  },
);

const exportFile = fc
  .array(job, { maxLength: 5 })
  .map((jobs) => ({ format: EXPORT_FORMAT, version: 1, exportedAt: '2026-01-01T00:00:00Z', jobs }));

/** Every path to a value inside `value`. */
function paths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [at];
  const keys: (string | number)[] = Array.isArray(value)
    ? value.map((_, i) => i)
    : Object.keys(value);
  return [at, ...keys.flatMap((k) => paths((value as Record<string, unknown>)[k], [...at, k]))];
}

/** `file` with the value at its `n`th path replaced (or deleted when `replacement` is absent). */
function mutate(file: object, n: number, replacement?: unknown): object {
  const copy = structuredClone(file) as Record<string, unknown>;
  const all = paths(copy).filter((p) => p.length > 0);
  if (all.length === 0) return copy;
  const path = all[n % all.length]!;
  let parent: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (replacement === undefined && !Array.isArray(parent)) delete parent[last];
  else parent[last] = replacement ?? null;
  return copy;
}

/** A file to import: random text, random JSON, or an export mutated in one of several ways. */
const fileText: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc
    .array(fc.jsonValue(), { maxLength: 4 })
    .map((jobs) => JSON.stringify({ format: EXPORT_FORMAT, version: 1, jobs })),
  exportFile.map((f) => JSON.stringify(f)),
  fc
    .tuple(exportFile, fc.nat(), fc.jsonValue())
    .map(([f, n, v]) => JSON.stringify(mutate(f, n, v))),
  fc.tuple(exportFile, fc.nat()).map(([f, n]) => JSON.stringify(mutate(f, n))),
  fc.tuple(exportFile, fc.nat()).map(([f, n]) => {
    const text = JSON.stringify(f);
    return text.slice(0, n % (text.length + 1));
  }),
  fc.tuple(exportFile, fc.nat(), fc.string({ minLength: 1, maxLength: 4 })).map(([f, n, s]) => {
    const text = JSON.stringify(f);
    const at = n % (text.length + 1);
    return text.slice(0, at) + s + text.slice(at + s.length);
  }),
);

/** The whole history, as stored. */
async function snapshot(): Promise<string> {
  return JSON.stringify(await db.getAll('jobs'));
}

function checkWritten(stored: StoredJob): void {
  expect(storedJobSchema.safeParse(stored).success).toBe(true);
  for (const key of ['callback_url', 'mode', 'async', 'trace_id', 'api_key'])
    expect(stored.request, key).not.toHaveProperty(key);
  expect(stored.delivery).toBe('stream');
  const r = stored.result;
  for (const u of [r?.image_url, r?.raw_image_url, ...(r?.sub_image_urls ?? [])])
    if (u !== undefined) expect(isAllowedUrl(u), u).toBe(true);
}

describe('history import under fuzzing', () => {
  it('random and mutated files end in a report or a clear refusal that changes nothing', async () => {
    let before: string | undefined;
    await fc.assert(
      fc.asyncProperty(fileText, async (text) => {
        // The history only changes on a successful import, so it is read again only then.
        before ??= await snapshot();
        let ok = false;
        let written: StoredJob[] = [];
        try {
          ({ written } = await stagedImport(db, text, {
            kinds: jobKinds(),
            isLocal: () => false,
            yieldToPage: () => Promise.resolve(),
          }));
          ok = true;
        } catch (err) {
          expect(err, String(err)).toBeInstanceOf(HistoryImportError);
          // A refusal the person reads, in words.
          expect(say((err as HistoryImportError).reason, i18n).length).toBeGreaterThan(20);
          expect(await snapshot()).toBe(before);
        }
        if (ok) before = undefined;
        if (ok) {
          // What was written is what the history now holds for those ids.
          for (const job of written) checkWritten(job);
          expect(await db.count('staging')).toBe(0);
        }
      }),
      { numRuns: RUNS },
    );
    // A thousand imports through IndexedDB take most of 20 s on a busy 2-core machine.
  }, 90_000);
});
