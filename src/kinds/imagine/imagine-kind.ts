/**
 * The `imagine` kind: `/midjourney/imagine` and every action on its images (upscale, variation,
 * pan, zoom, region…), with all three deliveries and task lookups. Its result is a grid when it
 * offers U1–U4, else one picture.
 */
import { lazyModule } from '../../jobs/lazy-module';
import { hasUpscales, pictureKind } from '../shared/picture-task';

/**
 * The endpoint's path: the contract's `PATH`, written out so the contract (and zod) stays out of
 * the first load (`kinds/registry.test.tsx` checks the two agree).
 */
const PATH = '/midjourney/imagine';

/** The imagine contract, loaded with the first imagine work (it brings zod). */
const contract = lazyModule('The imagine contract', () =>
  import('./imagine-contract').then((m) => ({
    request: m.requestSchema,
    response: m.responseSchema,
  })),
);

/** The imagine kind. */
export const imagineKind = pictureKind({
  name: 'imagine',
  path: PATH,
  contract,
  isGrid: hasUpscales,
});
