/** The one call of the shorten tool: `POST /midjourney/shorten` (other-endpoints §6). */
import type { ClientConfig } from '../../api/client-config';
import { callEndpoint } from '../../api/endpoints-client';
import { PATH, shortenResponseSchema } from './shorten-contract';

/** Up to five shorter prompts for `prompt`; blank candidates are dropped. */
export async function shortenPrompt(
  config: ClientConfig,
  prompt: string,
  signal?: AbortSignal,
): Promise<string[]> {
  const body = { prompt };
  const r = await callEndpoint(config, PATH, body, shortenResponseSchema, 'prompts', signal);
  return r.prompts.map((p) => p.trim()).filter(Boolean);
}
