import { msg } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { PartBoundary } from '../../components/ui/part-boundary';
import { lazyPart } from '../../lazy/lazy-part';
import { useRememberedFlag } from '../../components/ui/remembered-flag';

/** Where the section's open or closed state is kept, across History visits and reloads. */
export const PARAMS_OPEN_KEY = 'imagine-studio.params-open';

// The parameters load on opening.
const ParametersPanel = lazyPart(() => import('./parameters-panel').then((m) => m.ParametersPanel));

/**
 * The folded "Parameters" section of the composer; its panel loads when first opened. It stays as
 * the person left it, after a visit to History (which unmounts the composer) and a reload.
 */
export function ParamsDetails({ prompt }: { prompt: string }) {
  const [showParams, setShowParams] = useRememberedFlag(PARAMS_OPEN_KEY, false);
  return (
    <details
      className="params"
      open={showParams}
      onToggle={(e) => {
        const open = (e.target as HTMLDetailsElement).open;
        if (open !== showParams) setShowParams(open);
      }}
    >
      <summary>
        <Trans>Parameters</Trans>
      </summary>
      {showParams && (
        <PartBoundary name={msg`the parameters`}>
          <ParametersPanel prompt={prompt} />
        </PartBoundary>
      )}
    </details>
  );
}
