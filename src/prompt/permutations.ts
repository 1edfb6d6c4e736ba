/**
 * Midjourney's permutation prompts and `--repeat`, expanded in the studio so the person sees every
 * prompt, the number of jobs and their cost before anything is spent (docs.midjourney.com
 * "Permutations", "Repeat"):
 * - `a {red, green} bird` is two prompts; options may nest (`{seagull {on a pier, on a beach}, poodle}`)
 *   and sit anywhere, parameters included (`--ar {1:1, 16:9}`, `--{v 6, niji 6}`);
 * - a backslash keeps a character literal: `{pink\, yellow, red}` has two options; `\{` and `\}`
 *   are braces that open or close nothing;
 * - `--repeat N` (or `--r N`) runs a prompt N times; Midjourney takes at most 40 jobs from one
 *   prompt (its largest plan), so neither a repeat nor a whole expansion may go beyond that.
 * Pure string work; errors are codes with their facts, worded only when shown.
 */

/** Midjourney's ceiling on the jobs one prompt makes (and on `--repeat`): its Pro/Mega limit. */
export const MAX_BATCH_JOBS = 40;

/** Why a prompt cannot be expanded; `at` is a 0-based index into the prompt. */
export type ExpansionError =
  | { code: 'unclosed-brace'; at: number }
  | { code: 'stray-brace'; at: number }
  | { code: 'empty-braces'; at: number }
  | { code: 'repeat-value'; value: string }
  | { code: 'repeat-over'; value: number }
  | { code: 'too-many-jobs'; jobs: number };

/** One prompt of an expansion and how many times it runs. */
export interface BatchPrompt {
  prompt: string;
  repeat: number;
}

/** What a prompt expands to. */
export type Expansion =
  | {
      ok: true;
      prompts: BatchPrompt[];
      /** Jobs in all: the repeats summed. */
      jobs: number;
      /** Whether the prompt held braces, escapes or a repeat (false: it goes as written). */
      expanded: boolean;
    }
  | { ok: false; error: ExpansionError };

type Part = string | Group;
interface Group {
  at: number;
  options: Part[][];
}

class Malformed extends Error {
  constructor(readonly error: ExpansionError) {
    super(error.code);
  }
}

const ESCAPABLE = new Set([',', '{', '}', '\\']);

/** Parses a sequence up to the end, or (inside braces) up to the `,` or `}` that ends an option. */
function parseSeq(s: string, start: number, nested: boolean): { parts: Part[]; end: number } {
  const parts: Part[] = [];
  let text = '';
  let i = start;
  while (i < s.length) {
    const c = s[i]!;
    if (c === '\\' && i + 1 < s.length && ESCAPABLE.has(s[i + 1]!)) {
      text += s[i + 1];
      i += 2;
    } else if (c === '{') {
      if (text) parts.push(text);
      text = '';
      const group = parseGroup(s, i);
      parts.push(group.group);
      i = group.end;
    } else if (c === '}' || c === ',') {
      if (nested) break;
      if (c === '}') throw new Malformed({ code: 'stray-brace', at: i });
      text += c;
      i++;
    } else {
      text += c;
      i++;
    }
  }
  if (text) parts.push(text);
  return { parts, end: i };
}

/** Parses `{…}` starting at its `{`; `end` is just past its `}`. */
function parseGroup(s: string, at: number): { group: Group; end: number } {
  const options: Part[][] = [];
  let i = at + 1;
  for (;;) {
    const option = parseSeq(s, i, true);
    options.push(option.parts);
    i = option.end;
    if (i >= s.length) throw new Malformed({ code: 'unclosed-brace', at });
    if (s[i] === '}') break;
    i++; // past the comma
  }
  if (options.length === 1 && options[0]!.every((p) => typeof p === 'string' && !p.trim())) {
    throw new Malformed({ code: 'empty-braces', at });
  }
  return { group: { at, options }, end: i + 1 };
}

/** How many prompts a sequence makes, stopping early past `cap` (so `{a,b}` ×30 costs nothing). */
function countSeq(parts: Part[], cap: number): number {
  let n = 1;
  for (const p of parts) {
    if (typeof p === 'string') continue;
    let sum = 0;
    for (const o of p.options) sum = Math.min(sum + countSeq(o, cap), cap + 1);
    n = Math.min(n * sum, cap + 1);
  }
  return n;
}

/** Every prompt of a sequence, left to right, the first group varying slowest. */
function expandSeq(parts: Part[]): string[] {
  let out = [''];
  for (const p of parts) {
    if (typeof p === 'string') {
      out = out.map((o) => o + p);
      continue;
    }
    // An option's own edges are not text: `{red, green}` gives "red" and "green".
    const options = p.options.flatMap((o) => expandSeq(o).map((x) => x.trim()));
    out = out.flatMap((o) => options.map((x) => o + x));
  }
  return out;
}

const REPEAT = /(^|\s)--(?:repeat|r)(?:\s+([^\s-][^\s]*))?(?=\s|$)/gi;

/** The prompt without its `--repeat`/`--r`, and the repeat it asked for (last one wins). */
function takeRepeat(prompt: string): { prompt: string; repeat: number } {
  let repeat = 1;
  let error: ExpansionError | null = null;
  const rest = prompt.replace(REPEAT, (_m, lead: string, value: string | undefined) => {
    const n = Number(value);
    if (value === undefined || !/^\d+$/.test(value) || n < 1) {
      error ??= { code: 'repeat-value', value: value ?? '' };
    } else if (n > MAX_BATCH_JOBS) {
      error ??= { code: 'repeat-over', value: n };
    } else repeat = n;
    return lead;
  });
  if (error) throw new Malformed(error);
  return { prompt: rest, repeat };
}

/** Runs of spaces an option or a removed `--repeat` left behind, and the ends. */
function tidy(prompt: string): string {
  return prompt.replace(/[ \t]{2,}/g, ' ').trim();
}

/**
 * The prompts `prompt` stands for. A prompt with no braces, escapes or repeat comes back as it
 * is (`expanded: false`), so ordinary prompts are never touched.
 */
export function expandPrompt(prompt: string): Expansion {
  const hasRepeat = REPEAT.test(prompt);
  REPEAT.lastIndex = 0;
  if (!/[{}]|\\[,{}\\]/.test(prompt) && !hasRepeat) {
    return { ok: true, prompts: [{ prompt, repeat: 1 }], jobs: 1, expanded: false };
  }
  try {
    const { parts } = parseSeq(prompt, 0, false);
    const count = countSeq(parts, MAX_BATCH_JOBS);
    if (count > MAX_BATCH_JOBS) {
      throw new Malformed({ code: 'too-many-jobs', jobs: countSeq(parts, Infinity) });
    }
    const prompts = expandSeq(parts).map((p) => {
      const taken = takeRepeat(p);
      return { prompt: tidy(taken.prompt), repeat: taken.repeat };
    });
    const jobs = prompts.reduce((n, p) => n + p.repeat, 0);
    if (jobs > MAX_BATCH_JOBS) throw new Malformed({ code: 'too-many-jobs', jobs });
    return { ok: true, prompts, jobs, expanded: true };
  } catch (err) {
    if (err instanceof Malformed) return { ok: false, error: err.error };
    throw err;
  }
}

/** Every job of an expansion in order: each prompt as many times as it repeats. */
export function batchJobs(prompts: readonly BatchPrompt[]): string[] {
  return prompts.flatMap((p) => Array.from({ length: p.repeat }, () => p.prompt));
}
