/**
 * Lint a prompt before a credit is spent. The gateway passes prompts through unchecked and
 * Midjourney refuses bad ones only after queueing (`bad_request` "Unrecognized argument(s)",
 * reference §9), so the composer shows these issues while the person types. Errors are things
 * Midjourney would refuse or that cannot work; warnings are likely mistakes it would accept.
 */
import { t } from '@lingui/core/macro';
import {
  MAX_IMAGE_PROMPTS,
  MODE_PARAMS,
  paramSpec,
  parseRatio,
  splitPrompt,
} from '../api/prompt-syntax';
import type { ParamSpec, PromptParam } from '../api/prompt-syntax';
import { ASPECT_LIMITS, OTHER_PARAMS, aspectRefused } from '../api/param-ranges';
import { readDashes } from './dashes';
import { KNOWN_NAMES, closestName } from './known-params';
import { lengthIssues } from './prompt-length';
import { checkImageUrl } from './reference-urls';

/** One problem in a prompt, worded as what to change. */
export interface LintIssue {
  /**
   * `error`: the service would refuse it or it cannot work (a sure refusal: the composer holds the
   * paid call back). `warning`: probably a mistake. `note`: how the studio read something.
   */
  severity: 'error' | 'warning' | 'note';
  /** The parameter concerned, lower-cased and without dashes, as written (`stylise`, `aspect`). */
  param?: string;
  /** In the active language (lint while rendering, so a change of language re-words it). */
  message: string;
  /** A fix the composer offers as a button: `translate` = translate the words to English. */
  fix?: 'translate';
}

/** What the prompt is for, and where the studio runs (for its own `/attachments/` images). */
export interface LintOptions {
  /** The request's action; structure rules (empty prompt, lone image) apply to `generate` only. */
  action?: string;
  /** Passed to `checkImageUrl`; defaults to `location.origin`. */
  origin?: string;
  /** "Translate prompt" is on: the service translates the words, so Chinese is fine. */
  translation?: boolean;
}

/** Chinese characters (Han script, which also covers Japanese kanji). */
const HAN = /\p{Script=Han}/u;

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Check a prompt; issues come errors first, each group in prompt order. */
export function lintPrompt(prompt: string, opts: LintOptions = {}): LintIssue[] {
  const action = opts.action ?? 'generate';
  const dashes = readDashes(prompt);
  const { imageUrls, text, params } = splitPrompt(dashes.prompt);
  const issues: LintIssue[] = dashes.readings.map((r) => ({
    severity: 'note',
    param: r.read.slice(2).toLowerCase(),
    message: t`Read “${r.written}” as “${r.read}”.`,
  }));

  issues.push(...lengthIssues(dashes.prompt.length));
  if (action === 'generate') issues.push(...structureIssues(imageUrls, text, params));
  if (imageUrls.length > MAX_IMAGE_PROMPTS) {
    const extra = imageUrls.length - MAX_IMAGE_PROMPTS;
    issues.push({
      severity: 'error',
      message: t`A prompt takes at most ${MAX_IMAGE_PROMPTS} image links — remove ${extra}.`,
    });
  }
  imageUrls.forEach((url, i) => {
    const check = checkImageUrl(url, opts.origin === undefined ? {} : { origin: opts.origin });
    if (!check.ok)
      issues.push({ severity: 'warning', message: t`Image ${i + 1}: ${check.message}` });
  });
  for (const word of text.split(' ')) {
    const single = singleDashParam(word);
    if (single) {
      issues.push({
        severity: 'warning',
        param: single,
        message: t`"${word}" is read as text; write --${single} (two hyphens) to make it a parameter.`,
      });
    }
  }
  for (const param of params) issues.push(...paramIssues(param));
  issues.push(...combinationIssues(imageUrls, params));
  if (!opts.translation && HAN.test(text)) {
    issues.push({
      severity: 'note',
      fix: 'translate',
      message: t`Midjourney understands English best: translate the prompt before you imagine.`,
    });
  }

  // A stable sort keeps prompt order inside each severity.
  return issues.sort((a, b) => rank(a) - rank(b));
}

function rank(issue: LintIssue): number {
  return issue.severity === 'error' ? 0 : issue.severity === 'warning' ? 1 : 2;
}

function structureIssues(imageUrls: string[], text: string, params: PromptParam[]): LintIssue[] {
  if (imageUrls.length === 0 && text === '') {
    return [
      {
        severity: 'error',
        message:
          params.length === 0
            ? t`The prompt is empty — describe the image you want.`
            : t`A prompt cannot be only parameters — add a description before the --parameters.`,
      },
    ];
  }
  if (imageUrls.length === 1 && text === '') {
    return [
      {
        severity: 'error',
        message: t`Add text after the image link, or add a second image to blend (a blend needs 2–5 images).`,
      },
    ];
  }
  return [];
}

function paramIssues(param: PromptParam): LintIssue[] {
  const { name, value } = param;
  const modes: readonly string[] = MODE_PARAMS;
  if (modes.includes(name)) {
    return [
      warning(
        name,
        t`--${name} sets speed in the prompt; remove it and set speed with Mode instead.`,
      ),
    ];
  }
  const spec = paramSpec(name);
  if (!spec) {
    const other = OTHER_PARAMS[name];
    if (other === undefined) return [unknownParam(name)];
    return other === 'flag' && value ? [flagWithValue(name, value)] : [];
  }
  const words = value.split(' ').filter(Boolean);
  switch (spec.kind) {
    case 'flag':
      return value ? [flagWithValue(name, value)] : [];
    case 'text':
      return words.length === 0
        ? [error(name, t`--${name} needs words to exclude, like --${name} red, blue.`)]
        : [];
    case 'urls':
      return urlsIssues(name, words);
    default:
      if (words.length > 1) return [extraWords(name, words.slice(1))];
      if (spec.kind === 'number') return numberIssues(name, spec, words[0]);
      if (spec.kind === 'ratio') return ratioIssues(name, words[0]);
      return enumIssues(name, spec, words[0]);
  }
}

function warning(param: string, message: string): LintIssue {
  return { severity: 'warning', param, message };
}

function error(param: string, message: string): LintIssue {
  return { severity: 'error', param, message };
}

function unknownParam(name: string): LintIssue {
  const suggestion = closestName(name);
  const hint = suggestion ? t` (did you mean --${suggestion}?)` : '';
  // A sure refusal: the service answers arguments Midjourney does not know with a failed task,
  // bad_request "Unrecognized argument(s)" (reference §5 and §9, the guide's webhook example).
  // Midjourney adds parameters over time, so the composer still offers "Send anyway".
  return error(
    name,
    t`--${name} is not a Midjourney parameter the studio knows; the service will refuse it (“Unrecognized argument(s)”) — remove it${hint}.`,
  );
}

/**
 * Words after a parameter's value belong to that parameter in Midjourney's grammar, which then
 * refuses them ("Unrecognized argument(s)"). A single-hyphen `-c` is the usual cause.
 */
function extraWords(name: string, extra: string[]): LintIssue {
  const dashed = extra.find((w) => singleDashParam(w));
  if (dashed) return error(name, twoHyphens(dashed));
  return error(
    name,
    t`--${name} takes one value; move "${extra.join(' ')}" before the parameters or remove it.`,
  );
}

function flagWithValue(name: string, value: string): LintIssue {
  const dashed = value.split(' ').find((w) => singleDashParam(w));
  if (dashed) return error(name, twoHyphens(dashed));
  return error(
    name,
    t`--${name} takes no value; move "${value}" before the parameters or remove it.`,
  );
}

function twoHyphens(word: string): string {
  const name = singleDashParam(word) ?? '';
  return t`"${word}" needs two hyphens: write --${name}.`;
}

/** `-ar` or `–ar` (en dash) for a known parameter: the name without its dash, else null. */
function singleDashParam(word: string): string | null {
  const m = /^[-–]([a-z]+)$/i.exec(word);
  const name = m?.[1]?.toLowerCase();
  return name !== undefined && KNOWN_NAMES.includes(name) ? name : null;
}

function rangeText(spec: ParamSpec): string {
  return `${spec.min ?? 0}–${spec.max ?? '∞'}`;
}

// Ranges come from `api/param-ranges.ts`, which the engine shares: outside them is a refusal.

function numberIssues(name: string, spec: ParamSpec, word: string | undefined): LintIssue[] {
  const range = rangeText(spec);
  if (word === undefined) return [error(name, t`--${name} needs a number from ${range}.`)];
  if (!NUMBER.test(word)) {
    return [error(name, t`--${name} needs a number from ${range}; "${word}" is not a number.`)];
  }
  const n = Number(word);
  if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) {
    return [
      error(
        name,
        t`--${name} ${word} is outside ${range}; the service will refuse it — use a value in that range.`,
      ),
    ];
  }
  if (spec.integer && !Number.isInteger(n)) {
    return [
      error(name, t`--${name} takes whole numbers; use ${Math.round(n)} instead of ${word}.`),
    ];
  }
  return [];
}

function ratioIssues(name: string, word: string | undefined): LintIssue[] {
  if (word === undefined) return [error(name, t`--${name} needs a ratio like 16:9.`)];
  const decimal = /^(\d*\.?\d+):(\d*\.?\d+)$/.exec(word);
  if (decimal && word.includes('.')) {
    const whole = wholeRatio(Number(decimal[1]), Number(decimal[2]));
    const fix = whole ? t`write ${whole} instead of ${word}` : t`use a ratio like 13:10`;
    return [error(name, t`--${name} needs whole numbers; ${fix}.`)];
  }
  const ratio = parseRatio(word);
  if (!ratio) {
    return [
      error(name, t`--${name} must be width:height in whole numbers, like 16:9 — not "${word}".`),
    ];
  }
  const { experimentalBeyond: x, refusedBeyond: limit } = ASPECT_LIMITS;
  if (aspectRefused(ratio.w, ratio.h)) {
    return [
      error(
        name,
        t`--${name} ${word} is beyond ${limit}:1 (or 1:${limit}); the service will refuse it — use a ratio between 1:${limit} and ${limit}:1.`,
      ),
    ];
  }
  if (ratio.w > x * ratio.h) {
    return [
      warning(
        name,
        t`--${name} ${word} is wider than ${x}:1, which is experimental; use ${x}:1 or narrower.`,
      ),
    ];
  }
  if (ratio.h > x * ratio.w) {
    return [
      warning(
        name,
        t`--${name} ${word} is taller than 1:${x}, which is experimental; use 1:${x} or wider.`,
      ),
    ];
  }
  return [];
}

/** 1.3:1 → '13:10'; null when it cannot be written in Midjourney's four digits. */
function wholeRatio(w: number, h: number): string | null {
  if (!(w > 0 && h > 0)) return null;
  for (let scale = 1; scale <= 1000; scale *= 10) {
    const a = Math.round(w * scale);
    const b = Math.round(h * scale);
    if (Math.abs(a - w * scale) < 1e-9 && Math.abs(b - h * scale) < 1e-9) {
      const d = gcd(a, b);
      return a / d < 10000 && b / d < 10000 ? `${a / d}:${b / d}` : null;
    }
  }
  return null;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

function enumIssues(name: string, spec: ParamSpec, word: string | undefined): LintIssue[] {
  const values = spec.values ?? [];
  const list = values.join(', ');
  if (word === undefined) {
    // A bare `--niji` picks the current niji model.
    return spec.name === 'niji' ? [] : [error(name, t`--${name} needs a value: one of ${list}.`)];
  }
  if (values.includes(word.toLowerCase())) return [];
  const numeric = values.every((v) => NUMBER.test(v));
  if (numeric && !NUMBER.test(word)) {
    return [error(name, t`--${name} needs a number (one of ${list}); "${word}" is not a number.`)];
  }
  // A number outside the list may be a version newer than this list, so only warn.
  return [
    warning(name, t`--${name} ${word} is not a value Midjourney documents; use one of ${list}.`),
  ];
}

function urlsIssues(name: string, words: string[]): LintIssue[] {
  if (words.length === 0) return [error(name, t`--${name} needs at least one image link.`)];
  const bad = words.find(
    (w) =>
      !/^https?:\/\/\S+?(::-?\d+(\.\d+)?)?$/i.test(w) &&
      !/^\d+$/.test(w) &&
      w.toLowerCase() !== 'random',
  );
  return bad
    ? [
        warning(
          name,
          t`--${name} takes image links (or a style code); "${bad}" is neither — move it before the parameters or remove it.`,
        ),
      ]
    : [];
}

function combinationIssues(imageUrls: string[], params: PromptParam[]): LintIssue[] {
  const issues: LintIssue[] = [];
  const counts = new Map<string, number>();
  for (const p of params) {
    const spec = paramSpec(p.name);
    const key = spec?.name ?? (OTHER_PARAMS[p.name] !== undefined ? p.name : null);
    if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  for (const [key, count] of counts) {
    if (count > 1) {
      issues.push(
        warning(
          key,
          t`--${key} is set ${count} times; Midjourney uses only one — keep one and remove the others.`,
        ),
      );
    }
  }
  if (counts.has('niji') && counts.has('v')) {
    issues.push(
      warning(
        'niji',
        t`--niji and --v both choose the model; keep only one (--niji for the anime model).`,
      ),
    );
  }
  if (counts.has('iw') && imageUrls.length === 0) {
    issues.push(
      warning(
        'iw',
        t`--iw weights image prompts, but there is no image link; add one or remove --iw.`,
      ),
    );
  }
  return issues;
}
