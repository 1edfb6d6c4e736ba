/**
 * What the picture kinds (imagine, edits) share: they answer imagine's fields, with all three
 * deliveries and task lookups, sent through the picture-task client (`api/client.ts`) on their
 * own path. A picture kind is this with its name, path, contract and whether it is a grid.
 */
import type { ImagineRequest, ImagineResponse } from '../../api/contract';
import { apiMsg } from '../../api/api-codes';
import { message } from '../../api/message';
import { REFUSED_URL_NOTE } from '../../api/url-scheme';
import type { PictureCode } from './picture-words';
import type { JobKind, KindEvent, KindResponse, Settled } from '../../jobs/kind';
import { previewFromResponse, resultFromResponse, type JobResult } from '../../jobs/job';
import type { LazyModule } from '../../jobs/lazy-module';
import type { z } from 'zod/mini';

/** What a picture kind's contract gives: the schemas its requests and answers are read with. */
export interface PictureContract {
  request: z.ZodMiniType;
  response: z.ZodMiniType<ImagineResponse>;
}

/** A picture kind's own parts. */
export interface PictureKindSpec {
  name: string;
  path: string;
  contract: LazyModule<PictureContract>;
  isGrid(result: JobResult | undefined): boolean;
}

/** A grid result offers U1–U4: four pictures to pick from. */
export const hasUpscales = (result: JobResult | undefined): boolean =>
  (result?.actions ?? []).some((a) => /^upscale[1-4]$/.test(a));

/** A picture kind: imagine's deliveries, lookups, settle and progress on `spec.path`. */
export function pictureKind(spec: PictureKindSpec): JobKind {
  /** Reads a line or task response through the contract (numbers sent as strings become numbers). */
  const read = (response: KindResponse): ImagineResponse => {
    const parsed = spec.contract.get().response.safeParse(response);
    return parsed.success ? parsed.data : (response as ImagineResponse);
  };

  function settle(raw: KindResponse): Settled {
    const response = read(raw);
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
        // The provider's words as they are; else the studio's, as a code.
        ...(detail?.message
          ? { message: detail.message }
          : {
              reason: failedByService
                ? apiMsg('api.task-failed')
                : (refused ?? message('picture.no-image' satisfies PictureCode)),
            }),
        ...(detail?.code ? { code: detail.code } : {}),
        ...(response.trace_id ? { traceId: response.trace_id } : {}),
      },
    };
  }

  return {
    name: spec.name,
    endpoint: spec.path,
    load: () => spec.contract.load(),
    requestSchema: () => spec.contract.get().request,
    deliveries: ['stream', 'wait', 'async'],
    tasks: true,
    transportFields: ['trace_id', 'async', 'callback_url', 'mode'],

    defaults: (settings) => ({ mode: settings.mode }),

    toBody(request, traceId, settings) {
      const body: KindResponse = { ...request, trace_id: traceId };
      if (body.mode === undefined) body.mode = settings.mode;
      return body;
    },

    async *send(client, body, { delivery, signal }): AsyncGenerator<KindEvent> {
      // The client and its schemas load with the first call, not with the page.
      const { imagine } = await import('../../api/client');
      const opts = { delivery, signal, path: spec.path };
      for await (const event of imagine(client, body as ImagineRequest, opts)) {
        if (event.type === 'accepted') yield { type: 'accepted', taskId: event.taskId };
        else yield { type: event.type, response: event.response };
      }
    },

    progressOf(raw) {
      const response = read(raw);
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

    isGrid: spec.isGrid,
  };
}
