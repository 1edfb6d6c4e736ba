/**
 * The library's tables (drizzle). `drizzle-kit generate` turns this file into the SQL in
 * `server/library/migrations/`, which both drivers run at open. Only SQL that Postgres 15
 * understands: the embedded database is a newer Postgres than a server may be.
 *
 * Members, sessions and usage (team mode) come with their own migration later; `member_id` is
 * here already so a job row never needs rewriting when they do.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { JOB_STATUSES } from '../../../src/api/job-statuses';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** One ever-rising change number: live event ids and "what changed since N". */
export const changeSeq = pgSequence('change_seq');

/**
 * Whether the job's request may have left: `unsent` (never: sending it is safe), `sending` (the
 * intent was saved, the call may or may not have gone), `sent` (the service answered it).
 */
export const SEND_STATES = ['unsent', 'sending', 'sent'] as const;

/** The states a job is still followed in: someone must own it. */
export const ACTIVE_STATUSES = ['queued', 'running', 'stalled'] as const;

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(','));

/** One row per job the library holds: what the browser's stored job holds, plus its owner. */
export const jobs = pgTable(
  'jobs',
  {
    /** Made by the browser, so a repeated submit is the same row. */
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    status: text('status', { enum: JOB_STATUSES }).notNull(),
    /** Made with the id: how a job whose send may have gone is found at the service. */
    traceId: text('trace_id').notNull(),
    taskId: text('task_id'),
    request: jsonb('request').notNull(),
    delivery: text('delivery').notNull(),
    mode: text('mode'),
    parent: jsonb('parent'),
    parentJobId: uuid('parent_job_id'),
    /** Where it is sent: a name and a base URL, never a token. */
    target: jsonb('target'),
    progress: integer('progress').notNull().default(0),
    result: jsonb('result'),
    /** `{ code, params }` or the provider's own words as data; never a sentence of ours. */
    error: jsonb('error'),
    note: jsonb('note'),
    attempts: integer('attempts').notNull().default(1),
    memberId: uuid('member_id'),
    sendState: text('send_state', { enum: SEND_STATES }).notNull().default('unsent'),
    /** Cancel, retry or check asked of the owner by a browser; cleared when done. */
    command: jsonb('command'),
    /** The instance following the job, while its lease lasts. */
    owner: text('owner'),
    leaseUntil: at('lease_until'),
    rev: bigint('rev', { mode: 'number' })
      .notNull()
      .default(sql`nextval('change_seq')`),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    startedAt: at('started_at'),
    finishedAt: at('finished_at'),
    deletedAt: at('deleted_at'),
  },
  (t) => [
    index('jobs_newest').on(t.createdAt.desc(), t.id.desc()),
    index('jobs_rev').on(t.rev),
    index('jobs_member_newest').on(t.memberId, t.createdAt.desc()),
    index('jobs_active')
      .on(t.leaseUntil)
      .where(sql`status in (${inList(ACTIVE_STATUSES)})`),
    uniqueIndex('jobs_trace').on(t.traceId),
    check('jobs_status', sql`${t.status} in (${inList(JOB_STATUSES)})`),
    check('jobs_send_state', sql`${t.sendState} in (${inList(SEND_STATES)})`),
  ],
);

/** One row per saved state of a job: the trail of everything that happened to it. */
export const jobEvents = pgTable(
  'job_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    jobId: uuid('job_id')
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    at: at('at').notNull().defaultNow(),
    status: text('status').notNull(),
    progress: integer('progress'),
    /** The instance that saved it. */
    instance: text('instance'),
    detail: jsonb('detail'),
  },
  (t) => [index('job_events_job').on(t.jobId, t.id)],
);

/** The kept copy of each picture or clip of a job. */
export const FILE_STATES = ['pending', 'stored', 'failed'] as const;

/** One row per kept copy: `role` is `image`, `raw`, `sub:N`, `clip:N` or `cover`. */
export const files = pgTable(
  'files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jobId: uuid('job_id')
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    sourceUrl: text('source_url').notNull(),
    storageKey: text('storage_key'),
    contentType: text('content_type'),
    bytes: bigint('bytes', { mode: 'number' }),
    sha256: text('sha256'),
    state: text('state', { enum: FILE_STATES }).notNull().default('pending'),
    /** `{ code, params }`: why the copy could not be kept. */
    error: jsonb('error'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('files_job_role').on(t.jobId, t.role),
    check('files_state', sql`${t.state} in (${inList(FILE_STATES)})`),
  ],
);
