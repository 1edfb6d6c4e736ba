import { useLingui } from '@lingui/react/macro';
import type { LintIssue } from '../../prompt/lint';

const MARKS: Record<LintIssue['severity'], string> = { error: '✕ ', warning: '⚠ ', note: 'ℹ ' };

/** Props of {@link LintLine}. */
export interface LintLineProps {
  id: string;
  issues: LintIssue[];
  /** Runs an issue's fix: the tool of the kind the fix names (`translate`: Translate to English). */
  onFix?: (fix: NonNullable<LintIssue['fix']>) => void;
}

/**
 * Problems with the prompt, said before a credit is spent: errors (sure refusals) hold the paid
 * call back, warnings only warn, notes say how the studio read the prompt. An issue with a fix
 * offers it as a button.
 */
export function LintLine({ id, issues, onFix }: LintLineProps) {
  const { t } = useLingui();
  return (
    <ul id={id} className="lint" aria-live="polite" aria-label={t`Prompt check`}>
      {issues.map((issue, i) => (
        <li key={`${issue.param ?? ''}-${i}`} className={`lint-${issue.severity}`}>
          <span aria-hidden="true">{MARKS[issue.severity]}</span>
          {issue.message}
          {issue.fix === 'translate' && onFix && (
            <>
              {' '}
              <button type="button" className="chip" onClick={() => onFix('translate')}>
                {t`Translate now`}
              </button>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
