import { Trans, useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import type { Job } from '../../../jobs/job';
import { useFeedActions } from '../card-actions';
import { useImageTools } from './image-tools-context';

/** Props of {@link ImageTools}. */
export interface ImageToolsProps {
  /** A finished job with an image. */
  job: Job;
}

/**
 * Describe on every finished image, Edit image on a single image, Get seed on a grid (then
 * "Seed: N" and Reuse seed).
 */
export function ImageToolsBar({ job }: ImageToolsProps) {
  const tools = useImageTools();
  const { kindOf } = useFeedActions();
  const { t } = useLingui();
  const [seed, setSeed] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const url = job.result?.raw_image_url ?? job.result?.image_url;
  if (!tools || !url) return null;
  // A grid (four pictures to pick from) by its kind's own reading of the result.
  const grid = kindOf(job)?.job?.isGrid?.(job.result) ?? false;

  const getSeed = async () => {
    setBusy(true);
    setError('');
    try {
      setSeed(await tools.getSeed(job));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="action-bar image-tools" role="group" aria-label={t`Image tools`}>
      <button type="button" className="chip" onClick={() => tools.describe(job)}>
        <Trans>Describe</Trans>
      </button>
      {!grid && (
        <button type="button" className="chip" onClick={() => tools.editImage(job)}>
          <Trans>Edit image</Trans>
        </button>
      )}
      {grid && job.result?.image_id && (
        <button type="button" className="chip" disabled={busy} onClick={() => void getSeed()}>
          <Trans>Get seed</Trans>
        </button>
      )}
      {seed !== null && (
        <>
          <span className="seed" role="status">{t`Seed: ${seed}`}</span>
          <button type="button" className="chip" onClick={() => tools.reuseSeed(seed)}>
            <Trans>Reuse seed</Trans>
          </button>
        </>
      )}
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
