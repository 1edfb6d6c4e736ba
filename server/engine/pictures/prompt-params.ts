/**
 * How the engine reads a prompt: the shared surface syntax (`src/api/prompt-syntax`) plus the
 * engine's interpretation of each parameter. A prompt the engine cannot take fails the *task*
 * with Midjourney-style messages (reference §5, §9), never the HTTP request.
 */
import {
  MODE_PARAMS,
  paramSpec,
  parseRatio,
  splitPrompt,
  type ParamSpec,
} from '../../../src/api/prompt-syntax';
import { ASPECT_LIMITS, OTHER_PARAMS, aspectRefused } from '../../../src/api/param-ranges';
import { seedFromText } from '../ids';

/** What a prompt asks the engine to draw. */
export interface PromptPlan {
  imageUrls: string[];
  text: string;
  seed: number;
  ratio: { w: number; h: number };
  /** Weight of the image prompts (`--iw`, default 1). */
  iw: number;
  chaos?: number;
  stylize?: number;
  weird?: number;
  tile: boolean;
}

/** The outcome of reading a prompt. */
export type PromptReading = { ok: true; plan: PromptPlan } | { ok: false; message: string };

// One table with the lint and the parameter fields: the engine refuses exactly what they refuse.
const MAX_RATIO = ASPECT_LIMITS.refusedBeyond;

function describeAllowed(spec: ParamSpec): string {
  switch (spec.kind) {
    case 'number':
      return `a${spec.integer ? ' whole' : ''} number from ${spec.min} to ${spec.max}`;
    case 'enum':
      return `one of ${spec.values?.join(', ')}`;
    case 'ratio':
      return `W:H in whole numbers, between 1:${MAX_RATIO} and ${MAX_RATIO}:1`;
    default:
      return 'a value';
  }
}

function valueIsValid(spec: ParamSpec, value: string): boolean {
  switch (spec.kind) {
    case 'number': {
      if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(value)) return false;
      const n = Number(value);
      if (spec.integer && !Number.isInteger(n)) return false;
      return (spec.min === undefined || n >= spec.min) && (spec.max === undefined || n <= spec.max);
    }
    case 'enum':
      return spec.values?.includes(value) ?? false;
    case 'ratio': {
      const r = parseRatio(value);
      return r !== null && !aspectRefused(r.w, r.h);
    }
    case 'text':
    case 'urls':
      return value.length > 0;
    case 'flag':
      return true;
  }
}

/** Read a prompt: its image URLs, text, seed and drawing parameters, or why it fails. */
export function readPrompt(prompt: string): PromptReading {
  const parts = splitPrompt(prompt);
  const unrecognized: string[] = [];
  const invalid: string[] = [];
  const values = new Map<string, string>();
  for (const param of parts.params) {
    const spec = paramSpec(param.name);
    const isMode = (MODE_PARAMS as readonly string[]).includes(param.name);
    const other = Object.hasOwn(OTHER_PARAMS, param.name) ? OTHER_PARAMS[param.name] : undefined;
    // Real parameters the engine does not draw (`--stop 50`, `--sv 4`): taken unchecked, as the
    // lint takes them (their ranges vary by version).
    if (other === 'value' && !spec) continue;
    if (!spec && !isMode && other === undefined) {
      unrecognized.push(`\`--${param.name}\``);
      continue;
    }
    if (!spec || spec.kind === 'flag') {
      // A switch takes no value: the words after it are arguments nobody asked for.
      if (param.value) unrecognized.push(...param.value.split(' ').map((w) => `\`${w}\``));
      if (spec) values.set(spec.name, 'true');
      continue;
    }
    if (!valueIsValid(spec, param.value)) {
      invalid.push(
        `Invalid value for \`--${param.name}\`: \`${param.value}\` (expected ${describeAllowed(spec)})`,
      );
      continue;
    }
    values.set(spec.name, param.value);
  }
  if (unrecognized.length > 0)
    return { ok: false, message: `Unrecognized argument(s): ${unrecognized.join(', ')}` };
  if (invalid.length > 0) return { ok: false, message: invalid.join('; ') };

  const num = (name: string): number | undefined =>
    values.has(name) ? Number(values.get(name)) : undefined;
  const plan: PromptPlan = {
    imageUrls: parts.imageUrls,
    text: parts.text,
    seed: num('seed') ?? seedFromText(parts.text),
    ratio: parseRatio(values.get('ar') ?? '1:1') ?? { w: 1, h: 1 },
    iw: num('iw') ?? 1,
    tile: values.has('tile'),
  };
  const chaos = num('c');
  const stylize = num('s');
  const weird = num('w');
  if (chaos !== undefined) plan.chaos = chaos;
  if (stylize !== undefined) plan.stylize = stylize;
  if (weird !== undefined) plan.weird = weird;
  return { ok: true, plan };
}
