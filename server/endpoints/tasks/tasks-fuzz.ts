/** How the fuzz test fuzzes tasks: answers checked for the contract's shape. */
import type { EndpointFuzz } from '../fixtures/fuzz-kit';

export const fuzz: EndpointFuzz = {
  bases: () => [
    { action: 'retrieve', id: 'x' },
    { action: 'retrieve_batch', ids: ['a', 'b'], offset: 0, limit: 5 },
    { trace_id: 't' },
  ],
};
