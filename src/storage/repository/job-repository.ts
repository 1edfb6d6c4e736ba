/**
 * The job repository: one record per job, read and written by id, and read newest-first by the
 * `createdAt` index so a start can show the first page before the rest is read.
 */
import { ACTIVE_STATUSES, toStoredJob, type Job, type StoredJob } from '../../jobs/job';
import { lazyModule } from '../../jobs/lazy-module';
import type { LegacyText } from '../migrations/legacy-text';
import { legacyTextOf, rewriteLegacyRecords } from './legacy-records';
import type { StudioDb } from './schema';

/** The schema records are read with: loaded with the database, not with the page (zod). */
const storedJobSchema = lazyModule('The stored-job schema', () => import('./stored-job-schema'));

/** Loads the schema records are read with (a start loads it while the database opens). */
export const loadStoredJobSchema = () => storedJobSchema.load();

/**
 * Records that fail validation are skipped, never thrown at the reader. Only called after `open`
 * (below) resolved, which loads the schema (and the migration, for an older studio's records).
 */
function parseRecord(record: unknown, legacy: LegacyText | null): StoredJob | undefined {
  const parsed = storedJobSchema
    .get()
    .storedJobSchema.safeParse(legacy ? legacy.job(record) : record);
  return parsed.success ? parsed.data : undefined;
}

/** Records read (and validated) between two yields to the page when reading them all. */
const ALL_PAGE = 250;

function pause(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** CRUD of jobs over an opened database (opened lazily by the caller). */
export interface JobRepository {
  /** Writes one job (never its preview). */
  put(job: Job): Promise<StoredJob>;
  get(id: string): Promise<StoredJob | undefined>;
  /** The jobs among `ids` that exist, in the order asked. */
  getMany(ids: string[]): Promise<StoredJob[]>;
  /** The newest `limit` jobs, newest first, read through the `createdAt` index. */
  newest(limit: number): Promise<StoredJob[]>;
  /** Every job the runner may still have work for (queued, running, stalled). */
  active(): Promise<StoredJob[]>;
  /**
   * Every job, newest first: read a page at a time, yielding to the page between pages, so a long
   * history never holds the page up for one long read.
   */
  all(): Promise<StoredJob[]>;
  count(): Promise<number>;
}

/** A repository over the database `db()` resolves to. */
export function createJobRepository(db: () => Promise<StudioDb>): JobRepository {
  // The schemas that read records load alongside the database, not with the page.
  // Looked up once per database: whether its records may hold an older studio's sentences.
  let legacyOf: Promise<LegacyText | null> | null = null;
  let legacy: LegacyText | null = null;
  const open = async (): Promise<StudioDb> => {
    const [d] = await Promise.all([db(), loadStoredJobSchema()]);
    legacyOf ??= legacyTextOf(d).catch((err: unknown) => {
      legacyOf = null;
      throw err;
    });
    legacy = await legacyOf;
    return d;
  };
  const parse = (record: unknown) => parseRecord(record, legacy);
  return {
    async put(job) {
      const stored = toStoredJob(job);
      await (await db()).put('jobs', stored);
      return stored;
    },

    async get(id) {
      return parse(await (await open()).get('jobs', id));
    },

    async getMany(ids) {
      const tx = (await open()).transaction('jobs');
      const records = await Promise.all(ids.map((id) => tx.store.get(id)));
      return records.map(parse).filter((job): job is StoredJob => job !== undefined);
    },

    async newest(limit) {
      // At most `limit` records whatever the history holds: find the createdAt of the page's
      // oldest job with a reverse key cursor that skips ahead, read the jobs newer than it in one
      // getAll, and of the jobs created at that very moment only as many as the page has room
      // for (a history whose jobs share a time, as a cloned or scripted one can, must not be
      // read whole).
      const index = (await open()).transaction('jobs').store.index('createdAt');
      let cursor = await index.openKeyCursor(null, 'prev');
      if (!cursor) return [];
      if (limit > 1) cursor = await cursor.advance(limit - 1);
      let records: unknown[];
      if (!cursor) records = await index.getAll();
      else {
        const oldest = cursor.key;
        const newer = await index.getAll(IDBKeyRange.lowerBound(oldest, true));
        const same = await index.getAll(IDBKeyRange.only(oldest), limit - newer.length);
        // Ties in id order, as the feed shows them.
        records = [...same.reverse(), ...newer];
      }
      const jobs: StoredJob[] = [];
      for (let i = records.length - 1; i >= 0 && jobs.length < limit; i -= 1) {
        const job = parse(records[i]);
        if (job) jobs.push(job);
      }
      return jobs;
    },

    async active() {
      const tx = (await open()).transaction('jobs');
      const index = tx.store.index('status');
      const lists = await Promise.all([...ACTIVE_STATUSES].map((s) => index.getAll(s)));
      return lists
        .flat()
        .map(parse)
        .filter((job): job is StoredJob => job !== undefined)
        .sort((a, b) => b.createdAt - a.createdAt);
    },

    async all() {
      const jobs: StoredJob[] = [];
      let after: string | undefined;
      for (;;) {
        const range = after === undefined ? null : IDBKeyRange.lowerBound(after, true);
        const page = await (await open()).getAll('jobs', range, ALL_PAGE);
        for (const record of page) {
          const job = parse(record);
          if (job) jobs.push(job);
        }
        if (page.length < ALL_PAGE) break;
        after = page[page.length - 1]!.id;
        await pause();
      }
      // The whole history has been read: an older studio's records are rewritten now, once.
      // (In the background: the history is on screen already, read through the migration.)
      if (legacy) {
        void rewriteLegacyRecords(await db(), legacy).then(
          () => {
            legacyOf = Promise.resolve(null);
            legacy = null;
          },
          // Tried again at the next start: the mark is still there.
          () => {},
        );
      }
      return jobs.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1));
    },

    async count() {
      return (await db()).count('jobs');
    },
  };
}
