import type { I18n } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { useId } from 'react';

/** From this coverage on, the person is warned that almost the whole picture will change. */
export const NEARLY_ALL = 0.95;

/** Props of the footer. */
export interface RegionFooterProps {
  /** Vary Region needs a region; Edit image needs a prompt (its region is optional). */
  mode: 'region' | 'edit';
  prompt: string;
  onPromptChange(prompt: string): void;
  /** Fraction of the image in the region (exact, from the raster). */
  coverage: number;
  submitting: boolean;
  error: string | null;
  onSubmit(): void;
}

function percent(c: number, i18n: I18n): string {
  const whole = new Intl.NumberFormat(i18n.locale, { style: 'percent' }).format(
    Math.round(c * 100) / 100,
  );
  const one = new Intl.NumberFormat(i18n.locale, { style: 'percent' }).format(0.01);
  return c > 0 && c < 0.01 ? i18n._(msg`under ${one}`) : whole;
}

/** Region prompt, what the region amounts to, and "Submit region". */
export function RegionFooter(p: RegionFooterProps) {
  const promptId = useId();
  const { i18n, t } = useLingui();
  const covered = percent(p.coverage, i18n);
  const statusId = useId();
  const empty = p.coverage === 0;
  const edit = p.mode === 'edit';
  const blocked = edit ? p.prompt.trim() === '' : empty;
  return (
    <div className="mask-editor__foot">
      <div className="mask-editor__prompt">
        <label htmlFor={promptId}>{edit ? t`Edit prompt` : t`Region prompt`}</label>
        <textarea
          id={promptId}
          rows={2}
          value={p.prompt}
          onChange={(e) => p.onPromptChange(e.currentTarget.value)}
        />
      </div>
      <div className="mask-editor__submit">
        <p id={statusId} className="mask-editor__status" aria-live="polite">
          {edit && p.prompt.trim() === ''
            ? t`Say what to change in Edit prompt first.`
            : edit && empty
              ? t`No region painted: the whole image will be edited.`
              : empty
                ? t`Paint the area to redraw first — the region is empty.`
                : t`Region: ${covered} of the image will be redrawn.`}
        </p>
        {p.coverage >= NEARLY_ALL && (
          <p className="mask-editor__warning" role="alert">
            <Trans>
              The region covers almost the whole image ({covered}): nearly everything will be
              redrawn.
            </Trans>
          </p>
        )}
        {p.error && (
          <p className="mask-editor__error" role="alert">
            {p.error}
          </p>
        )}
        <button
          type="button"
          className="mask-editor__button mask-editor__button--primary"
          disabled={blocked || p.submitting}
          aria-describedby={statusId}
          aria-busy={p.submitting}
          onClick={p.onSubmit}
        >
          {edit ? t`Submit edit` : t`Submit region`}
        </button>
      </div>
    </div>
  );
}
