/** How the fuzz test fuzzes translate: successes checked against the contract. */
import { translateResponseSchema } from '../../../src/kinds/translate/translate-contract';
import type { EndpointFuzz } from '../fixtures/fuzz-kit';

export const fuzz: EndpointFuzz = {
  bases: () => [{ content: '一只猫 在雨中 --ar 3:2' }],
  options: { rightToken: 8 },
  valid: translateResponseSchema,
};
