import { i18n } from '@lingui/core';
import { describe, expect, it } from 'vitest';
import { EXPIRED_LINK, addReference, checkImageUrl, removeReference } from './reference-urls';

const ORIGIN = 'http://127.0.0.1:5173';

describe('checkImageUrl accepts direct image links', () => {
  const cases: [string, string][] = [
    ['https://example.com/cat.png', 'https://example.com/cat.png'],
    ['  https://example.com/cat.JPG \n', 'https://example.com/cat.JPG'],
    ['http://example.com/a/b/cat.jpeg?w=1024#top', 'http://example.com/a/b/cat.jpeg?w=1024#top'],
    ['https://example.com/cat.webp', 'https://example.com/cat.webp'],
    ['https://example.com/loop.gif', 'https://example.com/loop.gif'],
    ['<https://example.com/cat.png>', 'https://example.com/cat.png'],
    ['https://cdn.acedata.cloud/8fapzl', 'https://cdn.acedata.cloud/8fapzl'],
    [
      'https://midjourney.cdn.acedata.cloud/attachments/1/2/img?ex=ffffffff&is=662e',
      'https://midjourney.cdn.acedata.cloud/attachments/1/2/img?ex=ffffffff&is=662e',
    ],
    ['https://platform.cdn.acedata.cloud/x', 'https://platform.cdn.acedata.cloud/x'],
    ['https://cdn.midjourney.com/abc/0_0', 'https://cdn.midjourney.com/abc/0_0'],
    [
      'https://cdn.discordapp.com/attachments/1/2/x',
      'https://cdn.discordapp.com/attachments/1/2/x',
    ],
    [
      'https://media.discordapp.net/attachments/1/2/x',
      'https://media.discordapp.net/attachments/1/2/x',
    ],
    [`${ORIGIN}/attachments/job-1/0`, `${ORIGIN}/attachments/job-1/0`],
    ['/attachments/job-1/0', `${ORIGIN}/attachments/job-1/0`],
  ];
  it.each(cases)('%j', (input, url) => {
    expect(checkImageUrl(input, { origin: ORIGIN })).toEqual({ ok: true, url });
  });
});

describe('checkImageUrl refuses and says what to change', () => {
  const cases: [string, RegExp][] = [
    ['', /Paste a link to an image file/],
    ['   ', /Paste a link to an image file/],
    [
      'data:image/png;base64,iVBORw0KGgo=',
      /^Only http\(s\) image links work — this is a data: URL/,
    ],
    ['blob:http://127.0.0.1:5173/5c1e', /this is a blob: URL/],
    ['file:///home/me/cat.png', /this is a file: URL/],
    ['ftp://example.com/cat.png', /this is a ftp: URL/],
    ['C:\\Users\\me\\cat.png', /file on your computer/],
    ['example.com/cat.png', /Add https:\/\/ at the start/],
    ['localhost:5173/cat.png', /Add https:\/\/ at the start/],
    ['/images/cat.png', /Use the full link/],
    ['https://example.com/my cat.png', /cannot contain spaces/],
    ['https://', /incomplete/],
    ['https:example.com/cat.png', /incomplete/],
    ['https://user:secret@example.com/cat.png', /Remove the user name and password/],
    [
      'https://example.com/gallery/cat',
      /^This looks like a web page, not an image file: link directly to a \.png\/\.jpg\/\.webp/,
    ],
    ['https://example.com/cat.png.html', /looks like a web page/],
    ['https://www.pinterest.com/pin/123/', /looks like a web page/],
    // Another origin's /attachments/ is not this studio's engine.
    ['https://other.example/attachments/job-1/0', /looks like a web page/],
  ];
  it.each(cases)('%j', (input, message) => {
    const result = checkImageUrl(input, { origin: ORIGIN });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('does not take /attachments/ as same-origin when the origin is unknown', () => {
    expect(checkImageUrl(`${ORIGIN}/attachments/job-1/0`, {}).ok).toBe(false);
    expect(checkImageUrl('/attachments/job-1/0', {}).ok).toBe(false);
  });
});

const A = 'https://cdn.acedata.cloud/a.png';
const B = 'https://cdn.acedata.cloud/b.png';

describe('addReference', () => {
  const ok: [string, string, string][] = [
    ['a cat', A, `${A} a cat`],
    [`${A} a cat --ar 3:2`, B, `${A} ${B} a cat --ar 3:2`],
    ['', A, A],
    ['a cat --iw 2', `  ${A}  `, `${A} a cat --iw 2`],
  ];
  it.each(ok)('adds to %j', (prompt, url, expected) => {
    expect(addReference(prompt, url)).toEqual({ prompt: expected });
  });

  it('refuses a duplicate, also when written differently', () => {
    expect(addReference(`${A} a cat`, A)).toEqual({
      error: 'This image is already in the prompt.',
    });
    expect(addReference(`${A} a cat`, 'https://CDN.acedata.cloud:443/a.png')).toEqual({
      error: 'This image is already in the prompt.',
    });
  });

  it('refuses a sixth image', () => {
    const five = [1, 2, 3, 4, 5].map((n) => `https://cdn.acedata.cloud/${n}.png`).join(' ');
    const result = addReference(`${five} a cat`, 'https://cdn.acedata.cloud/6.png');
    expect(result).toEqual({
      error: 'A prompt holds at most 5 images — remove one before adding another.',
    });
  });

  it('passes on the link check message', () => {
    expect(addReference('a cat', 'data:image/png;base64,AAAA')).toEqual({
      error: expect.stringMatching(/^Only http\(s\) image links work — this is a data: URL/),
    });
    expect(addReference('a cat', 'https://example.com/page')).toEqual({
      error: expect.stringMatching(/looks like a web page/),
    });
  });

  it('accepts the engine own images when given its origin', () => {
    expect(addReference('a cat', '/attachments/j/0', { origin: ORIGIN })).toEqual({
      prompt: `${ORIGIN}/attachments/j/0 a cat`,
    });
  });
});

describe('removeReference', () => {
  const cases: [string, string, string][] = [
    [`${A} ${B} a cat --ar 3:2`, A, `${B} a cat --ar 3:2`],
    [`${A} ${B} a cat`, ` ${B} `, `${A} a cat`],
    [`${A} a cat`, A, 'a cat'],
    [`${A} ${B}`, B, A],
    [`${A} a cat`, B, `${A} a cat`],
    // Only the leading references: the same link in the text or --sref stays.
    [`${A} a cat like ${B} --sref ${A}`, A, `a cat like ${B} --sref ${A}`],
    [`${A} ${A} a cat`, A, 'a cat'],
  ];
  it.each(cases)('%j minus %j', (prompt, url, expected) => {
    expect(removeReference(prompt, url)).toBe(expected);
  });
});

describe('checkImageUrl refuses a link whose ex is past, before a credit is spent', () => {
  const link = 'https://midjourney.cdn.acedata.cloud/attachments/1/2/a.png?ex=6925e2f0&hm=ab';
  it('accepts it while it lives, refuses it from its ex second on, and says why', () => {
    expect(checkImageUrl(link, { now: 0x6925e2f0 * 1000 - 1 })).toEqual({ ok: true, url: link });
    expect(checkImageUrl(link, { now: 0x6925e2f0 * 1000 })).toEqual({
      ok: false,
      message: i18n._(EXPIRED_LINK),
    });
    expect(i18n._(EXPIRED_LINK)).toMatch(/has expired.*before|spending a credit/);
    expect(i18n._(EXPIRED_LINK)).toContain('AceData accepts a re-hosted copy is UNCERTAIN');
  });
});
