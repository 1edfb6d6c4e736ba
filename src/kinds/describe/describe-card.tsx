import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { descriptionsOf } from './describe-kind';
import type { Job } from '../../jobs/job';
import { useFeedActions } from '../shared/card-actions';
import { DeleteJobButton } from '../shared/delete-job-button';
import { Elapsed } from '../shared/elapsed';
import { useStatusText } from '../shared/status-text';
import { JobError } from '../shared/job-error';
import { useTools } from '../shared/tools-context';

/** Props of {@link DescribeCard}. */
export interface DescribeCardProps {
  /** A `describe` job. */
  job: Job;
}

/**
 * A describe in the feed: the image and the four prompts it was read as, each with "Use prompt
 * N", and "Imagine all four". Prompts are plain text, never HTML.
 */
export function DescribeCard({ job }: DescribeCardProps) {
  const tools = useTools()?.services;
  const { cancel, retry } = useFeedActions();
  const { t } = useLingui();
  const status = useStatusText(job);
  const url = typeof job.request.image_url === 'string' ? job.request.image_url : '';
  const prompts = descriptionsOf(job.result?.data);
  const putPrompt = (prompt: string) => {
    tools?.setPrompt(prompt);
    tools?.toast(msg`The prompt is in the composer.`);
  };
  // Each prompt is its own job of the default kind (no kind named: an imagine).
  const imagineAll = (all: readonly string[]) => {
    for (const prompt of all) tools?.submit({ prompt, action: 'generate' });
  };
  return (
    <article
      id={`job-${job.id}`}
      className={`job-card describe-card status-${job.status}`}
      aria-label={t`Describe`}
      tabIndex={0}
    >
      <header className="job-head">
        <p className="job-title">
          <Trans>Describe</Trans>
        </p>
        <span className={`status-chip ${job.status}`}>
          {job.status === 'running' ? t`Describing` : status}
        </span>
        <Elapsed from={job.startedAt ?? job.createdAt} to={job.finishedAt} />
        <DeleteJobButton jobId={job.id} />
      </header>
      {url && (
        // Inline size: the picture may be 2048 px wide and the card must never scroll sideways.
        <img
          className="describe-image"
          src={url}
          alt={t`The described image`}
          style={{ display: 'block', maxWidth: '100%', maxHeight: '20rem', height: 'auto' }}
        />
      )}
      {prompts.length > 0 && (
        <ol
          className="describe-prompts"
          aria-label={t`Prompts`}
          style={{ overflowWrap: 'anywhere' }}
        >
          {prompts.map((p, i) => {
            const n = i + 1;
            return (
              <li key={`${i}-${p}`}>
                <p>{p}</p>
                {tools && (
                  <button type="button" className="chip" onClick={() => putPrompt(p)}>
                    {t`Use prompt ${n}`}
                  </button>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {prompts.length > 0 && tools && (
        <div className="row">
          <button type="button" onClick={() => imagineAll(prompts)}>
            <Trans>Imagine all four</Trans>
          </button>
        </div>
      )}
      {job.status === 'failed' && <JobError job={job} />}
      {(job.status === 'queued' || job.status === 'running' || job.status === 'stalled') && (
        <div className="row">
          <button type="button" className="ghost" onClick={() => cancel(job.id)}>
            <Trans>Cancel</Trans>
          </button>
        </div>
      )}
      {job.status === 'cancelled' && (
        <div className="row">
          <button type="button" onClick={() => retry(job.id)}>
            <Trans>Retry</Trans>
          </button>
        </div>
      )}
    </article>
  );
}
