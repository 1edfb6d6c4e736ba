/**
 * `POST /midjourney/translate` (reference other-endpoints §5): answered synchronously, not
 * recorded as a task (§7.4). Of the injected faults only an HTTP error applies.
 */
import { translateRequestSchema } from '../../../src/kinds/translate/translate-contract';
import type { EngineContext } from '../../engine/context';
import { openRequest } from '../../http/open-request';
import { json } from '../../http/responses';
import type { Endpoint } from '../endpoint';
import { translatePrompt } from './translate-prompt';

/** Translate: Chinese prompt words to English (the offline glossary stand-in). */
export async function translate(ctx: EngineContext, req: Request, trace: string) {
  const opened = await openRequest(ctx, req, trace, translateRequestSchema, {
    prompt: { field: 'content' },
  });
  if (!opened.ok) return opened.response;
  return json({ content: translatePrompt(opened.data.content) });
}

/** The registry's entry. */
export const translateEndpoint: Endpoint = {
  name: 'translate',
  handle: (ctx, req, _url, trace) => translate(ctx, req, trace),
};
