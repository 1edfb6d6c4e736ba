import type { LintIssue } from '../../prompt/lint';

const MARKS: Record<LintIssue['severity'], string> = { error: '✕ ', warning: '⚠ ', note: 'ℹ ' };

/** Props of {@link LintLine}. */
export interface LintLineProps {
  id: string;
  issues: LintIssue[];
}

/**
 * Problems with the prompt, said before a credit is spent: errors (sure refusals) hold the paid
 * call back, warnings only warn, notes say how the studio read the prompt.
 */
export function LintLine({ id, issues }: LintLineProps) {
  return (
    <ul id={id} className="lint" aria-live="polite" aria-label="Prompt check">
      {issues.map((issue, i) => (
        <li key={`${issue.param ?? ''}-${i}`} className={`lint-${issue.severity}`}>
          <span aria-hidden="true">{MARKS[issue.severity]}</span>
          {issue.message}
        </li>
      ))}
    </ul>
  );
}
