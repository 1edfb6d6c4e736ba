/**
 * The `describe` kind: four prompts for an image (`/midjourney/describe`, reference
 * other-endpoints §3). Wait-only; the service records it as a task of type `describe`, so a lost
 * answer is looked up. The prompts are kept in `result.data.descriptions`, where History's search
 * and the export find them; the described image stays the request's `image_url`.
 */
import { message } from '../../api/message';
import type { DescribeCode } from './describe-words';
import type { JobKind, KindResponse, Settled } from '../../jobs/kind';
import { lazyModule } from '../../jobs/lazy-module';

/**
 * The endpoint's path: the contract's `PATH`, written out so the contract (and zod) stays out of
 * the first load (`kinds/registry.test.tsx` checks the two agree).
 */
const DESCRIBE_PATH = '/midjourney/describe';

/** The describe contract, loaded with the first describe (it brings zod). */
const contract = lazyModule('The describe contract', () => import('./describe-contract'));

/** The prompts of a finished describe job (empty for any other job). */
export function descriptionsOf(data: Record<string, unknown> | undefined): string[] {
  const d = data?.descriptions;
  return Array.isArray(d) ? d.filter((x): x is string => typeof x === 'string') : [];
}

function settle(response: KindResponse): Settled {
  const parsed = contract.get().describeResponseSchema.safeParse(response);
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
      ...(typeof error?.message === 'string' && error.message
        ? { message: error.message }
        : { reason: message('describe.nothing' satisfies DescribeCode) }),
      ...(typeof error?.code === 'string' ? { code: error.code } : {}),
      ...(typeof response.trace_id === 'string' ? { traceId: response.trace_id } : {}),
    },
  };
}

/** The describe kind. */
export const describeKind: JobKind = {
  name: 'describe',
  endpoint: DESCRIBE_PATH,
  load: () => contract.load(),
  requestSchema: () => contract.get().describeRequestSchema,
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
      contract.get().describeResponseSchema,
      'descriptions',
      signal,
    );
    yield { type: 'done', response };
  },
  progressOf: () => ({}),
  settle,
  imagesOf: () => [],
};
