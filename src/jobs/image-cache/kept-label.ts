/**
 * A card's "Kept: …" label in the person's language. Apart from `kept-copy.ts` on purpose: the
 * service worker imports that module, and its bundle must stay free of the studio's messages.
 */
import type { I18n } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { jobText } from '../job-text';
import type { KeptCopy } from './kept-copy';

/** The card's label for a copy (`keptLabel` of `kept-copy.ts`), in the language of `i18n`. */
export function keptLabelText(copy: KeptCopy, i18n: I18n): string {
  switch (copy.kind) {
    case 'blob':
      return i18n._(msg`Kept: in this browser`);
    case 'relay':
      return i18n._(msg`Kept: via the studio server`);
    case 'offline':
      return i18n._(msg`Kept: by the offline cache`);
    default: {
      const reason = jobText(copy.reason, i18n);
      return i18n._(msg`No copy, link only: ${reason}`);
    }
  }
}
