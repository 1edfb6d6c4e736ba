import type { I18n } from '@lingui/core';
import { msg } from '@lingui/core/macro';

/** Chinese characters (CJK ideographs), which an English prompt does not hold. */
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * What Translate says it did, as it is: words left in Chinese were not known, and the local
 * engine's translate is a glossary of common prompt words, not a translator.
 */
export function translateStatus(english: string, glossary: boolean, i18n: I18n): string {
  if (HAN.test(english)) {
    return i18n._(
      glossary
        ? msg`Partly translated: the local engine's glossary knows only common prompt words and left some in Chinese. Translate those yourself before you send it.`
        : msg`Partly translated: some words are still in Chinese. Check the prompt before you send it.`,
    );
  }
  return i18n._(
    glossary
      ? msg`Translated word by word with the local engine's glossary (it is not a translator). Check the prompt before you send it.`
      : msg`Translated to English.`,
  );
}
