/**
 * What a request will cost, relative to one ordinary image job (a grid, fast mode, quality 1 =
 * 1 unit, about one minute of Midjourney GPU time). The provider publishes no credit prices
 * (reference §2: `version`, `style_reference` and `moodboard` are "used for billing" with no
 * rates), so the studio never claims credits: it shows this relative figure and names each
 * factor whose rate is not known. Sources, per factor:
 * - `hd`: 4× GPU cost — the provider's OpenAPI file (reference §2, [OAS]);
 * - turbo 2× fast; relax uses no Fast time in Midjourney's plans, what the provider charges for
 *   it is not published — docs.midjourney.com "Fast, Relax & Turbo";
 * - quality .25/.5/2/4: GPU time scales with `--q` (¼, ½, 2×, 4×) — docs.midjourney.com "Quality";
 * - video: a video job ≈ 8 image jobs at 480p (Midjourney's V1 video announcement), 720p about
 *   3.2× that (Midjourney's HD video); the provider's default resolution is 720p ([VIDEOS]);
 * - actions other than generate, `version`, `--sref` or a moodboard in V8: billed, rate unknown.
 * Pure; no words here (codes only, worded where shown).
 */
import { paramSpec, splitPrompt } from '../api/prompt-syntax';

/** A factor in a request's cost. */
export type CostFactorCode =
  | 'turbo'
  | 'relax'
  | 'hd'
  | 'quality'
  | 'video'
  | 'video-720p'
  | 'action'
  | 'version'
  | 'style-reference'
  | 'moodboard';

/** One factor and what it multiplies by; `known: false` = billed, at a rate nobody published. */
export interface CostFactor {
  code: CostFactorCode;
  multiplier: number;
  known: boolean;
  /** The value it is about (`.5` for quality, `8.1` for a version). */
  value?: string;
}

/** A request's relative cost. */
export interface Cost {
  /** 1 = an ordinary fast image job. */
  units: number;
  factors: CostFactor[];
  /** Some factor's rate is not known: the figure is a floor, not a price. */
  uncertain: boolean;
}

/** The request fields the cost reads (imagine, edits and videos bodies all fit). */
export interface CostInput {
  /** The job kind: `imagine` (default), `edits` or `videos`; other kinds spend no GPU time. */
  kind?: string;
  action?: string;
  prompt?: string;
  mode?: string;
  hd?: boolean;
  quality?: string;
  version?: string;
  style_reference?: boolean;
  moodboard?: boolean;
  resolution?: string;
}

/** GPU time by quality (docs.midjourney.com "Quality": .25 = ¼ … 4 = 4×). */
const QUALITY: Readonly<Record<string, number>> = {
  '.25': 0.25,
  '0.25': 0.25,
  '.5': 0.5,
  '0.5': 0.5,
  '1': 1,
  '2': 2,
  '4': 4,
};

/** Kinds that run on Midjourney's GPUs; describe, seed and the text tools are not counted. */
const GPU_KINDS = new Set(['imagine', 'edits', 'videos']);

/** What one request costs, or null for a kind that spends no GPU time. */
export function costOf(input: CostInput): Cost | null {
  const kind = input.kind ?? 'imagine';
  if (!GPU_KINDS.has(kind)) return null;
  const factors: CostFactor[] = [];
  const params = promptParams(input.prompt ?? '');
  if (kind === 'videos') {
    factors.push({ code: 'video', multiplier: 8, known: true });
    if ((input.resolution ?? '720p') === '720p') {
      factors.push({ code: 'video-720p', multiplier: 3.2, known: true });
    }
  } else {
    const action = input.action ?? 'generate';
    if (action !== 'generate') factors.push({ code: 'action', multiplier: 1, known: false });
    const quality = input.quality ?? params.q;
    const q = quality === undefined ? undefined : QUALITY[quality];
    if (q !== undefined && q !== 1) {
      factors.push({ code: 'quality', multiplier: q, known: true, value: quality! });
    }
    if (input.hd || params.hd !== undefined)
      factors.push({ code: 'hd', multiplier: 4, known: true });
    const version = input.version ?? params.v;
    if (input.version) {
      factors.push({ code: 'version', multiplier: 1, known: false, value: input.version });
    }
    const v8 = version === undefined || Number.parseFloat(version) >= 8;
    if (v8 && (input.style_reference || params.sref !== undefined)) {
      factors.push({ code: 'style-reference', multiplier: 1, known: false });
    }
    if (input.moodboard) factors.push({ code: 'moodboard', multiplier: 1, known: false });
  }
  if (input.mode === 'turbo') factors.push({ code: 'turbo', multiplier: 2, known: true });
  if (input.mode === 'relax') factors.push({ code: 'relax', multiplier: 1, known: false });
  const units = factors.reduce((n, f) => n * f.multiplier, 1);
  return { units: round(units), factors, uncertain: factors.some((f) => !f.known) };
}

/** The sum of several requests' costs (a batch), uncertain if any one is. */
export function totalCost(costs: readonly (Cost | null)[]): Cost {
  const known = costs.filter((c): c is Cost => c !== null);
  const factors = known.flatMap((c) => c.factors);
  const seen = new Set<string>();
  return {
    units: round(known.reduce((n, c) => n + c.units, 0)),
    factors: factors.filter((f) => !seen.has(f.code) && seen.add(f.code)),
    uncertain: known.some((c) => c.uncertain),
  };
}

/** `×4`, `×0.5`, `×25.6`: the figure a button shows. */
export function formatUnits(units: number): string {
  return `×${round(units)}`;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** The prompt's parameters that bear on cost, by canonical name (`quality` → `q`). */
function promptParams(prompt: string): Partial<Record<'q' | 'v' | 'hd' | 'sref', string>> {
  const out: Partial<Record<'q' | 'v' | 'hd' | 'sref', string>> = {};
  for (const p of splitPrompt(prompt).params) {
    const name = paramSpec(p.name)?.name ?? p.name;
    if (name === 'q' || name === 'v' || name === 'hd' || name === 'sref') out[name] = p.value;
  }
  return out;
}
