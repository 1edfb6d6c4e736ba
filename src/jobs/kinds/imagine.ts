/**
 * The `imagine` kind: `/midjourney/imagine` and every action on its images (upscale, variation,
 * pan, zoom, region…), with all three deliveries and task lookups.
 */
import type { ImagineRequest, ImagineResponse } from '../../api/contract';
import { REFUSED_URL_NOTE } from '../../api/url-scheme';
import { previewFromResponse, resultFromResponse, type JobResult } from '../job';
import { jobSchemas } from '../schemas';
import type { JobKind, KindEvent, KindResponse, Settled } from './kind';

/** Reads a line or task response through the contract (numbers sent as strings become numbers). */
function asImagine(response: KindResponse): ImagineResponse {
  const parsed = jobSchemas().imagineResponse.safeParse(response);
  return parsed.success ? parsed.data : (response as ImagineResponse);
}

function settle(raw: KindResponse): Settled {
  const response = asImagine(raw);
  const refused = response.refused_urls?.length ? REFUSED_URL_NOTE : undefined;
  if (response.success !== false && (response.image_url || response.raw_image_url)) {
    return {
      ok: true,
      result: resultFromResponse(response),
      ...(refused ? { note: refused } : {}),
    };
  }
  const detail = response.error;
  const failedByService = response.success === false || detail !== undefined;
  return {
    ok: false,
    error: {
      kind: failedByService ? 'task' : 'invalid',
      message:
        detail?.message ||
        (failedByService ? 'The task failed.' : (refused ?? 'The task finished without an image.')),
      ...(detail?.code ? { code: detail.code } : {}),
      ...(response.trace_id ? { traceId: response.trace_id } : {}),
    },
  };
}

/** The imagine kind. */
export const imagineKind: JobKind = {
  name: 'imagine',
  endpoint: '/midjourney/imagine',
  requestSchema: () => jobSchemas().imagineRequest,
  deliveries: ['stream', 'wait', 'async'],
  tasks: true,
  transportFields: ['trace_id', 'async', 'callback_url', 'mode'],

  defaults: (settings) => ({ mode: settings.mode }),

  toBody(request, traceId, settings) {
    const body: KindResponse = { ...request, trace_id: traceId };
    if (body.mode === undefined) body.mode = settings.mode;
    if (settings.delivery === 'async' && settings.callbackUrl) {
      body.callback_url = settings.callbackUrl;
    }
    return body;
  },

  async *send(client, body, { delivery, signal }): AsyncGenerator<KindEvent> {
    // The client and its schemas load with the first call, not with the page.
    const { imagine } = await import('../../api/client');
    for await (const event of imagine(client, body as ImagineRequest, { delivery, signal })) {
      if (event.type === 'accepted') yield { type: 'accepted', taskId: event.taskId };
      else yield { type: event.type, response: event.response };
    }
  },

  progressOf(raw) {
    const response = asImagine(raw);
    const p = response.progress;
    const preview = previewFromResponse(response);
    return {
      ...(typeof p === 'number' ? { progress: Math.min(100, Math.max(0, p)) } : {}),
      ...(preview ? { preview } : {}),
    };
  },

  settle,

  imagesOf(result: JobResult) {
    const url = result.raw_image_url ?? result.image_url;
    return url ? [url] : [];
  },

  card(result) {
    return result?.actions.some((a) => /^upscale[1-4]$/.test(a)) ? 'grid' : 'image';
  },
};
