import { describe, expect, it } from 'vitest';
import { splitPrompt } from '../api/prompt-syntax';
import {
  DEFAULT_CONTROLS,
  getImageUrls,
  isBlend,
  readControls,
  setImageUrls,
  stripModeParams,
  writeControl,
  type PromptControls,
} from './compose';

const A = 'https://cdn.acedata.cloud/a.png';
const B = 'https://cdn.acedata.cloud/b.png';
const C = 'https://example.com/c.jpg';

describe('readControls', () => {
  const cases: [string, Partial<PromptControls>][] = [
    ['', {}],
    ['a cat', {}],
    ['a cat --ar 3:2', { ar: '3:2' }],
    ['a cat --aspect 16:9', { ar: '16:9' }],
    ['a cat —ar 4:5', { ar: '4:5' }],
    ['a cat --AR 2:3', { ar: '2:3' }],
    ['a cat --ar 3:2 --ar 16:9', { ar: '16:9' }],
    ['a cat --ar 1.3:1', { ar: '1.3:1' }],
    ['a cat --ar', { ar: '1:1' }],
    [
      'a cat --s 250 --c 20 --w 500 --q .5 --seed 42 --iw 1.5',
      {
        stylize: 250,
        chaos: 20,
        weird: 500,
        quality: '.5',
        seed: 42,
        iw: 1.5,
      },
    ],
    [
      'a cat --stylize 250 --chaos 20 --weird 500 --quality 2',
      {
        stylize: 250,
        chaos: 20,
        weird: 500,
        quality: '2',
      },
    ],
    ['a cat —stylize 75 —chaos 3', { stylize: 75, chaos: 3 }],
    ['a cat --s 50 --stylize 300', { stylize: 300 }],
    ['a cat --s 1500', { stylize: 1500 }],
    ['a cat --s abc', { stylize: null }],
    ['a cat --s', { stylize: null }],
    ['a cat --s 200 --s abc', { stylize: null }],
    ['a cat --v 7', { version: '7' }],
    ['a cat --version 6.1', { version: '6.1' }],
    ['a cat --niji 6', { version: 'niji 6' }],
    ['a cat --niji', { version: 'niji' }],
    ['a cat --v 7 --niji 6', { version: 'niji 6' }],
    ['a cat --niji 6 --v 7', { version: '7' }],
    ['a cat --no red, blue', { no: 'red, blue' }],
    ['a cat --no red, blue --ar 3:2', { no: 'red, blue', ar: '3:2' }],
    ['a cat --tile', { tile: true }],
    ['a cat --style raw', { raw: true }],
    ['a cat --style RAW', { raw: true }],
    ['a cat --raw', { raw: true }],
    ['a cat --style cute', { raw: false }],
    ['a cat --style raw --style cute', { raw: false }],
    [`${A} ${B} a cat --iw 2`, { iw: 2 }],
    [`${A} --ar 3:2`, { ar: '3:2' }],
    ['a cat --seed 4294967295', { seed: 4294967295 }],
    ['a cat --foo 3 --ar 3:2 --fast', { ar: '3:2' }],
  ];
  it.each(cases)('%j', (prompt, expected) => {
    expect(readControls(prompt)).toEqual({ ...DEFAULT_CONTROLS, ...expected });
  });

  it('returns a fresh object, not the frozen defaults', () => {
    const c = readControls('');
    c.ar = '3:2';
    expect(DEFAULT_CONTROLS.ar).toBe('1:1');
  });
});

type WriteCase = {
  [K in keyof PromptControls]: [string, K, PromptControls[K], string];
}[keyof PromptControls];

describe('writeControl', () => {
  const cases: WriteCase[] = [
    // Adding, rewriting and removing.
    ['a cat', 'ar', '3:2', 'a cat --ar 3:2'],
    ['', 'ar', '3:2', '--ar 3:2'],
    ['a cat --ar 3:2', 'ar', '16:9', 'a cat --ar 16:9'],
    ['a cat --ar 3:2 --s 200', 'ar', '1:1', 'a cat --s 200'],
    ['a cat --s 200 --ar 3:2', 'ar', '1:1', 'a cat --s 200'],
    ['--ar 3:2', 'ar', '1:1', ''],
    ['a cat --ar 3:2', 'ar', '', 'a cat'],
    // Aliases, em dashes and capitals are kept when only the value changes.
    ['a cat --aspect 3:2 --s 200', 'ar', '16:9', 'a cat --aspect 16:9 --s 200'],
    ['a cat —ar 3:2 --s 200', 'ar', '2:3', 'a cat —ar 2:3 --s 200'],
    ['a cat —ar 3:2 --s 200', 'ar', '1:1', 'a cat --s 200'],
    ['a cat --AR 3:2', 'ar', '4:5', 'a cat --AR 4:5'],
    ['a cat --ar', 'ar', '3:2', 'a cat --ar 3:2'],
    // Already says it: untouched, even when not canonical.
    ['a cat --ar 1:1', 'ar', '1:1', 'a cat --ar 1:1'],
    ['a cat --aspect 3:2 --ar 3:2', 'ar', '3:2', 'a cat --aspect 3:2 --ar 3:2'],
    ['a cat  --s   200', 'stylize', 200, 'a cat  --s   200'],
    // Duplicates collapse into one, at the last one's place.
    ['a cat --ar 3:2 --c 5 --ar 16:9', 'ar', '4:5', 'a cat --c 5 --ar 4:5'],
    ['a cat --ar 3:2 --c 5 --ar 16:9', 'ar', '1:1', 'a cat --c 5'],
    // Text, line breaks, spacing, URLs and other params stay as typed.
    ['a cat\n\nwith  spacing --c 5', 'stylize', 250, 'a cat\n\nwith  spacing --c 5 --s 250'],
    ['  a cat --ar 3:2  ', 'ar', '1:1', '  a cat  '],
    ['a cat --fast --ar 3:2 --foo bar', 'ar', '16:9', 'a cat --fast --ar 16:9 --foo bar'],
    ['a cat --foo bar', 'chaos', 10, 'a cat --foo bar --c 10'],
    ['a cat --sref https://x.com/s.png --ar 3:2', 'ar', '1:1', 'a cat --sref https://x.com/s.png'],
    [`${A} a cat`, 'iw', 2, `${A} a cat --iw 2`],
    [`${A} ${B}`, 'ar', '3:2', `${A} ${B} --ar 3:2`],
    [`${A} a cat --iw 2`, 'iw', null, `${A} a cat`],
    [`${A} a cat --iw 2`, 'iw', 0.5, `${A} a cat --iw 0.5`],
    // Version: --v and --niji are one control.
    ['a cat --v 6', 'version', '7', 'a cat --v 7'],
    ['a cat --version 6', 'version', '6.1', 'a cat --version 6.1'],
    ['a cat --v 6 --s 100', 'version', 'niji 6', 'a cat --niji 6 --s 100'],
    ['a cat --niji 6 --v 7', 'version', 'niji 5', 'a cat --niji 5'],
    ['a cat --niji 6 --ar 3:2', 'version', '', 'a cat --ar 3:2'],
    ['a cat', 'version', 'niji', 'a cat --niji'],
    ['a cat --niji', 'version', 'niji 6', 'a cat --niji 6'],
    ['a cat', 'version', 'niji6', 'a cat --niji 6'],
    // --no keeps all its words.
    ['a cat --no red, blue --ar 3:2', 'no', 'green', 'a cat --no green --ar 3:2'],
    ['a cat --no red, blue --ar 3:2', 'no', '', 'a cat --ar 3:2'],
    ['a cat', 'no', 'red, blue', 'a cat --no red, blue'],
    ['a cat', 'no', '  red,   --blue ', 'a cat --no red, blue'],
    // Flags.
    ['a cat --tile --ar 3:2', 'tile', false, 'a cat --ar 3:2'],
    ['a cat', 'tile', true, 'a cat --tile'],
    ['a cat --tile', 'tile', true, 'a cat --tile'],
    ['a cat --style cute', 'raw', true, 'a cat --style raw'],
    ['a cat --style cute', 'raw', false, 'a cat --style cute'],
    ['a cat --style raw --ar 3:2', 'raw', false, 'a cat --ar 3:2'],
    ['a cat --raw', 'raw', false, 'a cat'],
    ['a cat --raw', 'raw', true, 'a cat --raw'],
    ['a cat', 'raw', true, 'a cat --style raw'],
    // Numbers; unreadable values are replaced or cleared.
    ['a cat --s abc', 'stylize', null, 'a cat'],
    ['a cat --s abc', 'stylize', 300, 'a cat --s 300'],
    ['a cat --stylize 100', 'stylize', null, 'a cat'],
    ['a cat --stylize 100', 'stylize', 400, 'a cat --stylize 400'],
    ['a cat', 'stylize', Number.NaN, 'a cat'],
    ['a cat --s 5', 'stylize', Number.POSITIVE_INFINITY, 'a cat'],
    ['a cat', 'chaos', 0, 'a cat --c 0'],
    ['a cat', 'weird', 3000, 'a cat --w 3000'],
    ['a cat', 'seed', 4294967295, 'a cat --seed 4294967295'],
    ['a cat', 'quality', '2', 'a cat --q 2'],
    ['a cat --quality .5', 'quality', null, 'a cat'],
    ['a cat --quality .5', 'quality', '1', 'a cat --quality 1'],
  ];
  it.each(cases)('%j: %s = %j', (prompt, key, value, expected) => {
    expect(writeControl(prompt, key, value)).toBe(expected);
  });
});

/** Values each control is written with in the property test, defaults included. */
const VALUES: { [K in keyof PromptControls]: PromptControls[K][] } = {
  ar: ['1:1', '3:2', '16:9', '2:3', '4:5', '21:9'],
  version: ['', '7', '6.1', '5.2', 'niji 6', 'niji'],
  stylize: [null, 0, 100, 250, 1000],
  chaos: [null, 0, 20, 100],
  weird: [null, 0, 500, 3000],
  quality: [null, '.5', '1', '2', '4'],
  seed: [null, 0, 42, 4294967295],
  no: ['', 'red', 'red, blue', 'text, watermark, blur'],
  tile: [false, true],
  raw: [false, true],
  iw: [null, 0.5, 1, 2, 3],
};
const KEYS = Object.keys(VALUES) as (keyof PromptControls)[];

/** The params each control owns, by canonical name, to check the others are left alone. */
const OWNED: Record<keyof PromptControls, string[]> = {
  ar: ['ar', 'aspect'],
  version: ['v', 'version', 'niji'],
  stylize: ['s', 'stylize'],
  chaos: ['c', 'chaos'],
  weird: ['w', 'weird'],
  quality: ['q', 'quality'],
  seed: ['seed'],
  no: ['no'],
  tile: ['tile'],
  raw: ['style', 'raw'],
  iw: ['iw'],
};

const BASES = [
  '',
  'a cat',
  'a red fox in fresh snow, golden hour',
  `${A} a cat`,
  `${A} ${B}`,
  `${A} ${B} ${C} --iw 2`,
  'a cat --aspect 3:2 --stylize 50',
  'a cat —ar 3:2 —chaos 5',
  'a cat --fast --sref https://x.com/s.png',
  'multi\nline  text --foo bar',
  'a cat --niji 6 --style cute',
  'a cat --version 6 --quality 2 --no red, blue',
];

/** A small seeded generator so the walk is the same on every run. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1664525 + 1013904223) % 4294967296;
    return s / 4294967296;
  };
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

function untouchedParts(prompt: string, key: keyof PromptControls) {
  const { imageUrls, text, params } = splitPrompt(prompt);
  return { imageUrls, text, others: params.filter((p) => !OWNED[key].includes(p.name)) };
}

describe('writeControl round trip', () => {
  it('reads back what was written, changes nothing else, and rewriting a read value is a no-op', () => {
    const rand = lcg(7);
    let checked = 0;
    for (const base of BASES) {
      let prompt = base;
      for (let step = 0; step < 40; step++) {
        const key = pick(rand, KEYS);
        const value = pick(rand, VALUES[key] as readonly unknown[]) as never;
        const before = readControls(prompt);
        const next = writeControl(prompt, key, value);
        const after = readControls(next);

        expect(after[key], `${JSON.stringify(prompt)} ${key}=${String(value)}`).toEqual(value);
        for (const other of KEYS) if (other !== key) expect(after[other]).toEqual(before[other]);
        expect(untouchedParts(next, key)).toEqual(untouchedParts(prompt, key));

        prompt = next;
        for (const k of KEYS) {
          expect(writeControl(prompt, k, readControls(prompt)[k] as never)).toBe(prompt);
        }
        checked++;
      }
    }
    expect(checked).toBe(BASES.length * 40);
  });

  it('writing every control from scratch gives canonical parameters in the order written', () => {
    let prompt = 'a lighthouse';
    prompt = writeControl(prompt, 'ar', '16:9');
    prompt = writeControl(prompt, 'version', '7');
    prompt = writeControl(prompt, 'stylize', 250);
    prompt = writeControl(prompt, 'chaos', 10);
    prompt = writeControl(prompt, 'weird', 5);
    prompt = writeControl(prompt, 'quality', '2');
    prompt = writeControl(prompt, 'seed', 9);
    prompt = writeControl(prompt, 'no', 'boats, birds');
    prompt = writeControl(prompt, 'tile', true);
    prompt = writeControl(prompt, 'raw', true);
    prompt = writeControl(prompt, 'iw', 1.5);
    expect(prompt).toBe(
      'a lighthouse --ar 16:9 --v 7 --s 250 --c 10 --w 5 --q 2 --seed 9 --no boats, birds --tile --style raw --iw 1.5',
    );
    for (const key of KEYS) prompt = writeControl(prompt, key, DEFAULT_CONTROLS[key] as never);
    expect(prompt).toBe('a lighthouse');
  });
});

describe('image URLs', () => {
  const cases: [string, string[], string][] = [
    ['a cat', [A], `${A} a cat`],
    [`${A} a cat --ar 3:2`, [B, C], `${B} ${C} a cat --ar 3:2`],
    [`${A} a cat`, [], 'a cat'],
    [`${A} ${B}`, [], ''],
    [`${A} ${B} --ar 3:2`, [B], `${B} --ar 3:2`],
    ['--ar 3:2', [A], `${A} --ar 3:2`],
    ['', [A, B], `${A} ${B}`],
    [`${A}\na cat`, [B], `${B}\na cat`],
    // A URL inside the text is text, not a reference.
    [`${A} a cat like ${C} --ar 3:2`, [], `a cat like ${C} --ar 3:2`],
  ];
  it.each(cases)('setImageUrls(%j, %j)', (prompt, urls, expected) => {
    const result = setImageUrls(prompt, urls);
    expect(result).toBe(expected);
    expect(getImageUrls(result)).toEqual(urls);
  });

  it('refuses URLs the grammar would read as text', () => {
    expect(() => setImageUrls('a cat', ['not a url'])).toThrow(RangeError);
    expect(() => setImageUrls('a cat', ['https://x.com/a b.png'])).toThrow(RangeError);
    expect(() => setImageUrls('a cat', ['data:image/png;base64,AAAA'])).toThrow(RangeError);
  });

  it('getImageUrls reads only the leading URLs', () => {
    expect(getImageUrls(`${A} ${B} a cat ${C} --sref ${C}`)).toEqual([A, B]);
    expect(getImageUrls('a cat')).toEqual([]);
  });
});

describe('stripModeParams', () => {
  const cases: [string, string][] = [
    ['a cat --fast', 'a cat'],
    ['a cat --relax --ar 3:2 --turbo', 'a cat --ar 3:2'],
    ['a cat —fast --s 5', 'a cat --s 5'],
    ['a cat --FAST', 'a cat'],
    ['fast cars --ar 3:2', 'fast cars --ar 3:2'],
    ['a cat', 'a cat'],
    ['--turbo', ''],
  ];
  it.each(cases)('%j → %j', (prompt, expected) => {
    expect(stripModeParams(prompt)).toBe(expected);
  });
});

describe('isBlend', () => {
  const D = 'https://cdn.acedata.cloud/d.png';
  const E = 'https://cdn.acedata.cloud/e.png';
  const F = 'https://cdn.acedata.cloud/f.png';
  const cases: [string, boolean][] = [
    [`${A} ${B}`, true],
    [`${A} ${B} --ar 3:2`, true],
    [`${A} ${B} ${C} ${D} ${E}`, true],
    [`${A} ${B} ${C} ${D} ${E} ${F}`, false],
    [A, false],
    [`${A} ${B} a cat`, false],
    ['a cat', false],
    ['', false],
  ];
  it.each(cases)('%j → %s', (prompt, expected) => {
    expect(isBlend(prompt)).toBe(expected);
  });
});
