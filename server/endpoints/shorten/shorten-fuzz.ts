/** How the fuzz test fuzzes shorten: successes checked against the contract. */
import { shortenResponseSchema } from '../../../src/kinds/shorten/shorten-contract';
import type { EndpointFuzz } from '../fixtures/fuzz-kit';

export const fuzz: EndpointFuzz = {
  bases: () => [
    { prompt: 'a very long fuzzed prompt about a quiet harbour at dawn, fog --ar 16:9' },
  ],
  options: { rightToken: 8 },
  valid: shortenResponseSchema,
};
