import { useState } from 'react';
import { msg } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { PartBoundary } from '../../components/ui/part-boundary';
import { lazyPart } from '../../lazy/lazy-part';

// The parameters load on opening.
const ParametersPanel = lazyPart(() => import('./parameters-panel').then((m) => m.ParametersPanel));

/** The folded "Parameters" section of the composer; its panel loads when first opened. */
export function ParamsDetails({ prompt }: { prompt: string }) {
  const [showParams, setShowParams] = useState(false);
  return (
    <details
      className="params"
      open={showParams}
      onToggle={(e) => setShowParams((e.target as HTMLDetailsElement).open)}
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
