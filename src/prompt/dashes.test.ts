import { describe, expect, it } from 'vitest';
import { readDashes } from './dashes';

describe('readDashes', () => {
  it.each([
    ['a cat —ar 16:9', 'a cat --ar 16:9', ['—ar']],
    ['a cat –ar 16:9 ——s 5', 'a cat --ar 16:9 --s 5', ['–ar', '——s']],
    ['—ar 1:1 first', '--ar 1:1 first', ['—ar']],
    ['a cat —ar 3:2 —ar 3:2', 'a cat --ar 3:2 --ar 3:2', ['—ar']],
  ])('%j reads as %j', (prompt, read, written) => {
    const result = readDashes(prompt);
    expect(result.prompt).toBe(read);
    expect(result.readings.map((r) => r.written)).toEqual(written);
  });

  it.each(['a cat --ar 3:2', 'a cat -ar 3:2', 'night — day', 'a cat —happy', 'well-known –ish'])(
    'leaves %j alone',
    (prompt) => {
      expect(readDashes(prompt)).toEqual({ prompt, readings: [] });
    },
  );
});
