/**
 * What each imagine action draws. `planImagine` checks what can be checked before a task exists
 * (answering 400 otherwise) and returns the work; the work's `prepare` does what fails the task
 * instead (prompt parameters, image prompts), then hands the runner a drawing function.
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { GRID_ACTIONS, UPSCALED_ACTIONS, quadrantOf } from '../../../src/api/contract';
import { MAX_IMAGE_PROMPTS, splitPrompt } from '../../../src/api/prompt-syntax';
import { deriveSeed } from '../ids';
import type { Limiter } from '../limiter';
import { decodeImage, drawGrid, quadrant, scale, type GridSpec, type Reference } from './pictures';
import type { Picture } from './picture';
import { pan, varyGrid, varyRegion, zoomOut } from './pictures-variations';
import { readPrompt } from './prompt-params';
import { actionsAfter } from './actions-by-model';
import { POST_UPSCALE_ACTIONS, drawPostUpscale } from './square';
import type { ImageRecord, TaskStore } from '../task-store';

/** A failure that ends a task (not the HTTP request): `{success:false, error:{code,message}}`. */
export class TaskFailure extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

/** What the runner draws once the task is under way. */
export interface Drawing {
  seed: number;
  /** Identifies the picture `draw` makes (same key, same bytes), for the render cache. */
  key: string;
  draw: () => Promise<Picture>;
  /** Draws the same again with another seed (reroll); grids only. */
  redo?: (seed: number) => Promise<Picture>;
  /** For an upscale: the picture it was made from (its redo starts from it again). */
  upscaledFrom?: Picture;
}

/** A planned job. */
export interface Work {
  action: string;
  /** Progress percentages of the lines; the last is 100. */
  steps: readonly number[];
  kind: 'grid' | 'single';
  actions: readonly string[];
  /** Prompt text of the chain (file names). */
  text: string;
  /** The full prompt of the chain (kept with the image: its model picks later actions). */
  prompt?: string;
  /** The actions of the finished picture when they depend on its shape (single images). */
  actionsFor?: (result: Picture) => string[];
  /** Things that fail the task rather than the request; may throw `TaskFailure`. */
  prepare: () => Promise<Drawing>;
}

/** What planning needs from the engine. */
export interface PlanDeps {
  store: TaskStore;
  limit: Limiter;
  /** The bytes behind an image URL (own attachments read from the store); throws on failure. */
  fetchImage: (url: string) => Promise<Buffer>;
}

/** Steps of a grid (7 lines, ~5 s at the default pace) and of a single-image upscale. */
export const GRID_STEPS: readonly number[] = [10, 25, 40, 55, 70, 85, 100];
export const UPSCALE_STEPS: readonly number[] = [30, 65, 100];

/** The biggest side the engine will draw (an upscale of an upscale stops here). */
const MAX_SIDE = 8192;

/** A planning outcome: the work, or the 400 to answer. */
export type Plan = { ok: true; work: Work } | { ok: false; message: string };

const fail = (message: string): Plan => ({ ok: false, message });

/** Whether an action may be applied to an image (its `actions`, plus Vary Region on upscales). */
export function actionAllowed(image: ImageRecord, action: string): boolean {
  if (image.actions.includes(action)) return true;
  return action === 'variation_region' && image.actions.includes('variation_subtle');
}

/**
 * The most pixels an image prompt may have (4096², a 16.7-megapixel photo). Checked from the
 * file's header before anything is decoded: a small PNG can claim 16,000² pixels, about 800 MB
 * once decoded.
 */
export const MAX_REFERENCE_PIXELS = 4096 * 4096;

/** Width and height from an image's header (nothing decoded), or null if it has none. */
export async function headerSize(bytes: Buffer): Promise<{ width: number; height: number } | null> {
  try {
    const { width, height } = await sharp(bytes).metadata();
    return width && height ? { width, height } : null;
  } catch {
    return null;
  }
}

/**
 * Decode a `mask` field: base64 JPEG or PNG, with or without a `data:` prefix, no larger than
 * the image it masks (checked from its header, before it is decoded under the render gate).
 */
export async function decodeMask(
  mask: unknown,
  image: { imageId: string; width: number; height: number },
  limit: Limiter,
): Promise<Buffer | string> {
  if (typeof mask !== 'string' || !mask.trim()) return 'mask is required for variation_region';
  const b64 = mask.trim().replace(/^data:image\/[a-z0-9.+-]+;base64,/i, '');
  const bytes = Buffer.from(b64, 'base64');
  const isJpeg = bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  const isPng = bytes.length > 8 && bytes.subarray(0, 8).equals(PNG_MAGIC);
  const invalid = 'mask must be a base64-encoded JPEG or PNG image';
  if (!isJpeg && !isPng) return invalid;
  const size = await headerSize(bytes);
  if (!size) return invalid;
  if (size.width > image.width || size.height > image.height)
    return `The mask is ${size.width}×${size.height} pixels, larger than image ${image.imageId} (${image.width}×${image.height}); send a mask no larger than the image`;
  try {
    await limit(() => decodeImage(bytes));
  } catch {
    return invalid;
  }
  return bytes;
}

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Plan a generate: the prompt must be there and lead with at most five image URLs. */
export function planGenerate(prompt: unknown, deps: PlanDeps): Plan {
  if (typeof prompt !== 'string' || !prompt.trim()) return fail('prompt is required');
  const urls = splitPrompt(prompt).imageUrls;
  if (urls.length > MAX_IMAGE_PROMPTS)
    return fail(
      `At most ${MAX_IMAGE_PROMPTS} image URLs may lead the prompt; found ${urls.length}`,
    );
  const reading = readPrompt(prompt);
  const text = reading.ok ? reading.plan.text : splitPrompt(prompt).text;
  return {
    ok: true,
    work: {
      action: 'generate',
      steps: GRID_STEPS,
      kind: 'grid',
      actions: GRID_ACTIONS,
      text,
      prompt,
      prepare: async () => {
        if (!reading.ok) throw new TaskFailure('bad_request', reading.message);
        const plan = reading.plan;
        const refs = await Promise.all(
          plan.imageUrls.map(async (url): Promise<Reference> => {
            let bytes: Buffer;
            try {
              bytes = await deps.fetchImage(url);
            } catch (err) {
              throw new TaskFailure(
                'bad_request',
                `Cannot fetch image URL ${url}: ${err instanceof Error ? err.message : String(err)}`,
              );
            }
            const size = await headerSize(bytes);
            if (size && size.width * size.height > MAX_REFERENCE_PIXELS)
              throw new TaskFailure(
                'bad_request',
                `The image at ${url} is ${size.width}×${size.height} pixels; image prompts may have at most ${MAX_REFERENCE_PIXELS} pixels (4096×4096)`,
              );
            try {
              const picture = await deps.limit(() => decodeImage(bytes));
              return { image: picture.png, weight: plan.iw };
            } catch {
              throw new TaskFailure('bad_request', `Cannot read the image at ${url}`);
            }
          }),
        );
        const spec: GridSpec = { text: plan.text, seed: plan.seed, ratio: plan.ratio };
        if (refs.length > 0) spec.refs = refs;
        if (plan.chaos !== undefined) spec.chaos = plan.chaos;
        if (plan.stylize !== undefined) spec.stylize = plan.stylize;
        if (plan.weird !== undefined) spec.weird = plan.weird;
        if (plan.tile) spec.tile = true;
        const refKey = refs
          .map((r) => `${createHash('sha1').update(r.image).digest('hex')}*${r.weight}`)
          .join(',');
        return {
          seed: plan.seed,
          key: `generate|${JSON.stringify({ ...spec, refs: refKey })}`,
          draw: () => drawGrid(spec),
          redo: (seed) => drawGrid({ ...spec, seed }),
        };
      },
    },
  };
}

/**
 * Plan an action on a stored image. `mask` must already be decoded for `variation_region`.
 * An optional `prompt` is read for its parameters (an unknown one fails the task).
 */
export function planAction(
  action: string,
  image: ImageRecord,
  prompt: string | undefined,
  mask: Buffer | undefined,
): Plan {
  const source = image.picture;
  const reading = prompt?.trim() ? readPrompt(prompt) : undefined;
  const extra = reading?.ok ? reading.plan.text : '';
  const seed = action === 'reroll' ? (image.seed + 1) >>> 0 : deriveSeed(image.seed, action, extra);
  const grid = (
    redo: (s: number) => Promise<Picture>,
  ): Pick<Work, 'kind' | 'actions' | 'steps'> & { redo: (s: number) => Promise<Picture> } => ({
    kind: 'grid',
    actions: GRID_ACTIONS,
    steps: GRID_STEPS,
    redo,
  });
  const chainPrompt = image.prompt ?? image.text;
  const single = (): Pick<Work, 'kind' | 'actions' | 'steps' | 'actionsFor'> => ({
    kind: 'single',
    actions: UPSCALED_ACTIONS,
    steps: UPSCALE_STEPS,
    actionsFor: (result) =>
      actionsAfter(action, { prompt: chainPrompt, width: result.width, height: result.height }) ?? [
        ...UPSCALED_ACTIONS,
      ],
  });
  // What a redo starts from: the picture the first upscale was made from.
  let upscaledFrom: Picture | undefined;

  let shape: Pick<Work, 'kind' | 'actions' | 'steps' | 'actionsFor'> & {
    redo?: (s: number) => Promise<Picture>;
  };
  let draw: () => Promise<Picture>;
  const n = quadrantOf(action);
  if (n !== null && action.startsWith('upscale')) {
    shape = single();
    draw = () => quadrant(source, n);
  } else if (n !== null) {
    const redo = async (s: number): Promise<Picture> =>
      varyGrid(await quadrant(source, n), s, 'subtle');
    shape = grid(redo);
    draw = () => redo(seed);
  } else if (action === 'reroll') {
    if (!image.redo) return fail(`Action \`reroll\` is not available for image ${image.imageId}`);
    shape = grid(image.redo);
    draw = () => image.redo!(seed);
  } else if (action === 'upscale_2x' || action === 'upscale_4x') {
    const factor = action === 'upscale_2x' ? 2 : 4;
    if (Math.max(source.width, source.height) * factor > MAX_SIDE)
      return fail(
        `Image ${image.imageId} is already ${source.width}×${source.height}; ${action} would exceed ${MAX_SIDE} px`,
      );
    shape = single();
    upscaledFrom = source;
    draw = () => scale(source, factor);
  } else if ((POST_UPSCALE_ACTIONS as readonly string[]).includes(action)) {
    // A redo redoes the first upscale from its own source, not an upscale of the upscale.
    const from = action.startsWith('redo_') ? image.upscaledFrom : source;
    if (!from) return fail(`Action \`${action}\` is not available for image ${image.imageId}`);
    const factor = /4x$/.test(action) ? 4 : action === 'square' ? 1 : 2;
    if (Math.max(from.width, from.height) * factor > MAX_SIDE)
      return fail(
        `Image ${image.imageId} is already ${from.width}×${from.height}; ${action} would exceed ${MAX_SIDE} px`,
      );
    shape = single();
    if (action !== 'square') upscaledFrom = from;
    draw = () => drawPostUpscale(action, from, seed)!;
  } else if (action === 'variation_subtle' || action === 'variation_strong') {
    const strength = action === 'variation_subtle' ? 'subtle' : 'strong';
    const redo = (s: number): Promise<Picture> => varyGrid(source, s, strength);
    shape = grid(redo);
    draw = () => redo(seed);
  } else if (action === 'zoom_out_2x' || action === 'zoom_out_1_5x') {
    const factor = action === 'zoom_out_2x' ? 2 : 1.5;
    const redo = (s: number): Promise<Picture> => zoomOut(source, factor, s);
    shape = grid(redo);
    draw = () => redo(seed);
  } else if (/^pan_(left|right|up|down)$/.test(action)) {
    const dir = action.slice(4) as 'left' | 'right' | 'up' | 'down';
    const redo = (s: number): Promise<Picture> => pan(source, dir, s);
    shape = grid(redo);
    draw = () => redo(seed);
  } else if (action === 'variation_region') {
    if (!mask) return fail('mask is required for variation_region');
    const redo = (s: number): Promise<Picture> => varyRegion(source, mask, s);
    shape = grid(redo);
    draw = () => redo(seed);
  } else {
    return fail(`Action \`${action}\` is not supported by the local engine`);
  }

  const { redo, ...rest } = shape;
  return {
    ok: true,
    work: {
      action,
      ...rest,
      text: image.text,
      prompt: chainPrompt,
      prepare: async () => {
        if (reading && !reading.ok) throw new TaskFailure('bad_request', reading.message);
        const maskKey = mask ? createHash('sha1').update(mask).digest('hex') : '';
        const key = `${image.imageId}|${action}|${seed}|${maskKey}`;
        const drawing: Drawing = { seed, key, draw };
        if (redo) drawing.redo = redo;
        if (upscaledFrom) drawing.upscaledFrom = upscaledFrom;
        return drawing;
      },
    },
  };
}
