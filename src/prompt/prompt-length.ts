/**
 * The prompt's length against the limit the local engine shares (`MAX_PROMPT_CHARS`): counted
 * near it, so a long prompt is trimmed before it is refused, and held back over it, since the
 * engine answers 400 and Midjourney's own limit is the same figure.
 */
import { t } from '@lingui/core/macro';
import { MAX_PROMPT_CHARS } from '../api/prompt-syntax';
import { formatNumber } from '../i18n/format';

/** From this share of the limit on, the prompt check counts the characters and warns. */
const NEAR_LIMIT = 0.9;

/** A length issue, in the shape of the prompt check's `LintIssue` (which it joins). */
export interface LengthIssue {
  severity: 'error' | 'warning';
  message: string;
}

/** The length of a prompt against `MAX_PROMPT_CHARS`: counted near it, refused over it. */
export function lengthIssues(length: number): LengthIssue[] {
  const count = formatNumber(length);
  const limit = formatNumber(MAX_PROMPT_CHARS);
  if (length > MAX_PROMPT_CHARS) {
    const over = formatNumber(length - MAX_PROMPT_CHARS);
    return [
      {
        severity: 'error',
        message: t`The prompt is ${count} characters long; the limit is ${limit} — shorten it by ${over}.`,
      },
    ];
  }
  if (length < MAX_PROMPT_CHARS * NEAR_LIMIT) return [];
  const left = formatNumber(MAX_PROMPT_CHARS - length);
  return [
    {
      severity: 'warning',
      message: t`The prompt is ${count} of ${limit} characters — ${left} left.`,
    },
  ];
}
