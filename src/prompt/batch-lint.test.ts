import { describe, expect, it } from 'vitest';
import { lintBatch } from './batch-lint';
import { lintPrompt } from './lint';

const errors = (prompt: string) =>
  lintBatch(prompt)
    .filter((i) => i.severity === 'error')
    .map((i) => i.message);

describe('lintBatch', () => {
  it('checks a prompt with nothing to expand exactly as lintPrompt does', () => {
    for (const p of [
      'a red fox --ar 3:2',
      'a fox --ar 1.5:1',
      'a fox —ar 3:2',
      'a fox --stylise 2',
    ]) {
      expect(lintBatch(p)).toEqual(lintPrompt(p));
    }
  });

  it('says where a brace is malformed, as a sure refusal', () => {
    expect(errors('a {red, blue bird')).toEqual([
      'The “{” at character 3 is never closed — add a “}”, or write \\{ for a literal brace.',
    ]);
    expect(errors('a red} bird')).toEqual([
      'The “}” at character 6 closes nothing — remove it, or write \\} for a literal brace.',
    ]);
    expect(errors('a {} bird')[0]).toMatch(/hold no options .* like \{red, blue\}/);
  });

  it('refuses a repeat over 40 and a batch over 40 jobs before anything is spent', () => {
    expect(errors('a bird --repeat 41')).toEqual([
      '--repeat 41 is over 40: one prompt makes at most 40 jobs — lower it.',
    ]);
    expect(errors('a bird —r 50')).toHaveLength(1);
    expect(errors('a {red, blue} bird --r 21')).toEqual([
      'This prompt makes 42 jobs; one prompt makes at most 40 — remove some options or lower --repeat.',
    ]);
    expect(errors('a bird --r two')[0]).toMatch(/whole number from 1 to 40; “two”/);
  });

  it('checks each prompt of a batch, saying a shared issue once', () => {
    // One option of the ratio is refused; the other is fine.
    expect(errors('a bird --ar {3:2, 9:1}')).toEqual([
      expect.stringMatching(/--ar 9:1 is beyond 4:1/),
    ]);
    const issues = lintBatch('a {red, blue} bird --stylise 200 --r 2');
    expect(issues.filter((i) => i.param === 'stylise')).toHaveLength(1);
    expect(lintBatch('a {red, blue} bird --ar 3:2 --repeat 2')).toEqual([]);
  });
});
