import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeConfig } from '@lingui/conf';
import { formatter } from '@lingui/format-po';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkCatalogs } from './i18n-check';

/** A PO file with the given msgid → msgstr entries (obsolete ones prefixed `#~` by Lingui). */
function po(locale: string, entries: Record<string, string>, obsolete: string[] = []): string {
  const head = `msgid ""\nmsgstr ""\n"Language: ${locale}\\n"\n`;
  const live = Object.entries(entries).map(([id, str]) => `msgid "${id}"\nmsgstr "${str}"\n`);
  const old = obsolete.map((id) => `#~ msgid "${id}"\n#~ msgstr "${id}"\n`);
  return [head, ...live, ...old].join('\n');
}

describe('the i18n catalog check', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'i18n-check-'));
    mkdirSync(join(root, 'src'));
    mkdirSync(join(root, 'locales/en'), { recursive: true });
    mkdirSync(join(root, 'locales/zh-CN'), { recursive: true });
    writeFileSync(
      join(root, 'src/page.tsx'),
      [
        "import { Trans } from '@lingui/react/macro';",
        "import { msg } from '@lingui/core/macro';",
        'export const NOTICE = msg`Saved`;',
        'export const Page = () => <Trans>Imagine</Trans>;',
      ].join('\n'),
    );
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function config() {
    return makeConfig(
      {
        rootDir: root,
        sourceLocale: 'en',
        locales: ['en', 'zh-CN'],
        format: formatter({ lineNumbers: false }),
        catalogs: [{ path: '<rootDir>/locales/{locale}/core', include: ['<rootDir>/src'] }],
      },
      { skipValidation: true },
    );
  }

  function write(locale: string, text: string) {
    writeFileSync(join(root, `locales/${locale}/core.po`), text);
  }

  it('passes when every message the code uses is translated in every locale', async () => {
    write('en', po('en', { Imagine: 'Imagine', Saved: 'Saved' }));
    write('zh-CN', po('zh-CN', { Imagine: '生成', Saved: '已保存' }));
    expect(await checkCatalogs(config())).toEqual([]);
  });

  it('fails on a message without a Chinese translation, and on one never extracted', async () => {
    write('en', po('en', { Imagine: 'Imagine' }));
    write('zh-CN', po('zh-CN', { Imagine: '' }));
    expect(await checkCatalogs(config())).toEqual(
      expect.arrayContaining([
        { file: 'locales/zh-CN/core.po', kind: 'missing', message: 'Imagine' },
        { file: 'locales/zh-CN/core.po', kind: 'missing', message: 'Saved' },
        { file: 'locales/en/core.po', kind: 'missing', message: 'Saved' },
      ]),
    );
  });

  it('fails on a message the code no longer uses, live or marked obsolete', async () => {
    write('en', po('en', { Imagine: 'Imagine', Saved: 'Saved', Upscale: 'Upscale' }));
    write('zh-CN', po('zh-CN', { Imagine: '生成', Saved: '已保存' }, ['Reroll']));
    expect(await checkCatalogs(config())).toEqual([
      { file: 'locales/en/core.po', kind: 'obsolete', message: 'Upscale' },
      { file: 'locales/zh-CN/core.po', kind: 'obsolete', message: 'Reroll' },
    ]);
  });
});
