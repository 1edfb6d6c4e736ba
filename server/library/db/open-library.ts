/**
 * Opening the library's database: embedded Postgres (PGlite) in `DATA_DIR/db` by default, or a
 * real Postgres when `DATABASE_URL` is set. Either way the same migrations run first, so both
 * hold the same schema; on Postgres, instances starting together take turns to migrate.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { Pool } from 'pg';
import { lockDataDir } from './data-lock';
import * as schema from './schema';

/** The library's database, whichever driver holds it. */
export type LibraryDb = PgDatabase<PgQueryResultHKT, typeof schema>;

/** Where the library lives. */
export interface LibraryOptions {
  /** A real Postgres (`postgres://…`); without it the embedded one is used. */
  databaseUrl?: string;
  /** The embedded database's folder is `<dataDir>/db`. */
  dataDir: string;
}

/** An open library. */
export interface OpenedLibrary {
  db: LibraryDb;
  driver: 'pglite' | 'pg';
  /** Close it: an open embedded database keeps the process alive. */
  close(): Promise<void>;
}

/** The folder drizzle-kit writes the migrations to (see drizzle.config.ts). */
export const MIGRATIONS = fileURLToPath(new URL('../migrations', import.meta.url));

/** Any fixed number: the advisory lock instances hold while one of them migrates. */
const MIGRATE_LOCK = 7_224_031;

/** The library's options from the environment: `DATABASE_URL`, `DATA_DIR` (default `./data`). */
export function libraryOptions(env: NodeJS.ProcessEnv = process.env): LibraryOptions {
  return {
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    dataDir: env.DATA_DIR || './data',
  };
}

/** Open the library and bring its schema up to date. */
export async function openLibrary(options: LibraryOptions): Promise<OpenedLibrary> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openEmbedded(options.dataDir);
}

async function openPostgres(url: string): Promise<OpenedLibrary> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
  // An idle client's error (the server restarted, 57P01) is raised on the pool: without a
  // listener it would end the process. The next query simply gets a fresh connection.
  pool.on('error', () => undefined);
  try {
    await migrateLocked(pool);
  } catch (err) {
    await pool.end();
    throw err;
  }
  const db = drizzlePg(pool, { schema });
  return { db: db as unknown as LibraryDb, driver: 'pg', close: () => pool.end() };
}

/** Migrate on one connection that holds the lock, so two instances never run one migration twice. */
async function migrateLocked(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATE_LOCK]);
    await migratePg(drizzlePg(client, { schema }), { migrationsFolder: MIGRATIONS });
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATE_LOCK]).catch(() => undefined);
    client.release();
  }
}

async function openEmbedded(dataDir: string): Promise<OpenedLibrary> {
  const { PGlite } = await import('@electric-sql/pglite');
  const dir = join(dataDir, 'db');
  // PGlite does not make the folders above its own.
  mkdirSync(dir, { recursive: true });
  const lock = lockDataDir(dataDir);
  let client: PGlite | undefined;
  try {
    client = await PGlite.create(dir).catch((err: unknown) => {
      throw new Error(
        `The library's database in ${dir} cannot be opened (${String(err)}). If another version ` +
          'of the studio made it, export the history with that version and import it here.',
        { cause: err },
      );
    });
    const db = drizzlePglite(client, { schema });
    await migratePglite(db, { migrationsFolder: MIGRATIONS });
    const opened = client;
    const close = async () => {
      await opened.close();
      lock.release();
    };
    return { db: db as unknown as LibraryDb, driver: 'pglite', close };
  } catch (err) {
    await client?.close();
    lock.release();
    throw err;
  }
}
