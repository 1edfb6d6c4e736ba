/** The one call of the seed tool: `POST /midjourney/seed` (reference other-endpoints §4). */
import type { ClientConfig } from '../../api/client-config';
import { callEndpoint } from '../../api/endpoints-client';
import { PATH, seedResponseSchema } from './seed-contract';

/** The seed a grid was drawn with, as decimal digits (a string per the spec, or a number). */
export async function getSeed(
  config: ClientConfig,
  imageId: string,
  signal?: AbortSignal,
): Promise<string> {
  const body = { image_id: imageId };
  return (await callEndpoint(config, PATH, body, seedResponseSchema, 'seed', signal)).seed;
}
