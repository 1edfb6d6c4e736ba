/**
 * Who follows a job: an instance holds a job by a lease on its row, renews it while it works,
 * and releases it when the job ends or the instance stops. A job whose lease ran out (its
 * instance died) is claimed by another. Every write an owner makes is fenced by its lease, so an
 * instance that lost a job (paused, cut off) can no longer change it, nor send it.
 *
 * Exactly-once send: a job's request leaves only after its row says `send_state = 'sending'`,
 * which only the owner of a job that was never sent can write. A new owner that finds `sending`
 * or `sent` never sends again: it looks the task up, by task id if it was recorded, else by the
 * trace id the request carried. The clock is the database's `now()`, never an instance's.
 */
import { and, asc, eq, inArray, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { LibraryDb } from './open-library';
import { ACTIVE_STATUSES, jobEvents, jobs } from './schema';

/** A job row as the library reads it. */
export type JobRow = typeof jobs.$inferSelect;

/** An instance's hold on jobs. */
export interface Lease {
  /** The instance, unique among those sharing the database (for example `host:pid:random`). */
  owner: string;
  /** How long a claim or a renewal lasts without another renewal. */
  leaseMs: number;
}

/**
 * How a claimed job goes on: `send` (it was never sent: sending is safe), `lookup-task` (look
 * the task up by its id), `lookup-trace` (it may have been sent before its task id was saved:
 * look it up by trace id; never send it again).
 */
export type Resume = 'send' | 'lookup-task' | 'lookup-trace';

/** A claimed job and how its new owner resumes it. */
export interface Claimed {
  job: JobRow;
  resume: Resume;
}

/** How a job claimed in this state resumes (the rule in the file's comment). */
export function resumeOf(job: Pick<JobRow, 'sendState' | 'taskId'>): Resume {
  if (job.sendState === 'unsent') return 'send';
  return job.taskId ? 'lookup-task' : 'lookup-trace';
}

const leaseEnd = (leaseMs: number): SQL =>
  sql`now() + (${Math.round(leaseMs)}::integer * interval '1 millisecond')`;

/** The row is this instance's, and its lease has not run out. */
const held = (owner: string): SQL => and(eq(jobs.owner, owner), sql`${jobs.leaseUntil} > now()`)!;

/**
 * Claim up to `limit` active jobs that nobody holds (never held, released, or lease run out),
 * oldest first. Rows another instance is claiming at this moment are skipped, not waited for,
 * so two instances claiming at once never get the same job.
 */
export async function claimJobs(db: LibraryDb, lease: Lease, limit: number): Promise<Claimed[]> {
  if (limit <= 0) return [];
  const free = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      and(
        inArray(jobs.status, [...ACTIVE_STATUSES]),
        isNull(jobs.deletedAt),
        or(isNull(jobs.leaseUntil), lt(jobs.leaseUntil, sql`now()`)),
      ),
    )
    .orderBy(asc(jobs.createdAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  const rows = await db
    .update(jobs)
    .set({
      owner: lease.owner,
      leaseUntil: leaseEnd(lease.leaseMs),
      rev: sql`nextval('change_seq')`,
    })
    .where(inArray(jobs.id, free))
    .returning();
  return rows.map((job) => ({ job, resume: resumeOf(job) }));
}

/** Renew this instance's leases on `ids`; the ids it no longer holds are left out of the answer. */
export async function renewLeases(db: LibraryDb, lease: Lease, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await db
    .update(jobs)
    .set({ leaseUntil: leaseEnd(lease.leaseMs) })
    .where(and(held(lease.owner), inArray(jobs.id, ids)))
    .returning({ id: jobs.id });
  return rows.map((row) => row.id);
}

/** Let go of `ids` (all this instance holds, without ids): another instance may claim them now. */
export async function releaseJobs(db: LibraryDb, owner: string, ids?: string[]): Promise<string[]> {
  const rows = await db
    .update(jobs)
    .set({ owner: null, leaseUntil: null, rev: sql`nextval('change_seq')` })
    .where(and(eq(jobs.owner, owner), ids ? inArray(jobs.id, ids) : undefined))
    .returning({ id: jobs.id });
  return rows.map((row) => row.id);
}

/**
 * What an owner may change on a job row (a value, or SQL such as `now()`). `send_state` is not
 * among them: only `markSending` and `markSent` move it, and only forwards.
 */
export type JobChanges = {
  [K in Exclude<keyof JobRow, 'id' | 'traceId' | 'rev' | 'createdAt' | 'sendState'>]?:
    JobRow[K] | SQL;
};

/**
 * Save changes to a held job, with one `job_events` row, only while the lease holds: null
 * means the job is no longer this instance's, and it must stop following it at once.
 */
export function saveHeld(
  db: LibraryDb,
  owner: string,
  id: string,
  changes: JobChanges,
): Promise<JobRow | null> {
  return saveRow(db, owner, id, changes);
}

/** `saveHeld`, which may also move `send_state`; `extra` narrows the rows further. */
async function saveRow(
  db: LibraryDb,
  owner: string,
  id: string,
  changes: JobChanges & { sendState?: 'sending' | 'sent' },
  extra?: SQL,
): Promise<JobRow | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(jobs)
      .set({ ...changes, rev: sql`nextval('change_seq')`, updatedAt: sql`now()` })
      .where(and(eq(jobs.id, id), held(owner), extra))
      .returning();
    if (!row) return null;
    await tx.insert(jobEvents).values({
      jobId: id,
      status: row.status,
      progress: row.progress,
      instance: owner,
      detail: { sendState: row.sendState, taskId: row.taskId },
    });
    return row;
  });
}

/**
 * Record, before the request leaves, that it is about to: only the owner of a job that was never
 * sent can. Null means do not send (the job is not held, or it may already have gone).
 */
export function markSending(db: LibraryDb, owner: string, id: string): Promise<JobRow | null> {
  return saveRow(
    db,
    owner,
    id,
    { status: 'running', sendState: 'sending', startedAt: sql`now()` },
    eq(jobs.sendState, 'unsent'),
  );
}

/**
 * Record that the request went (the service answered, or a lookup by trace id found it), with
 * its task id if there is one. Only after `markSending`: a job never sent cannot be marked sent.
 */
export function markSent(
  db: LibraryDb,
  owner: string,
  id: string,
  taskId: string | null,
): Promise<JobRow | null> {
  return saveRow(db, owner, id, { sendState: 'sent', taskId }, ne(jobs.sendState, 'unsent'));
}

/** Save a final state and let go of the job in the same write. */
export function finishHeld(
  db: LibraryDb,
  owner: string,
  id: string,
  changes: JobChanges & { status: 'done' | 'failed' | 'cancelled' },
): Promise<JobRow | null> {
  return saveHeld(db, owner, id, {
    finishedAt: sql`now()`,
    ...changes,
    owner: null,
    leaseUntil: null,
  });
}
