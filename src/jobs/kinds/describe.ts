/**
 * The `describe` kind: four prompts for an image (`/midjourney/describe`, reference
 * other-endpoints §3). Wait-only; the service records it as a task of type `describe`, so a lost
 * answer is looked up. The prompts are kept in `result.data.descriptions`, where History's search
 * and the export find them; the described image stays the request's `image_url`.
 */
import { PATH as DESCRIBE_PATH } from '../../kinds/describe/describe-contract';
import { jobSchemas } from '../schemas';
import type { JobKind, KindResponse, Settled } from './kind';

/** The prompts of a finished describe job (empty for any other job). */
export function descriptionsOf(data: Record<string, unknown> | undefined): string[] {
  const d = data?.descriptions;
  return Array.isArray(d) ? d.filter((x): x is string => typeof x === 'string') : [];
}

function settle(response: KindResponse): Settled {
  const parsed = jobSchemas().describeResponse.safeParse(response);
  const descriptions = parsed.success ? parsed.data.descriptions.filter((d) => d.trim()) : [];
  if (descriptions.length > 0 && response.success !== false) {
    return { ok: true, result: { actions: [], data: { descriptions } } };
  }
  const error = response.error as { code?: unknown; message?: unknown } | undefined;
  const failed = response.success === false || error !== undefined;
  return {
    ok: false,
    error: {
      kind: failed ? 'task' : 'invalid',
      message:
        typeof error?.message === 'string' && error.message
          ? error.message
          : 'The service described nothing.',
      ...(typeof error?.code === 'string' ? { code: error.code } : {}),
      ...(typeof response.trace_id === 'string' ? { traceId: response.trace_id } : {}),
    },
  };
}

/** The describe kind. */
export const describeKind: JobKind = {
  name: 'describe',
  endpoint: DESCRIBE_PATH,
  requestSchema: () => jobSchemas().describeRequest,
  deliveries: ['wait'],
  tasks: true,
  transportFields: ['trace_id'],
  defaults: () => ({}),
  // The trace id lets a lost answer be found in tasks; the rest is exactly `{image_url}`.
  toBody: (request, traceId) => ({ image_url: request.image_url, trace_id: traceId }),
  async *send(client, body, { signal }) {
    // The one-shot client loads with the first describe, not with the page.
    const { callEndpoint } = await import('../../api/endpoints-client');
    const response = await callEndpoint(
      client,
      DESCRIBE_PATH,
      body,
      jobSchemas().describeResponse,
      'descriptions',
      signal,
    );
    yield { type: 'done', response };
  },
  progressOf: () => ({}),
  settle,
  imagesOf: () => [],
  card: () => 'prompts',
};
