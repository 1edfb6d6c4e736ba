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

function percent(c: number): string {
  return c > 0 && c < 0.01 ? 'under 1%' : `${Math.round(c * 100)}%`;
}

/** Region prompt, what the region amounts to, and "Submit region". */
export function RegionFooter(p: RegionFooterProps) {
  const promptId = useId();
  const statusId = useId();
  const empty = p.coverage === 0;
  const edit = p.mode === 'edit';
  const blocked = edit ? p.prompt.trim() === '' : empty;
  return (
    <div className="mask-editor__foot">
      <div className="mask-editor__prompt">
        <label htmlFor={promptId}>{edit ? 'Edit prompt' : 'Region prompt'}</label>
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
            ? 'Say what to change in Edit prompt first.'
            : edit && empty
              ? 'No region painted: the whole image will be edited.'
              : empty
                ? 'Paint the area to redraw first — the region is empty.'
                : `Region: ${percent(p.coverage)} of the image will be redrawn.`}
        </p>
        {p.coverage >= NEARLY_ALL && (
          <p className="mask-editor__warning" role="alert">
            The region covers almost the whole image ({percent(p.coverage)}): nearly everything will
            be redrawn.
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
          {edit ? 'Submit edit' : 'Submit region'}
        </button>
      </div>
    </div>
  );
}
