/**
 * The engine's `/midjourney/seed` (reference other-endpoints §4): the seed a picture was really
 * drawn with, as the decimal string the contract says. Every engine picture is a pure function
 * of (prompt, seed, action) (server/ids.ts), so the answer is recomputed from the stored task's
 * request exactly as planning computed it (server/actions.ts) and never guessed:
 * - a generated grid: the prompt's `--seed`, or the hash of its text without one; imagining the
 *   same prompt with `--seed N` therefore draws the same grid byte for byte;
 * - a reroll: the source grid's seed + 1 (a reroll is that prompt drawn with the next seed, so
 *   imagining the prompt with `--seed N` reproduces the reroll too);
 * - variations, zoom, pan, region: the seed derived from the source's seed and the action;
 * - a single image (U1–U4, any upscale, Make Square): the seed of the grid it came from — as in
 *   Midjourney, whose upscales report their job's seed; imagining with it draws that grid.
 */
import { deriveSeed } from '../../engine/ids';
import { readPrompt } from '../../engine/pictures/prompt-params';

/** What the seed of an image depends on: the request of the task that made it. */
export interface SeedSource {
  request: Record<string, unknown>;
}

/** Finds the task behind an image id (the engine: store image → its task's `request`). */
export type FindSource = (imageId: string) => SeedSource | undefined;

/** The answer: the seed, or why there is none (a message saying what to change). */
export type SeedAnswer = { ok: true; seed: number } | { ok: false; message: string };

/** Actions whose result is a single image (it reports its grid's seed). */
const SINGLE = /^(upscale[1-4]|(redo_)?upscale_(2x|4x|subtle|creative)|square)$/;

/** Chains longer than this are refused rather than followed (a loop would be a store bug). */
const MAX_CHAIN = 256;

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The seed the picture made by `request` was drawn with. */
export function seedOf(request: Record<string, unknown>, find: FindSource, depth = 0): SeedAnswer {
  if (depth > MAX_CHAIN) return { ok: false, message: 'The image chain is too long to follow' };
  const action = text(request.action) ?? 'generate';
  const prompt = text(request.prompt);
  if (action === 'generate') {
    if (!prompt?.trim()) return { ok: false, message: 'The task has no prompt to draw from' };
    const reading = readPrompt(prompt);
    if (!reading.ok) return { ok: false, message: reading.message };
    return { ok: true, seed: reading.plan.seed };
  }
  const imageId = text(request.image_id);
  const source = imageId === undefined ? undefined : find(imageId);
  if (!source)
    return { ok: false, message: `Image ${imageId ?? '(none)'} is not known to the engine` };
  const parent = seedOf(source.request, find, depth + 1);
  if (!parent.ok) return parent;
  if (SINGLE.test(action)) {
    // The parent of a single image is a grid (or another single image, already resolved to its grid).
    return parent;
  }
  const sourceSeed = storedSeed(source.request, find, depth + 1);
  if (!sourceSeed.ok) return sourceSeed;
  if (action === 'reroll') return { ok: true, seed: (sourceSeed.seed + 1) >>> 0 };
  const reading = prompt?.trim() ? readPrompt(prompt) : undefined;
  const extra = reading?.ok ? reading.plan.text : '';
  return { ok: true, seed: deriveSeed(sourceSeed.seed, action, extra) };
}

/**
 * The seed an engine image record holds (what the engine drew it with): for a grid its
 * `seedOf`; for a single image the seed derived from its source and the action.
 */
export function storedSeed(
  request: Record<string, unknown>,
  find: FindSource,
  depth = 0,
): SeedAnswer {
  const action = text(request.action) ?? 'generate';
  if (!SINGLE.test(action)) return seedOf(request, find, depth);
  const imageId = text(request.image_id);
  const source = imageId === undefined ? undefined : find(imageId);
  if (!source)
    return { ok: false, message: `Image ${imageId ?? '(none)'} is not known to the engine` };
  const parent = storedSeed(source.request, find, depth + 1);
  if (!parent.ok) return parent;
  const prompt = text(request.prompt);
  const reading = prompt?.trim() ? readPrompt(prompt) : undefined;
  return { ok: true, seed: deriveSeed(parent.seed, action, reading?.ok ? reading.plan.text : '') };
}

/** The prompt with its `--seed` set to `seed` (replacing one already there). */
export function withSeed(prompt: string, seed: number): string {
  const without = prompt.replace(/(^|\s)(--|—)seed\s+\d+/gi, '').trim();
  return `${without} --seed ${seed >>> 0}`;
}
