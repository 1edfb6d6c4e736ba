import { describe, expect, it } from 'vitest';
import { promptText, replacePromptText, withOriginalParams } from './prompt-text';

const ORIGINAL = 'https://x.test/a.png 精致，无暇，洁白的天使 --ar 16:9 --no red, blue --v 6';

describe('prompt text', () => {
  it('is the words between the image URLs and the params', () => {
    expect(promptText(ORIGINAL)).toBe('精致，无暇，洁白的天使');
  });

  it('replacing it keeps the image URL and every param with its value', () => {
    expect(replacePromptText(ORIGINAL, 'Exquisite, flawless, pure white angel.')).toBe(
      'https://x.test/a.png Exquisite, flawless, pure white angel. --ar 16:9 --no red, blue --v 6',
    );
  });

  it('a shorten candidate keeps the original params, whatever params it came with', () => {
    expect(
      withOriginalParams(
        'misty lake at dawn --ar 16:9 --style raw',
        'a misty lake --ar 16:9 --v 6',
      ),
    ).toBe('misty lake at dawn --ar 16:9 --v 6');
  });
});
