/**
 * `POST /midjourney/translate` (reference other-endpoints §5): answered synchronously, not
 * recorded as a task (§7.4). Of the injected faults only an HTTP error applies.
 */
import { translateRequestSchema } from '../../../src/kinds/translate/translate-contract';
import type { EngineContext } from '../../engine/context';
import { injectedError, parseBody, tooLong } from '../../http/endpoint-util';
import { json } from '../../http/http-util';
import type { Endpoint } from '../endpoint';
import { translatePrompt } from './translate-prompt';

/** Translate: Chinese prompt words to English (the offline glossary stand-in). */
export async function translate(ctx: EngineContext, req: Request, trace: string) {
  const injected = injectedError(ctx, trace);
  if (injected) return injected;
  const parsed = await parseBody(req, translateRequestSchema, trace);
  if (!parsed.ok) return parsed.response;
  const { data, traceId } = parsed;
  return (
    tooLong('content', data.content, traceId) ?? json({ content: translatePrompt(data.content) })
  );
}

/** The registry's entry. */
export const translateEndpoint: Endpoint = {
  name: 'translate',
  handle: (ctx, req, _url, trace) => translate(ctx, req, trace),
};
