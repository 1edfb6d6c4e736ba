import { describe, expect, it } from 'vitest';
import { exportFileName, imageExtension, promptStem, uniqueNames } from './download-names';

describe('download names', () => {
  it('makes a safe stem from the prompt words only', () => {
    expect(promptStem('https://x.test/ref.png A Red Fox, at dawn! --ar 16:9 --v 6')).toBe(
      'a-red-fox-at-dawn',
    );
    expect(promptStem('Café Noël / ../etc')).toBe('cafe-noel-etc');
    expect(promptStem('   --ar 1:1')).toBe('imagine');
    expect(promptStem('x'.repeat(100))).toHaveLength(60);
  });

  it('takes the extension from the type, else the URL, else png', () => {
    expect(imageExtension('https://a/b.png?sig=1', 'image/webp')).toBe('webp');
    expect(imageExtension('https://a/b.JPEG?sig=1')).toBe('jpg');
    expect(imageExtension('blob:http://localhost/123', '')).toBe('png');
  });

  it('numbers repeated names', () => {
    expect(uniqueNames(['fox.png', 'fox.png', 'cat.png', 'fox.png'])).toEqual([
      'fox.png',
      'fox-2.png',
      'cat.png',
      'fox-3.png',
    ]);
  });

  it('dates the export file', () => {
    expect(exportFileName(new Date(2025, 2, 7, 23, 59))).toBe(
      'imagine-studio-history-2025-03-07.json',
    );
  });
});
