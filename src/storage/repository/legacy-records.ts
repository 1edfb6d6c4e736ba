/**
 * Records an older studio wrote hold sentences (a note, a studio-made error) where records now
 * hold messages. A database upgraded to v4 is marked (`schema.ts`); while the mark is there, every
 * record read goes through the migration (`migrations/legacy-text.ts`, loaded only then), and,
 * once the whole history has been read after the first paint, the records are rewritten and the
 * mark is cleared. A fresh database is never marked and never loads the migration.
 */
import type { LegacyText } from '../migrations/legacy-text';
import { LEGACY_TEXT_KEY, type StudioDb } from './schema';

/** Records rewritten per transaction. */
const PAGE = 250;

/** The migration, when this database is marked; null when it is not. */
export async function legacyTextOf(db: StudioDb): Promise<LegacyText | null> {
  if ((await db.get('meta', LEGACY_TEXT_KEY)) !== 'pending') return null;
  const { loadLegacyText } = await import('../migrations/legacy-text');
  return loadLegacyText();
}

/**
 * Rewrites every record with sentences as messages, a page per transaction (each record read
 * again inside it, so a write from another tab in between is never undone), then clears the mark.
 */
export async function rewriteLegacyRecords(db: StudioDb, legacy: LegacyText): Promise<void> {
  const ids = await db.getAllKeys('jobs');
  for (let i = 0; i < ids.length; i += PAGE) {
    const tx = db.transaction('jobs', 'readwrite');
    for (const id of ids.slice(i, i + PAGE)) {
      const record = await tx.store.get(id);
      const migrated = record && legacy.job(record);
      if (migrated && migrated !== record) await tx.store.put(migrated);
    }
    await tx.done;
  }
  await db.delete('meta', LEGACY_TEXT_KEY);
}
