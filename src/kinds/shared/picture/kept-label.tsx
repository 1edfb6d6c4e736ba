import { useLingui } from '@lingui/react/macro';
import { useEffect, useState } from 'react';
import type { KeptCopy } from '../../../storage/image-cache/kept-copy';
import { keptLabelText } from '../../../storage/image-cache/kept-label';
import type { Job } from '../../../jobs/job';
import { useFeedActions } from '../card-actions';

/** How long to look again when the copy was not there yet (the result just arrived). */
const LOOK_AGAIN_MS = 1500;

/**
 * Says which copy of a finished job's picture the studio holds ("Kept: in this browser", "Kept:
 * via the studio server", "Kept: by the offline cache"), or why none yet ("No copy yet: …"), and
 * follows it: a copy kept later changes the label.
 */
export function KeptLabel({ job }: { job: Job }) {
  const { keptCopy, onCopyChange } = useFeedActions();
  const { i18n } = useLingui();
  const [copy, setCopy] = useState<KeptCopy | null>(null);
  const url = job.result?.raw_image_url ?? job.result?.image_url ?? '';
  useEffect(() => {
    if (!url) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const look = (again: boolean) =>
      void keptCopy(job).then((found) => {
        if (!live) return;
        setCopy(found);
        if (found.kind === 'none' && again) timer = setTimeout(() => look(false), LOOK_AGAIN_MS);
      });
    look(true);
    // A copy kept later (the network came back, a retry) or newly explained says so at once.
    const stop = onCopyChange((changed) => changed === url && look(false));
    return () => {
      live = false;
      stop();
      clearTimeout(timer);
    };
    // Looked up per picture; the job object changes on every progress tick.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [url]);
  if (!copy) return null;
  return (
    <span className="hint kept-copy" data-kept={copy.kind}>
      {keptLabelText(copy, i18n)}
    </span>
  );
}
