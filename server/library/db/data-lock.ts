/**
 * One process per embedded data folder. PGlite has no lock of its own: a second process that
 * opens the same folder works on a copy in memory, and its writes are lost when the first one
 * closes. So the folder holds `studio.lock` with the pid of the process using it; a lock whose
 * process is gone is stale and is taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** A held lock on a data folder. */
export interface DataLock {
  release(): void;
}

/** Whether a process with this pid is running (signal 0 only asks). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it runs, as another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Take the data folder's lock, or throw saying which process holds it and what to do. */
export function lockDataDir(dataDir: string): DataLock {
  const path = join(dataDir, 'studio.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return { release: () => rmSync(path, { force: true }) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const pid = Number(readFileSync(path, 'utf8').trim());
    if (Number.isInteger(pid) && pid > 0 && alive(pid))
      throw new Error(
        `Another studio process (pid ${pid}) holds ${dataDir}. Stop it, or run several instances ` +
          'with DATABASE_URL.',
      );
    // Stale: its process is gone. Remove it and try once more (another starter may win).
    rmSync(path, { force: true });
  }
  throw new Error(`Could not take the lock on ${dataDir}: another process is starting with it.`);
}
