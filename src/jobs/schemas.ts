/**
 * The job schemas, loaded on demand so zod stays out of the JavaScript the page needs to paint.
 * Async code (the repository, the runner before it feeds the machine, an import) awaits
 * `loadJobSchemas()`; pure code that only ever runs after that (a kind's `settle`, the machine's
 * retry) reads them with `jobSchemas()`.
 */
import type { JobSchemaSet } from './schema-set';

let loaded: JobSchemaSet | undefined;
let loading: Promise<JobSchemaSet> | undefined;

// Its failure is handled on this call, not chained onto the import(): the build's preload helper
// runs what is chained there only once the code has come.
const importSchemaSet = () => import('./schema-set');

/** Loads the schemas once; every caller shares the same import (a failed one is tried again). */
export function loadJobSchemas(): Promise<JobSchemaSet> {
  return (loading ??= importSchemaSet().then(
    (m) => (loaded = m.jobSchemaSet),
    (err: unknown) => {
      loading = undefined;
      throw err;
    },
  ));
}

/** The loaded schemas; throws when read before `loadJobSchemas()` resolved (a bug, not input). */
export function jobSchemas(): JobSchemaSet {
  if (!loaded)
    throw new Error('Job schemas read before they loaded: await loadJobSchemas() first.');
  return loaded;
}
