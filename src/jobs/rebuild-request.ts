/**
 * A request rebuilt from stored fields (Retry, import). A stored or imported request is not
 * trusted: transport fields (`callback_url`, `mode`, `trace_id`, `async`) never come from it,
 * keys that look like credentials are dropped, and so is any field the kind's schema does not
 * know or does not accept. What was dropped is reported, so the person can be told.
 */
import type { Msg } from '../api/message';
import { jobMsg } from './job-codes';
import type { z } from 'zod/mini';
import { cleanRequest } from './job';
import type { JobKind, RebuiltRequest } from './kind';

/** Options of `rebuildRequest`. */
export interface RebuildOptions {
  /**
   * Also list the transport fields the stored request carried as dropped. An import reports
   * them (a file asked for them and did not get them); Retry does not, since its own earlier
   * attempt stored `mode` and Settings supply it again.
   */
  reportTransport?: boolean;
}

/** The field schemas of a kind's request, when its schema is an object schema. */
function fieldsOf(kind: JobKind): Record<string, z.ZodMiniType> | undefined {
  // Told by its definition, not `instanceof`: a value import of zod would put it in the page.
  const def = kind.requestSchema()._zod.def as { type: string; shape?: unknown };
  return def.type === 'object' ? (def.shape as Record<string, z.ZodMiniType>) : undefined;
}

/** Rebuilds a safe request for `kind` from whatever was stored. */
export function rebuildRequest(
  kind: JobKind,
  stored: unknown,
  options: RebuildOptions = {},
): RebuiltRequest {
  const dropped: string[] = [];
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) {
    return { request: {}, dropped: options.reportTransport && stored != null ? ['request'] : [] };
  }
  const source = stored as Record<string, unknown>;
  const clean = cleanRequest(source) as Record<string, unknown>;
  const fields = fieldsOf(kind);
  const request: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    if (value === undefined) continue;
    const transport = kind.transportFields.includes(key) || key === 'trace_id' || key === 'async';
    const field = fields?.[key];
    const known = fields ? field !== undefined : true;
    const ok = key in clean && !transport && known;
    if (ok && (!field || field.safeParse(value).success)) request[key] = value;
    else if (!transport || options.reportTransport) dropped.push(key);
  }
  return { request, dropped };
}

/** The note shown on a job whose stored request lost fields. */
export function droppedNote(dropped: readonly string[]): Msg | undefined {
  if (dropped.length === 0) return undefined;
  return jobMsg('job.dropped-fields', { fields: dropped.join(', ') });
}
