import { useLingui } from '@lingui/react/macro';
import { keptLabelText } from '../../../storage/image-cache/kept-label';
import type { Job } from '../../../jobs/job';
import { useFeedActions } from '../card-actions';
import { useKeptCopies } from '../use-kept-copies';

/**
 * Says which copy of a finished job's picture the studio holds ("Kept: in this browser", "Kept:
 * via the studio server", "Kept: by the offline cache"), or why none yet ("No copy yet: …"), and
 * follows it: a copy kept later changes the label.
 */
export function KeptLabel({ job }: { job: Job }) {
  const { keptCopy, onCopyChange } = useFeedActions();
  const { i18n } = useLingui();
  const url = job.result?.raw_image_url ?? job.result?.image_url ?? '';
  const copy = useKeptCopies(
    url,
    url ? [url] : [],
    async () => [await keptCopy(job)],
    onCopyChange,
  )?.[0];
  if (!copy) return null;
  return (
    <span className="hint kept-copy" data-kept={copy.kind}>
      {keptLabelText(copy, i18n)}
    </span>
  );
}
