import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { embeddedDataDir } from './fixtures/pglite-template';
import { databaseColumns, schemaColumns } from './fixtures/schema-check';
import { insertJobs } from './fixtures/job-rows';
import { claimJobs, markSending } from './job-leases';
import { libraryOptions, openLibrary, type OpenedLibrary } from './open-library';
import { jobEvents, jobs } from './schema';

/** The rows of a raw query (both drivers answer `{ rows }`). */
const rowsOf = async (lib: OpenedLibrary, query: ReturnType<typeof sql>) =>
  ((await lib.db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;

/** What the database said when it refused a query (drizzle wraps it). */
const refusal = (query: Promise<unknown>) =>
  query.then(
    () => 'accepted',
    (err: Error) => String(err.cause ?? err),
  );

describe('libraryOptions', () => {
  it('keeps the embedded database in ./data unless DATA_DIR says otherwise', () => {
    expect(libraryOptions({})).toEqual({ dataDir: './data' });
    expect(libraryOptions({ DATA_DIR: '/srv/studio' })).toEqual({ dataDir: '/srv/studio' });
  });

  it('uses a real Postgres when DATABASE_URL is set', () => {
    expect(libraryOptions({ DATABASE_URL: 'postgres://db/lib' }).databaseUrl).toBe(
      'postgres://db/lib',
    );
  });
});

describe('the embedded library (PGlite)', () => {
  let folder: Awaited<ReturnType<typeof embeddedDataDir>>;
  let lib: OpenedLibrary;
  beforeAll(async () => {
    folder = await embeddedDataDir();
    lib = await openLibrary({ dataDir: folder.dataDir });
  }, 180_000);
  afterAll(async () => {
    await lib?.close();
    folder?.remove();
  });

  it('opens with every table and column of the schema, made by the migration', async () => {
    expect(lib.driver).toBe('pglite');
    expect(await databaseColumns(lib)).toEqual(schemaColumns());
  });

  it('refuses a second opener of the same folder while the first has it, saying who', async () => {
    const second = openLibrary({ dataDir: folder.dataDir });
    await expect(second).rejects.toThrow(
      `Another studio process (pid ${process.pid}) holds ${folder.dataDir}.`,
    );
  });

  it('numbers each change from one sequence and refuses a status the machine does not have', async () => {
    const [a, b] = await insertJobs(lib.db, 2);
    const revs = await lib.db.select({ id: jobs.id, rev: jobs.rev }).from(jobs);
    const revOf = (id?: string) => revs.find((r) => r.id === id)!.rev;
    expect(revOf(b)).toBeGreaterThan(revOf(a));
    expect(
      await refusal(lib.db.execute(sql`update jobs set status = 'finished' where id = ${a!}`)),
    ).toMatch(/jobs_status/);
  });

  it('runs the same lease rule: a claim, then the send recorded once', async () => {
    const [id] = await insertJobs(lib.db, 1);
    const lease = { owner: 'solo', leaseMs: 60_000 };
    const claimed = (await claimJobs(lib.db, lease, 10)).find((c) => c.job.id === id);
    expect([claimed?.job.owner, claimed?.resume]).toEqual(['solo', 'send']);
    expect(await markSending(lib.db, 'solo', id!)).toMatchObject({ sendState: 'sending' });
    expect(await markSending(lib.db, 'solo', id!)).toBeNull();
    const trail = await lib.db
      .select()
      .from(jobEvents)
      .where(sql`${jobEvents.jobId} = ${id!}`);
    expect(trail.map((e) => e.status)).toEqual(['running']);
  });

  it('reopens with its rows and runs no migration twice, past a lock its process left', async () => {
    const before = await lib.db.select({ id: jobs.id }).from(jobs);
    await lib.close();
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(join(folder.dataDir, 'studio.lock'), String(gone));
    lib = await openLibrary({ dataDir: folder.dataDir });
    expect(await lib.db.select({ id: jobs.id }).from(jobs)).toEqual(before);
    const applied = await rowsOf(
      lib,
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    expect(applied[0]!.n).toBe(1);
  }, 120_000);
});
