/**
 * `POST /midjourney/shorten` (reference other-endpoints §6): answered synchronously, not
 * recorded as a task (§7.4). Of the injected faults only an HTTP error applies.
 */
import { shortenRequestSchema } from '../../../src/kinds/shorten/shorten-contract';
import type { EngineContext } from '../../engine/context';
import { injectedError, parseBody, tooLong } from '../../http/endpoint-util';
import { json } from '../../http/http-util';
import type { Endpoint } from '../endpoint';
import { shortenPrompt } from './shorten-prompt';

/** Shorten: up to five shorter prompts keeping the important words and the `--params`. */
export async function shorten(ctx: EngineContext, req: Request, trace: string) {
  const injected = injectedError(ctx, trace);
  if (injected) return injected;
  const parsed = await parseBody(req, shortenRequestSchema, trace);
  if (!parsed.ok) return parsed.response;
  const { data, traceId } = parsed;
  return tooLong('prompt', data.prompt, traceId) ?? json({ prompts: shortenPrompt(data.prompt) });
}

/** The registry's entry. */
export const shortenEndpoint: Endpoint = {
  name: 'shorten',
  handle: (ctx, req, _url, trace) => shorten(ctx, req, trace),
};
