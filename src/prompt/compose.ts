/**
 * Compose: the prompt text is the one source of truth. Controls (aspect ratio, version,
 * stylize …) are read out of the prompt and written back into it, so a parameter typed by hand
 * moves its control and a control moved by hand rewrites its parameter.
 *
 * Reading builds on the shared tokenizer (`splitPrompt`). Writing is surgical: it edits only the
 * tokens of the parameter it owns and leaves every other character — text, line breaks, image
 * URLs, other parameters, their order, aliases and em dashes — exactly as the person typed it.
 */
import {
  MAX_IMAGE_PROMPTS,
  MODE_PARAMS,
  isParamToken,
  isUrlToken,
  paramSpec,
  splitPrompt,
} from '../api/prompt-syntax';
import type { PromptParam } from '../api/prompt-syntax';

/** The values the composer's controls show. Each maps to one `--param` in the prompt. */
export interface PromptControls {
  /** `--ar W:H` as written; `'1:1'` when absent. Invalid ratios are kept so lint can point at them. */
  ar: string;
  /** `''` (the account default), `'7'`, `'6.1'` … for `--v`, or `'niji'` / `'niji 6'` for `--niji`. */
  version: string;
  /** `--s`; null = absent (Midjourney's default, 100). */
  stylize: number | null;
  /** `--c`; null = absent. */
  chaos: number | null;
  /** `--w`; null = absent. */
  weird: number | null;
  /** `--q` as written (`'.5'`, `'2'` …); null = absent. */
  quality: string | null;
  /** `--seed`; null = absent. */
  seed: number | null;
  /** `--no` words (`'red, blue'`); `''` = absent. */
  no: string;
  /** `--tile`. */
  tile: boolean;
  /** `--style raw` (also read from V8's `--raw`). */
  raw: boolean;
  /** `--iw` (image weight); null = absent. */
  iw: number | null;
}

/** What every control shows for a prompt without parameters. Writing one of these removes the param. */
export const DEFAULT_CONTROLS: Readonly<PromptControls> = Object.freeze({
  ar: '1:1',
  version: '',
  stylize: null,
  chaos: null,
  weird: null,
  quality: null,
  seed: null,
  no: '',
  tile: false,
  raw: false,
  iw: null,
});

/** A parameter as the composer writes it: canonical name and value (`''` for a flag). */
interface Written {
  name: string;
  value: string;
}

/**
 * How one control maps onto parameters. `decode` returns undefined for a value that cannot be
 * shown (`--s abc`): the control then shows its default and lint explains the problem.
 */
interface Codec<V> {
  owns(param: PromptParam): boolean;
  decode(param: PromptParam): V | undefined;
  /** null = the default, i.e. no parameter at all. */
  encode(value: V): Written | null;
}

type Codecs = { [K in keyof PromptControls]: Codec<PromptControls[K]> };

/** Canonical name of a parameter (`aspect` → `ar`); unknown names stay as written. */
function canonical(name: string): string {
  return paramSpec(name)?.name ?? name.toLowerCase();
}

/**
 * Normalise a free-text value before writing it: single spaces, and no word that the tokenizer
 * would read as a new `--param` (a stray `--x` inside `--no` would otherwise split it in two).
 */
function cleanText(value: string): string {
  return value
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => (isParamToken(word) ? word.replace(/^(--|—)+/, '') : word))
    .join(' ');
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function decodeNumber(value: string): number | undefined {
  return NUMBER.test(value) ? Number(value) : undefined;
}

function numberCodec(name: string): Codec<number | null> {
  return {
    owns: (p) => canonical(p.name) === name,
    decode: (p) => decodeNumber(p.value),
    // NaN or Infinity cannot be written as a Midjourney value; treat them as "unset".
    encode: (v) => (v === null || !Number.isFinite(v) ? null : { name, value: String(v) }),
  };
}

function textCodec(name: string, fallback: string): Codec<string> {
  return {
    owns: (p) => canonical(p.name) === name,
    decode: (p) => p.value || undefined,
    encode: (v) => {
      const value = cleanText(v);
      return value === '' || value === fallback ? null : { name, value };
    },
  };
}

const CODECS: Codecs = {
  ar: textCodec('ar', DEFAULT_CONTROLS.ar),
  version: {
    owns: (p) => ['v', 'niji'].includes(canonical(p.name)),
    decode: (p) => {
      if (canonical(p.name) === 'niji') return p.value ? `niji ${p.value}` : 'niji';
      return p.value || undefined;
    },
    encode: (v) => {
      const value = cleanText(v);
      if (value === '') return null;
      const niji = /^niji\s*(.*)$/i.exec(value);
      return niji ? { name: 'niji', value: niji[1] ?? '' } : { name: 'v', value };
    },
  },
  stylize: numberCodec('s'),
  chaos: numberCodec('c'),
  weird: numberCodec('w'),
  quality: {
    owns: (p) => canonical(p.name) === 'q',
    decode: (p) => p.value || undefined,
    encode: (v) => {
      const value = v === null ? '' : cleanText(v);
      return value === '' ? null : { name: 'q', value };
    },
  },
  seed: numberCodec('seed'),
  no: textCodec('no', DEFAULT_CONTROLS.no),
  tile: {
    owns: (p) => canonical(p.name) === 'tile',
    decode: () => true,
    encode: (v) => (v ? { name: 'tile', value: '' } : null),
  },
  raw: {
    // `--style` holds one value, so the raw switch owns it; V8 also takes a bare `--raw`.
    owns: (p) => ['style', 'raw'].includes(canonical(p.name)),
    decode: (p) => {
      if (canonical(p.name) === 'raw') return true;
      return p.value ? p.value.toLowerCase() === 'raw' : undefined;
    },
    encode: (v) => (v ? { name: 'style', value: 'raw' } : null),
  },
  iw: numberCodec('iw'),
};

function decodeOr<V>(codec: Codec<V>, param: PromptParam | undefined, fallback: V): V {
  if (!param) return fallback;
  const value = codec.decode(param);
  return value === undefined ? fallback : value;
}

/**
 * The controls a prompt expresses. Aliases (`--aspect`, `--stylize`, `--version` …) and em
 * dashes are understood; when a parameter appears twice the last one wins, as in Midjourney.
 */
export function readControls(prompt: string): PromptControls {
  const { params } = splitPrompt(prompt);
  const read = <K extends keyof PromptControls>(key: K): PromptControls[K] => {
    const codec = CODECS[key];
    const owned = params.filter((p) => codec.owns(p));
    return decodeOr(codec, owned[owned.length - 1], DEFAULT_CONTROLS[key]);
  };
  return {
    ar: read('ar'),
    version: read('version'),
    stylize: read('stylize'),
    chaos: read('chaos'),
    weird: read('weird'),
    quality: read('quality'),
    seed: read('seed'),
    no: read('no'),
    tile: read('tile'),
    raw: read('raw'),
    iw: read('iw'),
  };
}

// ---------------------------------------------------------------------------------------------
// Surgical editing. The prompt is cut into whitespace-separated tokens that remember the
// whitespace after them, grouped exactly as `splitPrompt` groups them.

interface Piece {
  text: string;
  /** Whitespace between this token and the next; a single space after the last one. */
  gap: string;
}

/** One `--param` with the indexes of its first (name) and last token. */
interface Segment extends PromptParam {
  first: number;
  last: number;
  /** The name token as typed (`--Aspect`, `—ar`), kept when only the value changes. */
  nameToken: string;
}

interface Layout {
  lead: string;
  pieces: Piece[];
  trail: string;
  /** How many leading tokens are image URLs. */
  urlCount: number;
  segments: Segment[];
}

function layout(prompt: string): Layout {
  const tokens = [...prompt.matchAll(/\S+/g)].map((m) => ({
    text: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
  if (tokens.length === 0)
    return { lead: prompt, pieces: [], trail: '', urlCount: 0, segments: [] };
  const pieces = tokens.map((t, i) => ({
    text: t.text,
    gap: i + 1 < tokens.length ? prompt.slice(t.end, tokens[i + 1]!.start) : ' ',
  }));
  let i = 0;
  while (i < tokens.length && isUrlToken(tokens[i]!.text)) i++;
  const urlCount = i;
  while (i < tokens.length && !isParamToken(tokens[i]!.text)) i++;
  const segments: Segment[] = [];
  while (i < tokens.length) {
    const first = i;
    const nameToken = tokens[i++]!.text;
    while (i < tokens.length && !isParamToken(tokens[i]!.text)) i++;
    segments.push({
      name: nameToken.replace(/^(--|—)/, '').toLowerCase(),
      value: tokens
        .slice(first + 1, i)
        .map((t) => t.text)
        .join(' '),
      first,
      last: i - 1,
      nameToken,
    });
  }
  return {
    lead: prompt.slice(0, tokens[0]!.start),
    pieces,
    trail: prompt.slice(tokens[tokens.length - 1]!.end),
    urlCount,
    segments,
  };
}

/** Edits on a layout: replaced or deleted token ranges, and new tokens at either end. */
class Editor {
  private readonly slots: (Piece | null)[];
  private readonly before: Piece[] = [];
  private readonly after: Piece[] = [];

  constructor(private readonly base: Layout) {
    this.slots = base.pieces.map((p) => ({ ...p }));
  }

  /** Replace tokens first..last with one text, keeping the whitespace that followed them. */
  replace(first: number, last: number, text: string): void {
    const gap = this.base.pieces[last]!.gap;
    this.remove(first, last);
    this.slots[first] = { text, gap };
  }

  remove(first: number, last: number): void {
    for (let i = first; i <= last; i++) this.slots[i] = null;
  }

  prepend(text: string): void {
    this.before.push({ text, gap: ' ' });
  }

  append(text: string): void {
    this.after.push({ text, gap: ' ' });
  }

  toString(): string {
    const kept = [
      ...this.before,
      ...this.slots.filter((p): p is Piece => p !== null),
      ...this.after,
    ];
    const body = kept.map((p, i) => (i + 1 < kept.length ? p.text + p.gap : p.text)).join('');
    return this.base.lead + body + this.base.trail;
  }
}

function formatParam(written: Written): string {
  return written.value ? `--${written.name} ${written.value}` : `--${written.name}`;
}

/**
 * Set one control in the prompt. Rewrites, adds or removes that control's `--param` and leaves
 * everything else untouched; a default value (ar 1:1, null, '', false) removes the param. When
 * the prompt already says exactly `value` it is returned as is, so a control echoing the prompt
 * never reformats it. Duplicates of the param collapse into one, at the last one's place.
 * Free-text values are written with single spaces and without words that would start a new
 * `--param`.
 */
export function writeControl<K extends keyof PromptControls>(
  prompt: string,
  key: K,
  value: PromptControls[K],
): string {
  const codec = CODECS[key];
  const base = layout(prompt);
  const owned = base.segments.filter((s) => codec.owns(s));
  const target = codec.encode(value);
  // What the prompt will read as afterwards, in the codec's own terms ('niji6' → 'niji 6').
  const wanted = target ? codec.decode(target) : DEFAULT_CONTROLS[key];
  const saysWanted = (s: Segment) => codec.decode(s) === wanted;

  if (owned.every(saysWanted) && (owned.length > 0 || target === null)) return prompt;

  const editor = new Editor(base);
  if (target === null) {
    // Keep what already reads as the default (`--style cute` under raw=false), drop the rest.
    for (const s of owned) if (!saysWanted(s)) editor.remove(s.first, s.last);
    return editor.toString();
  }
  const keep = owned[owned.length - 1];
  for (const s of owned) if (s !== keep) editor.remove(s.first, s.last);
  if (!keep) {
    editor.append(formatParam(target));
  } else if (!saysWanted(keep)) {
    const sameName = canonical(keep.name) === target.name;
    const text = sameName
      ? [keep.nameToken, target.value].filter(Boolean).join(' ')
      : formatParam(target);
    editor.replace(keep.first, keep.last, text);
  }
  return editor.toString();
}

/** The image URLs a prompt starts with (image prompts / blend sources). */
export function getImageUrls(prompt: string): string[] {
  return splitPrompt(prompt).imageUrls;
}

/**
 * Replace the leading image URLs, keeping text and params as typed. Each URL must be an http(s)
 * URL without spaces (check it with `checkImageUrl` first): anything else would be read back as
 * text, so it throws a RangeError rather than silently changing the prompt's meaning.
 */
export function setImageUrls(prompt: string, urls: string[]): string {
  const bad = urls.find((u) => !isUrlToken(u));
  if (bad !== undefined) throw new RangeError(`Not an http(s) image URL: ${JSON.stringify(bad)}`);
  const base = layout(prompt);
  const editor = new Editor(base);
  const joined = urls.join(' ');
  if (base.urlCount > 0) {
    if (joined) editor.replace(0, base.urlCount - 1, joined);
    else editor.remove(0, base.urlCount - 1);
  } else if (joined) {
    editor.prepend(joined);
  }
  return editor.toString();
}

/** Remove `--fast`, `--relax` and `--turbo`: speed travels in the request's `mode`, not the prompt. */
export function stripModeParams(prompt: string): string {
  const base = layout(prompt);
  const modes: readonly string[] = MODE_PARAMS;
  const found = base.segments.filter((s) => modes.includes(s.name));
  if (found.length === 0) return prompt;
  const editor = new Editor(base);
  for (const s of found) editor.remove(s.first, s.last);
  return editor.toString();
}

/** A blend: 2–5 image URLs and no text (parameters such as `--ar` are allowed). */
export function isBlend(prompt: string): boolean {
  const { imageUrls, text } = splitPrompt(prompt);
  return imageUrls.length >= 2 && imageUrls.length <= MAX_IMAGE_PROMPTS && text === '';
}
