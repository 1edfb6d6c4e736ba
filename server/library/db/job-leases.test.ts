/**
 * The lease and take-over rule on a real Postgres, with two instances (two connection pools, as
 * two studio processes have): concurrent claims, an expired lease, the fenced writes and the
 * send-state rule. Skipped, saying why, only where Debian's Postgres is not installed.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireLease, insertJobs } from './fixtures/job-rows';
import { databaseColumns, schemaColumns } from './fixtures/schema-check';
import { postgresMissing, startPostgres, type Postgres } from './fixtures/throwaway-postgres';
import {
  claimJobs,
  finishHeld,
  markSending,
  markSent,
  releaseJobs,
  renewLeases,
  resumeOf,
  saveHeld,
  type Claimed,
} from './job-leases';
import { openLibrary, type OpenedLibrary } from './open-library';
import { jobEvents, jobs } from './schema';

const missing = postgresMissing();
if (missing) console.warn(`Skipping the real-Postgres library tests: ${missing}.`);

const A = { owner: 'instance-a', leaseMs: 60_000 };
const B = { owner: 'instance-b', leaseMs: 60_000 };
const ids = (claimed: Claimed[]) => claimed.map((c) => c.job.id).sort();

describe('resumeOf', () => {
  it('sends only a job that was never sent; otherwise looks it up, by task id if saved', () => {
    expect(resumeOf({ sendState: 'unsent', taskId: null })).toBe('send');
    expect(resumeOf({ sendState: 'sending', taskId: null })).toBe('lookup-trace');
    expect(resumeOf({ sendState: 'sent', taskId: null })).toBe('lookup-trace');
    expect(resumeOf({ sendState: 'sent', taskId: 't-1' })).toBe('lookup-task');
  });
});

describe.skipIf(missing)('two instances on one real Postgres', () => {
  let postgres: Postgres;
  let a: OpenedLibrary;
  let b: OpenedLibrary;
  beforeAll(async () => {
    postgres = await startPostgres();
    // A claim that waited on another's locked rows would fail after 10 s instead of hanging.
    const url = `${await postgres.database('library')}?options=-c%20lock_timeout%3D10000`;
    // Both instances start at once: they take turns to migrate, and both open.
    [a, b] = await Promise.all([
      openLibrary({ dataDir: '', databaseUrl: url }),
      openLibrary({ dataDir: '', databaseUrl: url }),
    ]);
  }, 120_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await postgres?.stop();
  });

  it("opened by both with the schema's tables and columns, migrated once; opening again applies nothing", async () => {
    expect([a.driver, b.driver]).toEqual(['pg', 'pg']);
    expect(await databaseColumns(a)).toEqual(schemaColumns());
    const count = async () =>
      (
        (await a.db.execute(
          sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
        )) as unknown as {
          rows: { n: number }[];
        }
      ).rows[0]!.n;
    expect(await count()).toBe(1);
    const url = postgres.url.replace(/\/postgres$/, '/library');
    const again = await openLibrary({ dataDir: '', databaseUrl: url });
    await again.close();
    expect(await count()).toBe(1);
  });

  it('claiming at the same time, every job goes to exactly one instance', async () => {
    const made = (await insertJobs(a.db, 40)).sort();
    const got: Record<string, Claimed[]> = { a: [], b: [] };
    // Both claim five at a time, at once, until nothing is left.
    const drain = async (lib: OpenedLibrary, lease: typeof A, into: Claimed[]) => {
      for (;;) {
        const claimed = await claimJobs(lib.db, lease, 5);
        if (!claimed.length) return;
        into.push(...claimed);
      }
    };
    await Promise.all([drain(a, A, got.a!), drain(b, B, got.b!)]);
    const both = [...ids(got.a!), ...ids(got.b!)].sort();
    expect(both).toEqual(made);
    expect(new Set(both).size).toBe(made.length);
    const owners = await a.db.select({ id: jobs.id, owner: jobs.owner }).from(jobs);
    for (const c of got.b!) expect(owners.find((o) => o.id === c.job.id)?.owner).toBe(B.owner);
    await releaseJobs(a.db, A.owner);
    await releaseJobs(b.db, B.owner);
    await a.db.update(jobs).set({ status: 'done' });
  });

  it('a claim never waits for, nor takes, the rows another instance is claiming', async () => {
    const made = await insertJobs(a.db, 6);
    await a.db.transaction(async (tx) => {
      // A's claim is not committed yet: its rows are locked while B claims.
      const mine = await claimJobs(tx as unknown as typeof a.db, A, 3);
      const theirs = await claimJobs(b.db, B, 3);
      expect(ids(mine)).toEqual(made.slice(0, 3).sort());
      expect(ids(theirs)).toEqual(made.slice(3).sort());
    });
    await releaseJobs(a.db, A.owner);
    await releaseJobs(b.db, B.owner);
    await a.db.update(jobs).set({ status: 'done' });
  });

  it('a live lease is kept; an expired one is taken over, and the old owner can neither write nor send', async () => {
    const [id] = await insertJobs(a.db, 1);
    expect(ids(await claimJobs(a.db, A, 10))).toEqual([id]);
    expect(await claimJobs(b.db, B, 10)).toEqual([]);
    expect(await renewLeases(a.db, A, [id!])).toEqual([id]);

    // A records the send, and dies before it saves the task id.
    expect(await markSending(a.db, A.owner, id!)).toMatchObject({ sendState: 'sending' });
    await expireLease(a.db, id!);

    const taken = await claimJobs(b.db, B, 10);
    expect(taken.map((c) => [c.job.id, c.resume])).toEqual([[id, 'lookup-trace']]);
    // The request may have gone: B never sends it again, it looks it up by trace id.
    expect(await markSending(b.db, B.owner, id!)).toBeNull();
    // A, back from its pause, has lost the job.
    expect(await renewLeases(a.db, A, [id!])).toEqual([]);
    expect(await saveHeld(a.db, A.owner, id!, { progress: 50 })).toBeNull();
    expect(await markSent(a.db, A.owner, id!, 'task-from-a')).toBeNull();

    expect(await markSent(b.db, B.owner, id!, 'task-1')).toMatchObject({ taskId: 'task-1' });
    expect(await finishHeld(b.db, B.owner, id!, { status: 'done', progress: 100 })).toMatchObject({
      status: 'done',
      owner: null,
    });
    expect(await claimJobs(a.db, A, 10)).toEqual([]);
    const trail = await a.db
      .select({ status: jobEvents.status, instance: jobEvents.instance })
      .from(jobEvents)
      .where(sql`${jobEvents.jobId} = ${id!}`)
      .orderBy(jobEvents.id);
    expect(trail).toEqual([
      { status: 'running', instance: A.owner },
      { status: 'running', instance: B.owner },
      { status: 'done', instance: B.owner },
    ]);
  });

  it('two sends of one job at the same moment: only one may go', async () => {
    const [id] = await insertJobs(a.db, 1);
    await claimJobs(a.db, A, 10);
    // Nor can a job be marked sent that was never marked as about to be.
    expect(await markSent(a.db, A.owner, id!, 'task-x')).toBeNull();
    const tries = await Promise.all([
      markSending(a.db, A.owner, id!),
      markSending(b.db, A.owner, id!),
      markSending(a.db, A.owner, id!),
    ]);
    expect(tries.filter((row) => row !== null)).toHaveLength(1);
    await finishHeld(a.db, A.owner, id!, { status: 'failed' });
  });

  it('a released job is claimed by the other instance at once, and resumes as it was left', async () => {
    const [id] = await insertJobs(a.db, 1);
    await claimJobs(a.db, A, 10);
    await markSending(a.db, A.owner, id!);
    await markSent(a.db, A.owner, id!, 'task-2');
    expect(await releaseJobs(a.db, A.owner)).toEqual([id]);
    const taken = await claimJobs(b.db, B, 10);
    expect(taken.map((c) => [c.job.id, c.resume, c.job.taskId])).toEqual([
      [id, 'lookup-task', 'task-2'],
    ]);
  });
});
