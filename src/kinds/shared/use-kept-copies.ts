import { useEffect, useState } from 'react';
import type { KeptCopy } from '../../storage/image-cache/kept-copy';

/** How long to look again when a copy was not there yet (the result may have just arrived). */
const LOOK_AGAIN_MS = 1500;

/**
 * The kept copies of a card's pictures or clips, looked up with `lookUp` when `key` changes,
 * looked at once more a moment later when one was missing, and again whenever `onChange` says
 * one of `urls` changed (a copy kept later, or newly explained). Null until the first answer.
 */
export function useKeptCopies(
  key: string,
  urls: readonly string[],
  lookUp: () => Promise<KeptCopy[]>,
  onChange?: (listener: (url: string) => void) => () => void,
): KeptCopy[] | null {
  const [copies, setCopies] = useState<KeptCopy[] | null>(null);
  useEffect(() => {
    if (urls.length === 0) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const look = (again: boolean) =>
      void lookUp().then((found) => {
        if (!live) return;
        setCopies(found);
        if (again && found.some((c) => c.kind === 'none'))
          timer = setTimeout(() => look(false), LOOK_AGAIN_MS);
      });
    look(true);
    const stop = onChange?.((changed) => urls.includes(changed) && look(false));
    return () => {
      live = false;
      stop?.();
      clearTimeout(timer);
    };
    // Looked up per set of links; the job object and the feed's actions change more often.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return copies;
}
