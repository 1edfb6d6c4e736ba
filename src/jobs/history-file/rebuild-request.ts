/**
 * Requests from a history file are rebuilt, never trusted: only the fields the job's kind knows
 * are kept, each with the right type. `callback_url`, `mode`, transport fields and anything else
 * are dropped (a crafted file must not send the person's results elsewhere or spend in turbo);
 * Retry takes those from the current Settings.
 */
import type { ImagineRequest } from '../../api/contract';

type FieldType = 'string' | 'boolean' | 'number';

/** The imagine request's fields a file may carry, and their types (from `api/contract`). */
export const IMAGINE_FILE_FIELDS: Readonly<Record<string, FieldType>> = {
  prompt: 'string',
  action: 'string',
  image_id: 'string',
  mask: 'string',
  translation: 'boolean',
  split_images: 'boolean',
  timeout: 'number',
  version: 'string',
  hd: 'boolean',
  quality: 'string',
  style_reference: 'boolean',
  moodboard: 'boolean',
};

/** A videos job's request fields a file may carry (`mode` and transport fields never). */
export const VIDEO_FILE_FIELDS: Readonly<Record<string, FieldType>> = {
  action: 'string',
  prompt: 'string',
  image_url: 'string',
  end_image_url: 'string',
  video_id: 'string',
  video_index: 'number',
  loop: 'boolean',
  resolution: 'string',
};

/** The fields a file may carry for a job of `kind` (imagine's for a record without one). */
export function fileFieldsFor(kind: unknown): Readonly<Record<string, FieldType>> {
  return kind === 'videos' ? VIDEO_FILE_FIELDS : IMAGINE_FILE_FIELDS;
}

/** A rebuilt request and the names of the fields that were left out. */
export interface RebuiltRequest {
  request: ImagineRequest;
  dropped: string[];
}

/** Rebuilds a job's request from whatever a file holds (imagine's fields unless told). */
export function rebuildImagineRequest(
  raw: unknown,
  fields: Readonly<Record<string, FieldType>> = IMAGINE_FILE_FIELDS,
): RebuiltRequest {
  const request: Record<string, unknown> = {};
  const dropped: string[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { request: {}, dropped: raw === undefined ? [] : ['request'] };
  }
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (value === undefined) continue;
    const type = fields[key];
    if (type && typeof value === type && (type !== 'number' || Number.isFinite(value))) {
      request[key] = value;
    } else {
      dropped.push(key);
    }
  }
  return { request: request as ImagineRequest, dropped };
}
