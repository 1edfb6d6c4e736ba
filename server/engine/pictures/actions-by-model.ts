/**
 * Which follow-up actions a finished image offers, by the action that made it and the model
 * its prompt asked for (reference other-endpoints §9.1 and its stand-in suggestion; the
 * Nexior-only names are UNCERTAIN there). Pure, so the engine and tests agree on one list.
 *
 * Rules (the lead's reading of the stand-in suggestion):
 * - grids (generate, reroll, V1–V4, vary, zoom, pan, region) offer the grid set;
 * - an upscale by a prompt with `--v 6` and later, or `--niji 6` and later, offers
 *   `upscale_subtle`, `upscale_creative`; any other prompt (no version given, or older) offers
 *   the documented `upscale_2x`, `upscale_4x` — the guide's examples carry no `--v` and show
 *   that set, so prompts without a version keep it;
 * - the result of one of those upscales offers its redo in place of itself
 *   (`upscale_subtle` → `redo_upscale_subtle`), the other upscale staying;
 * - `square` joins the set when the image is not 1:1 and the model has Make Square
 *   (`--v` 5.2 and later, `--niji` 6 and later; Midjourney added it in 5.2);
 * - then the documented vary / zoom / pan set, in the documented order.
 */
import { GRID_ACTIONS, UPSCALED_ACTIONS } from '../../../src/api/contract';
import { splitPrompt } from '../../../src/api/prompt-syntax';

/** The model a prompt asks for: `--v N` / `--version N` or `--niji N`; none when not given. */
export interface Model {
  family: 'v' | 'niji' | 'default';
  /** The version number (5.2, 6, 7…); NaN for the default model. */
  version: number;
}

/** What the result of an action looks like, as far as its actions depend on it. */
export interface ResultContext {
  /** The prompt of the chain (its `--v` / `--niji` pick the model). */
  prompt: string;
  width: number;
  height: number;
}

/** The post-upscale follow-ups that never change with the model: the contract's list less its upscales. */
const VARY_ZOOM_PAN: readonly string[] = UPSCALED_ACTIONS.filter((a) => !a.startsWith('upscale_'));

/** Actions whose result is a 2×2 grid (reference §9.1: stand-in grid actions for all of them). */
const GRID_RESULT =
  /^(generate|reroll|variation[1-4]|variation_(subtle|strong|region)|zoom_out_(2x|1_5x)|pan_(left|right|up|down))$/;

/** The model a prompt asks for. A niji value left out means the current niji (6). */
export function modelOf(prompt: string): Model {
  let model: Model = { family: 'default', version: Number.NaN };
  for (const p of splitPrompt(prompt).params) {
    if (p.name === 'v' || p.name === 'version') {
      const n = Number.parseFloat(p.value);
      if (Number.isFinite(n)) model = { family: 'v', version: n };
    } else if (p.name === 'niji') {
      const n = p.value ? Number.parseFloat(p.value) : 6;
      if (Number.isFinite(n)) model = { family: 'niji', version: n };
    }
  }
  return model;
}

/** Whether the model upscales Subtle/Creative (V6+, niji 6+) rather than 2x/4x. */
export function hasSubtleCreative(model: Model): boolean {
  return model.family !== 'default' && model.version >= 6;
}

/** Whether the model offers Make Square (V5.2+, niji 6+). */
export function hasMakeSquare(model: Model): boolean {
  if (model.family === 'v') return model.version >= 5.2;
  return model.family === 'niji' && model.version >= 6;
}

/**
 * The actions an upscaled single image offers. `madeBy` is the action that produced it:
 * after `upscale_subtle` (or its redo) it offers `redo_upscale_subtle` in that place, and so on.
 */
export function upscaledActions(ctx: ResultContext, madeBy = 'upscale1'): string[] {
  const model = modelOf(ctx.prompt);
  const pair = hasSubtleCreative(model)
    ? ['upscale_subtle', 'upscale_creative']
    : ['upscale_2x', 'upscale_4x'];
  const done = madeBy.replace(/^redo_/, '');
  const upscales = pair.map((a) => (a === done ? `redo_${a}` : a));
  const square = ctx.width !== ctx.height && hasMakeSquare(model) ? ['square'] : [];
  return [...upscales, ...square, ...VARY_ZOOM_PAN];
}

/**
 * The `actions` of the result of `action`, or undefined for an action the engine does not know.
 * Grids offer the grid set; single images (U1–U4, upscales and their redos, square) the
 * upscaled set for their model and shape.
 */
export function actionsAfter(action: string, ctx: ResultContext): string[] | undefined {
  if (GRID_RESULT.test(action)) return [...GRID_ACTIONS];
  if (/^upscale[1-4]$/.test(action) || action === 'square') return upscaledActions(ctx, action);
  if (/^(redo_)?upscale_(2x|4x|subtle|creative)$/.test(action)) return upscaledActions(ctx, action);
  return undefined;
}
