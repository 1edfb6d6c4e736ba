import type { I18n } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { useLingui } from '@lingui/react/macro';
import type { KeptCopy } from '../../storage/image-cache/kept-copy';
import { say } from '../../i18n/say';
import { useFeedActions } from '../shared/card-actions';
import { useKeptCopies } from '../shared/use-kept-copies';

/** The label of a set of clips: the first clip without a copy says why, else the copy's kind. */
function setLabel(copies: KeptCopy[], i18n: I18n): string {
  const missing = copies.findIndex((c) => c.kind === 'none');
  const copy = copies[missing];
  if (copy?.kind === 'none') {
    const n = missing + 1;
    const reason = say(copy.reason, i18n);
    return i18n._(msg`Clip ${n}: no copy, link only: ${reason}`);
  }
  switch (copies[0]?.kind) {
    case 'relay':
      return i18n._(msg`Clips kept: via the studio server`);
    case 'offline':
      return i18n._(msg`Clips kept: by the offline cache`);
    default:
      return i18n._(msg`Clips kept: in this browser`);
  }
}

/**
 * Says which copy of a video job's clips the studio holds ("Clips kept: via the studio server"),
 * or which clip has none and exactly why ("Clip 1: no copy, link only: the clip host allows no cross-origin
 * reads and this host has no relay, …"), so a clip that cannot outlive its link is known before
 * the link expires.
 */
export function ClipsKept({ urls }: { urls: string[] }) {
  const { clipCopy } = useFeedActions();
  const { i18n } = useLingui();
  const copies = useKeptCopies(urls.join('\n'), clipCopy ? urls : [], () =>
    Promise.all(urls.map((u) => clipCopy!(u))),
  );
  if (!copies) return null;
  return (
    <span
      className="hint kept-copy"
      data-kept={copies.find((c) => c.kind === 'none')?.kind ?? copies[0]?.kind}
    >
      {setLabel(copies, i18n)}
    </span>
  );
}
