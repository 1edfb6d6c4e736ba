import { Trans, useLingui } from '@lingui/react/macro';
import { withOriginalParams } from '../../prompt/prompt-text';
import type { PromptToolProps } from '../shared/kind-tools';
import { ShortenCandidates } from './shorten-candidates';

// The call (and its schemas) loads with the first press, not with the composer.
const call = () => import('./shorten-call');

/** Shorten prompt: the service's shorter prompts under the row, each keeping the `--params`. */
export function ShortenPromptTool({ prompt, row, services }: PromptToolProps) {
  const { t } = useLingui();
  const shorten = () =>
    row.run(t`Shortening…`, async () => {
      const out = await (await call()).shortenPrompt(services.client(), prompt.trim());
      const candidates = out.map((c) => withOriginalParams(c, prompt));
      if (out.length === 0) row.say(t`The service offered no shorter prompt.`);
      row.showPanel(
        candidates.length > 0 ? (
          <ShortenCandidates
            candidates={candidates}
            onUse={(c) => {
              services.setPrompt(c);
              row.showPanel(null);
            }}
            onDismiss={() => row.showPanel(null)}
          />
        ) : null,
      );
    });
  return (
    <button type="button" onClick={() => void shorten()} disabled={row.busy || !prompt.trim()}>
      <Trans>Shorten prompt</Trans>
    </button>
  );
}
