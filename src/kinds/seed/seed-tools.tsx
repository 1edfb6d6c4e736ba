import { useState } from 'react';
import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { reasonOf, type Msg } from '../../api/message';
import { say } from '../../i18n/say';
import { writeControl } from '../../prompt/compose';
import type { ImageToolProps } from '../shared/kind-tools';

// The call (and its schemas) loads with the first press, not with the card.
const call = () => import('./seed-call');

/** Get seed on a grid; then "Seed: N" on that grid, and Reuse seed puts it in the prompt. */
export function SeedImageTool({ job, grid, services }: ImageToolProps) {
  const { t, i18n } = useLingui();
  const [seed, setSeed] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A thrown reason stays a message, worded as it is shown (in the language of the moment).
  const [error, setError] = useState<Msg | string>('');
  const imageId = job.result?.image_id;

  const getSeed = async () => {
    setBusy(true);
    setError('');
    try {
      setSeed(await (await call()).getSeed(services.client(), imageId ?? ''));
    } catch (err) {
      setError(reasonOf(err));
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
          {say(error, i18n)}
        </span>
      )}
    </>
  );
}
