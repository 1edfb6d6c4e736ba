import { describe, expect, it } from 'vitest';
import { splitPrompt } from '../../../src/api/prompt-syntax';
import { MAX_SHORTENED, shortenPrompt } from './shorten-prompt';

const GUIDE =
  'a serene mountain lake at sunrise, mist rising from the water, towering pine trees on the shore, golden hour lighting, ultra detailed, cinematic, 35mm film photography style, masterpiece --ar 16:9 --v 6';

describe('shortenPrompt', () => {
  const out = shortenPrompt(GUIDE);

  it('gives up to five different prompts, each shorter than the original', () => {
    expect(out.length).toBeGreaterThanOrEqual(3);
    expect(out.length).toBeLessThanOrEqual(MAX_SHORTENED);
    expect(new Set(out).size).toBe(out.length);
    for (const p of out) expect(p.length).toBeLessThan(GUIDE.length);
  });

  it('keeps every --param as written', () => {
    for (const p of out) expect(p.endsWith(' --ar 16:9 --v 6')).toBe(true);
  });

  it('drops filler first and keeps the subject', () => {
    expect(out[0]).not.toMatch(/masterpiece|ultra detailed/);
    expect(out[0]).toContain('cinematic');
    for (const p of out) expect(p).toMatch(/mountain|serene/);
    // The last is the fewest words: just the leading subject.
    expect(splitPrompt(out.at(-1)!).text).toBe('serene mountain');
  });

  it('is deterministic', () => {
    expect(shortenPrompt(GUIDE)).toEqual(out);
  });

  it('keeps leading image URLs first', () => {
    const url = 'https://cdn.example.com/a.png';
    const shortened = shortenPrompt(`${url} a red fox in the snow, highly detailed, 8k --iw 2`);
    expect(shortened.length).toBeGreaterThan(0);
    for (const p of shortened) {
      expect(p.startsWith(`${url} `)).toBe(true);
      expect(p.endsWith(' --iw 2')).toBe(true);
    }
    expect(shortened[0]).toBe(`${url} a red fox in the snow --iw 2`);
  });

  it('has nothing to offer for a prompt with no words to drop', () => {
    expect(shortenPrompt('cat --v 6')).toEqual([]);
    expect(shortenPrompt('--ar 1:1')).toEqual([]);
  });
});
