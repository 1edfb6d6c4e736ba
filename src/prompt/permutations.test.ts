import { describe, expect, it } from 'vitest';
import { MAX_BATCH_JOBS, batchJobs, expandPrompt, type Expansion } from './permutations';

/** The prompts of a successful expansion (fails the test otherwise). */
function prompts(e: Expansion): string[] {
  if (!e.ok) throw new Error(`expected an expansion, got ${e.error.code}`);
  return e.prompts.map((p) => p.prompt);
}

// The examples are Midjourney's own, from its "Permutations" and "Repeat" pages.
describe('expandPrompt: Midjourney permutation examples', () => {
  it('one set of options', () => {
    expect(prompts(expandPrompt('a {red, green, yellow} bird'))).toEqual([
      'a red bird',
      'a green bird',
      'a yellow bird',
    ]);
  });

  it('several sets multiply, the first varying slowest', () => {
    expect(prompts(expandPrompt('a {red, green} bird in the {jungle, desert}'))).toEqual([
      'a red bird in the jungle',
      'a red bird in the desert',
      'a green bird in the jungle',
      'a green bird in the desert',
    ]);
  });

  it('options inside parameters', () => {
    expect(prompts(expandPrompt('a bird --ar {3:2, 1:1, 2:3, 1:2}'))).toEqual([
      'a bird --ar 3:2',
      'a bird --ar 1:1',
      'a bird --ar 2:3',
      'a bird --ar 1:2',
    ]);
    expect(prompts(expandPrompt('a {bird, dog} --{v 6, niji 6}'))).toEqual([
      'a bird --v 6',
      'a bird --niji 6',
      'a dog --v 6',
      'a dog --niji 6',
    ]);
  });

  it('nested options', () => {
    const e = expandPrompt(
      'A {sculpture, painting} of a {seagull {on a pier, on a beach}, poodle {on a sofa, in a truck}}.',
    );
    expect(prompts(e)).toEqual([
      'A sculpture of a seagull on a pier.',
      'A sculpture of a seagull on a beach.',
      'A sculpture of a poodle on a sofa.',
      'A sculpture of a poodle in a truck.',
      'A painting of a seagull on a pier.',
      'A painting of a seagull on a beach.',
      'A painting of a poodle on a sofa.',
      'A painting of a poodle in a truck.',
    ]);
  });

  it('a backslash keeps a comma inside one option', () => {
    expect(prompts(expandPrompt('a {red, pink\\, yellow} bird'))).toEqual([
      'a red bird',
      'a pink, yellow bird',
    ]);
  });

  it('escaped braces are text, not options', () => {
    expect(prompts(expandPrompt('a sign reading \\{open\\} in {red, blue}'))).toEqual([
      'a sign reading {open} in red',
      'a sign reading {open} in blue',
    ]);
  });

  it('leaves a prompt without braces or repeat exactly as written', () => {
    const plain = 'a lighthouse,  at dusk \\ oil --ar 3:2';
    expect(expandPrompt(plain)).toEqual({
      ok: true,
      prompts: [{ prompt: plain, repeat: 1 }],
      jobs: 1,
      expanded: false,
    });
  });
});

describe('expandPrompt: repeat', () => {
  it('--repeat and --r run a prompt N times and leave the prompt', () => {
    expect(expandPrompt('a bird --repeat 3 --ar 3:2')).toEqual({
      ok: true,
      prompts: [{ prompt: 'a bird --ar 3:2', repeat: 3 }],
      jobs: 3,
      expanded: true,
    });
    expect(expandPrompt('a bird --r 2')).toMatchObject({ jobs: 2 });
    // `--raw` is another parameter, not a repeat.
    expect(expandPrompt('a bird --raw')).toMatchObject({ jobs: 1, expanded: false });
  });

  it('combines with permutations: a {red, blue} bird --repeat 2 is 4 jobs', () => {
    const e = expandPrompt('a {red, blue} bird --repeat 2');
    expect(e).toMatchObject({ ok: true, jobs: 4 });
    expect(batchJobs(e.ok ? e.prompts : [])).toEqual([
      'a red bird',
      'a red bird',
      'a blue bird',
      'a blue bird',
    ]);
  });

  it('a repeat may itself be an option', () => {
    const e = expandPrompt('a bird --r {1, 3}');
    expect(e).toMatchObject({
      jobs: 4,
      prompts: [
        { prompt: 'a bird', repeat: 1 },
        { prompt: 'a bird', repeat: 3 },
      ],
    });
  });
});

describe('expandPrompt: limits and malformed prompts', () => {
  it('refuses a repeat over 40, or one that is not a whole number', () => {
    expect(expandPrompt('a bird --repeat 41')).toEqual({
      ok: false,
      error: { code: 'repeat-over', value: 41 },
    });
    expect(expandPrompt(`a bird --r ${MAX_BATCH_JOBS}`)).toMatchObject({ jobs: 40 });
    expect(expandPrompt('a bird --r 2.5')).toMatchObject({
      error: { code: 'repeat-value', value: '2.5' },
    });
    expect(expandPrompt('a bird --r')).toMatchObject({ error: { code: 'repeat-value' } });
    expect(expandPrompt('a bird --r 0')).toMatchObject({ error: { code: 'repeat-value' } });
  });

  it('refuses an expansion over 40 jobs, counting without building it', () => {
    expect(expandPrompt('{a,b,c,d,e} {f,g,h,i,j} bird --r 2')).toEqual({
      ok: false,
      error: { code: 'too-many-jobs', jobs: 50 },
    });
    // 2^30 prompts: counted, never made.
    expect(expandPrompt('{a,b}'.repeat(30))).toEqual({
      ok: false,
      error: { code: 'too-many-jobs', jobs: 2 ** 30 },
    });
    expect(expandPrompt('{a,b,c,d,e} {f,g,h,i} bird')).toMatchObject({ ok: true, jobs: 20 });
  });

  it('says where a brace is unclosed, stray or empty', () => {
    expect(expandPrompt('a {red, blue bird')).toEqual({
      ok: false,
      error: { code: 'unclosed-brace', at: 2 },
    });
    expect(expandPrompt('a {red, {blue} bird')).toMatchObject({
      error: { code: 'unclosed-brace', at: 2 },
    });
    expect(expandPrompt('a red} bird')).toEqual({
      ok: false,
      error: { code: 'stray-brace', at: 5 },
    });
    expect(expandPrompt('a { } bird')).toEqual({
      ok: false,
      error: { code: 'empty-braces', at: 2 },
    });
  });
});
