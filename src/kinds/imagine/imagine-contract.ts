/**
 * The contract of `/midjourney/imagine` (shared reference `imagine-api.md`). Its request and
 * response schemas are defined in `api/contract.ts`, not here: the imagine body is also the
 * picture-task transport's body (`api/client.ts`) and every job's stored request, and the
 * imagine response is the tasks endpoint's `response` too, so they sit below every kind. This
 * file names them as the imagine endpoint's, beside its path.
 */
import { imagineRequestSchema, imagineResponseSchema } from '../../api/contract';

/** The imagine endpoint's path. */
export const PATH = '/midjourney/imagine';

/** POST /midjourney/imagine body. */
export const requestSchema = imagineRequestSchema;

/** An imagine response body, NDJSON line or callback body. */
export const responseSchema = imagineResponseSchema;
