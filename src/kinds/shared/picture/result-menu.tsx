import { Trans, useLingui } from '@lingui/react/macro';
import { actionName } from '../../../jobs/action-names';
import { reasonOf, type Msg } from '../../../api/message';
import { say } from '../../../i18n/say';
import { useState } from 'react';
import type { Job } from '../../../jobs/job';
import { promptOf } from '../../../jobs/job-names';
import { useJobs } from '../../../jobs/store';
import { CopyButton } from '../../../components/ui/copy-button';
import type { CodeLanguage } from './copy-as-code';
import { useFeedActions } from '../card-actions';
import { KeptLabel } from './kept-label';
import { isChunkLoadError } from '../../../lazy/chunk-load-error';
import { UNLOADED } from '../../../components/ui/unloaded';

/** Copy-as-code is rarely used: its module loads when the menu opens, not with the studio. */
const loadCopyAsCode = () => import('./copy-as-code');

/** Props of {@link ResultMenu}. */
export interface ResultMenuProps {
  job: Job;
  onOpen: () => void;
  /** The grid's selected quadrant (1–4), if any: "Use as reference" then takes that picture. */
  selected?: number | null;
}

/** Open, download, copy and reuse a finished result. */
export function ResultMenu({ job, onOpen, selected }: ResultMenuProps) {
  const { referenceImage, download, animate } = useFeedActions();
  const { i18n, t } = useLingui();
  // An upscale or a pan has no prompt of its own: copy the one it was made from.
  const prompt = useJobs((s) => promptOf(job, (id) => s.byId[id]) ?? '');
  const [downloadError, setDownloadError] = useState<Msg | string>('');
  const r = job.result;
  if (!r?.raw_image_url) return null;
  const raw = r.raw_image_url;
  const quadrant = selected ? r.sub_image_urls?.[selected - 1] : undefined;
  // A single image (not a 2×2 grid) can be animated into clips.
  const single = !r.actions.some((a) => /^upscale[1-4]$/.test(a));
  return (
    <div className="result-menu row">
      <button type="button" className="chip" onClick={onOpen}>
        <Trans>Open full size</Trans>
      </button>
      <button
        type="button"
        className="chip"
        onClick={() =>
          download(job).then(
            () => setDownloadError(''),
            (e: Error) => setDownloadError(isChunkLoadError(e) ? i18n._(UNLOADED) : reasonOf(e)),
          )
        }
      >
        <Trans>Download</Trans>
      </button>
      <button type="button" className="chip" onClick={() => referenceImage(quadrant ?? raw)}>
        {quadrant ? t`Use U${selected} as reference` : t`Use as reference`}
      </button>
      {animate && single && (
        <button type="button" className="chip" onClick={() => animate(job)}>
          {actionName('animate', i18n)}
        </button>
      )}
      <CopyButton label={t`Copy prompt`} text={() => prompt} />
      {r.image_id && <CopyButton label={t`Copy image ID`} text={() => r.image_id ?? ''} />}
      {job.taskId && <CopyButton label={t`Copy task ID`} text={() => job.taskId ?? ''} />}
      <details className="code-menu" onToggle={() => void loadCopyAsCode()}>
        <summary className="chip">
          <Trans>Copy as code</Trans>
        </summary>
        <div className="row">
          <CopyButton label="curl" text={asCode(job, 'curl')} />
          <CopyButton label="Python" text={asCode(job, 'python')} />
          <CopyButton label="JavaScript" text={asCode(job, 'javascript')} />
        </div>
      </details>
      <KeptLabel job={job} />
      {downloadError && (
        <p role="alert" className="field-error">
          {say(downloadError, i18n)}
        </p>
      )}
    </div>
  );
}

function asCode(job: Job, language: CodeLanguage): () => Promise<string> {
  return () => loadCopyAsCode().then((m) => m.requestAsCode(job.request, language));
}
