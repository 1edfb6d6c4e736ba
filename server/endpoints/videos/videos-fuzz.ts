/** How the fuzz test fuzzes videos: successes checked against the contract. */
import { asyncAcceptedSchema } from '../../../src/api/contract';
import { videosResponseSchema } from '../../../src/kinds/videos/videos-contract';
import { either, type EndpointFuzz } from '../fixtures/fuzz-kit';

export const fuzz: EndpointFuzz = {
  bases: ({ far }) => [
    { image_url: far, prompt: 'waves' },
    { image_url: far, async: true, resolution: '480p' },
    { action: 'extend', video_id: '1751816808164156', video_index: 2 },
    { image_url: far, end_image_url: far, mode: 'fast', loop: true },
  ],
  options: { rightToken: 8 },
  valid: either(videosResponseSchema, asyncAcceptedSchema),
};
