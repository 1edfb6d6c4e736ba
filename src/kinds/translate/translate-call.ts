/** The one call of the translate tool: `POST /midjourney/translate` (other-endpoints §5). */
import type { ClientConfig } from '../../api/client-config';
import { callEndpoint } from '../../api/endpoints-client';
import { PATH, translateResponseSchema } from './translate-contract';

/** `content` in English (the service takes Chinese; anything it does not know comes back as is). */
export async function translateText(
  config: ClientConfig,
  content: string,
  signal?: AbortSignal,
): Promise<string> {
  const body = { content };
  return (await callEndpoint(config, PATH, body, translateResponseSchema, 'content', signal))
    .content;
}
