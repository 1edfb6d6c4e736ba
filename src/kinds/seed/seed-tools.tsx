import { useState } from 'react';
import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { writeControl } from '../../prompt/compose';
import type { ImageToolProps } from '../shared/kind-tools';

// The call (and its schemas) loads with the first press, not with the card.
const call = () => import('./seed-call');

/** Get seed on a grid; then "Seed: N" on that grid, and Reuse seed puts it in the prompt. */
export function SeedImageTool({ job, grid, services }: ImageToolProps) {
  const { t } = useLingui();
  const [seed, setSeed] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const imageId = job.result?.image_id;

  const getSeed = async () => {
    setBusy(true);
    setError('');
    try {
      setSeed(await (await call()).getSeed(services.client(), imageId ?? ''));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const reuse = (seed: string) => {
    services.setPrompt(writeControl(services.prompt(), 'seed', Number(seed)));
    services.toast(msg`Added --seed ${seed} to the prompt.`);
  };

  return (
    <>
      {grid && imageId && (
        <button type="button" className="chip" disabled={busy} onClick={() => void getSeed()}>
          <Trans>Get seed</Trans>
        </button>
      )}
      {seed !== null && (
        <>
          <span className="seed" role="status">{t`Seed: ${seed}`}</span>
          <button type="button" className="chip" onClick={() => reuse(seed)}>
            <Trans>Reuse seed</Trans>
          </button>
        </>
      )}
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
