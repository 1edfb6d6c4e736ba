/**
 * The `edits` kind: `/midjourney/edits` edits an image (optionally inside a mask) with a prompt
 * and answers imagine's fields, with imagine's deliveries and task records (reference
 * other-endpoints §1). So it is a picture kind on its own path; its result is always a grid, with
 * whatever actions the service offers (none in the guide's examples — UNCERTAIN).
 */
import { lazyModule } from '../../jobs/lazy-module';
import { pictureKind } from '../shared/picture-task';

/**
 * The endpoint's path: the contract's `PATH`, written out so the contract (and zod) stays out of
 * the first load (`kinds/registry.test.tsx` checks the two agree).
 */
const PATH = '/midjourney/edits';

/** The edits contract, loaded with the first edit (it brings zod). */
const contract = lazyModule('The edits contract', () =>
  import('./edits-contract').then((m) => ({
    request: m.editsRequestSchema,
    response: m.editsResponseSchema,
  })),
);

/** The edits kind. */
export const editsKind = pictureKind({ name: 'edits', path: PATH, contract, isGrid: () => true });
