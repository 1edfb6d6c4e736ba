/** How the fuzz test fuzzes imagine: answers checked for the contract's shape. */
import type { EndpointFuzz } from '../fixtures/fuzz-kit';

export const fuzz: EndpointFuzz = {
  bases: () => [
    { prompt: 'a fuzzed harbour --seed 1' },
    { prompt: 'a fuzzed harbour --seed 1', async: true },
    { action: 'upscale1', image_id: '1' },
    { action: 'variation_region', image_id: '1', mask: 'iVBORw0KGgo=' },
    { prompt: 'https://img.example/a.png a fuzzed harbour', callback_url: 'https://cb.example/x' },
  ],
};
