// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { DEFAULT_STUDIO_CONFIG, parseStudioConfig, readStudioConfig } from './runtime-config';

describe('readStudioConfig', () => {
  it('reads the base URL and relay the studio server wrote into the page', () => {
    document.head.innerHTML =
      '<meta name="imagine-studio-config" content="{&quot;acedataBaseUrl&quot;:&quot;http://127.0.0.1:9001/&quot;,&quot;relay&quot;:&quot;/relay&quot;}">';
    expect(readStudioConfig()).toEqual({
      acedataBaseUrl: 'http://127.0.0.1:9001',
      relay: '/relay',
    });
  });

  it('falls back to the defaults without the tag or with a bad one', () => {
    document.head.innerHTML = '';
    expect(readStudioConfig()).toEqual(DEFAULT_STUDIO_CONFIG);
    expect(parseStudioConfig('{"acedataBaseUrl":"javascript:alert(1)","relay":null}')).toEqual(
      DEFAULT_STUDIO_CONFIG,
    );
    expect(
      parseStudioConfig('{"acedataBaseUrl":"https://x.example","relay":"//evil.example"}'),
    ).toEqual(DEFAULT_STUDIO_CONFIG);
    expect(parseStudioConfig('not json')).toEqual(DEFAULT_STUDIO_CONFIG);
  });
});
