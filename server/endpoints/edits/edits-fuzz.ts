/** How the fuzz test fuzzes edits: successes checked against the contract. */
import { asyncAcceptedSchema } from '../../../src/api/contract';
import { editsResponseSchema } from '../../../src/kinds/edits/edits-contract';
import { either, type EndpointFuzz } from '../fixtures/fuzz-kit';

export const fuzz: EndpointFuzz = {
  bases: ({ picture, far }) => [
    { image_url: picture, prompt: 'a fuzzed sea' },
    { image_url: picture, prompt: 'a fuzzed sea', async: true },
    { image_url: far, prompt: 'a fuzzed sea', mask: 'iVBORw0KGgo=' },
    { image_url: far, prompt: 'a fuzzed sea', callback_url: 'https://cb.example/x' },
  ],
  options: { rightToken: 8 },
  valid: either(editsResponseSchema, asyncAcceptedSchema),
};
