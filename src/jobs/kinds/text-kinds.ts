/**
 * The one-line kinds: shorten (`prompts`), translate (`content`) and seed (`seed`), reference
 * other-endpoints §4–§6. Each is one JSON call the service keeps no task for (UNCERTAIN; assumed
 * not recorded), so they only wait and a lost answer is sent again by Retry.
 */
import type { z } from 'zod/mini';
import { PATH as SEED_PATH } from '../../kinds/seed/seed-contract';
import { PATH as SHORTEN_PATH } from '../../kinds/shorten/shorten-contract';
import { PATH as TRANSLATE_PATH } from '../../kinds/translate/translate-contract';
import { jobSchemas } from '../schemas';
import type { CardDescriptor, JobKind, KindResponse } from './kind';

interface TextKindSpec {
  name: string;
  endpoint: string;
  requestSchema: 'shortenRequest' | 'translateRequest' | 'seedRequest';
  /** The one request field sent. */
  input: string;
  responseSchema: 'shortenResponse' | 'translateResponse' | 'seedResponse';
  /** The answer's field, kept in `result.data`. */
  output: string;
  card: CardDescriptor;
}

function textKind(spec: TextKindSpec): JobKind {
  return {
    name: spec.name,
    endpoint: spec.endpoint,
    requestSchema: () => jobSchemas()[spec.requestSchema],
    deliveries: ['wait'],
    tasks: false,
    transportFields: ['trace_id'],
    defaults: () => ({}),
    toBody: (request) => ({ [spec.input]: request[spec.input] }),
    async *send(client, body, { signal }) {
      // The one-shot client loads with the first call, not with the page.
      const { callEndpoint } = await import('../../api/endpoints-client');
      const response = await callEndpoint(
        client,
        spec.endpoint,
        body,
        jobSchemas()[spec.responseSchema] as z.ZodMiniType<KindResponse>,
        spec.output,
        signal,
      );
      yield { type: 'done', response };
    },
    progressOf: () => ({}),
    settle(response) {
      const parsed = (jobSchemas()[spec.responseSchema] as z.ZodMiniType<KindResponse>).safeParse(
        response,
      );
      if (parsed.success && response.success !== false) {
        return {
          ok: true,
          result: { actions: [], data: { [spec.output]: parsed.data[spec.output] } },
        };
      }
      return { ok: false, error: { kind: 'invalid', message: `No ${spec.output} in the answer.` } };
    },
    imagesOf: () => [],
    card: () => spec.card,
  };
}

/** Shorter prompts for a prompt. */
export const shortenKind = textKind({
  name: 'shorten',
  endpoint: SHORTEN_PATH,
  requestSchema: 'shortenRequest',
  input: 'prompt',
  responseSchema: 'shortenResponse',
  output: 'prompts',
  card: 'prompts',
});

/** A Chinese prompt in English. */
export const translateKind = textKind({
  name: 'translate',
  endpoint: TRANSLATE_PATH,
  requestSchema: 'translateRequest',
  input: 'content',
  responseSchema: 'translateResponse',
  output: 'content',
  card: 'text',
});

/** The seed of a grid. */
export const seedKind = textKind({
  name: 'seed',
  endpoint: SEED_PATH,
  requestSchema: 'seedRequest',
  input: 'image_id',
  responseSchema: 'seedResponse',
  output: 'seed',
  card: 'seed',
});
