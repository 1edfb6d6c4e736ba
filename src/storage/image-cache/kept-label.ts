/**
 * A card's "Kept: …" label in the person's language. Apart from `kept-copy.ts` on purpose: the
 * service worker imports that module, and its bundle must stay free of the studio's messages.
 */
import type { I18n } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { say } from '../../i18n/say';
import { hostOf, type KeptCopy, type MissingCopy } from './kept-copy';

/** The card's label for a copy, in the language of `i18n`. */
export function keptLabelText(copy: KeptCopy, i18n: I18n): string {
  switch (copy.kind) {
    case 'blob':
      return i18n._(msg`Kept: in this browser`);
    case 'relay':
      return i18n._(msg`Kept: via the studio server`);
    case 'offline':
      return i18n._(msg`Kept: by the offline cache`);
    default: {
      if (copy.missing) return missingText(copy.missing, i18n);
      const reason = say(copy.reason, i18n);
      return i18n._(msg`No copy, link only: ${reason}`);
    }
  }
}

/** A missing copy: "No copy yet" while it may still be kept, "lost" only once it cannot be. */
function missingText(missing: MissingCopy, i18n: I18n): string {
  switch (missing.code) {
    case 'offline':
      return i18n._(
        msg`No copy yet: this browser is offline. It is kept when the network is back.`,
      );
    case 'untrusted': {
      const { origin } = missing;
      const host = hostOf(origin);
      return i18n._(
        msg`No copy: the picture host ${host} is not trusted by this studio. Add ${origin} to PICTURE_ORIGINS on the studio server.`,
      );
    }
    case 'unreadable':
      return i18n._(
        msg`No copy yet: the picture host answered with an error, not the picture. Tried again while the link lives.`,
      );
    case 'unfetched':
      return i18n._(
        msg`No copy yet: the picture could not be fetched. Tried again when the network is back, at the next start and from History, while the link lives.`,
      );
    case 'untried':
      return i18n._(msg`No copy yet in this browser; it is kept while the link lives.`);
    case 'lost':
      return i18n._(msg`Copy lost: the link expired (or is dead) before a copy could be kept.`);
  }
}
