import { describe, expect, it } from 'vitest';
import { fileNameFor } from './download';

describe('fileNameFor', () => {
  it.each([
    [
      'Lamborghini speeds inside a volcano --ar 16:9 --v 6',
      'https://x/y/a.png?ex=1',
      'lamborghini-speeds-inside-a-volcano.png',
    ],
    ['https://a.com/r.png A bear --iw 2', 'https://x/b.webp', 'a-bear.webp'],
    ['???', 'https://x/noext', 'imagine.png'],
    ['Café au lait / "quotes" <b>', 'https://x/c.jpg', 'caf-au-lait-quotes-b.jpg'],
  ])('%s → %s', (prompt, url, name) => {
    expect(fileNameFor(prompt, url)).toBe(name);
  });
});
