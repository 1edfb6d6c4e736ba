import { describe, expect, it } from 'vitest';
import {
  copyPlan,
  downloadRefusal,
  notKeptReason,
  pictureProblemOf,
  relayUrlFor,
  type KeptCopy,
  type PictureFacts,
} from './kept-copy';
import { isLinkExpired, linkExpiry } from '../../prompt/link-expiry';
import { i18n } from '@lingui/core';
import { say } from '../../i18n/say';
import { keptLabelText } from './kept-label';

const keptLabel = (copy: KeptCopy) => keptLabelText(copy, i18n);

describe('linkExpiry: the ex of a provider link (hex unix seconds)', () => {
  it('reads ex as hex seconds, in milliseconds', () => {
    // 0x6925e2f0 = 1764090608 s, as the guide's links carry it.
    expect(linkExpiry('https://cdn.example/a.png?ex=6925e2f0&is=1&hm=ab')).toBe(1764090608000);
    expect(linkExpiry('https://cdn.example/a.png?is=1&EX=1&ex=FF')).toBe(255_000);
  });

  it('gives undefined without ex, with a malformed ex, or for a non-URL', () => {
    expect(linkExpiry('https://cdn.example/a.png')).toBeUndefined();
    expect(linkExpiry('https://cdn.example/a.png?ex=')).toBeUndefined();
    expect(linkExpiry('https://cdn.example/a.png?ex=12zz')).toBeUndefined();
    expect(linkExpiry('https://cdn.example/a.png?ex=-5')).toBeUndefined();
    expect(linkExpiry('https://cdn.example/a.png?ex=1234567890abc')).toBeUndefined();
    expect(linkExpiry('not a url?ex=ff')).toBeUndefined();
  });

  it('a link is expired from its ex second on, never without an ex', () => {
    const url = 'https://cdn.example/a.png?ex=64';
    expect(isLinkExpired(url, 99_999)).toBe(false);
    expect(isLinkExpired(url, 100_000)).toBe(true);
    expect(isLinkExpired('https://cdn.example/a.png', Number.MAX_SAFE_INTEGER)).toBe(false);
  });
});

describe('copyPlan: the means to keep a copy, best first', () => {
  it('a readable blob first, then the relay, then the offline cache', () => {
    expect(copyPlan({ relay: '/relay', offlineCache: true })).toEqual(['blob', 'relay', 'offline']);
    expect(copyPlan({ relay: null, offlineCache: true })).toEqual(['blob', 'offline']);
    expect(copyPlan({ relay: '/relay', offlineCache: false })).toEqual(['blob', 'relay']);
    expect(copyPlan({ relay: null, offlineCache: false })).toEqual(['blob']);
  });
});

describe('what the studio says about a copy', () => {
  it('labels each kind', () => {
    expect(keptLabel({ kind: 'blob' })).toBe('Kept: in this browser');
    expect(keptLabel({ kind: 'relay' })).toBe('Kept: via the studio server');
    expect(keptLabel({ kind: 'offline' })).toBe('Kept: by the offline cache');
    expect(keptLabel({ kind: 'none', reason: { code: 'copy.offline' } })).toBe(
      'No copy, link only: this browser was offline',
    );
  });

  it('says why none could be kept', () => {
    expect(say(notKeptReason({ relay: null, offlineCache: false }, false), i18n)).toMatch(
      /no cross-origin reads, this host has no relay, and this browser has no offline cache/,
    );
    expect(say(notKeptReason({ relay: '/relay', offlineCache: true }, true), i18n)).toMatch(
      /expired or was dead/,
    );
  });

  it('Download refuses only where no readable copy exists, and says why', () => {
    expect(downloadRefusal({ kind: 'blob' })).toBeNull();
    expect(downloadRefusal({ kind: 'relay' })).toBeNull();
    expect(say(downloadRefusal({ kind: 'offline' }) ?? undefined, i18n)).toMatch(
      /^Download is not possible here: the picture host allows no cross-origin reads and this host has no relay/,
    );
    expect(say(downloadRefusal({ kind: 'none', reason: { code: 'copy.link-dead' } })!, i18n)).toBe(
      'Download is not possible: no copy was kept (the link had already expired or was dead).',
    );
  });

  it('relay URLs carry the picture URL encoded', () => {
    expect(relayUrlFor('/relay', 'https://cdn.example/a.png?ex=1&hm=2')).toBe(
      '/relay?url=https%3A%2F%2Fcdn.example%2Fa.png%3Fex%3D1%26hm%3D2',
    );
  });
});

describe('pictureProblemOf: why a picture is not on screen', () => {
  const LIVE = 'https://cdn.example/p.png?ex=ffffffff';
  const EXPIRED = 'https://cdn.example/p.png?ex=10';
  const none: KeptCopy = { kind: 'none', reason: { code: 'copy.none' } };
  const facts = (patch: Partial<PictureFacts>): PictureFacts => ({
    url: LIVE,
    online: true,
    copy: none,
    blocked: () => false,
    now: 20_000_000,
    ...patch,
  });

  it('offline is said first, whatever else is true', () => {
    expect(pictureProblemOf(facts({ online: false, url: EXPIRED }))).toEqual({ code: 'offline' });
  });

  it('a host the page refused, or the relay did, is named', () => {
    const origin = 'https://cdn.example';
    expect(pictureProblemOf(facts({ blocked: (o) => o === origin }))).toEqual({
      code: 'untrusted',
      origin,
    });
    const refused: KeptCopy = {
      kind: 'none',
      reason: { code: 'copy.untrusted', params: { origin } },
      missing: { code: 'untrusted', origin },
    };
    expect(pictureProblemOf(facts({ copy: refused, url: EXPIRED }))).toEqual({
      code: 'untrusted',
      origin,
    });
  });

  it('an expired link with no copy says so; a live one just did not load', () => {
    expect(pictureProblemOf(facts({ url: EXPIRED }))).toEqual({ code: 'expired' });
    expect(pictureProblemOf(facts({}))).toEqual({ code: 'unloaded' });
  });
});
