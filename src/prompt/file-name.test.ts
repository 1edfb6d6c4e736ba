import { describe, expect, it } from 'vitest';
import {
  createNamer,
  exportFileName,
  imageExtension,
  imageFileName,
  promptStem,
  uniqueNames,
} from './file-name';

describe('promptStem', () => {
  it('makes a safe stem from the prompt words only', () => {
    expect(promptStem('https://x.test/ref.png A Red Fox, at dawn! --ar 16:9 --v 6')).toBe(
      'a-red-fox-at-dawn',
    );
    expect(promptStem('Café Noël / ../etc')).toBe('cafe-noel-etc');
    expect(promptStem('   --ar 1:1')).toBe('imagine');
    expect(promptStem('x'.repeat(100))).toHaveLength(60);
  });
});

describe('imageExtension', () => {
  it('takes the extension from the type, else the URL, else png', () => {
    expect(imageExtension('https://a/b.png?sig=1', 'image/webp')).toBe('webp');
    expect(imageExtension('https://a/b.JPEG?sig=1')).toBe('jpg');
    expect(imageExtension('blob:http://localhost/123', '')).toBe('png');
  });
});

describe('imageFileName', () => {
  it.each([
    [
      'Lamborghini speeds inside a volcano --ar 16:9 --v 6',
      'https://x/y/a.png?ex=1',
      'lamborghini-speeds-inside-a-volcano.png',
    ],
    ['https://a.com/r.png A bear --iw 2', 'https://x/b.webp', 'a-bear.webp'],
    ['???', 'https://x/noext', 'imagine.png'],
    // Accents are stripped, not dropped ("cafe", not "caf").
    ['Café au lait / "quotes" <b>', 'https://x/c.jpg', 'cafe-au-lait-quotes-b.jpg'],
    // One spelling for JPEG files.
    ['a fox', 'https://x/d.jpeg#frag', 'a-fox.jpg'],
  ])('%s → %s', (prompt, url, name) => {
    expect(imageFileName(prompt, url)).toBe(name);
  });

  it("prefers the image's type to its URL", () => {
    expect(imageFileName('a fox', 'https://x/a.png', 'image/jpeg; q=1')).toBe('a-fox.jpg');
  });
});

describe('batch names', () => {
  it('numbers repeated names', () => {
    expect(uniqueNames(['fox.png', 'fox.png', 'cat.png', 'fox.png'])).toEqual([
      'fox.png',
      'fox-2.png',
      'cat.png',
      'fox-3.png',
    ]);
  });

  it('numbers a name without an extension at its end', () => {
    const nameFor = createNamer();
    expect([nameFor('notes'), nameFor('notes')]).toEqual(['notes', 'notes-2']);
  });

  it('dates the export file', () => {
    expect(exportFileName(new Date(2025, 2, 7, 23, 59))).toBe(
      'imagine-studio-history-2025-03-07.json',
    );
  });
});
