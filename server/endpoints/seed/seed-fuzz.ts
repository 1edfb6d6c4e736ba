/** How the fuzz test fuzzes seed: successes checked against the contract. */
import { seedResponseSchema } from '../../../src/kinds/seed/seed-contract';
import type { EndpointFuzz } from '../fixtures/fuzz-kit';

export const fuzz: EndpointFuzz = {
  bases: ({ imageId }) => [{ image_id: imageId }, { image_id: '1' }],
  options: { rightToken: 8 },
  valid: seedResponseSchema,
};
