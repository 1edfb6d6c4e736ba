import type { LintIssue } from '../../prompt/lint';

/** Props of {@link LintLine}. */
export interface LintLineProps {
  id: string;
  issues: LintIssue[];
}

/** Problems with the prompt, said before a credit is spent; errors block, warnings only warn. */
export function LintLine({ id, issues }: LintLineProps) {
  return (
    <ul id={id} className="lint" aria-live="polite" aria-label="Prompt check">
      {issues.map((issue, i) => (
        <li key={`${issue.param ?? ''}-${i}`} className={`lint-${issue.severity}`}>
          <span aria-hidden="true">{issue.severity === 'error' ? '✕ ' : '⚠ '}</span>
          {issue.message}
        </li>
      ))}
    </ul>
  );
}
