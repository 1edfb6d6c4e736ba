/**
 * The job schemas, loaded on demand so zod stays out of the JavaScript the page needs to paint.
 * Async code (the repository, the runner before it feeds the machine, an import) awaits
 * `loadJobSchemas()`; pure code that only ever runs after that (a kind's `settle`, the machine's
 * retry) reads them with `jobSchemas()`.
 */
import { loadOnce } from '../lazy/load-once';
import type { JobSchemaSet } from './schema-set';

/** Loads the schemas once; every caller shares the same import (a failed one is tried again). */
export const loadJobSchemas = loadOnce(() => import('./schema-set').then((m) => m.jobSchemaSet));

/** The loaded schemas; throws when read before `loadJobSchemas()` resolved (a bug, not input). */
export function jobSchemas(): JobSchemaSet {
  const loaded = loadJobSchemas.value;
  if (!loaded)
    throw new Error('Job schemas read before they loaded: await loadJobSchemas() first.');
  return loaded;
}
