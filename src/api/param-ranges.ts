/**
 * One table of parameter ranges for the whole studio: the prompt lint, the parameter fields and
 * the local engine all read it, so they cannot disagree about what the service takes.
 *
 * Source: reference `imagine-api.md` §9 "Prompt structure and Midjourney parameters", its table
 * "Param (aliases) | Range / default" (itself from the Midjourney docs and third-party
 * summaries). Where a range differs by version the widest one is kept, so a value valid for some
 * version is never refused here; §9 marks exact per-version bounds UNCERTAIN. The provider's guide
 * (`midjourney-imagine-guide.txt`, "Webhook" failure example) shows how the service refuses what
 * Midjourney does not take: a failed task, `bad_request`, "Unrecognized argument(s): …".
 */

/** The allowed range of one numeric parameter. */
export interface NumberRange {
  min: number;
  max: number;
  /** Whether only whole numbers are taken. */
  integer: boolean;
  /** Midjourney's value when the parameter is left out, if §9 gives one. */
  default?: number;
}

/** Numeric parameters by canonical name (aliases resolve through `paramSpec`). */
export const PARAM_RANGES = {
  /** `--iw`: V6/V7 0–3, default 1 (V5's 0.5–2 lies inside). */
  iw: { min: 0, max: 3, integer: false, default: 1 },
  /** `--s`/`--stylize`: 0–1000, default 100. */
  s: { min: 0, max: 1000, integer: true, default: 100 },
  /** `--c`/`--chaos`: 0–100, default 0. */
  c: { min: 0, max: 100, integer: true, default: 0 },
  /** `--seed`: 0–4294967295. */
  seed: { min: 0, max: 4294967295, integer: true },
  /** `--w`/`--weird`: 0–3000, default 0. */
  w: { min: 0, max: 3000, integer: true, default: 0 },
  /** `--sw`: 0–1000, default 100. */
  sw: { min: 0, max: 1000, integer: true, default: 100 },
  /** `--cw`: 0–100, default 100. */
  cw: { min: 0, max: 100, integer: true, default: 100 },
} as const satisfies Record<string, NumberRange>;

/** A numeric parameter's canonical name. */
export type RangedParam = keyof typeof PARAM_RANGES;

/**
 * Aspect ratios. §9: integers only, default 1:1, "wider than 2:1 experimental". The reference
 * names no hard limit; this studio (and its local engine, which stands in for the service)
 * refuses anything beyond 4:1 or 1:4, the widest Midjourney documents for its current models.
 */
export const ASPECT_LIMITS = {
  /** Beyond this long:short ratio Midjourney calls the result experimental: a warning. */
  experimentalBeyond: 2,
  /** Beyond this long:short ratio the request is refused. */
  refusedBeyond: 4,
} as const;

/** `0–1000`, as the lint and the fields write a range. */
export function rangeText(range: NumberRange): string {
  return `${range.min}–${range.max}`;
}

/** `0–1000, default 100`: a field's placeholder. */
export function rangeHint(range: NumberRange): string {
  return range.default === undefined
    ? rangeText(range)
    : `${rangeText(range)}, default ${range.default}`;
}

/** Whether `n` is a value the range takes. */
export function inRange(range: NumberRange, n: number): boolean {
  return n >= range.min && n <= range.max && (!range.integer || Number.isInteger(n));
}

/** Whether a `W:H` ratio (positive sides) is within what the service takes. */
export function aspectRefused(w: number, h: number): boolean {
  return Math.max(w / h, h / w) > ASPECT_LIMITS.refusedBeyond;
}

/**
 * Real Midjourney parameters the studio has no control for (docs.midjourney.com; the reference
 * lists `--raw`, `--hd`, `--sv`). They must not be reported as unknown; their values are not
 * checked because their ranges vary by version. The engine should take them too.
 */
export const OTHER_PARAMS: Readonly<Record<string, 'flag' | 'value'>> = {
  raw: 'flag',
  hd: 'flag',
  draft: 'flag',
  public: 'flag',
  stealth: 'flag',
  sv: 'value',
  stop: 'value',
  r: 'value',
  repeat: 'value',
  p: 'value',
  personalize: 'value',
  profile: 'value',
  exp: 'value',
  oref: 'value',
  ow: 'value',
  sameseed: 'value',
};
