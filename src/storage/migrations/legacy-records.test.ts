import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { i18n } from '@lingui/core';
import { openDB } from 'idb';
import { ApiError, toApiError } from '../../api/errors';
import { isMsg } from '../../api/message';
import { activateLocale } from '../../i18n/activate';
import { say } from '../../i18n/say';
import type { Job, StoredJob } from '../../jobs/job';
import { errorOf } from '../../jobs/machine/steps';
import { CANCELLED_AFTER_SEND_NOTE } from '../../jobs/machine/types';
import { createJobsStore } from '../../jobs/store';
import { testSink } from '../../jobs/fixtures/store-sink';
import { jobKinds } from '../../kinds/registry';
import v3Fixture from '../fixtures/history-db-v3-sentences.json';
import v1Export from '../fixtures/history-export-v1-sentences.json';
import { createPersistence, type Persistence } from '../persistence/persistence';
import { LEGACY_TEXT_KEY, upgradeStudioDb, type StudioDb } from '../repository/schema';
import { loadLegacyText, type LegacyText } from './legacy-text';
import { z } from 'zod/mini';
import { apiMsg } from '../../api/api-codes';
import { validate } from '../../api/client-http';
import { errorFromResponse } from '../../api/error-response';
import { readNdjson } from '../../api/ndjson';
import { actionSubmission } from '../../jobs/action-request';
import { jobTitle } from '../../jobs/job';
import {
  animateSubmission,
  extendSubmission,
  VIDEOS_KIND,
} from '../../kinds/videos/videos-requests';

let legacy: LegacyText;
beforeAll(async () => {
  legacy = await loadLegacyText();
});

let counter = 0;
const open: Persistence[] = [];
afterEach(async () => {
  open.splice(0).forEach((p) => p.close());
  await activateLocale('en');
});

function tab(dbName: string) {
  const store = createJobsStore();
  const persistence = createPersistence({ dbName, sink: testSink(store), kinds: jobKinds() });
  open.push(persistence);
  return { store, persistence };
}

/** A database as schema version 3 made it, holding `records`. */
async function v3Database(records: readonly object[]): Promise<string> {
  counter += 1;
  const name = `legacy-records-${counter}-${Date.now()}`;
  const db = await openDB(name, 3, {
    async upgrade(d, oldVersion, _v, tx) {
      // v3's steps (a fresh database is never marked, so the v4 mark is not written here).
      await upgradeStudioDb(d as unknown as StudioDb, oldVersion, tx as never);
    },
  });
  for (const record of records) await db.put('jobs', record);
  db.close();
  return name;
}

/** What a card shows of a job: its note and its failure, in the active language. */
function onScreen(job: Pick<Job, 'note' | 'error'> | undefined) {
  return {
    note: say(job?.note, i18n),
    error: say(job?.error?.reason ?? job?.error?.message, i18n),
  };
}

/** Every sentence of the studio's own in a stored record (a provider's words are not). */
function studioSentences(record: StoredJob): string[] {
  const found: string[] = [];
  if (record.note !== undefined && !isMsg(record.note)) found.push(String(record.note));
  const message = record.error?.message;
  if (typeof message === 'string' && legacy.toMsg(message)) found.push(message);
  return found;
}

async function rawRecords(dbName: string): Promise<StoredJob[]> {
  const db = await openDB(dbName);
  const records = (await db.getAll('jobs')) as StoredJob[];
  db.close();
  return records;
}

describe('a database an older studio wrote', () => {
  it('shows the same words, in English and in Chinese, and keeps messages, not sentences', async () => {
    const dbName = await v3Database(v3Fixture.jobs);
    const { store, persistence } = tab(dbName);
    await persistence.loadJobs();
    const byId = store.getState().byId;
    for (const job of Object.values(byId)) {
      expect(job.note === undefined || isMsg(job.note), job.id).toBe(true);
    }
    expect(onScreen(byId['v3-cancelled']).note).toBe(v3Fixture.jobs[0]!.note);
    expect(onScreen(byId['v3-check'])).toEqual({
      note: 'Could not check: Could not reach the server: fetch failed (ECONNREFUSED)',
      error: 'The stream was cut off at 40% before the image was finished',
    });
    expect(onScreen(byId['v3-lost']).error).toBe(v3Fixture.jobs[2]!.error!.message);
    // Stored in Chinese when it was made: in English now, as the page's language is.
    expect(onScreen(byId['v3-zh']).error).toBe('The task failed (banned_prompt).');
    // The provider's words stay word for word.
    expect(byId['v3-provider']?.error).toMatchObject({
      message: 'Unrecognized argument(s): `-c`, `x`',
    });
    expect(byId['v3-provider']?.error?.reason).toBeUndefined();

    await activateLocale('zh-CN');
    expect(onScreen(byId['v3-lost']).error).toMatch(/[\u4e00-\u9fff]/);
    expect(onScreen(byId['v3-check']).note).toContain('fetch failed (ECONNREFUSED)');
    expect(onScreen(byId['v3-zh']).error).toBe('任务失败（banned_prompt）。');
    expect(onScreen(byId['v3-provider']).error).toBe('Unrecognized argument(s): `-c`, `x`');
  });

  it('is rewritten once in the background: no studio sentence left, the mark cleared', async () => {
    const dbName = await v3Database(v3Fixture.jobs);
    const before = await rawRecords(dbName);
    expect(before.flatMap(studioSentences).length).toBeGreaterThan(4);
    const { persistence } = tab(dbName);
    await persistence.loadJobs();
    await persistence.loadAll();
    await vi.waitFor(async () => {
      const db = await openDB(dbName);
      const mark: unknown = await db.get('meta', LEGACY_TEXT_KEY);
      db.close();
      expect(mark).toBeUndefined();
    });
    const after = await rawRecords(dbName);
    expect(after.flatMap(studioSentences)).toEqual([]);
    expect(after.find((r) => r.id === 'v3-provider')?.error?.message).toBe(
      'Unrecognized argument(s): `-c`, `x`',
    );
  });
});

describe('what this studio stores', () => {
  it('keeps no sentence of its own in a record, from a fresh database on', async () => {
    counter += 1;
    const dbName = `legacy-records-fresh-${counter}`;
    const { persistence } = tab(dbName);
    const base = v3Fixture.jobs[0]!;
    const made = (id: string, patch: Partial<Job>): Job =>
      ({ ...base, id, note: undefined, ...patch }) as Job;
    const unreachable = toApiError(new TypeError('fetch failed'));
    const refused = new ApiError('http', 'Banned prompt', { status: 400, code: 'banned' });
    await persistence.saveJob(made('a', { note: CANCELLED_AFTER_SEND_NOTE }));
    await persistence.saveJob(
      made('b', { status: 'failed', error: errorOf(unreachable, made('b', {})) }),
    );
    await persistence.saveJob(
      made('c', { status: 'failed', error: errorOf(refused, made('c', {})) }),
    );
    const records = await rawRecords(dbName);
    expect(records).toHaveLength(3);
    expect(records.flatMap(studioSentences)).toEqual([]);
    expect(records.find((r) => r.id === 'c')?.error?.message).toBe('Banned prompt');
    expect(say(records.find((r) => r.id === 'b')?.error?.reason, i18n)).toBe(
      'Could not reach the server: fetch failed',
    );
    // A fresh database is never marked, so the migration never loads for it.
    const db = await openDB(dbName);
    expect(await db.get('meta', LEGACY_TEXT_KEY)).toBeUndefined();
    db.close();
  });
});

describe('what the studio makes', () => {
  /** What a call threw. */
  async function thrown(work: () => unknown): Promise<ApiError> {
    try {
      await work();
    } catch (err) {
      return err as ApiError;
    }
    throw new Error('nothing thrown');
  }

  it('stores codes and data: contract mismatches, bad stream lines, stand-ins, lineage labels', async () => {
    counter += 1;
    const dbName = `legacy-records-made-${counter}`;
    const { persistence } = tab(dbName);
    const base = v3Fixture.jobs[0]!;
    const made = (id: string, patch: Partial<Job>): Job =>
      ({ ...base, id, note: undefined, ...patch }) as Job;
    const failures = {
      mismatch: await thrown(() =>
        validate(
          z.object({ progress: z.number() }),
          { progress: 'half' },
          apiMsg('api.stream-line', { line: 2 }),
        ),
      ),
      line: await thrown(async () => {
        const body = new Response('oops\n').body!;
        for await (const _ of readNdjson(body)) void _;
      }),
      standIn: await errorFromResponse(new Response('{"code":"no_token"}', { status: 400 })),
    };
    for (const [id, err] of Object.entries(failures)) {
      await persistence.saveJob(made(id, { status: 'failed', error: errorOf(err, made(id, {})) }));
    }
    // A describe, an edit and an animate of a picture with no words; a clip extended from it.
    const picture = made('pic', { request: {}, result: { actions: [], image_id: 'img-1' } });
    const animate = animateSubmission(
      { imageUrl: 'https://cdn.test/a.png', loop: false, resolution: '480p', mode: 'fast' },
      picture,
    );
    const video = made('video', {
      kind: VIDEOS_KIND,
      request: animate.request,
      ...(animate.parent ? { parent: animate.parent } : {}),
      result: {
        actions: [],
        data: { video_id: 'v-1', video_urls: ['https://cdn.test/1.mp4', 'https://cdn.test/2.mp4'] },
      },
    });
    const extend = extendSubmission(video, 1)!;
    const clip = made('clip', {
      kind: VIDEOS_KIND,
      request: extend.request,
      parent: extend.parent,
    });
    await persistence.saveJob(video);
    await persistence.saveJob(clip);
    const action = actionSubmission(picture, 'upscale2')!;
    await persistence.saveJob(made('up', { request: action.request, parent: action.parent }));

    const records = await rawRecords(dbName);
    expect(records.flatMap(studioSentences)).toEqual([]);
    for (const id of Object.keys(failures)) {
      const error = records.find((r) => r.id === id)?.error;
      expect(error?.message, id).toBeUndefined();
      expect(isMsg(error?.reason), id).toBe(true);
    }
    // No label where the parent had no words ("Untitled" is the studio's, worded when shown).
    for (const id of ['video', 'clip', 'up']) {
      expect(records.find((r) => r.id === id)?.parent?.label, id).toBeUndefined();
    }
    const byId = Object.fromEntries(records.map((r) => [r.id, r]));
    const shown = () => ({
      mismatch: onScreen(byId.mismatch as Job).error,
      line: onScreen(byId.line as Job).error,
      standIn: onScreen(byId.standIn as Job).error,
      clip: jobTitle(byId.clip as Job, i18n),
    });
    expect(shown()).toEqual({
      mismatch: expect.stringMatching(/^Stream line 2 does not match the contract \(progress: /),
      line: 'Line 1 of the stream is not valid JSON: oops',
      standIn: 'No API token was sent (the authorization header is missing).',
      clip: 'Clip 2 of Untitled',
    });
    await activateLocale('zh-CN');
    for (const [what, words] of Object.entries(shown())) {
      expect(words, what).toMatch(/[\u4e00-\u9fff]/);
      expect(words, what).not.toMatch(/Stream|Line|No API|Clip|Untitled/);
    }
  });
});

describe('a history file an older studio exported (format version 1)', () => {
  it('imports with messages, not sentences, and the same words on screen', async () => {
    counter += 1;
    const { store, persistence } = tab(`legacy-records-import-${counter}`);
    await persistence.importHistory(JSON.stringify(v1Export));
    const byId = store.getState().byId;
    const running = byId['v1x-running'];
    const failed = byId['v1x-failed'];
    expect(isMsg(running?.note)).toBe(true);
    expect(onScreen(running).note).toBe('Cancelled before it was sent; nothing was charged.');
    expect(failed?.error?.reason).toEqual({
      code: 'api.http-reason',
      params: { status: '502', reason: 'Bad Gateway' },
    });
    expect(onScreen(failed)).toEqual({
      note: 'An older note in words of its own.',
      error: 'HTTP 502 Bad Gateway from the server',
    });
    const exported = JSON.parse(await persistence.exportHistory()) as {
      version: number;
      jobs: StoredJob[];
    };
    expect(exported.version).toBe(2);
    expect(exported.jobs.flatMap(studioSentences)).toEqual([]);
  });
});
