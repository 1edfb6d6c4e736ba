/**
 * The contract of `/midjourney/edits` (shared reference `other-endpoints.md` §1), shared by the
 * client and the local engine. UNCERTAIN points are accepted both ways (§11): fields whose
 * requiredness is unknown are optional, and JSON `null` means "absent" on optional fields.
 */
import { z } from 'zod/mini';
import { MODES, imagineResponseSchema } from '../../api/contract';
import { opt } from '../../api/contract-fields';

/** The edits endpoint's path. */
export const PATH = '/midjourney/edits';

/** POST /midjourney/edits body. `image_url` and `prompt`: requiredness UNCERTAIN (§1.1). */
export const editsRequestSchema = z.looseObject({
  image_url: opt(z.string()),
  prompt: opt(z.string()),
  /** Only `generate` is documented; other values UNCERTAIN (a CLI shows `vary`). */
  action: opt(z.string()),
  /** White = edit, black = keep; encoding UNCERTAIN (base64 JPEG/PNG, maybe a data URL). */
  mask: opt(z.string()),
  mode: opt(z.enum(MODES)),
  split_images: opt(z.boolean()),
  callback_url: opt(z.string()),
  async: opt(z.boolean()),
});
/** POST /midjourney/edits body. */
export type EditsRequest = z.infer<typeof editsRequestSchema>;

/**
 * An edits result: imagine's fields (§1.2). `actions` is absent in the guide's examples and
 * present in the spec's (copy-paste) — optional either way.
 */
export const editsResponseSchema = imagineResponseSchema;
/** An edits response or callback body. */
export type EditsResponse = z.infer<typeof editsResponseSchema>;
