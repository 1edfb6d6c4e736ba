import { useState } from 'react';
import { jobTitle, type Job } from '../../jobs/job';
import { CopyButton } from '../../components/ui/copy-button';
import { downloadImage } from '../../components/ui/save-file';
import { requestAsCode } from './copy-as-code';
import { useFeedActions } from './feed-actions';

/** Props of {@link ResultMenu}. */
export interface ResultMenuProps {
  job: Job;
  onOpen: () => void;
}

/** Open, download, copy and reuse a finished result. */
export function ResultMenu({ job, onOpen }: ResultMenuProps) {
  const { referenceImage } = useFeedActions();
  const [downloadError, setDownloadError] = useState('');
  const r = job.result;
  if (!r?.raw_image_url) return null;
  const raw = r.raw_image_url;
  return (
    <div className="result-menu row">
      <button type="button" className="chip" onClick={onOpen}>
        Open full size
      </button>
      <button
        type="button"
        className="chip"
        onClick={() =>
          downloadImage(raw, jobTitle(job)).then(
            () => setDownloadError(''),
            (e: Error) => setDownloadError(e.message),
          )
        }
      >
        Download
      </button>
      <button type="button" className="chip" onClick={() => referenceImage(raw)}>
        Use as reference
      </button>
      <CopyButton label="Copy prompt" text={() => job.request.prompt ?? ''} />
      {r.image_id && <CopyButton label="Copy image ID" text={() => r.image_id ?? ''} />}
      {job.taskId && <CopyButton label="Copy task ID" text={() => job.taskId ?? ''} />}
      <details className="code-menu">
        <summary className="chip">Copy as code</summary>
        <div className="row">
          <CopyButton label="curl" text={() => requestAsCode(job.request, 'curl')} />
          <CopyButton label="Python" text={() => requestAsCode(job.request, 'python')} />
          <CopyButton label="JavaScript" text={() => requestAsCode(job.request, 'javascript')} />
        </div>
      </details>
      {downloadError && (
        <p role="alert" className="field-error">
          {downloadError}
        </p>
      )}
    </div>
  );
}
