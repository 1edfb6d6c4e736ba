/**
 * The prompt check for a prompt that may stand for several (`{a, b}`, `--repeat`): a malformed
 * brace, a repeat over the limit or too many jobs is a sure refusal said before anything is
 * spent; otherwise each prompt of the batch is checked as one, and an issue shared by several is
 * said once. A prompt with nothing to expand is checked exactly as before.
 */
import { t } from '@lingui/core/macro';
import { readDashes } from './dashes';
import { lintPrompt, type LintIssue, type LintOptions } from './lint';
import { MAX_BATCH_JOBS, expandPrompt, type ExpansionError } from './permutations';

/** `lintPrompt`, for a prompt that may expand to a batch. */
export function lintBatch(prompt: string, opts: LintOptions = {}): LintIssue[] {
  // The dash reading first, so `—repeat 2` counts as the repeat it will be sent as.
  const expansion = expandPrompt(readDashes(prompt).prompt);
  if (!expansion.ok) return [{ severity: 'error', message: expansionMessage(expansion.error) }];
  if (!expansion.expanded) return lintPrompt(prompt, opts);
  const seen = new Set<string>();
  const issues: LintIssue[] = [];
  for (const { prompt: one } of expansion.prompts) {
    for (const issue of lintPrompt(one, opts)) {
      const key = `${issue.severity}|${issue.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      issues.push(issue);
    }
  }
  const rank = (i: LintIssue) => (i.severity === 'error' ? 0 : i.severity === 'warning' ? 1 : 2);
  return issues.sort((a, b) => rank(a) - rank(b));
}

/** Why a prompt cannot be expanded, as what to change (in the active language). */
export function expansionMessage(error: ExpansionError): string {
  // Braces are passed in, not written in the message: they are ICU syntax in a catalog.
  const open = '{';
  const close = '}';
  const max = MAX_BATCH_JOBS;
  switch (error.code) {
    case 'unclosed-brace': {
      const at = error.at + 1;
      return t`The “${open}” at character ${at} is never closed — add a “${close}”, or write \\${open} for a literal brace.`;
    }
    case 'stray-brace': {
      const at = error.at + 1;
      return t`The “${close}” at character ${at} closes nothing — remove it, or write \\${close} for a literal brace.`;
    }
    case 'empty-braces': {
      const at = error.at + 1;
      return t`The braces at character ${at} hold no options — write options between them, like ${open}red, blue${close}, or remove them.`;
    }
    case 'repeat-value': {
      const value = error.value;
      return value
        ? t`--repeat needs a whole number from 1 to ${max}; “${value}” is not one.`
        : t`--repeat needs a whole number from 1 to ${max}, like --repeat 2.`;
    }
    case 'repeat-over': {
      const value = error.value;
      return t`--repeat ${value} is over ${max}: one prompt makes at most ${max} jobs — lower it.`;
    }
    case 'too-many-jobs': {
      const jobs = error.jobs;
      return t`This prompt makes ${jobs} jobs; one prompt makes at most ${max} — remove some options or lower --repeat.`;
    }
  }
}
