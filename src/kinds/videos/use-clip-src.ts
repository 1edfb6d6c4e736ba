import type { I18n } from '@lingui/core';
import type { Msg } from '../../api/message';
import { msg } from '@lingui/core/macro';
import { useLingui } from '@lingui/react/macro';
import { useEffect, useState } from 'react';
import type { KeptCopy } from '../../storage/image-cache/kept-copy';
import { say } from '../../i18n/say';

/** What {@link useClipSrc} gives a clip. */
export interface ClipSrc {
  /** What the `<video>` plays: the copy kept on this device, else the link (undefined: looking). */
  src: string | undefined;
  /** Why the clip cannot play, in words for the card; empty while it can (or may). */
  problem: string;
  /** The `<video>` failed: try the kept copy, else say exactly why nothing can play. */
  onError: () => void;
}

/** What the hook needs from the studio (the feed's actions). */
export interface ClipSources {
  cachedUrl?: (url: string) => Promise<string | undefined>;
  clipCopy?: (url: string) => Promise<KeptCopy>;
}

/**
 * The source of clip `n`. A clip plays from the copy kept on this device when there is one (it
 * outlives the link, and needs no network), else from its link; when the link fails (expired,
 * dead, offline) the kept copy is looked for again (it may have been kept since), and where none
 * exists the clip says why instead of waiting for metadata that never comes.
 */
export function useClipSrc(n: number, url: string, sources: ClipSources): ClipSrc {
  const { cachedUrl, clipCopy } = sources;
  const [src, setSrc] = useState<string | undefined>(cachedUrl ? undefined : url);
  const { i18n } = useLingui();
  // Kept as what went wrong, put into words as it renders (a language switch re-words it).
  const [trouble, setTrouble] = useState<{ copy: true } | { copy: false; why?: Msg } | null>(null);
  useEffect(() => {
    if (!cachedUrl) return;
    let live = true;
    void cachedUrl(url).then(
      (kept) => live && setSrc(kept ?? url),
      () => live && setSrc(url),
    );
    return () => {
      live = false;
    };
    // Looked up per clip link; the feed's actions are made once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [url]);

  const onError = () => {
    if (src !== url) {
      setTrouble({ copy: true });
      return;
    }
    void (async () => {
      const kept = await cachedUrl?.(url).catch(() => undefined);
      if (kept && kept !== url) return setSrc(kept);
      const copy = await clipCopy?.(url).catch(() => undefined);
      setTrouble({ copy: false, ...(copy?.kind === 'none' ? { why: copy.reason } : {}) });
    })();
  };
  return { src, problem: trouble ? clipProblem(n, trouble, i18n) : '', onError };
}

/** Why clip `n` cannot play, in the language of `i18n`. */
function clipProblem(n: number, trouble: { copy: true } | { copy: false; why?: Msg }, i18n: I18n) {
  if (trouble.copy)
    return i18n._(msg`Clip ${n} cannot play: the copy kept on this device could not be played.`);
  const reason = say(trouble.why, i18n);
  return reason
    ? i18n._(
        msg`Clip ${n} cannot play: its link failed (expired, dead or offline) and no copy was kept on this device (${reason}).`,
      )
    : i18n._(
        msg`Clip ${n} cannot play: its link failed (expired, dead or offline) and no copy was kept on this device.`,
      );
}
