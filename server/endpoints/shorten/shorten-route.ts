/**
 * `POST /midjourney/shorten` (reference other-endpoints §6): answered synchronously, not
 * recorded as a task (§7.4). Of the injected faults only an HTTP error applies.
 */
import { shortenRequestSchema } from '../../../src/kinds/shorten/shorten-contract';
import type { EngineContext } from '../../engine/context';
import { openRequest } from '../../http/open-request';
import { json } from '../../http/responses';
import type { Endpoint } from '../endpoint';
import { shortenPrompt } from './shorten-prompt';

/** Shorten: up to five shorter prompts keeping the important words and the `--params`. */
export async function shorten(ctx: EngineContext, req: Request, trace: string) {
  const opened = await openRequest(ctx, req, trace, shortenRequestSchema, {
    prompt: { field: 'prompt' },
  });
  if (!opened.ok) return opened.response;
  return json({ prompts: shortenPrompt(opened.data.prompt) });
}

/** The registry's entry. */
export const shortenEndpoint: Endpoint = {
  name: 'shorten',
  handle: (ctx, req, _url, trace) => shorten(ctx, req, trace),
};
