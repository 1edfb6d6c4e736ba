/**
 * The job repository: one record per job, read and written by id, and read newest-first by the
 * `createdAt` index so a start can show the first page before the rest is read.
 */
import { ACTIVE_STATUSES, toStoredJob, type Job, type StoredJob } from '../job';
import { jobSchemas, loadJobSchemas } from '../schemas';
import type { StudioDb } from './schema';

/**
 * Records that fail validation are skipped, never thrown at the reader. Only called after `open`
 * (below) resolved, which loads the schemas.
 */
function parse(record: unknown): StoredJob | undefined {
  const parsed = jobSchemas().storedJob.safeParse(record);
  return parsed.success ? parsed.data : undefined;
}

/** Records validated between two yields to the page. */
const PARSE_CHUNK = 1000;

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
  /** Every job, newest first. */
  all(): Promise<StoredJob[]>;
  count(): Promise<number>;
}

/** A repository over the database `db()` resolves to. */
export function createJobRepository(db: () => Promise<StudioDb>): JobRepository {
  // The schemas that read records load alongside the database, not with the page.
  const open = async (): Promise<StudioDb> => (await Promise.all([db(), loadJobSchemas()]))[0];
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
      // Two round trips whatever the page size: find the oldest createdAt on the page with a
      // reverse cursor that skips ahead, then read everything from there in one getAll.
      const index = (await open()).transaction('jobs').store.index('createdAt');
      let cursor = await index.openKeyCursor(null, 'prev');
      if (!cursor) return [];
      if (limit > 1) cursor = await cursor.advance(limit - 1);
      const range = cursor ? IDBKeyRange.lowerBound(cursor.key) : undefined;
      const records = await index.getAll(range);
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
      const records = await (await open()).getAllFromIndex('jobs', 'createdAt');
      const jobs: StoredJob[] = [];
      for (let i = records.length - 1; i >= 0; i -= 1) {
        const job = parse(records[i]);
        if (job) jobs.push(job);
        // Validating 10,000 records takes a while: let the page paint and take input meanwhile.
        if (i % PARSE_CHUNK === 0 && i > 0) await pause();
      }
      return jobs;
    },

    async count() {
      return (await db()).count('jobs');
    },
  };
}
