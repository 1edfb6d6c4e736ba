import { Trans, useLingui } from '@lingui/react/macro';

/** Props of {@link ShortenCandidates}. */
export interface ShortenCandidatesProps {
  /** The candidates as they will go into the composer (original params already on them). */
  candidates: string[];
  onUse(prompt: string): void;
  onDismiss(): void;
}

/** The shorter prompts the service offered, each with "Use candidate N". */
export function ShortenCandidates({ candidates, onUse, onDismiss }: ShortenCandidatesProps) {
  const { t } = useLingui();
  return (
    <div className="prompt-candidates" role="group" aria-label={t`Shorter prompts`}>
      <ol>
        {candidates.map((c, i) => (
          <li key={`${i}-${c}`}>
            <span className="candidate-text">{c}</span>
            <button type="button" className="chip" onClick={() => onUse(c)}>
              {t`Use candidate ${i + 1}`}
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="ghost" onClick={onDismiss}>
        <Trans>Dismiss</Trans>
      </button>
    </div>
  );
}
