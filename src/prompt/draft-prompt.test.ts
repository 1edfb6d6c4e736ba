import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { absorbLeadingLinks, composeDraft, splitDraft } from './draft-prompt';
import { i18n } from '@lingui/core';
import { EXPIRED_LINK } from './reference-urls';

const A = 'https://cdn.acedata.cloud/a.png?ex=ffffffff&hm=1';
const B = 'https://cdn.acedata.cloud/b.png';

describe('composeDraft / splitDraft', () => {
  it('puts the references first, then the text and its params', () => {
    expect(composeDraft({ text: 'a cat --ar 3:2', references: [A, B] })).toBe(
      `${A} ${B} a cat --ar 3:2`,
    );
    expect(composeDraft({ text: 'a cat', references: [] })).toBe('a cat');
    expect(composeDraft({ text: '', references: [A] })).toBe(A);
  });

  it('splits an old prompt: its links become references, the box keeps only words and params', () => {
    expect(splitDraft(`${A}  ${B}\ta cat --v 7`)).toEqual({
      text: 'a cat --v 7',
      references: [A, B],
    });
    expect(splitDraft('a cat https://x.test/a.png')).toEqual({
      text: 'a cat https://x.test/a.png',
      references: [],
    });
  });

  it('loses nothing: split then compose gives the prompt back', () => {
    const word = fc.constantFrom('a', 'cat', '--ar', '3:2', 'https://x.test/p.png', B, '—v');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 8 }), (words) => {
        const prompt = words.join(' ');
        expect(composeDraft(splitDraft(prompt))).toBe(prompt);
      }),
    );
  });
});

describe('absorbLeadingLinks', () => {
  const empty = { text: '', references: [] };

  it('moves a typed link once a space follows it, not while it is being typed', () => {
    expect(
      absorbLeadingLinks({ ...empty, text: 'https://cdn.acedata.cloud/a.p' }, { all: false }),
    ).toEqual({ draft: { text: 'https://cdn.acedata.cloud/a.p', references: [] } });
    expect(absorbLeadingLinks({ ...empty, text: `${B} a cat` }, { all: false })).toEqual({
      draft: { text: 'a cat', references: [B] },
    });
  });

  it('a paste moves every leading link, after the references already there', () => {
    expect(absorbLeadingLinks({ text: `${A}`, references: [B] }, { all: true })).toEqual({
      draft: { text: '', references: [B, A] },
    });
  });

  it('a link the checks refuse stays in the text, with the reason', () => {
    const expired = 'https://cdn.acedata.cloud/old.png?ex=1&hm=2';
    const out = absorbLeadingLinks({ ...empty, text: `${B} ${expired} a cat` }, { all: true });
    expect(out.draft).toEqual({ text: `${expired} a cat`, references: [B] });
    expect(out.error).toBe(i18n._(EXPIRED_LINK));
    expect(composeDraft(out.draft)).toBe(`${B} ${expired} a cat`);
  });

  it('leaves words that merely contain a link alone', () => {
    const draft = { text: `a cat ${B}`, references: [] };
    expect(absorbLeadingLinks(draft, { all: true })).toEqual({ draft });
  });
});
