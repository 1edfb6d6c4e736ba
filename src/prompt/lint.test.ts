import { describe, expect, it } from 'vitest';
import { lintPrompt, type LintIssue } from './lint';

const A = 'https://cdn.acedata.cloud/a.png';
const B = 'https://cdn.acedata.cloud/b.png';

/** One expected issue: severity, param (or undefined) and a pattern its message must match. */
type Expected = [LintIssue['severity'], string | undefined, RegExp];

function summary(issues: LintIssue[]) {
  return issues.map((i) => [i.severity, i.param, i.message] as const);
}

describe('lintPrompt: clean prompts', () => {
  const clean = [
    'a red fox in snow',
    'a red fox --ar 3:2 --s 250 --c 20 --w 100 --q 2 --seed 42 --no people, cars --tile',
    'a red fox --aspect 16:9 --stylize 0 --chaos 100 --weird 3000 --quality .5 --version 6.1',
    'a red fox --ar 1:2 --v 7 --raw',
    'a red fox --niji 6 --style cute',
    'a red fox --niji',
    `${A} a red fox --iw 2`,
    `${A} ${B}`,
    `${A} ${B} --ar 3:2`,
    'a red fox --sref https://x.com/s.png::2 https://x.com/t.jpg --sw 200',
    'a red fox --sref random',
    'a red fox --sref 1234567',
    'a red fox --cref https://x.com/face.png --cw 0',
    `${A} a red fox --seed 0 --iw 0.5`,
  ];
  it.each(clean)('%j has no issues', (prompt) => {
    expect(lintPrompt(prompt)).toEqual([]);
  });

  it('accepts real Midjourney parameters the studio has no control for', () => {
    expect(
      lintPrompt(
        'a fox --stop 80 --r 2 --sv 4 --p --hd --draft --exp 10 --oref https://x.com/o.png --ow 100',
      ),
    ).toEqual([]);
  });
});

describe('lintPrompt: one issue each', () => {
  const cases: [string, Expected][] = [
    // Structure (generate).
    ['', ['error', undefined, /prompt is empty/]],
    ['   ', ['error', undefined, /prompt is empty/]],
    ['--ar 3:2 --s 100', ['error', undefined, /cannot be only parameters/]],
    [A, ['error', undefined, /Add text after the image link.*blend needs 2–5 images/]],
    [`${A} --ar 3:2`, ['error', undefined, /Add text after the image link/]],
    // Unknown parameters.
    [
      'a fox --foo',
      [
        'error',
        'foo',
        /^--foo is not a Midjourney parameter the studio knows; the service will refuse it \(“Unrecognized argument\(s\)”\) — remove it\.$/,
      ],
    ],
    [
      'a fox --foo bar',
      [
        'error',
        'foo',
        /^--foo is not a Midjourney parameter the studio knows; the service will refuse it \(“Unrecognized argument\(s\)”\) — remove it\.$/,
      ],
    ],
    [
      'a fox --stylise 200',
      [
        'error',
        'stylise',
        /--stylise is not a Midjourney parameter the studio knows; the service will refuse it \(“Unrecognized argument\(s\)”\) — remove it \(did you mean --stylize\?\)/,
      ],
    ],
    ['a fox --chaso 20', ['error', 'chaso', /did you mean --chaos\?/]],
    ['a fox --aspekt 3:2', ['error', 'aspekt', /did you mean --aspect\?/]],
    ['a fox --versoin 7', ['error', 'versoin', /did you mean --version\?/]],
    ['a fox —seeds 4', ['error', 'seeds', /did you mean --seed\?/]],
    [
      'a fox --x 1',
      [
        'error',
        'x',
        /^--x is not a Midjourney parameter the studio knows; the service will refuse it \(“Unrecognized argument\(s\)”\) — remove it\.$/,
      ],
    ],
    // Numbers.
    ['a fox --s 1500', ['error', 's', /--s 1500 is outside 0–1000/]],
    ['a fox --stylize -5', ['error', 'stylize', /outside 0–1000/]],
    ['a fox --c 101', ['error', 'c', /outside 0–100/]],
    ['a fox --w 5000', ['error', 'w', /outside 0–3000/]],
    [`${A} a fox --iw 4`, ['error', 'iw', /outside 0–3/]],
    ['a fox --seed 4294967296', ['error', 'seed', /outside 0–4294967295/]],
    ['a fox --c 2.5', ['error', 'c', /whole numbers; use 3 instead of 2\.5/]],
    ['a fox --s abc', ['error', 's', /needs a number from 0–1000; "abc" is not a number/]],
    ['a fox --chaos', ['error', 'chaos', /needs a number/]],
    ['a fox --s 200 cat', ['error', 's', /takes one value; move "cat" before the parameters/]],
    ['a fox --ar 3:2 -c 5', ['error', 'ar', /"-c" needs two hyphens: write --c/]],
    // Aspect ratio.
    ['a fox --ar 1.3:1', ['error', 'ar', /whole numbers; write 13:10 instead of 1\.3:1/]],
    ['a fox --ar 2.35:1', ['error', 'ar', /write 47:20 instead of 2\.35:1/]],
    ['a fox --aspect 16x9', ['error', 'aspect', /width:height in whole numbers, like 16:9/]],
    ['a fox --ar 0:1', ['error', 'ar', /width:height/]],
    ['a fox --ar', ['error', 'ar', /needs a ratio like 16:9/]],
    ['a fox --ar 3:1', ['warning', 'ar', /wider than 2:1, which is experimental/]],
    ['a fox --ar 9:21', ['warning', 'ar', /taller than 1:2, which is experimental/]],
    ['a fox --ar 4:1', ['warning', 'ar', /wider than 2:1/]],
    ['a fox --ar 99:1', ['error', 'ar', /--ar 99:1 is beyond 4:1 .*the service will refuse it/]],
    ['a fox --ar 1:5', ['error', 'ar', /between 1:4 and 4:1/]],
    [
      'a fox --seed -1',
      ['error', 'seed', /--seed -1 is outside 0–4294967295; the service will refuse/],
    ],
    ['a fox --s 5000', ['error', 's', /--s 5000 is outside 0–1000; the service will refuse/]],
    // Enums.
    ['a fox --v abc', ['error', 'v', /needs a number.*"abc" is not a number/]],
    ['a fox --v', ['error', 'v', /needs a value/]],
    ['a fox --v 9', ['warning', 'v', /--v 9 is not a value Midjourney documents; use one of .*7/]],
    ['a fox --q 3', ['warning', 'q', /not a value Midjourney documents/]],
    ['a fox --q high', ['error', 'q', /"high" is not a number/]],
    ['a fox --style fancy', ['warning', 'style', /--style fancy .*use one of raw/]],
    ['a fox --niji 3', ['warning', 'niji', /not a value/]],
    // Flags and text.
    [
      'a fox --tile seamless',
      ['error', 'tile', /--tile takes no value; move "seamless" before the parameters/],
    ],
    ['a fox --raw please', ['error', 'raw', /--raw takes no value/]],
    ['a fox --no', ['error', 'no', /needs words to exclude/]],
    ['a fox --sref', ['error', 'sref', /needs at least one image link/]],
    ['a fox --sref cats', ['warning', 'sref', /"cats" is neither/]],
    ['a fox -ar 3:2', ['warning', 'ar', /"-ar" is read as text; write --ar/]],
    ['a fox –chaos 10', ['note', 'chaos', /^Read “–chaos” as “--chaos”\.$/]],
    // Speed and combinations.
    ['a fox --fast', ['warning', 'fast', /set speed with Mode instead/]],
    ['a fox --relax', ['warning', 'relax', /set speed with Mode instead/]],
    ['a fox --turbo --ar 3:2', ['warning', 'turbo', /set speed with Mode instead/]],
    [
      'a fox --ar 3:2 --aspect 16:9',
      ['warning', 'ar', /--ar is set 2 times; Midjourney uses only one/],
    ],
    ['a fox --s 100 --s 200 --stylize 300', ['warning', 's', /set 3 times/]],
    ['a fox --iw 2', ['warning', 'iw', /no image link; add one or remove --iw/]],
    [
      `https://example.com/page a fox`,
      ['warning', undefined, /Image 1: This looks like a web page/],
    ],
  ];
  it.each(cases)('%j', (prompt, [severity, param, message]) => {
    const issues = lintPrompt(prompt);
    expect(issues, JSON.stringify(summary(issues))).toHaveLength(1);
    expect(issues[0]).toEqual({
      severity,
      ...(param === undefined ? {} : { param }),
      message: expect.stringMatching(message),
    });
  });
});

describe('lintPrompt: several issues', () => {
  it('flags --niji with --v', () => {
    const issues = lintPrompt('a fox --niji 6 --v 7');
    expect(issues).toEqual([
      {
        severity: 'warning',
        param: 'niji',
        message: expect.stringMatching(/--niji and --v both choose the model; keep only one/),
      },
    ]);
  });

  it('refuses more than 5 image URLs, saying how many to remove', () => {
    const seven = [1, 2, 3, 4, 5, 6, 7].map((n) => `https://cdn.acedata.cloud/${n}.png`).join(' ');
    expect(lintPrompt(`${seven} a fox`)).toEqual([
      { severity: 'error', message: 'A prompt takes at most 5 image links — remove 2.' },
    ]);
  });

  it('lists errors before warnings, each in prompt order', () => {
    const issues = lintPrompt('a fox --fast --s 5000 --foo --ar 1.5:1 --iw 2');
    expect(summary(issues).map(([s, p]) => [s, p])).toEqual([
      ['error', 's'],
      ['error', 'foo'],
      ['error', 'ar'],
      ['warning', 'fast'],
      ['warning', 'iw'],
    ]);
  });

  it('flags an unknown parameter in a blend', () => {
    expect(summary(lintPrompt(`${A} ${B} --blend`))).toEqual([
      [
        'error',
        'blend',
        '--blend is not a Midjourney parameter the studio knows; the service will refuse it (“Unrecognized argument(s)”) — remove it.',
      ],
    ]);
  });
});

describe('lintPrompt: actions', () => {
  it('needs a prompt only to generate', () => {
    expect(lintPrompt('', { action: 'generate' })).toHaveLength(1);
    expect(lintPrompt('', { action: 'upscale1' })).toEqual([]);
    expect(lintPrompt('', { action: 'variation_region' })).toEqual([]);
  });

  it('still checks parameters of a region prompt', () => {
    expect(summary(lintPrompt('a hat --stylise 100', { action: 'variation_region' }))).toEqual([
      [
        'error',
        'stylise',
        '--stylise is not a Midjourney parameter the studio knows; the service will refuse it (“Unrecognized argument(s)”) — remove it (did you mean --stylize?).',
      ],
    ]);
    expect(lintPrompt('--ar 3:2', { action: 'variation_region' })).toEqual([]);
  });

  it('takes this studio’s own /attachments/ images as images', () => {
    const own = 'http://127.0.0.1:5173/attachments/job/0';
    expect(lintPrompt(`${own} a fox`, { origin: 'http://127.0.0.1:5173' })).toEqual([]);
    expect(lintPrompt(`${own} a fox`, { origin: 'http://elsewhere.test' })).toHaveLength(1);
  });
});

describe('lintPrompt: typographic dashes', () => {
  it.each([
    ['a red fox —ar 2:1 —style raw', ['—ar', '—style']],
    ['a red fox –ar 16:9', ['–ar']],
    ['a red fox ——ar 16:9 —–s 200', ['——ar', '—–s']],
  ])('%j is read with two hyphens, and says so', (prompt, written) => {
    expect(summary(lintPrompt(prompt))).toEqual(
      written.map((w) => [
        'note',
        w.replace(/^[–—]+/, ''),
        `Read “${w}” as “--${w.replace(/^[–—]+/, '')}”.`,
      ]),
    );
  });

  it('checks the value after a read dash like any other', () => {
    expect(summary(lintPrompt('a fox —s 5000')).map(([s, p]) => [s, p])).toEqual([
      ['error', 's'],
      ['note', 's'],
    ]);
  });
});

describe('lintPrompt: a Chinese prompt', () => {
  it('offers to translate when neither the service nor the studio translates it', () => {
    expect(lintPrompt('一只可爱的猫 --ar 2:3')).toEqual([
      {
        severity: 'note',
        fix: 'translate',
        message: expect.stringMatching(/Midjourney understands English best/),
      },
    ]);
    expect(lintPrompt('a cat in 北京 --ar 2:3')).toHaveLength(1);
  });

  it('says nothing when Translate prompt is on, or when only links or parameters hold Chinese', () => {
    expect(lintPrompt('一只可爱的猫', { translation: true })).toEqual([]);
    expect(lintPrompt('a cute cat --no 猫')).toEqual([]);
    expect(lintPrompt('a cute cat')).toEqual([]);
  });
});

describe('lintPrompt: long prompts', () => {
  const words = (n: number) => 'a'.repeat(n);

  it('says nothing about length well under the limit', () => {
    expect(lintPrompt(words(5399))).toEqual([]);
  });

  it('counts the characters near the limit, as a warning', () => {
    expect(summary(lintPrompt(words(5612)))).toEqual([
      ['warning', undefined, 'The prompt is 5,612 of 6,000 characters — 388 left.'],
    ]);
    expect(summary(lintPrompt(words(6000)))).toEqual([
      ['warning', undefined, 'The prompt is 6,000 of 6,000 characters — 0 left.'],
    ]);
  });

  it('refuses a prompt over the limit the engine shares, saying by how much to shorten it', () => {
    const issues = lintPrompt(`${words(18_479)} --ar 3:2`);
    expect(summary(issues)).toEqual([
      [
        'error',
        undefined,
        'The prompt is 18,488 characters long; the limit is 6,000 — shorten it by 12,488.',
      ],
    ]);
  });

  it('counts any action’s prompt, not only a new grid’s', () => {
    expect(lintPrompt(words(6001), { action: 'variation_region' })[0]?.severity).toBe('error');
  });
});
