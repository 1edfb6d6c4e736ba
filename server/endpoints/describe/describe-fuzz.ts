/** How the fuzz test fuzzes describe: successes checked against the contract. */
import { describeResponseSchema } from '../../../src/kinds/describe/describe-contract';
import type { EndpointFuzz } from '../fixtures/fuzz-kit';

export const fuzz: EndpointFuzz = {
  bases: ({ picture, far }) => [{ image_url: picture }, { image_url: far }],
  options: { rightToken: 8 },
  valid: describeResponseSchema,
};
