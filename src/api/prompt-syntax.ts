/**
 * The prompt's surface syntax, shared by the studio and the local engine: image URLs first,
 * then text, then `--params` (reference §9). Pure string work; the studio's compose/lint rules
 * live in `src/prompt/`, the engine's interpretation in `server/`.
 */
import { PARAM_RANGES } from './param-ranges';

/** One `--name value` pair as written (name without dashes, lower-cased). */
export interface PromptParam {
  name: string;
  value: string;
}

/** A prompt split into its three parts. */
export interface PromptParts {
  imageUrls: string[];
  text: string;
  params: PromptParam[];
}

/** What a parameter's value looks like. */
export type ParamKind = 'flag' | 'number' | 'ratio' | 'text' | 'enum' | 'urls';

/** A Midjourney parameter the studio and engine understand. */
export interface ParamSpec {
  /** Canonical name, as the composer writes it. */
  name: string;
  aliases: readonly string[];
  kind: ParamKind;
  min?: number;
  max?: number;
  /** For `enum`: the allowed values. */
  values?: readonly string[];
  /** Whether the value must be a whole number. */
  integer?: boolean;
}

/**
 * The parameters understood (reference §9 and the engine issue's list). Numeric ranges come from
 * the one table in `param-ranges.ts`.
 */
export const PARAM_SPECS: readonly ParamSpec[] = [
  { name: 'ar', aliases: ['aspect'], kind: 'ratio' },
  {
    name: 'v',
    aliases: ['version'],
    kind: 'enum',
    values: ['1', '2', '3', '4', '5', '5.1', '5.2', '6', '6.1', '7', '8', '8.1', '8.2'],
  },
  { name: 'niji', aliases: [], kind: 'enum', values: ['4', '5', '6', '7'] },
  { name: 'iw', aliases: [], kind: 'number', ...PARAM_RANGES.iw },
  { name: 's', aliases: ['stylize'], kind: 'number', ...PARAM_RANGES.s },
  { name: 'c', aliases: ['chaos'], kind: 'number', ...PARAM_RANGES.c },
  {
    name: 'q',
    aliases: ['quality'],
    kind: 'enum',
    values: ['.25', '0.25', '.5', '0.5', '1', '2', '4'],
  },
  { name: 'seed', aliases: [], kind: 'number', ...PARAM_RANGES.seed },
  { name: 'no', aliases: [], kind: 'text' },
  { name: 'tile', aliases: [], kind: 'flag' },
  {
    name: 'style',
    aliases: [],
    kind: 'enum',
    values: ['raw', 'cute', 'expressive', 'scenic', 'original'],
  },
  { name: 'w', aliases: ['weird'], kind: 'number', ...PARAM_RANGES.w },
  { name: 'sref', aliases: [], kind: 'urls' },
  { name: 'sw', aliases: [], kind: 'number', ...PARAM_RANGES.sw },
  { name: 'cref', aliases: [], kind: 'urls' },
  { name: 'cw', aliases: [], kind: 'number', ...PARAM_RANGES.cw },
];

const BY_NAME = new Map<string, ParamSpec>();
for (const spec of PARAM_SPECS) {
  BY_NAME.set(spec.name, spec);
  for (const alias of spec.aliases) BY_NAME.set(alias, spec);
}

/** The spec for a parameter name or alias (`aspect` → `ar`), or undefined if unknown. */
export function paramSpec(name: string): ParamSpec | undefined {
  return BY_NAME.get(name.toLowerCase());
}

/** Speed switches Midjourney accepts in a prompt but this API takes as `mode`. */
export const MODE_PARAMS = ['fast', 'relax', 'turbo'] as const;

/** The most image URLs a prompt may start with (blend limit). */
export const MAX_IMAGE_PROMPTS = 5;

/**
 * The longest prompt taken, in characters (UTF-16 units, as `String.length` counts them). The
 * provider publishes no limit; Midjourney's Discord `/imagine` takes at most 6,000 characters and
 * the gateway passes prompts through to it. The local engine refuses longer ones with this figure
 * and the studio's prompt check warns and holds them back with the same one.
 */
export const MAX_PROMPT_CHARS = 6000;

const URL_TOKEN = /^https?:\/\/\S+$/i;

/** Whether a token is an http(s) URL as the prompt grammar takes it. */
export function isUrlToken(token: string): boolean {
  return URL_TOKEN.test(token);
}

/**
 * Split a prompt into leading image URLs, text and `--params`. Values run until the next
 * `--name`, so `--no red, blue` and `--sref a b` keep all their words.
 */
export function splitPrompt(prompt: string): PromptParts {
  const tokens = prompt.trim().split(/\s+/).filter(Boolean);
  const imageUrls: string[] = [];
  let i = 0;
  while (i < tokens.length && isUrlToken(tokens[i]!)) imageUrls.push(tokens[i++]!);
  const textWords: string[] = [];
  while (i < tokens.length && !isParamToken(tokens[i]!)) textWords.push(tokens[i++]!);
  const params: PromptParam[] = [];
  while (i < tokens.length) {
    const name = tokens[i++]!.replace(/^(--|—)/, '').toLowerCase();
    const valueWords: string[] = [];
    while (i < tokens.length && !isParamToken(tokens[i]!)) valueWords.push(tokens[i++]!);
    params.push({ name, value: valueWords.join(' ') });
  }
  return { imageUrls, text: textWords.join(' '), params };
}

/** Reassemble parts into a prompt, in the provider's order. */
export function joinPrompt(parts: PromptParts): string {
  const params = parts.params.map((p) => (p.value ? `--${p.name} ${p.value}` : `--${p.name}`));
  return [...parts.imageUrls, parts.text, ...params].filter((s) => s.length > 0).join(' ');
}

/** Whether a word starts a `--param` (an em dash counts: word processors make one of `--`). */
export function isParamToken(token: string): boolean {
  return /^(--|—)[a-z]/i.test(token);
}

/** Parse `W:H` (integers only, as Midjourney requires). */
export function parseRatio(value: string): { w: number; h: number } | null {
  const m = /^(\d{1,4}):(\d{1,4})$/.exec(value.trim());
  if (!m) return null;
  const w = Number(m[1]);
  const h = Number(m[2]);
  return w > 0 && h > 0 ? { w, h } : null;
}
